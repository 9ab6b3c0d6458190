/**
 * The words the threshold explorer's logic returns (why a number is missing, what is wrong with a
 * typed cost or cut-off), in English, for a reader with no statistics. One object so a translation
 * has one file to swap; the screen's own words are in src/renderer/src/text/en-explore.ts.
 */
import { REASONS } from '../metrics/reasons';

export const exploreWordsEn = {
  // Why there is no threshold to move.
  noPerformance: 'No outcome column was chosen, so the model’s results were not checked and there is no threshold to move.',
  notYesNo: 'The threshold only applies to yes/no outcomes; this outcome has more than two values or is an amount.',
  noScore: 'There is no score column, so there is no threshold to move. Choose the model’s score (a number from 0 to 1) as a column role to use the slider.',
  badTable: 'The stored results have no usable table of cut-offs. Run the check-up again.',

  // Why a rate is missing at a cut-off (never shown as 0).
  noRows: REASONS.noRows,
  noActualPositives: REASONS.noActualPositives,
  noActualNegatives: REASONS.noActualNegatives,
  noPredictedPositives: REASONS.noPredictedPositives,
  noPositivesAnywhere: REASONS.noPositivesAnywhere,
  groupNoPositives: 'This group has no rows where the outcome really was positive, so this rate is 0 out of 0.',
  groupNoNegatives: 'This group has no rows where the outcome really was negative, so this rate is 0 out of 0.',
  groupNoRows: 'This group has no rows at this cut-off, so the rate is 0 out of 0.',
  groupLeftOut: 'Left out: too few rows to compare fairly.',
  noFairness: 'Groups were not compared in this check-up (no sensitive column was chosen, or the outcome is not yes/no).',
  noGroupThresholds: 'The groups’ rates at other cut-offs were not stored (the model has no score).',
  unknownKey: (key: string) => `There is no group comparison called “${key}” in these results.`,
  tooFewGroups: 'Fewer than two groups have this rate at this cut-off, so there is no gap to measure.',
  ratioNoneSelected: 'No group has any row chosen at this cut-off, so the ratio is 0 out of 0.',

  // A typed cut-off.
  thresholdEmpty: 'Type a cut-off between 0 and 1, such as 0.5.',
  thresholdNotNumber: (text: string) => `“${text}” is not a number. Type a cut-off between 0 and 1, such as 0.5.`,
  thresholdOutOfRange: 'The cut-off must be between 0 and 1 (or 0% and 100%).',

  // Typed costs.
  costEmpty: 'Type a cost (type 0 if this mistake costs you nothing).',
  costNotNumber: (text: string) => `“${text}” is not a number. Type a plain number such as 50, without words.`,
  costNegative: 'A cost cannot be negative. Type 0 or more.',
  costTooLarge: 'That number is too large to work with. Use a smaller unit (for example thousands).',
  costsAllZero: 'At least one of the two costs must be more than 0; with both at 0 every cut-off costs the same.',
};

export type ExploreWords = typeof exploreWordsEn;
