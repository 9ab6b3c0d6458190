import { z } from 'zod';

/** Choices a person can make when importing (again): each overrides what was detected. */
export const importChoicesSchema = z
  .object({
    missingTokens: z.array(z.string().max(100)).max(100).optional(),
    delimiter: z.enum([',', ';', '\t', '|']).optional(),
    encoding: z.enum(['utf-8', 'utf-16le', 'utf-16be', 'windows-1252']).optional(),
    /** What to do with lines whose number of values differs from the header's. */
    raggedRows: z.enum(['error', 'skip', 'keep']).optional(),
    /** Excel: which sheet, and which row holds the column names (1-based). */
    sheet: z.string().max(200).optional(),
    headerRow: z.number().int().min(1).max(10_000).optional(),
  })
  .strict();
export type ImportChoices = z.infer<typeof importChoicesSchema>;
