/** Names of the model measures in the report's key figures: plain words first, the usual name after. */
export interface MetricWord {
  name: string;
  technical: string;
  /** 'share' shows as a percentage; 'number' as a plain number. */
  as: 'share' | 'number';
}

export const metricWords: Record<string, MetricWord> = {
  accuracy: { name: 'Right calls', technical: 'accuracy', as: 'share' },
  balanced_accuracy: { name: 'Right calls, both outcomes weighed equally', technical: 'balanced accuracy', as: 'share' },
  precision: { name: 'Flagged rows that were right', technical: 'precision', as: 'share' },
  recall: { name: 'Positive rows the model caught', technical: 'recall', as: 'share' },
  specificity: { name: 'Negative rows the model let pass', technical: 'specificity', as: 'share' },
  fpr: { name: 'False alarms among negative rows', technical: 'false positive rate', as: 'share' },
  f1: { name: 'Balance of precision and recall', technical: 'F1', as: 'number' },
  mcc: { name: 'Agreement beyond chance', technical: 'MCC', as: 'number' },
  base_rate: { name: 'Rows that are positive', technical: 'base rate', as: 'share' },
  selection_rate: { name: 'Rows the model flagged', technical: 'selection rate', as: 'share' },
  roc_auc: { name: 'How well the score ranks (0.5 = chance, 1 = perfect)', technical: 'ROC AUC', as: 'number' },
  pr_auc: { name: 'Precision across all thresholds', technical: 'average precision', as: 'number' },
  log_loss: { name: 'Penalty for confident mistakes (lower is better)', technical: 'log loss', as: 'number' },
  brier: { name: 'Average squared gap between score and outcome (lower is better)', technical: 'Brier score', as: 'number' },
  macro_f1: { name: 'Balance of precision and recall, classes weighed equally', technical: 'macro F1', as: 'number' },
  weighted_f1: { name: 'Balance of precision and recall, weighed by class size', technical: 'weighted F1', as: 'number' },
  mae: { name: 'Average miss', technical: 'mean absolute error', as: 'number' },
  rmse: { name: 'Typical miss, large misses count more', technical: 'RMSE', as: 'number' },
  r2: { name: 'Share of the variation explained', technical: 'R²', as: 'number' },
  mape: { name: 'Average miss as a share of the true value', technical: 'MAPE', as: 'share' },
  median_absolute_error: { name: 'Middle miss', technical: 'median absolute error', as: 'number' },
  ece: { name: 'Average gap between score and what happened', technical: 'expected calibration error', as: 'share' },
  max_calibration_error: { name: 'Largest gap in any range of scores', technical: 'maximum calibration error', as: 'share' },
};
