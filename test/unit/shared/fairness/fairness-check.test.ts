import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { KeyEvidence } from '../../../../src/shared/checks/fairness/evidence';
import { fairnessCheck } from '../../../../src/shared/checks/fairness/fairness-check';
import { benjaminiHochberg } from '../../../../src/shared/fairness/multiple-testing';
import { delongAuc } from '../../../../src/shared/metrics/fast-intervals';
import type { Finding } from '../../../../src/shared/findings/types';
import { fairnessTexts } from '../../../../src/shared/text/en/fairness';
import { close, codes, num, rep, run, table } from './helpers';

/**
 * 420 loan decisions. female (200): 100 approved in truth; the model approves 60 of them and 22 of
 * the rest → 82/200 = 41%. male (200): 80 + 46 → 126/200 = 63%. 20 rows with no sex recorded.
 */
function loans() {
  const block = (sex: string | null, tp: number, fn: number, fp: number, tn: number) => ({
    sex: rep<string | null>([sex, tp + fn + fp + tn]),
    truth: rep(['approved', tp], ['approved', fn], ['declined', fp], ['declined', tn]),
    pred: rep(['approved', tp], ['declined', fn], ['approved', fp], ['declined', tn]),
  });
  const parts = [block('female', 60, 40, 22, 78), block('male', 80, 20, 46, 54), block(null, 5, 5, 5, 5)];
  const sex = parts.flatMap((p) => p.sex);
  const truth = parts.flatMap((p) => p.truth);
  const pred = parts.flatMap((p) => p.pred);
  const age = sex.map((_, i) => [19, 22, 27, 33, 41, 52, 63, 70][i % 8]!);
  const score = pred.map((p, i) => (p === 'approved' ? 0.6 : 0.2) + (i % 10) / 30);
  return table(codes('sex', sex), num('age', age, 'integer'), codes('outcome', truth), codes('predicted', pred), num('score', score));
}
const ROLES = { target: 'outcome', prediction: 'predicted', score: 'score', task: 'binary' as const, positiveClass: 'approved', sensitive: { sex: 'sex', age: 'age' } };

describe('fairness check on a loan example', () => {
  const out = run(fairnessCheck, loans(), ROLES);
  const ev = out.evidence as { available: boolean; by: Record<string, KeyEvidence>; worst_intersection?: Record<string, unknown>; positive_label: string; rows_used: number };
  const sex = ev.by.sex!;
  test('evidence: one entry per column and intersection, snake_case fields', () => {
    assert.equal(ev.available, true);
    assert.equal(ev.rows_used, 420);
    assert.equal(ev.positive_label, 'approved');
    assert.deepEqual(Object.keys(ev.by), ['sex', 'age', 'sex+age']);
    assert.deepEqual(sex.columns, ['sex']);
    assert.deepEqual(Object.keys(sex.groups[0]!), [
      'group', 'count', 'share', 'confusion', 'base_rate', 'selection_rate', 'tpr', 'fpr', 'fnr', 'precision', 'accuracy', 'roc_auc', 'ece', 'mean_score', 'small_group',
    ]);
    for (const k of ['demographic_parity_difference', 'demographic_parity_ratio', 'equalized_odds_difference', 'equal_opportunity_difference', 'predictive_parity_difference', 'tests', 'excluded_groups', 'ratio_to_reference', 'thresholds', 'reference_group']) {
      assert.ok(k in sex, k);
    }
  });
  test('missing sex is its own group, "(missing)", reported and small (20 rows)', () => {
    const missing = sex.groups.find((g) => g.group === '(missing)')!;
    assert.equal(missing.count, 20);
    assert.equal(missing.small_group, true);
    assert.equal(missing.small_group_reason, 'Only 20 rows (fewer than 30).');
    assert.deepEqual(sex.excluded_groups, ['(missing)']);
  });
  test('rates are metrics with Wilson intervals; disparities as fairlearn', () => {
    const female = sex.groups.find((g) => g.group === 'female')!;
    close(female.selection_rate.value, 0.41);
    assert.equal(female.selection_rate.interval!.method, 'wilson');
    close(sex.demographic_parity_difference.value, 0.22);
    close(sex.demographic_parity_ratio.value, 0.41 / 0.63);
    assert.equal(sex.demographic_parity_ratio.low_group, 'female');
    // TPR 0.6 vs 0.8, FPR 0.22 vs 0.46 → equalized odds difference 0.24 (from FPR).
    close(sex.equalized_odds_difference.value, 0.24);
    assert.equal(sex.equalized_odds_difference.metric, 'fpr');
    assert.equal(sex.reference_group, 'female'); // largest: female and male tie at 200, first wins
    const test0 = sex.tests[0]!;
    assert.equal(test0.method, 'two-proportion-z');
    assert.ok(test0.p_value < 1e-4 && test0.q_value !== null && test0.significant === true);
  });
  test('per-group ROC AUC through the check (rows put in score order once) = delongAuc on that group alone', () => {
    const t = loans();
    const sexCol = t.columns[0]!;
    const scoreCol = t.columns[4]!;
    const truthCol = t.columns[2]!;
    if (sexCol.storage !== 'codes' || scoreCol.storage !== 'number' || truthCol.storage !== 'codes') throw new Error('fixture');
    for (const g of sex.groups.filter((x) => x.group !== '(missing)')) {
      const code = sexCol.dictionary.indexOf(g.group);
      const rows = Array.from(sexCol.codes.keys()).filter((i) => sexCol.codes[i] === code);
      const ref = delongAuc(Uint8Array.from(rows, (i) => (truthCol.dictionary[truthCol.codes[i]!] === 'approved' ? 1 : 0)), Float64Array.from(rows, (i) => scoreCol.values[i]!))!;
      close(g.roc_auc!.value, ref.auc, 1e-12, g.group);
      close(g.roc_auc!.interval!.lower, ref.interval.lower, 1e-9, g.group);
    }
  });
  test('age is binned by life stage; the intersection uses the same small-group rule', () => {
    assert.deepEqual(ev.by.age!.groups.map((g) => g.group), ['under 25', '25–39', '40–59', '60+']);
    const inter = ev.by['sex+age']!;
    assert.deepEqual(inter.columns, ['sex', 'age']);
    assert.ok(inter.groups.some((g) => g.group === 'female & 60+'));
    assert.ok(inter.groups.filter((g) => g.group.startsWith('(missing)')).every((g) => g.small_group));
    assert.ok(ev.worst_intersection && String(ev.worst_intersection.key) === 'sex+age');
  });
  test('findings: one per column and intersection; the sex gap is an issue with numbers and a chart', () => {
    assert.deepEqual(out.findings.map((f) => f.id), ['fairness.groups:sex', 'fairness.groups:age', 'fairness.groups:sex+age']);
    const f = out.findings[0]!;
    assert.equal(f.status, 'issue');
    assert.equal(f.category, 'fairness');
    assert.equal(f.severity, 'high'); // ratio 0.65 is not under 0.6, but the equalized odds difference 0.24 is ≥ 0.2 (and beyond chance)
    assert.deepEqual(f.groups, ['female', 'male', '(missing)']);
    assert.equal(f.numbers.group_low, 'female');
    assert.equal(f.chart?.kind, 'intervals');
    if (f.chart?.kind !== 'intervals') return;
    assert.deepEqual(f.chart.labels, ['female', 'male', '(missing)']);
    assert.equal(f.chart.values[2], null); // small group: not enough data to say
    close(f.chart.values[0], 0.41);
    assert.deepEqual(f.chart.reference, { label: 'female (reference)', value: 0.41 });
    assert.deepEqual(f.chart.highlight, [0, 1]);
  });
  test('texts: real numbers in the headline, the four-fifths rule and its caveats in learn-more', () => {
    const f = out.findings[0]!;
    const t = fairnessTexts[f.check]!;
    assert.equal(t.headline(f), 'By sex: “female” got “approved” 41% of the time, “male” 63%: a gap this large would be unusual by chance (p < 0.001).');
    assert.match(t.why(f), /not proof of discrimination/);
    assert.match(t.learnMore, /four-fifths/);
    assert.match(t.learnMore, /rule of thumb/);
  });
});

describe('one false-discovery family per run', () => {
  test('q-values are Benjamini–Hochberg over every gap test of every key and every representation test', () => {
    const out = run(fairnessCheck, loans(), ROLES, { representation: { sex: { female: 0.55, male: 0.45 } } });
    const ev = out.evidence as { by: Record<string, KeyEvidence>; representation: Record<string, { groups: { p_value: number; q_value: number }[] }> };
    const tests = [...Object.values(ev.by).flatMap((k) => k.tests), ...ev.representation.sex!.groups];
    assert.ok(tests.length > 10);
    const q = benjaminiHochberg(tests.map((t) => t.p_value));
    tests.forEach((t, i) => close(t.q_value, q[i]!, 1e-15));
  });
  test('the passed finding and the worst-off intersection', () => {
    const out = run(fairnessCheck, loans(), ROLES);
    const age = out.findings.find((f) => f.id === 'fairness.groups:age')!;
    assert.equal(age.status, 'passed');
    assert.match(fairnessTexts['fairness.groups']!.headline(age), /^By age, the share given “approved” only ranges from \d+% \(“[^”]+”\) to \d+%/);
    const w = (out.evidence as { worst_intersection: { key: string; group: string; metric: string; value: { value: number }; overall: number } }).worst_intersection;
    assert.equal(w.metric, 'accuracy');
    const groups = (out.evidence as { by: Record<string, KeyEvidence> }).by['sex+age']!.groups.filter((g) => !g.small_group);
    const lowest = Math.min(...groups.map((g) => g.accuracy.value!));
    assert.equal(w.value.value, lowest);
    close(w.overall, (60 + 78 + 80 + 54 + 5 + 5) / 420);
  });
});

describe('when fairness cannot be measured: available false, a reason, no findings', () => {
  const cases: [string, Parameters<typeof run>[2], RegExp][] = [
    ['no sensitive column', { ...ROLES, sensitive: {} }, /No column was marked/],
    ['no outcome', { sensitive: { sex: 'sex' } }, /No column was chosen as the outcome/],
    ['no prediction and no score', { ...ROLES, prediction: null, score: null }, /no prediction or score/],
    ['several classes', { ...ROLES, task: 'multiclass' as const, score: null }, /several classes/],
    ['the sensitive column is ignored', { ...ROLES, sensitive: { sex: 'sex' }, ignored: ['sex'] }, /No column was marked/],
  ];
  for (const [name, roles, reason] of cases) {
    test(name, () => {
      const out = run(fairnessCheck, loans(), roles);
      assert.equal(out.evidence.available, false);
      assert.match(String(out.evidence.reason), reason);
      assert.deepEqual(out.evidence.by, {});
      assert.deepEqual(out.findings, []);
    });
  }
});

describe('options', () => {
  test('the person chooses the reference group; ratios are to it', () => {
    const ev = run(fairnessCheck, loans(), ROLES, { referenceGroups: { sex: 'male' }, intersections: [] }).evidence as { by: Record<string, KeyEvidence> };
    assert.equal(ev.by.sex!.reference_group, 'male');
    assert.equal(ev.by.sex!.reference_chosen_by, 'person');
    close(ev.by.sex!.ratio_to_reference.female!.selection_rate, 0.41 / 0.63);
  });
  test('a reference group that does not exist falls back to the largest, with a note', () => {
    const ev = run(fairnessCheck, loans(), ROLES, { referenceGroups: { sex: 'Female' }, intersections: [] }).evidence as { by: Record<string, KeyEvidence> };
    assert.equal(ev.by.sex!.reference_group, 'female');
    assert.match(ev.by.sex!.reference_note!, /no group "Female"/);
  });
  test('intersections asked for explicitly; unknown columns are skipped with a reason', () => {
    const ev = run(fairnessCheck, loans(), ROLES, { intersections: [['age', 'sex'], ['sex', 'region']] }).evidence as { by: Record<string, KeyEvidence>; skipped: unknown[] };
    assert.deepEqual(Object.keys(ev.by), ['sex', 'age', 'age+sex']);
    assert.deepEqual(ev.skipped, [{ key: 'sex+region', columns: ['sex', 'region'], reason: 'Not a sensitive column: region.' }]);
  });
  test('an id-like sensitive column (more than 500 groups) is skipped with a reason', () => {
    const n = 600;
    const t = table(
      codes('sex', Array.from({ length: n }, (_, i) => (i % 2 ? 'f' : 'm'))),
      codes('name', Array.from({ length: n }, (_, i) => `person ${i}`)),
      codes('y', Array.from({ length: n }, (_, i) => String(i % 3 === 0 ? 1 : 0))),
      codes('p', Array.from({ length: n }, (_, i) => String(i % 5 === 0 ? 1 : 0))),
    );
    const ev = run(fairnessCheck, t, { target: 'y', prediction: 'p', task: 'binary', positiveClass: '1', sensitive: { sex: 'sex', name: 'name' } }).evidence as { by: Record<string, KeyEvidence>; skipped: { key: string; reason: string }[] };
    assert.deepEqual(Object.keys(ev.by), ['sex']);
    assert.deepEqual(ev.skipped.map((s) => s.key), ['name', 'sex+name']);
    assert.match(ev.skipped[0]!.reason, /It has 600 groups; fairness compares at most 500/);
  });
  test('a bigger minimum group size leaves too few groups: not enough data to say', () => {
    const out = run(fairnessCheck, loans(), ROLES, { minGroupSize: 250, intersections: [] });
    const f = out.findings.find((x) => x.id === 'fairness.groups:sex')!;
    assert.equal(f.status, 'not-enough-data');
    assert.equal(f.confidence.kind, 'not-enough-data');
    const ev = out.evidence as { by: Record<string, KeyEvidence> };
    assert.equal(ev.by.sex!.demographic_parity_difference.value, null);
    assert.deepEqual(ev.by.sex!.excluded_groups, ['female', 'male', '(missing)']);
    assert.match(fairnessTexts['fairness.groups']!.headline(f), /not enough data to say/);
  });
  test('a large gap in small groups is not an issue: it could be chance', () => {
    // 40 vs 40 rows: selected 10/40 vs 18/40 (ratio 0.56, p ≈ 0.06), TPR and FPR 0.25 vs 0.45 (p ≈ 0.3) → passed, large.
    const sex = rep<string | null>(['a', 40], ['b', 40]);
    const truth = [...rep(['1', 20], ['0', 20]), ...rep(['1', 20], ['0', 20])];
    const pred = [...rep(['1', 5], ['0', 15], ['1', 5], ['0', 15]), ...rep(['1', 9], ['0', 11], ['1', 9], ['0', 11])];
    const out = run(fairnessCheck, table(codes('sex', sex), codes('y', truth), codes('p', pred)), { target: 'y', prediction: 'p', task: 'binary', positiveClass: '1', sensitive: { sex: 'sex' } });
    const f = out.findings[0]!;
    assert.equal(f.status, 'passed');
    assert.equal(f.numbers.large, true);
    assert.equal(f.numbers.significant, false);
    assert.match(fairnessTexts['fairness.groups']!.headline(f), /could be chance/);
  });
});

describe('representation against expected shares', () => {
  test('shares of the rows with a value (missing left out), each with its test', () => {
    const out = run(fairnessCheck, loans(), ROLES, { representation: { sex: { female: 0.55, male: 0.45 } }, intersections: [] });
    const rep0 = (out.evidence.representation as Record<string, { rows: number; missing: number; groups: { group: string; under_represented: boolean; p_value: number }[] }>).sex!;
    assert.equal(rep0.rows, 400);
    assert.equal(rep0.missing, 20);
    const female = rep0.groups.find((g) => g.group === 'female')!;
    assert.equal(female.under_represented, false); // 0.5 ≥ 0.8 × 0.55 = 0.44
    close(female.p_value, 0.049877619695700356, 1e-9); // scipy.stats.binomtest(200, 400, 0.55)
    assert.deepEqual(out.findings.filter((f) => f.check === 'fairness.representation').map((f) => f.status), ['passed']);
  });
  test('flagged when the share is below 0.8 × expected and beyond chance', () => {
    const out = run(fairnessCheck, loans(), ROLES, { representation: { sex: { female: 0.75, male: 0.25 } }, intersections: [] });
    const flagged = out.findings.filter((f: Finding) => f.check === 'fairness.representation');
    assert.deepEqual(flagged.map((f) => f.id), ['fairness.representation:sex:female']);
    const f = flagged[0]!;
    assert.equal(f.status, 'issue');
    assert.equal(f.severity, 'medium'); // 0.5 / 0.75 = 0.67, not below half
    close(f.numbers.observed_share as number, 0.5);
    assert.equal(f.confidence.interval?.method, 'wilson');
    assert.equal(fairnessTexts['fairness.representation']!.headline(f), '“female” are 50% of the rows with a sex, against 75% expected (p < 0.001).');
  });
  test('nothing under-represented: one passed finding; works without a model too', () => {
    const out = run(fairnessCheck, loans(), { sensitive: { sex: 'sex' } }, { representation: { sex: { female: 0.5, male: 0.5 } } });
    assert.equal(out.evidence.available, false);
    assert.deepEqual(out.findings.map((f) => [f.id, f.status]), [['fairness.representation:sex', 'passed']]);
  });
});

describe('amounts (regression)', () => {
  test('MAE per group; a gap of 2× that is beyond chance is an issue', () => {
    const n = 200;
    const region = Array.from({ length: n }, (_, i) => (i % 2 === 0 ? 'north' : 'south'));
    const truth = Array.from({ length: n }, (_, i) => 100 + (i % 7));
    const pred = truth.map((v, i) => v + (i % 2 === 0 ? 2 : 1) * (i % 4 < 2 ? 1 : -1) * (1 + (i % 3) / 2));
    const out = run(fairnessCheck, table(codes('region', region), num('price', truth), num('guess', pred)), { target: 'price', prediction: 'guess', task: 'regression', sensitive: { region: 'region' } });
    const ev = out.evidence as { task: string; by: Record<string, KeyEvidence> };
    assert.equal(ev.task, 'regression');
    const g = ev.by.region!;
    close(g.mae_ratio.value, 0.5, 1e-2);
    assert.equal(g.groups[0]!.selection_rate.value, null);
    assert.equal(g.demographic_parity_difference.value, null);
    const f = out.findings[0]!;
    assert.equal(f.status, 'issue');
    assert.equal(f.severity, 'high');
    assert.match(fairnessTexts['fairness.groups']!.headline(f), /^By region: the model’s guesses are off by 2.99 on average for “north”, 1.5 for “south”: a gap this large would be unusual by chance/);
  });
});
