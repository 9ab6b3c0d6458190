/**
 * Plain-language reasons attached to undefined metric values (`value: null`). They live in one
 * place so the report and the app show the same words, and a translation has one file to swap.
 */
export const REASONS = {
  noRows: 'There are no rows to measure.',
  noActualPositives: 'There are no actual positives, so this rate is 0 out of 0.',
  noActualNegatives: 'There are no actual negatives, so this rate is 0 out of 0.',
  noPredictedPositives: 'The model predicted no positives, so precision is 0 out of 0.',
  noPositivesAnywhere: 'There are no actual or predicted positives, so F1 is 0 out of 0.',
  singleClass: 'Only one outcome appears in the true values; this measure needs both outcomes.',
  mccUndefined:
    'The true values or the predictions contain only one outcome, so the correlation (MCC) is 0 out of 0.',
  scoresNotProbabilities: 'Some scores are outside 0 to 1, so they cannot be read as probabilities.',
  // Wording fixed by the product rule in issue 4 ("MAPE (undefined where the truth is 0 — say so)").
  mapeZeroTruth: 'undefined where the true value is 0',
  constantTruth: 'All true values are the same, so R² (which compares errors with their spread) is undefined.',
  tooFewRowsForR2: 'R² needs at least two rows.',
  classAbsent: 'At least one class never occurs in the true values, so its one-vs-rest AUC is undefined.',
  classEverywhere: 'Every row belongs to this class, so its one-vs-rest AUC is undefined.',
  noClassDefined: 'The measure is undefined for every class.',
  rowsNotSummingToOne:
    'The per-class scores do not add up to 1 on every row, so they are not probabilities over the classes.',
  undefinedInEveryResample: 'The measure was undefined in every bootstrap resample.',
  emptyBin: 'No scores fall in this bin.',
  noScoresInRange: 'No scores between 0 and 1 to bin.',
} as const;
