/** The words charts show (axis names, series names, tooltips), in English, for a reader with no statistics. */
import { formatCount, formatShare } from '../text/format';

export const chartWordsEn = {
  shareOfValues: 'Share of values',
  numberOfRows: 'Number of rows',
  rows: (n: number) => `${formatCount(n)} ${n === 1 ? 'row' : 'rows'}`,
  highlighted: 'highlighted',
  highlightedNote: 'Highlighted bars are hatched and marked with ▲.',
  barChart: (title: string) => `Bar chart: ${title}.`,
  histogram: (title: string) => `Histogram: ${title}.`,
  binRange: (from: string, to: string) => `${from} to ${to}`,
  markerAt: (label: string, value: string) => `${label} at ${value}`,
  markersOutside: (list: string) => `Not drawn because outside the values: ${list}.`,
  values: 'Value',
  reliabilityTitle: 'Do the scores match what happened?',
  scoreRange: 'What the score said',
  happened: 'How often it happened',
  ifRight: 'If the scores were right',
  reliabilityBin: (range: string, rows: string, said: string, happened: string) =>
    `Scores ${range} (${rows}): said ${said} on average, happened ${happened} of the time`,
  emptyBin: (range: string) => `Scores ${range}: no rows`,
  noRows: 'no rows',
  reliabilityAria: (bins: string) => `Reliability chart. For each range of scores, how often the outcome really happened: ${bins}.`,
  confusionAria: (cells: string) => `Table of right and wrong calls: ${cells}.`,
  predicted: 'What the model said',
  actual: 'What really happened',
  right: 'right',
  wrong: 'wrong',
  confusionCell: (actual: string, predicted: string, count: string, share: string, verdict: string) =>
    `Really ${actual}, model said ${predicted}: ${count} (${share}), ${verdict}`,
  chance: 'Chance (a coin toss)',
  modelCurve: 'The model’s score',
  curveAria: (title: string, x: string, y: string, points: number) => `Line chart: ${title}. ${x} across, ${y} up, ${points} points.`,
  rocTitle: 'How well the score separates the outcomes',
  rocX: (negative: string) => `False alarms: share of “${negative}” rows flagged`,
  rocY: (positive: string) => `Share of “${positive}” rows caught`,
  prTitle: 'Precision and recall at every threshold',
  prX: (positive: string) => `Share of “${positive}” rows caught`,
  prY: 'Share of flagged rows that are right',
  share: formatShare,
  notEnoughData: 'not enough data to say',
  shareOfRows: 'Share of rows',
  interval: '95% interval',
  intervalRange: (lower: string, upper: string) => `likely between ${lower} and ${upper}`,
  intervalsChart: (title: string) => `Chart of values with their likely ranges: ${title}.`,
};

export type ChartWords = typeof chartWordsEn;
