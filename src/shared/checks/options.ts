/**
 * Thresholds every check uses, with their defaults and why (docs/checks.md lists them). A person
 * or a CLI config can override any of them.
 */
import { z } from 'zod';

export const checkOptionsSchema = z
  .object({
    /** Share of missing cells in a column: medium at or above, high at or above the second. */
    missingMedium: z.number().min(0).max(1).default(0.05),
    missingHigh: z.number().min(0).max(1).default(0.2),
    /** One value this share of the rows or more: near-constant. */
    nearConstant: z.number().min(0.5).max(1).default(0.95),
    /** Distinct values above which a category column is "high-cardinality" (and share of rows). */
    highCardinality: z.number().int().min(2).default(50),
    highCardinalityShare: z.number().min(0).max(1).default(0.5),
    /** Robust outliers: beyond this many IQRs outside the quartiles (Tukey's far-out fence is 3). */
    outlierIqr: z.number().positive().default(3),
    /** |skewness| at or above this is heavy skew. */
    skew: z.number().positive().default(2),
    /** Minority class share below this: imbalance (medium), below the second: high. */
    imbalanceMedium: z.number().min(0).max(0.5).default(0.2),
    imbalanceHigh: z.number().min(0).max(0.5).default(0.05),
    /** A single column whose own AUC for the outcome reaches this is a leakage suspect. */
    leakageAuc: z.number().min(0.5).max(1).default(0.95),
    /** For amounts: a single number column whose |Spearman| or |Pearson| with the outcome reaches this is a leakage suspect. */
    leakageCorrelation: z.number().min(0).max(1).default(0.98),
    /** |Pearson| or |Spearman| at or above this between two numeric columns. */
    correlation: z.number().min(0).max(1).default(0.9),
    /** Cramér's V at or above this between two category columns. */
    cramersV: z.number().min(0).max(1).default(0.9),
    /** Share of values matching a personal-data pattern for a column to be flagged. */
    piiShare: z.number().min(0).max(1).default(0.5),
    /** Smallest group size for a verdict (fairness, slices). */
    minGroupSize: z.number().int().min(1).default(30),
    /** Fewer rows than this of either outcome in a group: its rates get "not enough data to say". */
    fairnessMinClassCount: z.number().int().min(1).default(5),
    /** The group each sensitive column (or "a+b" intersection) is compared with; default: its largest group. */
    referenceGroups: z.record(z.string().max(2000), z.string().max(1000)).default({}),
    /**
     * Intersections of sensitive columns to examine (each 2 or 3 column names). Null: every
     * combination of two, and of three, of the sensitive columns.
     */
    intersections: z.array(z.array(z.string().max(1000)).min(2).max(3)).max(50).nullable().default(null),
    /** Each group's expected share of the data (e.g. census shares), per sensitive column, for representation. */
    representation: z.record(z.string().max(1000), z.record(z.string().max(1000), z.number().min(0).max(1))).default({}),
    /** False discovery rate for Benjamini–Hochberg over every slice (and group gap) examined. */
    fdr: z.number().min(0.001).max(0.5).default(0.05),
    /** Most conditions in one automatically found slice. */
    sliceMaxDepth: z.number().int().min(1).max(3).default(3),
    /** Quantile bins for numeric features in slice search. */
    sliceBins: z.number().int().min(2).max(20).default(5),
    /** Smallest slice worth reporting, as a share of the rows (and never under minGroupSize rows). */
    sliceMinShare: z.number().min(0).max(0.5).default(0.01),
    /** Slices the person defined, e.g. "age >= 60 & region = North". */
    customSlices: z.array(z.string().max(2000)).max(100).default([]),
    /** Confidence level of intervals. */
    confidenceLevel: z.number().min(0.5).max(0.999).default(0.95),
    /** Seed for every resampling, so a run is reproducible. */
    seed: z.number().int().default(20261127),
    bootstrapResamples: z.number().int().min(100).max(100_000).default(1000),
  })
  .strict();

export type CheckOptions = z.output<typeof checkOptionsSchema>;

export const DEFAULT_CHECK_OPTIONS: CheckOptions = checkOptionsSchema.parse({});
