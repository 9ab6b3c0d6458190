/**
 * What changed: drift between two batches, the rules on a project's history, and two models on
 * the same rows. Drift examples are worked on a comparison (DriftReport); the model comparison's
 * on a ModelComparisonDocument.
 */
import { formatPsi } from '../../format';
import { checkEntry } from './check-entry';
import { fnum, fstr, modelsOf } from './read';
import { count, pIs, pct, pct1, points, q } from './say';
import type { GlossaryEntry } from './types';

const pts = (d: number): string => String(Number((Math.abs(d) * 100).toFixed(1)));

/** A change's likely range in words: "between 2.7 and 8.9 points down", or "between 1 point down and 3 up". */
function likely(lo: number, hi: number): string {
  if (hi < 0) return `between ${pts(hi)} and ${pts(lo)} points down`;
  if (lo > 0) return `between ${pts(lo)} and ${pts(hi)} points up`;
  return `between ${pts(lo)} points down and ${pts(hi)} up (it could be no change)`;
}

export const changeCheckEntries: GlossaryEntry[] = [
  checkEntry(
    'drift.column',
    {
      technical: 'feature drift (data drift, covariate shift)',
      what: 'Compares one column between an earlier batch and a new one. It asks two questions: is the change large enough to matter (PSI), and could it be chance (a KS or chi-square test)? Only a change that is both is called drift.',
      misleads: 'A drifted column does not mean the model got worse — the model may not rely on it. And a stable column can hide changes in how columns go together.',
      related: ['psi', 'ks-test', 'chi-square-test', 'drift.dataset', 'p-value'],
      example(f) {
        const [psi, p] = [fnum(f, 'effect'), fnum(f, 'p_value')];
        const test = fstr(f, 'test');
        if (psi === null || p === null || test === null) return null;
        return `${q(f.columns[0] ?? '')}: PSI ${formatPsi(psi)} (${psi >= 0.25 ? 'a major change' : psi >= 0.1 ? 'a moderate change' : 'little change'}) and p ${pIs(p)} from the ${test === 'ks' ? 'Kolmogorov–Smirnov' : 'chi-square'} test, so it counts as ${f.numbers.drifted === true ? 'drifted' : 'not drifted'}.`;
      },
    },
    'change',
  ),
  checkEntry(
    'drift.dataset',
    {
      technical: 'dataset drift (share of drifted columns)',
      what: 'Sums up the column-by-column comparison: how many of the compared columns drifted. When 30% or more did, the batch as a whole is said to have drifted.',
      misleads: 'It counts columns, not their importance: one drifted column the model leans on matters more than five it ignores.',
      related: ['drift.column', 'psi', 'drift.performance'],
      example(f) {
        const [drifted, compared] = [fnum(f, 'drifted'), fnum(f, 'compared')];
        if (drifted === null || compared === null || compared === 0) return null;
        const columns = fstr(f, 'drifted_columns');
        return `${count(drifted)} of the ${count(compared)} columns compared drifted${columns ? ` (${columns})` : ''}: ${count(drifted)} ÷ ${count(compared)} = ${pct(drifted / compared)}, against the 30% line for the whole batch.`;
      },
    },
    'change',
  ),
  checkEntry(
    'drift.prediction',
    {
      technical: 'prediction drift (output drift)',
      what: 'Compares the model’s own output — its scores or decisions — between the two batches. A change here is often the first visible sign that the model meets a different world.',
      misleads: 'The output can change because the people changed (and the model is still right), or stay the same while the outcomes changed under it.',
      related: ['drift.column', 'drift.label', 'psi'],
    },
    'change',
  ),
  checkEntry(
    'drift.label',
    {
      technical: 'label drift (prior shift)',
      what: 'Compares the outcome column between the two batches: has the share of each outcome changed?',
      misleads: 'A stable share of outcomes can hide a changed relation between the details and the outcome (concept drift), which only the performance check sees.',
      related: ['drift.prediction', 'drift.performance', 'base-rate'],
    },
    'change',
  ),
  checkEntry(
    'drift.performance',
    {
      technical: 'performance change (with Newcombe / DeLong intervals)',
      what: 'When both batches have outcomes, compares how well the model did on each — overall, per group and in weak spots — with a likely range for the change.',
      misleads: 'A change whose likely range includes zero may be chance. Groups are tested many times, so each group’s result is corrected with a q-value.',
      related: ['accuracy', 'roc-auc', 'confidence-interval', 'q-value'],
      example(f) {
        const [ref, cur, lo, hi] = [fnum(f, 'reference'), fnum(f, 'current'), fnum(f, 'lower'), fnum(f, 'upper')];
        if (f.numbers.metric !== 'accuracy' || ref === null || cur === null || lo === null || hi === null) return null;
        const where = fstr(f, 'group') ? ` for ${q(`${fstr(f, 'group_column') ?? ''} = ${fstr(f, 'group')}`)}` : '';
        return `Accuracy${where} went from ${pct1(ref)} to ${pct1(cur)}: ${cur < ref ? 'down' : 'up'} ${points(cur - ref)}, likely ${likely(lo, hi)}.`;
      },
    },
    'change',
  ),
  checkEntry(
    'drift.estimated-performance',
    {
      technical: 'estimated performance without labels (confidence-based estimation)',
      what: 'When the new batch has no outcomes yet, estimates how right the model probably is from its own scores — after correcting them on the earlier batch, where outcomes are known.',
      misleads: 'It assumes that, at a given score, outcomes happen as often as before. If the relation between details and outcomes changed (concept drift), the estimate is wrong, and nothing in the scores shows it.',
      related: ['model.calibration', 'ece', 'drift.performance'],
    },
    'change',
  ),
  checkEntry(
    'history.rule',
    {
      technical: 'alert rule (monitoring threshold)',
      what: 'A rule you set on the project, such as “warn when accuracy falls 5 points from the first run”. Every new run checks it and raises a finding when it fires.',
      misleads: 'A rule fires on chance movements too, especially on small batches; a rule that never fires may just be too loose.',
      related: ['history.retrain', 'drift.dataset'],
    },
    'change',
  ),
  checkEntry(
    'history.retrain',
    {
      technical: 'retraining trigger',
      what: 'Raised when a performance rule fires on two runs in a row, or together with the drift rule: the model is getting worse while the data changes.',
      misleads: 'Retraining on recent data is not always the fix: if the outcomes themselves are biased or late, a new model learns that too.',
      related: ['history.rule', 'drift.performance', 'models.comparison'],
    },
    'change',
  ),
  {
    id: 'models.comparison',
    kind: 'change',
    term: 'Which model is better?',
    technical: 'paired model comparison (McNemar, DeLong)',
    what: 'Puts two models’ decisions side by side on the same rows: how often they agree, how often each is right, whether the difference could be chance (tests made for paired answers), and the same group by group.',
    misleads: 'A model better overall can be worse for a group — read the group table before switching. And both models are judged on this data only.',
    definition: 'Accuracy difference tested with McNemar’s test on the rows where the models disagree; ROC AUC difference with DeLong’s paired test; per group McNemar with Benjamini–Hochberg over the groups.',
    related: ['mcnemar-test', 'delong-test', 'accuracy', 'q-value'],
    example(r) {
      const m = modelsOf(r);
      if (!m) return null;
      const worse = m.groups.filter((g) => g.worse);
      return `On ${count(m.rows)} rows the models agree ${pct(m.agreement.value)} of the time; ${q(m.models.a)} is right ${pct1(m.accuracy_a.value)} of the time, ${q(m.models.b)} ${pct1(m.accuracy_b.value)} (McNemar p ${pIs(m.mcnemar.p_value)}).${worse.length ? ` Worse for ${worse.map((g) => q(`${g.column} = ${g.group}`)).join(', ')}.` : ''}`;
    },
  },
];
