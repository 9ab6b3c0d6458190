/** The data-quality checks (src/shared/checks/quality/), one entry each. */
import type { Finding } from '../../../findings/types';
import { checkEntry } from './check-entry';
import { fnum, fstr } from './read';
import { count, dec, division, pct1, q } from './say';
import type { GlossaryEntry } from './types';

const col = (f: Finding, i = 0): string => q(f.columns[i] ?? '');

/** "In “income”, 141 of 2,024 rows have no value: 141 ÷ 2,024 = 7%." — null when a number is missing. */
function share(f: Finding, k: string, n: string, words: (k: string, n: string) => string): string | null {
  const a = fnum(f, k);
  const b = fnum(f, n);
  const d = a !== null && b !== null ? division(a, b) : null;
  return d ? `${words(count(a!), count(b!))}: ${d}.` : null;
}

export const qualityEntries: GlossaryEntry[] = [
  checkEntry('quality.missing-values', {
    technical: 'missing values (completeness)',
    what: 'Counts, for each column, the rows with no usable value: an empty cell, a word meaning “no value” such as “NA”, or text that could not be read as a number or date.',
    misleads: 'A low share can still matter when the gaps are not random — if incomes are missing mostly for one group, every result about income is skewed for that group. And a cell can be filled with a wrong placeholder (0, 1900-01-01) that this check cannot see.',
    related: ['quality.missing-tokens', 'quality.missing-rows', 'quality.mixed-types'],
    example(f) {
      const base = share(f, 'missing', 'rows', (k, n) => `In ${col(f)}, ${k} of ${n} rows have no value`);
      const tokens = fnum(f, 'tokens');
      const unreadable = fnum(f, 'unreadable');
      return base && tokens !== null && unreadable !== null && tokens + unreadable > 0 ? `${base} Of those, ${count(tokens)} hold a missing-value word and ${count(unreadable)} hold text that could not be read.` : base;
    },
  }),
  checkEntry('quality.missing-rows', {
    technical: 'incomplete rows',
    what: 'Looks for rows where half or more of the values are missing: often blank lines, notes or forms never filled in.',
    misleads: 'A row with few values can still be a real case (someone who answered only the required questions); removing it can bias the data.',
    related: ['quality.missing-values'],
  }),
  checkEntry('quality.missing-tokens', {
    technical: 'inconsistent missing-value markers',
    what: 'Finds columns where “no value” is written in several ways (an empty cell, “NA”, “n/a”, “unknown”), and words that probably mean “no value” but are not read as such.',
    misleads: 'A word such as “none” or “unknown” can be a real answer in some columns (“number of children: none”). Check before marking it as missing.',
    related: ['quality.missing-values', 'quality.mixed-types'],
    // The token list names "null" and "NULL"; shown in capitals, it cannot be mistaken for a value that failed to print.
    definition: (text) => text.replace(/\bnull\b/g, 'NULL'),
  }),
  checkEntry('quality.duplicate-rows', {
    technical: 'exact duplicate rows',
    what: 'Counts rows identical in every column to an earlier row. The first of each set is not counted, so removing the duplicates keeps every distinct row once.',
    misleads: 'Two identical rows can be two real events (two identical purchases on one day). Without an id column, this check cannot tell.',
    related: ['quality.near-duplicates', 'quality.duplicate-ids', 'wilson-interval'],
    example(f) {
      const base = share(f, 'duplicates', 'rows', (k, n) => `${k} of your ${n} rows repeat an earlier row`);
      const distinct = fnum(f, 'distinct');
      return base && distinct !== null ? `${base} Removing them leaves ${count(distinct)} distinct rows.` : base;
    },
  }),
  checkEntry('quality.duplicate-ids', {
    technical: 'duplicate keys',
    what: 'For each column marked as an id, counts rows whose id was already used by an earlier row, and how many of those are a different record under the same id.',
    misleads: 'Some ids are meant to repeat (a customer id in a table of purchases). Mark such a column as a group column, not an id.',
    related: ['quality.duplicate-rows', 'quality.high-cardinality'],
  }),
  checkEntry('quality.near-duplicates', {
    technical: 'near-duplicate rows',
    what: 'Finds rows that equal an earlier row once capitals and spaces around the text are ignored: the same record typed twice.',
    misleads: 'It only catches differences in capitals and spaces; a record retyped with a typo or a different date format is not found.',
    related: ['quality.duplicate-rows', 'quality.surrounding-spaces'],
  }),
  checkEntry('quality.empty-columns', {
    technical: 'empty columns',
    what: 'Finds columns with no value at all.',
    misleads: 'A column can be empty in this file but not in the source: check whether the export or the import lost it.',
    related: ['quality.missing-values', 'quality.constant-columns'],
  }),
  checkEntry('quality.constant-columns', {
    technical: 'constant and near-constant columns (zero variance)',
    what: 'Finds columns where (almost) every filled cell holds the same value. Such a column cannot tell cases apart.',
    misleads: 'The few rows that differ can be the most important ones (a rare but real flag). A column constant in this batch may vary in another.',
    related: ['quality.empty-columns', 'quality.class-imbalance'],
  }),
  checkEntry('quality.mixed-types', {
    technical: 'type mismatches (unparseable values)',
    what: 'In a column of numbers or dates, counts the cells that could not be read as one — they are treated as missing.',
    misleads: 'A value that reads as a number but is wrong (a price in cents among euros) passes this check.',
    related: ['quality.missing-tokens', 'quality.numbers-as-text', 'quality.missing-values'],
    example: (f) => share(f, 'unreadable', 'filled', (k, n) => `${k} of the ${n} filled cells in ${col(f)} could not be read as ${fstr(f, 'expected') ?? 'values of the column’s type'}`),
  }),
  checkEntry('quality.numbers-as-text', {
    technical: 'numeric values stored as text',
    what: 'Finds text columns where most filled cells are plain numbers: a few text cells stop the column from being read as numbers.',
    misleads: 'Codes that look like numbers (postcodes, product codes) should stay text: averaging them means nothing.',
    related: ['quality.mixed-types'],
  }),
  checkEntry('quality.high-cardinality', {
    technical: 'high cardinality and id-like columns',
    what: 'Finds text columns with very many different values — too many to compare as groups — and those where almost every row has its own value, like an identifier.',
    misleads: 'Free text (comments, names) naturally has many values; and a column with many values can still be grouped usefully once rare values are combined.',
    related: ['quality.duplicate-ids', 'privacy.personal-data'],
    example: (f) => share(f, 'distinct', 'present', (k, n) => `${col(f)} has ${k} different values among ${n} filled cells`),
  }),
  checkEntry('quality.inconsistent-spellings', {
    technical: 'inconsistent category labels',
    what: 'Finds values of a column that become the same once capitals, accents, punctuation and extra spaces are ignored: “North”, “north ” and “NORTH” are one value written three ways.',
    misleads: 'Abbreviations (“N.” for “North”) are not matched, and two values that differ only in punctuation can occasionally mean different things.',
    related: ['quality.surrounding-spaces'],
  }),
  checkEntry('quality.surrounding-spaces', {
    technical: 'leading and trailing whitespace',
    what: 'Finds text values that start or end with spaces, which makes them different from the same value without them.',
    misleads: 'Harmless in free text; it matters in columns used as groups or to join tables.',
    related: ['quality.inconsistent-spellings', 'quality.near-duplicates'],
  }),
  checkEntry('quality.outliers', {
    technical: 'outliers (Tukey’s fences)',
    what: 'For each number column, takes the range of the middle half of the values and marks values far beyond it — more than three times that range below the lower quarter or above the upper quarter.',
    misleads: 'An extreme value is not necessarily wrong (a very rich customer exists), and a wrong value is not necessarily extreme (an age of 41 typed instead of 14). Columns with long natural tails (incomes) show many outliers that are real.',
    related: ['quality.impossible-values', 'quality.skew', 'rmse'],
    example(f) {
      const [q1, q3, iqr, lo, hi, k, n] = [fnum(f, 'q1'), fnum(f, 'q3'), fnum(f, 'iqr'), fnum(f, 'lowerFence'), fnum(f, 'upperFence'), fnum(f, 'k'), fnum(f, 'outliers')];
      if (q1 === null || q3 === null || iqr === null || lo === null || hi === null || k === null || n === null) return null;
      return `In ${col(f)}, the middle half of the values runs from ${dec(q1)} to ${dec(q3)} (a spread of ${dec(iqr)}). The fences are ${dec(q1)} − ${dec(k)} × ${dec(iqr)} = ${dec(lo)} and ${dec(q3)} + ${dec(k)} × ${dec(iqr)} = ${dec(hi)}; ${count(n)} values lie beyond them.`;
    },
  }),
  checkEntry('quality.skew', {
    technical: 'skewness',
    what: 'Finds number columns where most values are bunched at one end with a long tail at the other, so the average no longer describes a typical row.',
    misleads: 'Skew is often natural (incomes, waiting times) and not a mistake; it only asks you to describe the column with the median.',
    related: ['quality.outliers', 'median-absolute-error'],
  }),
  checkEntry('quality.impossible-values', {
    technical: 'domain (range) violations',
    what: 'Finds values that cannot be true: negative ages or ages above 130, probabilities outside 0–1, dates in the future or before 1900.',
    misleads: 'It only knows a few rules. A plausible but wrong value (an age of 35 instead of 53) is not found; a date “in the future” can be a planned date.',
    related: ['quality.outliers'],
    example(f) {
      const [lowest, highest] = [fstr(f, 'lowest'), fstr(f, 'highest')];
      if (lowest === null || highest === null) return null;
      return share(f, 'count', 'present', (k, n) => `${k} of the ${n} filled values in ${col(f)} are impossible (${lowest === highest ? `all ${lowest}` : `from ${lowest} to ${highest}`})`);
    },
  }),
  checkEntry('quality.class-imbalance', {
    technical: 'class imbalance',
    what: 'Measures how rare the rarest outcome is. When one outcome is rare, a model can look accurate while ignoring it.',
    misleads: 'Imbalance is often the real world (fraud is rare); the remedy is to judge the model with the right measures, not to pretend the outcome is common.',
    related: ['accuracy', 'balanced-accuracy', 'base-rate', 'wilson-interval'],
    example(f) {
      const minority = fstr(f, 'minorityClass');
      const base = minority === null ? null : share(f, 'minority', 'present', (k, n) => `${k} of ${n} rows have the rarest outcome, ${q(minority)}`);
      const [lo, hi] = [fnum(f, 'lower'), fnum(f, 'upper')];
      return base && lo !== null && hi !== null ? `${base} Likely range: ${pct1(lo)} to ${pct1(hi)}.` : base;
    },
  }),
  checkEntry('quality.conflicting-labels', {
    technical: 'label noise (conflicting labels)',
    what: 'Finds rows that are identical in every detail but have different outcomes: either a labelling mistake, or a sign that something deciding the outcome is not in the data.',
    misleads: 'With few columns, different people naturally share the same details and can have different outcomes; that is not a mistake.',
    related: ['quality.duplicate-rows', 'quality.target-leakage'],
  }),
  checkEntry('quality.target-leakage', {
    technical: 'target leakage',
    what: 'Looks for a single column that tells the outcome apart almost perfectly on its own (ROC AUC of 0.95 or more). Such a column is usually filled in after the outcome is known, and a model using it will fail in real use.',
    misleads: 'A legitimately strong predictor can be flagged; ask when the column is known. For text columns, the score is optimistic because it is worked out on the same rows.',
    related: ['roc-auc', 'quality.correlated-columns'],
    example(f) {
      const auc = fnum(f, 'auc');
      const threshold = fnum(f, 'threshold');
      const target = fstr(f, 'target');
      return auc !== null && threshold !== null && target !== null ? `On its own, ${col(f)} separates the outcomes of ${q(target)} with ROC AUC ${dec(auc)}, above the ${dec(threshold)} line.` : null;
    },
  }),
  checkEntry('quality.correlated-columns', {
    technical: 'highly correlated features (Pearson, Spearman)',
    what: 'Finds pairs of number columns that move almost in step, so they carry nearly the same information.',
    misleads: 'Correlation is not cause, and two columns can be strongly related in a curved way that these measures underrate.',
    related: ['quality.associated-categories', 'quality.target-leakage'],
  }),
  checkEntry('quality.associated-categories', {
    technical: 'associated categorical features (Cramér’s V)',
    what: 'Finds pairs of category columns where knowing one almost tells you the other — for example a region column that gives away a protected group.',
    misleads: 'With many categories and few rows, Cramér’s V is inflated by chance.',
    related: ['quality.correlated-columns', 'chi-square-test'],
    example(f) {
      const v = fnum(f, 'v');
      return v !== null ? `Knowing ${col(f)} almost tells you ${col(f, 1)}: Cramér’s V is ${dec(v)} on a scale from 0 (unrelated) to 1 (one decides the other).` : null;
    },
  }),
];
