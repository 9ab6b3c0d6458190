import assert from 'node:assert/strict';
import { test } from 'node:test';
import { slicesCheck } from '../../../../src/shared/checks/slices/slices-check';
import { sliceSeverity } from '../../../../src/shared/checks/slices/slice-findings';
import { mulberry32 } from '../../../../src/shared/metrics/random';
import { slicesTexts } from '../../../../src/shared/text/en/slices';
import type { Table } from '../../../../src/shared/table';
import { codes, generated, num, roles, run } from './helpers';

test('the check is "slices.weak" in the slices category, and not available without an outcome and a prediction or score', () => {
  assert.equal(slicesCheck.id, 'slices.weak');
  assert.equal(slicesCheck.category, 'slices');
  const t: Table = { rowCount: 3, columns: [num('age', [1, 2, 3]), codes('y', ['a', 'b', 'a'])] };
  const none = run(t, roles());
  assert.equal(none.evidence.available, false);
  assert.match(String(none.evidence.reason), /outcome/);
  assert.deepEqual(none.findings, []);
  const noPrediction = run(t, roles({ target: 'y', task: 'binary', positiveClass: 'a' }));
  assert.equal(noPrediction.evidence.available, false);
  assert.match(String(noPrediction.evidence.reason), /no prediction and no score/);
});

test('too few rows to search: a not-enough-data finding, never a verdict', () => {
  const t = generated({ rows: 40, seed: 1, baseError: 0.2, sliceError: 0.2 });
  const out = run(t, roles({ target: 'outcome', prediction: 'decision', task: 'binary', positiveClass: 'yes' }));
  assert.equal(out.evidence.examined, 0);
  assert.equal(out.findings[0]!.id, 'slices.weak:none');
  assert.equal(out.findings[0]!.status, 'not-enough-data');
  assert.match(slicesTexts['slices.weak']!.headline(out.findings[0]!), /too few rows/);
});

test('evidence uses the report field names', () => {
  const out = run(generated({ rows: 10_000, seed: 2, baseError: 0.1, sliceError: 0.25 }), roles({ target: 'outcome', prediction: 'decision', task: 'binary', positiveClass: 'yes' }), {
    customSlices: ['region = North'],
  });
  const ev = out.evidence;
  for (const key of ['available', 'error_kind', 'rows', 'overall_error', 'examined', 'min_support', 'fdr', 'max_depth', 'score_alpha', 'significant', 'slices', 'custom', 'levels', 'features']) {
    assert.ok(key in ev, key);
  }
  const slice = (ev.slices as Record<string, unknown>[])[0]!;
  assert.deepEqual(Object.keys(slice).sort(), ['columns', 'conditions', 'description', 'error', 'error_outside', 'example_rows', 'lift', 'p_value', 'q_value', 'score', 'sensitive', 'share', 'size'].sort());
  // A quantile bin also keeps its exact edges (`bin`); a category condition has none.
  for (const c of slice.conditions as object[]) {
    const keys = Object.keys(c).sort();
    assert.ok(['bin,column,label,op,value', 'column,label,op,value'].includes(keys.join(',')), keys.join(','));
  }
  assert.deepEqual(Object.keys(slice.error as object).sort(), ['interval', 'value']);
  assert.equal(ev.fdr, 0.05);
  assert.equal(ev.max_depth, 3);
  assert.ok(JSON.parse(JSON.stringify(ev)));
});

test('regression: absolute error, Welch test, a planted slice found first, words about the average miss', () => {
  const rand = mulberry32(4);
  const n = 6000;
  const region: string[] = [];
  const size: number[] = [];
  const price: number[] = [];
  const guess: number[] = [];
  for (let i = 0; i < n; i++) {
    const r = ['a', 'b', 'c', 'd'][Math.floor(rand() * 4)]!;
    const s = Math.round(rand() * 200);
    const p = 100 + rand() * 100;
    const spread = r === 'c' && s >= 160 ? 20 : 10;
    region.push(r);
    size.push(s);
    price.push(p);
    guess.push(p + (rand() - 0.5) * 2 * spread);
  }
  const t: Table = { rowCount: n, columns: [codes('region', region), num('size', size, 'integer'), num('price', price), num('guess', guess)] };
  const out = run(t, roles({ target: 'price', prediction: 'guess', task: 'regression' }));
  const ev = out.evidence as { error_kind: string; slices: { description: string; lift: number; error: { interval: { method: string } } }[] };
  assert.equal(ev.error_kind, 'absolute_error');
  assert.equal(ev.slices[0]!.description, 'region = c and size 160+');
  assert.ok(ev.slices[0]!.lift > 1.6);
  assert.equal(ev.slices[0]!.error.interval.method, 'normal');
  const f = out.findings[0]!;
  assert.equal(f.chart?.kind === 'intervals' && f.chart.unit, 'number');
  assert.match(slicesTexts['slices.weak']!.headline(f), /^The model’s guess is off by [\d.]+ on average for region = c and size 160\+ \(\d+ rows\), against [\d.]+ elsewhere\.$/);
});

test('binary with only a score: log loss per row', () => {
  const rand = mulberry32(8);
  const n = 4000;
  const group: string[] = [];
  const y: string[] = [];
  const score: number[] = [];
  for (let i = 0; i < n; i++) {
    const g = ['x', 'y', 'z'][i % 3]!;
    const positive = rand() < 0.5;
    const sharp = g === 'z' ? 0.15 : 0.35; // group z: scores much less sure, so a higher log loss
    group.push(g);
    y.push(positive ? '1' : '0');
    score.push(positive ? 0.5 + sharp + (rand() - 0.5) * 0.1 : 0.5 - sharp + (rand() - 0.5) * 0.1);
  }
  const t: Table = { rowCount: n, columns: [codes('group', group), codes('y', y), num('score', score)] };
  const out = run(t, roles({ target: 'y', score: 'score', task: 'binary', positiveClass: '1' }));
  assert.equal(out.evidence.error_kind, 'log_loss');
  const f = out.findings[0]!;
  assert.equal(f.groups?.[0], 'group = z');
  assert.match(slicesTexts['slices.weak']!.headline(f), /log loss/);
});

test('severity by lift and size', () => {
  const at = (lift: number | null, share: number, error = 0.3) => sliceSeverity({ lift, share, error: { value: error, interval: null } });
  assert.equal(at(2.1, 0.06), 'high');
  assert.equal(at(2.1, 0.02), 'medium');
  assert.equal(at(1.6, 0.5), 'medium');
  assert.equal(at(1.3, 0.5), 'low');
  assert.equal(at(null, 0.1), 'high'); // errors only inside the slice
});

test('every text renders for every status without blanks', () => {
  const out = run(generated({ rows: 20_000, seed: 1, baseError: 0.1, sliceError: 0.2 }), roles({ target: 'outcome', prediction: 'decision', task: 'binary', positiveClass: 'yes' }), {
    customSlices: ['region = North & age >= 60', 'plan = basic', 'age < 21 & region = West & plan = pro & x1 < 10'],
  });
  assert.deepEqual(
    out.findings.filter((f) => f.check === 'slices.custom').map((f) => f.status),
    ['issue', 'passed', 'not-enough-data'],
  );
  for (const f of out.findings) {
    const t = slicesTexts[f.check]!;
    for (const s of [t.title, t.headline(f), t.why(f), t.action(f), t.learnMore]) assert.ok(s.length > 10 && !/undefined|NaN|null/.test(s), `${f.id}: ${s}`);
  }
});
