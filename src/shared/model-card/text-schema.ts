/** What the person writes for the model card (kept small: the contract and the preload import it). */
import { z } from 'zod';

export const modelCardTextSchema = z
  .object({
    owner: z.string().max(500).default(''),
    intendedUse: z.string().max(5000).default(''),
    outOfScope: z.string().max(5000).default(''),
    dataDescription: z.string().max(5000).default(''),
    limitations: z.string().max(5000).default(''),
  })
  .strict();
export type ModelCardText = z.infer<typeof modelCardTextSchema>;
