/** Public surface of the metric kernels: pure functions over typed arrays (no I/O, no globals). */
export * from './types';
export { REASONS } from './reasons';
export { wilsonInterval, percentileBootstrap, DEFAULT_LEVEL, DEFAULT_RESAMPLES, DEFAULT_SEED } from './intervals';
export type { BootstrapOptions, BootstrapResult } from './intervals';
export { normalQuantile } from './normal';
export { quantileOfSorted, medianOfSorted } from './quantile';
export { mulberry32, mulberry32Next } from './random';
export { completeRows, nanMask, takeRows } from './missing-rows';
export type { CompleteRows } from './missing-rows';
export { rankScores, weightedRanking, sortScoresByClass, rankSortedScores, mergeSortedScores } from './score-ranking';
export type { ScoreRanking, ScoresByClass } from './score-ranking';
export {
  binaryMetrics,
  confusionCounts,
  metricsFromCounts,
  proportion,
  f1FromCounts,
  mccFromCounts,
  balancedAccuracyFromCounts,
  f1Interval,
} from './binary';
export type { BinaryMetrics, BinaryMetricsOptions, ConfusionCounts } from './binary';
export { rocCurve, rocAuc, prCurve, averagePrecision, rankingMetricInterval, withInterval } from './ranking';
export type { RocCurve, PrecisionRecallCurve } from './ranking';
export { logLoss, brierScore, LOG_LOSS_EPS } from './probabilistic';
export { thresholdTable, evenThresholds, distinctScoreThresholds } from './thresholds';
export type { ThresholdRow, ThresholdTable } from './thresholds';
export { multiclassMetrics, multiclassConfusionMatrix, multiclassLogLoss, oneVsRestRocAuc } from './multiclass';
export type { MulticlassMetrics, ClassMetrics, AveragedMetrics, MulticlassLogLoss, OneVsRestAuc } from './multiclass';
export { regressionMetrics, r2Score, meanAbsolutePercentageError, residualsByPredictionDecile } from './regression';
export type { RegressionMetrics, RegressionOptions, ResidualBin } from './regression';
export { calibration, topLabelConfidence } from './calibration';
export type { Calibration, CalibrationBin, CalibrationOptions } from './calibration';
export { rightClosedBinIndex, equalWidthEdges } from './bins';
