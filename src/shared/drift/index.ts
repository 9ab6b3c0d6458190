/** Public surface of the drift engine: pure functions over tables and typed arrays (no I/O, no globals). */
export { compareDatasets, compareColumnPair } from './compare-datasets';
export type { DatasetDrift, DriftRoles } from './compare-datasets';
export { compareNumeric, compareCategorical, numericSide, labelCounts, alignCategories, gradeEffect } from './column-drift';
export { ks2samp, ks2sampSorted, wasserstein1, wasserstein1Sorted, chi2Homogeneity, jensenShannonDistance, walkSorted } from './tests';
export type { KsResult, Chi2Result, SortedWalk } from './tests';
export { psiNumeric, psiNumericSorted, psiCategorical, psiFromCounts, psiTerm, quantileEdges, PSI_FLOOR, PSI_BINS } from './psi';
export type { PsiBin, PsiResult } from './psi';
export { performanceChange, newcombeDifference, aucWithVariance } from './performance-change';
export { estimatePerformance, expectedAccuracy, expectedRocAuc } from './estimate-performance';
export type { EstimatedPerformance, EstimatedValue, EstimateOptions, LabelledScores, UnlabelledScores } from './estimate-performance';
export { fitIsotonic, predictIsotonic, applyIsotonic } from './isotonic';
export type { IsotonicFit } from './isotonic';
export { driftFindings, DRIFT_CHECKS } from './findings';
export type { DriftCheck } from './findings';
export { driftTexts, DRIFT_EXPLANATIONS, DRIFT_DETECTABLE_VS_LARGE } from './texts-en';
export { driftOptionsSchema, DEFAULT_DRIFT_OPTIONS, driftOptions } from './options';
export type { DriftOptions } from './options';
export type * from './types';
