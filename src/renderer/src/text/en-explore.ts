/**
 * Words for the Explore screen's threshold explorer, for a reader with no statistics. The reasons
 * and input messages the logic returns are in src/shared/explore/words-en.ts; chart words in
 * src/shared/charts/threshold.ts.
 */
import type { GroupMeasure, OverallMetricKey } from '../../../shared/explore/threshold-view';
import { metricWordsEn, type MetricWord } from '../../../shared/export/report-words-en';

const REPORT_KEY: Record<OverallMetricKey, string> = {
  accuracy: 'accuracy',
  precision: 'precision',
  recall: 'recall',
  falsePositiveRate: 'fpr',
  f1: 'f1',
  selectionRate: 'selection_rate',
};

/** The positive class in quotes, as the rest of the app writes it: “1”. */
const q = (label: string): string => `“${label}”`;

export const exploreWords = {
  heading: 'Move the cut-off',
  intro: (p: string) =>
    `The model gives every row a score. Rows scoring at or above the cut-off are predicted ${q(p)}. Move the cut-off to see, straight away, how many calls are right and wrong, overall and for each group.`,
  unavailableHeading: 'No cut-off to move',

  // The slider and the number box
  sliderLabel: 'Cut-off score',
  valueText: (t: string, share: string, p: string) => `${t}: ${share} of rows predicted ${q(p)}`,
  typeLabel: 'Or type a cut-off (0 to 1)',
  rounded: (t: string) => `Rounded to ${t}, the nearest cut-off we have figures for.`,
  resetDefault: 'Reset to 0.5',
  resetModel: (t: string) => `Back to the model’s own cut-off (${t})`,
  modelNote: {
    counts: (t: string) => `The model’s own decisions match a cut-off of ${t}: it has the same right and wrong calls.`,
    score: (t: string) => `The model’s decisions were made from its score at ${t}.`,
    unknown: 'The model’s own decisions do not match any cut-off exactly, so the slider starts at 0.5.',
  },
  summary: (t: string, chosen: string, total: string, share: string, p: string) => `At ${t}, ${chosen} of ${total} rows (${share}) are predicted ${q(p)}.`,

  // Right and wrong calls
  confusionHeading: 'Right and wrong calls',
  confusionCaption: (t: string) => `Rows by what really happened and what the model said, at cut-off ${t}`,
  reallyHeader: 'What really happened',
  said: (p: string) => `Model says ${q(p)}`,
  saidNot: (p: string) => `Model says not ${q(p)}`,
  really: (p: string) => `Really ${q(p)}`,
  reallyNot: (p: string) => `Really not ${q(p)}`,
  cell: {
    tp: 'right',
    tn: 'right',
    fp: (p: string) => `wrong: a false ${q(p)} (false positive)`,
    fn: (p: string) => `wrong: a missed ${q(p)} (false negative)`,
  },

  // Overall measures
  metricsHeading: 'Overall measures at this cut-off',
  metricsCaption: (t: string) => `How the model does on all rows at cut-off ${t}`,
  measureHeader: 'Measure',
  valueHeader: 'Value',
  metricsChartCaption: 'How the measures move with the cut-off',
  /** The same names the report's key figures use (one source), with how to show the value. */
  metric: (key: OverallMetricKey): MetricWord => metricWordsEn[REPORT_KEY[key]]!,
  metricShort: {
    accuracy: 'Right calls',
    precision: 'Flagged rows right',
    recall: 'Positives caught',
    falsePositiveRate: 'False alarms',
    f1: 'F1 balance',
    selectionRate: 'Rows flagged',
  } satisfies Record<OverallMetricKey, string>,
  undefinedValue: 'cannot be measured',

  // Groups
  groupsHeading: 'Each group at this cut-off',
  groupsIntro: 'The same cut-off applies to everyone. Compare how often each group is predicted positive, caught, and falsely flagged.',
  compareBy: 'Compare groups by',
  keyLabel: (columns: string[]) => columns.join(' × '),
  noGroups: 'Groups were not compared in this check-up: choose a sensitive column (such as sex or age) as a column role to see them here.',
  groupsCaption: (key: string, t: string) => `Each group of ${key} at cut-off ${t}`,
  groupHeader: 'Group',
  rowsHeader: 'Rows',
  groupMeasures: {
    selection_rate: (p: string) => `Predicted ${q(p)}`,
    tpr: (p: string) => `Real ${q(p)} caught (TPR)`,
    fpr: (p: string) => `False alarms among not ${q(p)} (FPR)`,
  } satisfies Record<GroupMeasure, (p: string) => string>,
  leftOut: 'Left out',
  leftOutNote: 'Greyed rows marked “Left out” have too few rows to compare fairly; they are not counted in the gaps below.',
  gapsHeading: 'Largest gaps between groups',
  gap: (measure: string, points: string, high: string, highValue: string, low: string, lowValue: string) =>
    `${measure}: ${points} points apart (${high} ${highValue}, ${low} ${lowValue}).`,
  noGap: (measure: string) => `${measure}: all groups the same.`,
  gapUnknown: (measure: string, reason: string) => `${measure}: ${reason}`,
  ratio: (value: string, low: string, high: string) =>
    `Lowest over highest share predicted positive: ${value} (${low} over ${high}). 1 means every group is chosen equally often; below 0.8 is a common warning sign (the “four-fifths rule”).`,
  ratioUnknown: (reason: string) => `Lowest over highest share predicted positive: ${reason}`,

  // Costs
  costHeading: 'What do the mistakes cost you?',
  costIntro: 'Optional. Put a number on each kind of mistake (money, hours, or any unit, the same for both) to find the cut-off where the mistakes cost least.',
  costFp: (p: string) => `What does a wrong ${q(p)} cost you?`,
  costFpHint: (p: string) => `The model says ${q(p)} but the truth is not ${q(p)}.`,
  costFn: (p: string) => `What does a missed ${q(p)} cost you?`,
  costFnHint: (p: string) => `The model says not ${q(p)} but the truth is ${q(p)}.`,
  costNow: (t: string, total: string, fp: string, fpCost: string, fn: string, fnCost: string) =>
    `At ${t} the mistakes cost ${total} in all: ${fp} wrong × ${fpCost} + ${fn} missed × ${fnCost}.`,
  cheapest: (t: string, total: string, saving: string) => `The cheapest cut-off is ${t}, costing ${total}: ${saving} less than now.`,
  cheapestTied: (n: number) => `(${n} cut-offs cost the same; this is the one nearest 0.5.)`,
  atCheapest: 'This is the cheapest cut-off.',
  jump: (t: string) => `Move the cut-off to ${t}`,
  costChartCaption: 'Total cost of the mistakes at each cut-off',
  costCaveat: 'The cheapest cut-off is for these rows; new rows may differ a little. Other things matter too, such as treating groups alike.',

  tableLabels: {
    confusion: 'Right and wrong calls',
    metrics: 'Overall measures',
    groups: 'Each group’s rates',
  },
};
