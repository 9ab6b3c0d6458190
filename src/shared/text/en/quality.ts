/**
 * Plain-language texts for the data-quality findings (src/shared/checks/quality/), keyed by check
 * id. Headlines carry the finding's real numbers; jargon and exact definitions live in learnMore.
 */
import type { Finding } from '../../findings/types';
import { formatColumnNumber, formatCount, formatList, formatNumber, formatShare, looksLikeYearColumn, plural } from '../format';
import type { FindingText, FindingTexts } from '../types';

const num = (f: Finding, key: string): number => {
  const v = f.numbers[key];
  return typeof v === 'number' ? v : 0;
};
const str = (f: Finding, key: string): string => {
  const v = f.numbers[key];
  return v === null || v === undefined ? '' : String(v);
};
const col = (f: Finding, i = 0): string => `"${f.columns[i] ?? ''}"`;
const passed = (f: Finding): boolean => f.status === 'passed';
const rowsOf = (f: Finding): string => plural(num(f, 'rows'), 'row');

const missingValues: FindingText = {
  title: 'Missing values',
  headline: (f) =>
    passed(f) ? `Every cell in all ${plural(num(f, 'columns'), 'column')} has a value.` : `${formatCount(num(f, 'missing'))} of ${rowsOf(f)} (${formatShare(num(f, 'share'))}) have no value in ${col(f)}.`,
  why: (f) =>
    passed(f)
      ? 'Nothing is missing, so every analysis can use every row.'
      : 'Rows with a missing value are left out of analyses that need it. If values are missing more often for some kinds of people or cases, results can be skewed without anyone noticing.',
  action: (f) =>
    passed(f)
      ? 'Nothing to do.'
      : `Find out why ${col(f)} is empty in these rows. Fill it in from the source if you can; otherwise keep in mind that results on this column describe only the rows that have it.`,
  learnMore:
    'Missing share = cells with no usable value (empty, a missing-value token such as "NA", or text that could not be read as a number or date) ÷ rows. Severity: 20% or more → high, 5% or more → medium (thresholds missingHigh and missingMedium), anything less → low. Columns where every cell is missing are reported as empty columns instead.',
};

const missingRows: FindingText = {
  title: 'Mostly empty rows',
  headline: (f) =>
    passed(f) ? `No row is missing half or more of its ${formatCount(num(f, 'columns'))} values.` : `${plural(num(f, 'count'), 'row')} (${formatShare(num(f, 'share'))}) are missing at least half of their values.`,
  why: (f) => (passed(f) ? 'Rows are complete enough to use.' : 'Rows that are mostly empty add little information and are often leftovers: blank lines, notes or rows that were never filled in.'),
  action: (f) => (passed(f) ? 'Nothing to do.' : 'Look at a few of the example rows. If they are not real records, remove them before analysing.'),
  learnMore: 'A row counts when its missing cells ≥ half the number of checked columns. Severity by the share of such rows: 20% or more → high, 5% or more → medium, otherwise low.',
};

const missingTokens: FindingText = {
  title: 'Missing values written in different ways',
  headline: (f) =>
    passed(f) ? 'Each column writes "no value" in one way only.' : `${col(f)} writes "no value" ${plural(num(f, 'ways'), 'way')}: ${str(f, 'variants')}.`,
  why: (f) =>
    passed(f)
      ? 'Missing values are recognised consistently.'
      : num(f, 'hidden') > 0
        ? 'Some of these words are not recognised as "no value": they are counted as real answers, or as unreadable cells, which distorts counts and averages.'
        : 'All of them are read as missing, but several spellings usually mean the data came from different sources or people, which is worth knowing.',
  action: (f) =>
    passed(f) ? 'Nothing to do.' : 'Add the extra words to the list of missing-value markers when importing, or replace them with one marker in the source.',
  learnMore:
    'Listed tokens are the import\'s missing-value list (e.g. empty cells, NA, N/A, null) with how often each appears. Likely markers are values such as "n/a", "unknown", "-", "none", "missing" or "#N/A" (compared trimmed and in lower case) that are not on the list. A column is reported when it uses two or more ways, or any likely marker (medium); several listed tokens only → low.',
};

const duplicateRows: FindingText = {
  title: 'Duplicate rows',
  headline: (f) =>
    passed(f)
      ? `No duplicate rows among ${rowsOf(f)}.`
      : `${plural(num(f, 'duplicates'), 'row')} (${formatShare(num(f, 'share'))}) repeat an earlier row exactly, e.g. row ${str(f, 'firstExample')} repeats row ${str(f, 'firstExampleOf')}.`,
  why: (f) => (passed(f) ? 'Each record is counted once.' : 'Repeated rows count the same case twice, which inflates totals and makes results look more certain than they are.'),
  action: (f) => (passed(f) ? 'Nothing to do.' : 'Check whether the repeats are real separate events. If not, remove them (keep the first) and find the step that copied them.'),
  learnMore:
    'A duplicate is a row whose every checked column equals an earlier row (missing equals missing). The count leaves out the first of each set, so removing the duplicates keeps every distinct row once. Severity: 10% or more of rows → high, 1% or more → medium, otherwise low.',
};

const duplicateIds: FindingText = {
  title: 'Repeated ids',
  headline: (f) =>
    passed(f)
      ? 'Every id appears only once.'
      : `${plural(num(f, 'repeated'), 'row')} reuse an id already in ${col(f)}; ${formatCount(num(f, 'differentRecords'))} of them ${num(f, 'differentRecords') === 1 ? 'belongs' : 'belong'} to a different record.`,
  why: (f) =>
    passed(f)
      ? 'Each id points at one record.'
      : 'An id should point at exactly one record. When two different records share an id, joins with other tables and per-person counts go wrong.',
  action: (f) => (passed(f) ? 'Nothing to do.' : `Look at the rows sharing an id (examples: ${formatList((f.examples ?? []).slice(0, 3))}) and decide which is right, or give each record its own id.`),
  learnMore:
    'For each column marked as an id: rows whose (present) id equals the id of an earlier row. Those whose whole row also differs from that earlier row are "different records". Severity: any different records → medium; all repeats are exact duplicate rows → low.',
};

const nearDuplicates: FindingText = {
  title: 'Nearly duplicate rows',
  headline: (f) =>
    passed(f)
      ? 'No rows differ only in capitals or spaces.'
      : `${plural(num(f, 'nearDuplicates'), 'row')} match an earlier row except for capitals or spaces, e.g. row ${str(f, 'firstExample')} and row ${str(f, 'firstExampleOf')}.`,
  why: (f) => (passed(f) ? 'No hidden repeats.' : 'These are probably the same record entered twice with small typing differences, so they are counted twice.'),
  action: (f) => (passed(f) ? 'Nothing to do.' : 'Compare the example rows; if they are the same case, keep one.'),
  learnMore:
    'Rows equal to an earlier row once every text value is trimmed of surrounding spaces and put in lower case, but not exactly equal to any earlier row. Numbers and dates are compared as they are. Severity as for duplicate rows.',
};

const emptyColumns: FindingText = {
  title: 'Empty columns',
  headline: (f) => (passed(f) ? 'No column is completely empty.' : `${col(f)} has no values at all in ${rowsOf(f)}.`),
  why: (f) => (passed(f) ? 'Every column holds some data.' : 'An empty column tells nothing. It may also mean the export or the import lost data that should be there.'),
  action: (f) => (passed(f) ? 'Nothing to do.' : 'Check the source file. If the column is meant to be empty, remove it.'),
  learnMore: 'Every cell of the column is missing (empty or a missing-value token). Severity: medium.',
};

const constantColumns: FindingText = {
  title: 'Columns with (almost) one value',
  headline: (f) =>
    passed(f)
      ? 'No column holds the same value almost everywhere.'
      : num(f, 'others') === 0
        ? `${col(f)} is "${str(f, 'value')}" in every filled cell.`
        : `${col(f)} is "${str(f, 'value')}" in ${formatShare(num(f, 'share'))} of filled cells; only ${plural(num(f, 'others'), 'cell')} differ.`,
  why: (f) =>
    passed(f)
      ? 'Every column varies.'
      : 'A column that hardly changes cannot tell cases apart, so it adds nothing to an analysis or a model, and a few odd values in it may be mistakes.',
  action: (f) => (passed(f) ? 'Nothing to do.' : 'Leave it out of the analysis, or check whether the few different values are real.'),
  learnMore:
    'Share of the most common value among filled cells (missing cells left out). One value everywhere → constant (medium); 95% or more (threshold nearConstant) → near-constant (low). The outcome column is left to the class-balance check. For number columns the most common value is found by a majority vote, so a threshold of exactly 50% needs more than half.',
};

const mixedTypes: FindingText = {
  title: 'Text in a number or date column',
  headline: (f) =>
    passed(f)
      ? 'Every number and date column holds only numbers or dates.'
      : `${plural(num(f, 'unreadable'), 'cell')} in ${col(f)} (${formatShare(num(f, 'share'))}) are not ${str(f, 'expected')}, e.g. "${str(f, 'firstValue')}" on line ${str(f, 'firstLine')}.`,
  why: (f) => (passed(f) ? 'Values can be read as they are.' : 'Cells that cannot be read are treated as missing, so information in them is lost and counts may be off.'),
  action: (f) => (passed(f) ? 'Nothing to do.' : 'Correct these cells in the source, or, if they mean "no value", add them to the missing-value markers.'),
  learnMore:
    'Cells of a column detected as numbers (or dates) that could not be read as one; their share is taken of the cells that are not missing-value tokens. Severity: 1% or more → medium, otherwise low. Line numbers are lines of the source file (line 1 is the header).',
};

const numbersAsText: FindingText = {
  title: 'Numbers stored as text',
  headline: (f) =>
    passed(f) ? 'No text column is mostly numbers.' : `${formatShare(num(f, 'share'))} of ${col(f)} are numbers, but ${plural(num(f, 'textCells'), 'cell')} of text (like "${str(f, 'firstText')}") make it text.`,
  why: (f) => (passed(f) ? 'Columns have the type their values suggest.' : 'As text, this column cannot be averaged, compared or checked for unusual values; it is only treated as labels.'),
  action: (f) => (passed(f) ? 'Nothing to do.' : 'Fix or remove the text values (or mark them as missing) so the column can be read as numbers.'),
  learnMore:
    'A text column (not an id, not yes/no) where 50% or more of the filled cells are plain numbers (digits with an optional sign, decimal point, exponent, or thousands commas). Severity: 90% or more → medium, otherwise low.',
};

const highCardinality: FindingText = {
  title: 'Columns with very many different values',
  headline: (f) =>
    passed(f)
      ? `No text column has more than ${formatCount(num(f, 'limit'))} different values.`
      : f.numbers.idLike === true
        ? `${col(f)} has ${formatCount(num(f, 'distinct'))} different values in ${formatCount(num(f, 'present'))} rows: it looks like an identifier.`
        : `${col(f)} has ${formatCount(num(f, 'distinct'))} different values, too many to compare as groups.`,
  why: (f) =>
    passed(f)
      ? 'Columns can be used as groups.'
      : f.numbers.idLike === true
        ? 'A value that belongs to (almost) one row points at a single record, and may identify a person. It cannot be used as a group, and a model can memorise it instead of learning.'
        : 'Groups with only a few rows each give unreliable results, so this column cannot be used to compare groups as it is.',
  action: (f) =>
    passed(f)
      ? 'Nothing to do.'
      : f.numbers.idLike === true
        ? 'If it is an identifier, mark it as one so it is left out of comparisons; if it is personal, consider removing or masking it.'
        : 'Group rare values together (e.g. "other") or use a coarser version of the column.',
  learnMore:
    'Distinct = number of different filled values. More than 50 distinct values (threshold highCardinality) → high-cardinality (info). If in addition distinct ÷ filled cells ≥ 50% (highCardinalityShare), or the column is whole numbers named like an id with every value different → id-like (low). Columns marked as ids, the outcome, prediction and score are not checked.',
};

const inconsistentSpellings: FindingText = {
  title: 'One value, several spellings',
  headline: (f) =>
    passed(f)
      ? 'No values differ only in capitals, accents, punctuation or spaces.'
      : `${col(f)} writes ${num(f, 'groups') === 1 ? 'a value' : `${formatCount(num(f, 'groups'))} values`} in more than one way (e.g. ${str(f, 'firstGroup')}), affecting ${plural(num(f, 'affected'), 'row')}.`,
  why: (f) => (passed(f) ? 'Each value is written one way.' : 'Each spelling is counted as a separate group, so totals per group are split and comparisons are wrong.'),
  action: (f) => (passed(f) ? 'Nothing to do.' : 'Pick one spelling for each value and replace the others, in the source or before analysing.'),
  learnMore:
    'Values are compared after removing accents, capitals, punctuation (except a decimal point between digits) and extra spaces; values that become equal are variants of one value. Only what this proves is reported: "N." and "North" stay different. Affected rows hold a variant other than the most common one. Severity: 1% or more of filled cells → medium, otherwise low.',
};

const surroundingSpaces: FindingText = {
  title: 'Spaces around values',
  headline: (f) =>
    passed(f) ? 'No text values start or end with spaces.' : `${plural(num(f, 'cells'), 'cell')} in ${col(f)} have spaces before or after the value, like "${str(f, 'firstValue')}".`,
  why: (f) => (passed(f) ? 'Values are clean.' : 'A value with an extra space looks the same but is not equal to the value without it, so it forms a group of its own.'),
  action: (f) => (passed(f) ? 'Nothing to do.' : 'Trim the spaces from these values.'),
  learnMore: 'A text value counts when it differs from itself with leading and trailing white space removed. Severity: low.',
};

/** Only the sides that have outliers: "below −4", "above 10" or both. */
function fenceWords(f: Finding): string {
  const sides: string[] = [];
  const min = typeof f.numbers.min === 'number' ? f.numbers.min : null;
  const max = typeof f.numbers.max === 'number' ? f.numbers.max : null;
  const year = looksLikeYearColumn(f.columns[0] ?? '', min, max);
  if (num(f, 'below') > 0) sides.push(`below ${formatColumnNumber(num(f, 'lowerFence'), year)}`);
  if (num(f, 'above') > 0) sides.push(`above ${formatColumnNumber(num(f, 'upperFence'), year)}`);
  return sides.join(' or ');
}

const outliers: FindingText = {
  title: 'Unusual numbers',
  headline: (f) =>
    passed(f)
      ? 'No numbers lie far outside the usual range of their column.'
      : `${plural(num(f, 'outliers'), 'value')} in ${col(f)} lie far outside its usual range (${fenceWords(f)}).`,
  why: (f) =>
    passed(f)
      ? 'Values stay within a believable range.'
      : 'Extreme values can be typing errors or a different unit, and a few of them can pull averages and models a long way.',
  action: (f) => (passed(f) ? 'Nothing to do.' : 'Check the example rows. Correct the values that are mistakes; keep the real ones, but consider methods less sensitive to extremes.'),
  learnMore:
    'Tukey\'s fences: Q1 − k·IQR and Q3 + k·IQR, with Q1 and Q3 the 25th and 75th percentiles (linear interpolation, as numpy\'s default), IQR = Q3 − Q1 and k = 3 (threshold outlierIqr; Tukey\'s "far out"). Values strictly beyond a fence count. Columns whose IQR is 0 are skipped. Ids, dates, prediction and score columns are not checked. Severity: 1% or more of the values → medium, otherwise low.',
};

const skew: FindingText = {
  title: 'Lopsided numbers',
  headline: (f) =>
    passed(f)
      ? 'No number column is strongly lopsided.'
      : `Most values of ${col(f)} are bunched at the ${str(f, 'direction') === 'high' ? 'low' : 'high'} end, with a long tail of ${str(f, 'direction') === 'high' ? 'large' : 'small'} values (skewness ${formatNumber(num(f, 'skewness'))}).`,
  why: (f) =>
    passed(f)
      ? 'Averages describe these columns reasonably.'
      : 'With a long tail, the average is pulled towards the few extreme values and no longer describes a typical row.',
  action: (f) => (passed(f) ? 'Nothing to do.' : 'Describe this column with the median rather than the average; for models, a log scale often helps.'),
  learnMore:
    'Sample skewness G1 = √(n(n−1))/(n−2) · m3/m2^(3/2), with m2 and m3 the second and third central moments (scipy.stats.skew with bias=False). Reported when |G1| ≥ 2 (threshold skew). Columns with at most two different values are left out. Severity: low.',
};

const RULE_WORDS: Record<string, string> = {
  age: 'ages below 0 or above 130',
  probability: 'probabilities below 0 or above 1',
  'future-date': 'dates in the future',
  'early-date': 'dates before 1900',
};

const impossibleValues: FindingText = {
  title: 'Impossible values',
  headline: (f) =>
    passed(f)
      ? 'No impossible ages, probabilities or dates.'
      : `${col(f)} has ${formatCount(num(f, 'count'))} ${RULE_WORDS[str(f, 'rule')] ?? 'impossible values'} (${str(f, 'lowest') === str(f, 'highest') ? `all ${str(f, 'lowest')}` : `from ${str(f, 'lowest')} to ${str(f, 'highest')}`}).`,
  why: (f) => (passed(f) ? 'Values are possible.' : 'These values cannot be true, so they are mistakes or placeholders, and they distort anything computed from this column.'),
  action: (f) => (passed(f) ? 'Nothing to do.' : 'Correct them from the source, or mark them as missing.'),
  learnMore:
    'Ages: a number column named age (or edad, alter, idade) with values below 0 or above 130. Probabilities: the score column, or a column named like a probability with 90% or more of its values in [0, 1], with values below 0 or above 1. Dates: after the time of the check, or before 1 January 1900. Severity: 5% or more of the column → high, otherwise medium.',
};

const classImbalance: FindingText = {
  title: 'Balance of outcomes',
  headline: (f) =>
    num(f, 'classes') < 2
      ? `Every row of ${col(f)} has the same outcome, "${str(f, 'majorityClass')}".`
      : `The rarest outcome in ${col(f)}, "${str(f, 'minorityClass')}", is ${formatShare(num(f, 'share'))} of rows (likely ${formatShare(num(f, 'lower'))} to ${formatShare(num(f, 'upper'))}).`,
  why: (f) =>
    passed(f)
      ? 'Every outcome has enough examples to learn from and to measure.'
      : 'When one outcome is rare, a model can look accurate by ignoring it, and measures for the rare outcome rest on few rows.',
  action: (f) =>
    passed(f) ? 'Nothing to do.' : 'Judge the model with measures that look at each outcome separately (recall, precision, balanced accuracy), and collect more examples of the rare outcome if you can.',
  learnMore:
    'Minority share = rows with the rarest outcome ÷ rows with an outcome, with a 95% Wilson score interval. Two outcomes: below 5% (imbalanceHigh) → high, below 20% (imbalanceMedium) → medium. With K outcomes the thresholds are multiplied by 2/K. A single outcome → high.',
};

const conflictingLabels: FindingText = {
  title: 'Same details, different outcomes',
  headline: (f) =>
    passed(f)
      ? 'No rows with identical details have different outcomes.'
      : `${plural(num(f, 'groups'), 'group')} of identical rows (${plural(num(f, 'rows'), 'row')}) have different outcomes in ${col(f)}.`,
  why: (f) =>
    passed(f)
      ? 'Outcomes are consistent for identical rows.'
      : 'Rows that are identical in every detail but end differently are either labelling mistakes or a sign that something important is not in the data.',
  action: (f) => (passed(f) ? 'Nothing to do.' : 'Look at the example rows: fix wrong outcomes, or find the missing information that tells them apart.'),
  learnMore:
    'Rows are grouped by every column except the outcome, prediction, score, ids and timestamps (equal values, missing equals missing); a group conflicts when it holds two or more different outcomes. Rows without an outcome are left out. Severity: rows in conflicting groups 1% or more → medium, otherwise low.',
};

const orUnknown = (f: Finding, key: string): string => (typeof f.numbers[key] === 'number' ? formatNumber(num(f, key)) : 'unknown');

const targetLeakage: FindingText = {
  title: 'A column that gives the outcome away',
  headline: (f) => {
    if (passed(f)) return `No single column predicts "${str(f, 'target')}" suspiciously well.`;
    const within = `to within ${formatShare(num(f, 'tolerance'))} in ${formatShare(num(f, 'reconstructed'))} of rows`;
    if (f.numbers.method === 'product') return `${col(f)} × ${col(f, 1)} gives ${col(f, 2)} ${within}: together they give the outcome away.`;
    if (f.numbers.method === 'correlation') {
      return f.numbers.nearCopy === true
        ? `${col(f)} × ${formatNumber(num(f, 'factor'))} gives ${col(f, 1)} ${within}: it is almost a copy of the outcome.`
        : `${col(f)} alone follows ${col(f, 1)} almost exactly (Spearman ${orUnknown(f, 'spearman')}, Pearson ${orUnknown(f, 'pearson')}).`;
    }
    return f.numbers.nearCopy === true
      ? `${col(f)} matches ${col(f, 1)} in ${formatShare(num(f, 'agreement'))} of rows: it is almost a copy of the outcome.`
      : `${col(f)} alone tells the outcomes in ${col(f, 1)} apart almost perfectly (score ${formatNumber(num(f, 'auc'))} out of 1).`;
  },
  why: (f) =>
    passed(f)
      ? 'No column looks like it was filled in after the outcome was known.'
      : f.numbers.method === 'product'
        ? 'When two columns together rebuild the outcome, one of them is usually worked out from it (a price per square metre from the price). A model using it looks excellent in testing but fails in real use, when it is not yet known.'
        : 'A column this close to the outcome is usually recorded after the outcome happened. A model using it looks excellent in testing but fails in real use, when the column is not yet known.',
  action: (f) =>
    passed(f)
      ? 'Nothing to do.'
      : f.numbers.method === 'product'
        ? 'Find out which of the two columns is filled in after the outcome is known, and leave it out of the model.'
        : 'Find out when this column is filled in. If it is only known after the outcome, leave it out of the model.',
  learnMore:
    'Every column except the outcome, prediction, score and ids is checked. Yes/no outcomes: the column\'s ROC AUC for the outcome on its own, as scikit-learn\'s roc_auc_score, reported as max(AUC, 1 − AUC). Numbers and dates are used as they are; a text column with at most 50 categories scores each row by its category\'s share of positive outcomes, computed on the same rows — this is optimistic. AUC ≥ 0.95 (leakageAuc) → high. A column with two values that equals the outcome in 99% or more of the rows after matching values → critical. ' +
    'Several classes: each category\'s share of every class is used as the class scores (text columns, and number columns with at most 50 values), and the macro one-vs-rest ROC AUC (roc_auc_score with multi_class="ovr") gets the same 0.95 rule; a column with at most one value per class that equals the class in 99% or more of the rows → critical. ' +
    'Amounts: Spearman\'s ρ and Pearson\'s r with the outcome (as scipy.stats.spearmanr and pearsonr); |ρ| or |r| ≥ 0.98 (leakageCorrelation) → high. With c the median of outcome ÷ column, an outcome within 1% of c × column in 95% or more of the rows → critical; two columns whose product (times the median ratio) is within 1% of the outcome in 95% or more of the rows → high, both named, as either may be the one worked out from the outcome.',
};

const correlatedColumns: FindingText = {
  title: 'Columns that repeat each other',
  headline: (f) =>
    passed(f)
      ? `No two of ${plural(num(f, 'columns'), 'number column')} move together closely.`
      : `${col(f)} and ${col(f, 1)} move almost in step (Pearson ${formatNumber(num(f, 'pearson'))}, Spearman ${formatNumber(num(f, 'spearman'))}).`,
  why: (f) =>
    passed(f)
      ? 'Each number column brings its own information.'
      : 'When two columns carry nearly the same information, models can split their weight between them unpredictably, and explanations that credit one of them are unreliable.',
  action: (f) => (passed(f) ? 'Nothing to do.' : 'Consider keeping only one of the two, or combining them.'),
  learnMore:
    'Pearson\'s r and Spearman\'s ρ (Pearson\'s r of average ranks, ties averaged, as scipy.stats.spearmanr) over the rows where both columns have a value. Reported when |r| or |ρ| ≥ 0.9 (threshold correlation). The outcome, prediction, score, ids and dates are left out; at most 40 columns are compared. Severity: 0.99 or more → medium, otherwise low.',
};

const associatedCategories: FindingText = {
  title: 'Categories that repeat each other',
  headline: (f) =>
    passed(f)
      ? `No two of ${plural(num(f, 'columns'), 'category column')} are closely tied.`
      : `Knowing ${col(f)} almost tells you ${col(f, 1)} (Cramér's V ${formatNumber(num(f, 'v'))} out of 1).`,
  why: (f) =>
    passed(f) ? 'Each category column brings its own information.' : 'Two columns that describe nearly the same thing add little information, and one of them may stand in for the other (for example, for a protected group).',
  action: (f) => (passed(f) ? 'Nothing to do.' : 'Check whether both are needed; if one is sensitive, remember the other can reveal it.'),
  learnMore:
    'Cramér\'s V = √(χ² / (n · (min(r, c) − 1))), without bias correction, from the chi-square statistic of the two columns\' cross-table over rows where both have a value (scipy.stats.contingency.association, method "cramer"). Reported when V ≥ 0.9 (threshold cramersV). Only category and yes/no columns with 2 to 200 categories, not the outcome, prediction or ids; at most 40 columns. Severity: 0.99 or more → medium, otherwise low.',
};

export const qualityTexts: FindingTexts = {
  'quality.missing-values': missingValues,
  'quality.missing-rows': missingRows,
  'quality.missing-tokens': missingTokens,
  'quality.duplicate-rows': duplicateRows,
  'quality.duplicate-ids': duplicateIds,
  'quality.near-duplicates': nearDuplicates,
  'quality.empty-columns': emptyColumns,
  'quality.constant-columns': constantColumns,
  'quality.mixed-types': mixedTypes,
  'quality.numbers-as-text': numbersAsText,
  'quality.high-cardinality': highCardinality,
  'quality.inconsistent-spellings': inconsistentSpellings,
  'quality.surrounding-spaces': surroundingSpaces,
  'quality.outliers': outliers,
  'quality.skew': skew,
  'quality.impossible-values': impossibleValues,
  'quality.class-imbalance': classImbalance,
  'quality.conflicting-labels': conflictingLabels,
  'quality.target-leakage': targetLeakage,
  'quality.correlated-columns': correlatedColumns,
  'quality.associated-categories': associatedCategories,
};
