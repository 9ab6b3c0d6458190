/**
 * The report's own words (English) for every export: section names and intros, labels, the summary
 * sentences. The same words the app's report screen shows (src/renderer/src/text/en-report.ts and
 * en-metrics.ts hold the renderer's copy; the renderer can import these instead, so there is one
 * source). The findings' words — headline, why, what to do, learn more — are NOT here: they come
 * from src/shared/text via textFor(finding).
 */
import type { FindingCategory, Severity } from '../findings/types';

const plural = (n: number, one: string, many: string): string => `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;

export const reportWordsEn = {
  eyebrow: (date: string) => `Check-up of ${date}`,
  heading: (name: string) => `What we found in ${name}`,
  summary: (issues: number, passed: number) =>
    `${issues === 0 ? 'Nothing needs' : plural(issues, 'thing needs', 'things need')} your attention, ${plural(passed, 'check', 'checks')} passed.`,
  notEnough: (n: number) => `${plural(n, 'check', 'checks')} could not say: there was not enough data.`,
  bySeverityLabel: 'Things to look at, by how serious they are',
  contentsLabel: 'Sections of the report',
  sectionCount: (n: number) => (n === 0 ? 'nothing to look at' : plural(n, 'finding', 'findings')),
  sections: {
    quality: 'Data quality',
    privacy: 'Privacy',
    performance: 'Model performance',
    calibration: 'Calibration',
    fairness: 'Fairness',
    slices: 'Weak spots',
    drift: 'Changes over time',
  } satisfies Record<FindingCategory, string>,
  sectionIntro: {
    quality: 'Problems in the data itself: gaps, repeats, odd values and columns that give the answer away.',
    privacy: 'Columns that hold personal data, which the law protects and which rarely help a check-up.',
    performance: 'How often the model is right, and how well its score separates the outcomes.',
    calibration: 'Whether the model’s scores can be read as chances.',
    fairness: 'Whether the model treats groups of people differently.',
    slices: 'Parts of the data where the model does worse.',
    drift: 'How the data changed between two files.',
  } satisfies Record<FindingCategory, string>,
  sectionClear: 'Nothing to look at here; what was checked is listed under “Checks that passed”.',
  severity: { critical: 'Critical', high: 'High', medium: 'Medium', low: 'Low', info: 'Note' } satisfies Record<Severity, string>,
  severityIcon: { critical: '‼', high: '▲', medium: '◆', low: '▽', info: 'i' } satisfies Record<Severity, string>,
  severityPrefix: 'Seriousness:',
  notEnoughBadge: 'Not enough data',
  notEnoughIcon: '?',
  why: 'Why it matters',
  action: 'What you can do',
  sure: 'How sure we are',
  sureExact: (rows: string) => `This is an exact count over ${rows} rows: no guesswork.`,
  sureEstimate: (rows: string) => `Based on ${rows} rows.`,
  sureInterval: (range: string, level: string) => `The true value is very likely (${level} confidence) within ${range}.`,
  sureNotEnough: (rows: string) => `There is not enough data to say (only ${rows} rows).`,
  columns: 'Columns',
  rows: (count: string) => `Rows (${count} in all)`,
  rowExamples: (list: string, more: boolean) => `${list}${more ? ', …' : ''}`,
  examples: 'Examples',
  more: (n: number) => `and ${n.toLocaleString('en-US')} more`,
  details: 'Exact figures and definition',
  figure: 'Figure',
  value: 'Value',
  definition: 'Definition',
  severityRule: 'How we rated it',
  yes: 'yes',
  no: 'no',
  noValue: 'none',
  passedHeading: 'Checks that passed',
  passedIntro: 'These were checked and found fine.',
  passedIcon: '✓',
  passedLabel: 'Passed',
  chartCaption: {
    reliability: 'Do the scores match what happened?',
    confusion: 'Right and wrong calls',
  },
  keyFigures: 'Key figures',
  keyFiguresIntro: (rows: string) => `Measured on ${rows} rows. The range after each figure is where the true value very likely (95%) lies.`,
  metricHeader: 'Measure',
  valueHeader: 'Value',
  rangeHeader: 'Likely range',
  noRange: '—',
  rocCaption: 'How well the score separates the outcomes (ROC curve)',
  prCaption: 'Precision and recall at every threshold',
  reliabilityCaption: 'Do the scores match what happened? (reliability diagram)',
};

/** Words only the exported documents use (the app shows these things differently). */
export const exportWordsEn = {
  documentTitle: (name: string) => `What we found in ${name} — Slicewise report`,
  atAGlance: 'At a glance',
  firstThings: 'What needs attention first',
  noFirstThings: 'Nothing needs your attention.',
  moreInDetails: (n: number) => `${plural(n, 'more thing', 'more things')} to look at in the details.`,
  bySeverity: (parts: string[]) => `By how serious they are: ${parts.join(', ')}.`,
  severityCount: (n: number, word: string) => `${n.toLocaleString('en-US')} ${word.toLowerCase()}`,
  inSection: (section: string) => `in ${section}`,
  dataFacts: (rows: string, columns: string) => `${rows} rows × ${columns} columns`,
  file: 'File',
  rowsAndColumns: 'Rows × columns',
  checkedOn: 'Checked on',
  details: 'The details',
  chartText: 'What the chart shows',
  chartTitleFallback: 'Chart',
  provenanceHeading: 'Where this report comes from',
  provenanceIntro: 'Enough to find the exact file and settings again: the file’s fingerprint changes if a single byte changes.',
  provenance: {
    fileName: 'File name',
    sha256: 'SHA-256 fingerprint',
    size: 'Size',
    modified: 'File last changed',
    rows: 'Rows',
    columns: 'Columns',
    runId: 'Check-up number',
    started: 'Check-up started',
    finished: 'Check-up finished',
    generated: 'Report made',
    app: 'Made with',
    schema: 'Report format version',
    roles: 'Roles used',
    options: 'Thresholds used',
  },
  roleNames: {
    target: 'Outcome',
    prediction: 'Prediction',
    score: 'Score',
    classScores: 'Score per class',
    positiveClass: 'Positive outcome',
    predictionPositive: 'Prediction meaning positive',
    task: 'Task',
    sensitive: 'Sensitive columns',
    ids: 'Ids',
    timestamps: 'Times',
    ignored: 'Left out of every check',
  } as Record<string, string>,
  none: '(none)',
  bytes: (n: number) => `${n.toLocaleString('en-US')} bytes`,
  appVersion: (version: string) => `Slicewise ${version}`,
  footer: (version: string, date: string) => `Made with Slicewise ${version} on ${date}, on this computer: no data left it.`,
  privacyHeading: 'Personal data in this report',
  noScript: 'Charts are drawn with JavaScript; without it, each chart’s content is given in words below it.',
  skipToDetails: 'Go to the details',
  utc: 'UTC',
};

export type ReportWords = typeof reportWordsEn;
export type ExportWords = typeof exportWordsEn;

/** A section's name, for a category this version knows, or the category itself (never a blank). */
export function sectionName(category: string): string {
  return (reportWordsEn.sections as Record<string, string>)[category] ?? category;
}

export function sectionIntro(category: string): string {
  return (reportWordsEn.sectionIntro as Record<string, string>)[category] ?? '';
}

/** Names of the model measures in the key figures: plain words first, the usual name after. */
export interface MetricWord {
  name: string;
  technical: string;
  /** 'share' shows as a percentage; 'number' as a plain number. */
  as: 'share' | 'number';
}

export const metricWordsEn: Record<string, MetricWord> = {
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

/** Words of the flagged-rows CSV: its columns and each row's reasons. */
export const flagWordsEn = {
  rowHeader: 'row',
  reasonsHeader: 'reasons',
  /** Added to the header of a column whose values are masked. */
  maskedSuffix: ' (masked)',
  /** When the dataset already has a column named like ours. */
  ownSuffix: ' (slicewise)',
  reason: (title: string, detail: string) => (detail ? `${title}: ${detail}` : title),
  repeatsRow: (row: string) => `repeats row ${row}`,
  sameId: (column: string, row: string) => `same “${column}” as row ${row}`,
  nearRow: 'matches an earlier row apart from capitals or spaces',
  below: (column: string, limit: string) => `“${column}” below ${limit}`,
  above: (column: string, limit: string) => `“${column}” above ${limit}`,
  before: (column: string, limit: string) => `“${column}” before ${limit}`,
  after: (column: string, limit: string) => `“${column}” after ${limit}`,
  conflicting: (target: string) => `same details as other rows, different “${target}”`,
  inGroup: (groups: string) => `in ${groups}`,
  partial: (title: string, listed: string, count: string) => `${title}: ${listed} of ${count} rows listed (the check keeps only its first examples).`,
  separator: '; ',
};
