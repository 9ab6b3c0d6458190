/**
 * Words for adding a model's predictions from a second file (the drop zone on the dataset screen
 * and the join check screen), part of `en` (text/en.ts).
 */
const count = (n: number): string => n.toLocaleString('en-US');
const rows = (n: number): string => `${count(n)} ${n === 1 ? 'row' : 'rows'}`;

export const joinWords = {
  dropTitle: 'Add the model’s predictions from another file',
  dropHint: 'Keep the model’s scores or decisions in a separate file? Drop it here, or choose it. Slicewise checks how the rows match before anything is added.',
  dropNow: 'Release to check this predictions file',
  fileInputLabel: 'Predictions file (CSV, Excel, JSON, Parquet or Arrow)',

  eyebrow: 'Add predictions',
  heading: (file: string) => `Check the match with ${file}`,
  intro: (file: string, dataset: string) =>
    `Before adding anything, Slicewise matched the rows of ${file} with the rows of ${dataset}. Nothing is saved until you choose “Add these columns”.`,
  back: (dataset: string) => `Back to ${dataset}`,
  checking: (file: string) => `Reading ${file} and matching the rows…`,
  saving: 'Adding the columns…',
  progressLabel: 'Matching progress',

  keyHeading: 'How the rows are matched',
  keySame: (column: string) => `Matching rows by ${column} in both files`,
  keyDifferent: (left: string, right: string) => `Matching rows by ${left} in the dataset and ${right} in the predictions file`,
  matchedLine: (matched: number, total: number) => `${count(matched)} of ${rows(total)} found their prediction`,
  matchedShare: (pct: string) => `${pct} of the dataset`,
  matchedLabel: 'Rows that found their prediction',

  changeKeyHeading: 'Matched by the wrong column?',
  changeKeyIntro: (right: string) =>
    `Choose the column of the dataset that holds the same values as ${right} in the predictions file, then check again.`,
  leftKeyLabel: (dataset: string) => `Column of ${dataset}`,
  rightKeyLabel: (file: string) => `Column of ${file}`,
  recheck: 'Check again',

  problemsHeading: 'What did not match',
  allMatched: 'Every row of the dataset found exactly one prediction, and every prediction was used.',
  unmatchedLeft: (n: number, dataset: string) =>
    `${rows(n)} of ${dataset} ${n === 1 ? 'has' : 'have'} no prediction. ${n === 1 ? 'It stays' : 'They stay'} in the table, with the new columns left empty.`,
  unmatchedRight: (n: number, file: string) =>
    `${count(n)} ${n === 1 ? 'prediction' : 'predictions'} in ${file} ${n === 1 ? 'belongs' : 'belong'} to no row of the dataset and will be left out.`,
  duplicateRight: (n: number, file: string) =>
    `${rows(n)} of ${file} repeat${n === 1 ? 's' : ''} a value that an earlier row already has. The first of each was used.`,
  duplicateLeft: (n: number, dataset: string) =>
    `${rows(n)} of ${dataset} repeat${n === 1 ? 's' : ''} a value of the matching column, so ${n === 1 ? 'it gets' : 'they get'} the same prediction as an earlier row.`,
  examplesLabel: 'For example:',
  missingKey: '(empty)',

  addedHeading: 'Columns that will be added',
  addedIntro: 'The new table has every column of the dataset, in the same order, followed by these:',
  renamed: (from: string) => `renamed: the dataset already has a column called ${from}`,
  newTableNote: (dataset: string) => `Adding makes a new table in this project. ${dataset} stays as it is.`,

  noMatchHeading: 'No row found its prediction',
  noMatchBody: (left: string, right: string) =>
    `Not one value of ${left} in the dataset appears in ${right} of the predictions file, so there is nothing to add. Check that both files come from the same data, or choose another column below.`,

  failedTitle: 'The predictions could not be matched',
  failedIntro: (file: string) => `Slicewise read ${file} but stopped here:`,
  failedHint: 'Nothing was added. You can cancel and try another file.',
  accept: 'Add these columns',
  cancel: 'Cancel',
  cancelled: 'No predictions were added. Nothing was saved.',
  accepted: (original: string) => `A new table with the predictions was made. The original, ${original}, is kept as it was.`,
  cancelledJob: 'The check was cancelled.',
};
