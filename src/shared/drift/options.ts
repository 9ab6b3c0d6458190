/**
 * Thresholds for comparing two datasets, with their defaults and why. Like the check options
 * (src/shared/checks/options.ts) a person or a CLI config can override any of them; parse with
 * `driftOptionsSchema` at the boundary.
 */
import { z } from 'zod';

export const driftOptionsSchema = z
  .object({
    /**
     * PSI at or above: a moderate / a major change. The usual credit-scoring rule of thumb
     * (< 0.1 stable, 0.1–0.25 some change, ≥ 0.25 major shift), used for numbers (10 bins at the
     * reference's deciles), categories (one bin per category) and the missing-value share.
     */
    psiModerate: z.number().positive().default(0.1),
    psiMajor: z.number().positive().default(0.25),
    /** Bins for numeric PSI (at the reference's quantiles). */
    psiBins: z.number().int().min(2).max(100).default(10),
    /** Smallest share a bin can have in the PSI formula (so an empty bin never divides by zero). */
    psiFloor: z.number().positive().max(0.01).default(0.0001),
    /** A change is "statistically detectable" when its test's p-value is below this. */
    alpha: z.number().min(0.0001).max(0.5).default(0.05),
    /** The dataset as a whole has drifted when at least this share of the compared columns drifted. */
    datasetShare: z.number().min(0).max(1).default(0.3),
    /** Fewer values than this on either side: "not enough data to say" (the numbers are still shown). */
    minRows: z.number().int().min(1).default(30),
    /** Equal-width bins of the overlaid histogram of a numeric column. */
    histogramBins: z.number().int().min(2).max(200).default(20),
    /** Categories listed in a categorical column's overlaid chart (the rest are summed). */
    histogramCategories: z.number().int().min(2).max(200).default(20),
    /** New / vanished categories listed per column (the count of all of them is always given). */
    listCategories: z.number().int().min(1).max(1000).default(50),
    /** Confidence level of every interval. */
    confidenceLevel: z.number().min(0.5).max(0.999).default(0.95),
    /**
     * A drop in accuracy (or ROC AUC) at least this large whose interval excludes no change:
     * medium / high. 2 and 5 points: smaller drops are within what a retrain or a new month
     * usually moves.
     */
    performanceDropMedium: z.number().min(0).max(1).default(0.02),
    performanceDropHigh: z.number().min(0).max(1).default(0.05),
    /** Smallest group (on each side) whose performance change is reported. */
    minGroupSize: z.number().int().min(1).default(30),
    /** Estimated performance: the reference's ECE at or above this means the scores need recalibrating. */
    eceLimit: z.number().min(0).max(1).default(0.05),
    /** 'auto': recalibrate on the reference (isotonic) when the raw scores fail the calibration check (estimate-performance.ts); 'always'; 'never': just warn. */
    recalibrate: z.enum(['auto', 'always', 'never']).default('auto'),
    /** Weak slices of the current batch followed back to the reference: search depth (0: none), how many. */
    sliceMaxDepth: z.number().int().min(0).max(3).default(2),
    sliceCount: z.number().int().min(1).max(50).default(10),
    /** False-discovery rate for calling a group or a slice worse (Benjamini–Hochberg over all of them). */
    fdr: z.number().min(0.001).max(0.5).default(0.05),
    /** Fewest reference rows with labels and scores for an estimate of performance without labels. */
    minReferenceRows: z.number().int().min(10).default(100),
  })
  .strict();

export type DriftOptions = z.output<typeof driftOptionsSchema>;

export const DEFAULT_DRIFT_OPTIONS: DriftOptions = driftOptionsSchema.parse({});

/** Options with defaults filled in (no validation: callers at a boundary use the schema). */
export function driftOptions(partial: Partial<DriftOptions> = {}): DriftOptions {
  return { ...DEFAULT_DRIFT_OPTIONS, ...partial };
}
