/** Which two models to compare: a request's input, kept apart from the comparison code so the renderer's bundle does not carry it. */
import { z } from 'zod';

const columnName = z.string().min(1).max(500);

/** The columns holding each model's decision (and, optionally, its score). */
export const modelChoiceSchema = z
  .object({ a: columnName, b: columnName, scoreA: columnName.nullable().optional(), scoreB: columnName.nullable().optional() })
  .strict();
export type ModelChoice = z.infer<typeof modelChoiceSchema>;
