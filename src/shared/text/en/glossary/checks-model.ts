/** The model checks: performance, calibration, fairness across groups, and weak slices. */
import { checkEntry } from './check-entry';
import { fnum } from './read';
import { count, division } from './say';
import type { GlossaryEntry } from './types';

export const modelCheckEntries: GlossaryEntry[] = [
  checkEntry('model.performance', {
    technical: 'model performance (classification and regression metrics)',
    what: 'Compares the model’s decisions (or guesses) with what really happened, row by row, and sums it up: how often it is right, how many real cases it catches, how well its score ranks, how far off its amounts are — each with a likely range.',
    misleads: 'It is measured on this data only: if the model was built on these same rows, it looks better than it will be on new ones. An overall figure can hide groups for whom the model does much worse (see the fairness and weak-spot checks).',
    related: ['accuracy', 'precision', 'recall', 'roc-auc', 'mae', 'confidence-interval'],
  }),
  checkEntry('model.excluded-rows', {
    technical: 'rows excluded from evaluation',
    what: 'Counts the rows left out of the model checks because the outcome, the prediction or the score is missing.',
    misleads: 'If the left-out rows are different (for example, cases not decided yet), every model figure describes only the rest.',
    related: ['model.performance', 'quality.missing-values'],
    example(f) {
      const [excluded, rows] = [fnum(f, 'excluded'), fnum(f, 'rows')];
      const d = excluded !== null && rows !== null ? division(excluded, rows) : null;
      return d ? `${count(excluded!)} of your ${count(rows!)} rows lack the outcome, the prediction or the score: ${d}.` : null;
    },
  }),
  checkEntry('model.calibration', {
    technical: 'probability calibration',
    what: 'Checks whether the model’s scores can be read as chances: among rows scored about 70%, did the outcome happen about 70% of the time?',
    misleads: 'A well-calibrated score can still rank badly, and a badly calibrated one can rank well: calibration and ranking are separate questions. Calibration overall can hide a group whose scores are off.',
    related: ['ece', 'reliability-diagram', 'brier-score', 'max-calibration-error'],
  }),
  checkEntry('fairness.groups', {
    technical: 'group fairness (disparity metrics)',
    what: 'For each sensitive column (sex, age group…) and their combinations, compares the groups: how often each is chosen, how often each is wrongly chosen or wrongly refused, how often a “yes” is right — with likely ranges, and a test of whether each gap could be chance.',
    misleads: 'A gap is a reason to look closer, not proof of discrimination: groups can differ in ways the data does not show, and the recorded outcome may itself carry past unfairness. Different fairness gaps cannot all be zero at once; which one matters depends on the decision.',
    related: ['demographic-parity-difference', 'demographic-parity-ratio', 'equalized-odds-difference', 'four-fifths-rule', 'minimum-group-size', 'q-value'],
  }),
  checkEntry('fairness.representation', {
    technical: 'representation (group shares)',
    what: 'Checks whether each group makes up the share of the data you would expect, when you said what to expect.',
    misleads: 'Being represented in proportion does not mean being treated the same; and an expected share that is itself out of date makes the check meaningless.',
    related: ['fairness.groups', 'minimum-group-size'],
  }),
  checkEntry('slices.weak', {
    technical: 'slice discovery (SliceLine-style search with Benjamini–Hochberg control)',
    what: 'Searches combinations of column values (“age under 30 and income under 30,100”) for groups of rows where the model is wrong clearly more often than elsewhere. Each group is tested, and the tests are corrected for the many groups tried.',
    misleads: 'A slice is a description of where the mistakes are, not a cause. Groups smaller than the minimum are not searched, so a very small group in trouble is not found; and a slice built from a sensitive column points to a fairness question.',
    related: ['lift', 'q-value', 'fisher-exact-test', 'support', 'slices.custom'],
  }),
  checkEntry('slices.custom', {
    technical: 'user-defined slice evaluation',
    what: 'Checks a group of rows you describe yourself (for example “age >= 60 & region = North”) against everyone else, with the same error measure as the search.',
    misleads: 'Because you chose the group yourself, it gets a plain p-value with no correction; but if you chose it after seeing the results, that p-value is too optimistic.',
    related: ['slices.weak', 'p-value'],
  }),
];
