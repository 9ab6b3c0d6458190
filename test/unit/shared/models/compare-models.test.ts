import assert from 'node:assert/strict';
import { test } from 'node:test';
import { compareModels, delongPaired, mcnemar, recommendation } from '../../../../src/shared/models/compare-models';
import { delongAuc } from '../../../../src/shared/metrics/fast-intervals';
import { assertClose } from '../metrics/assert-close';

test('McNemar: exact binomial below 25 discordant pairs, corrected chi-square above (hand-worked, as statsmodels)', () => {
  // b = 10, c = 3: 2 · P(X ≤ 3; 13, ½) = 2 · (1 + 13 + 78 + 286) / 8192.
  const exact = mcnemar(10, 3);
  assert.equal(exact.method, 'exact-binomial');
  assertClose(exact.p_value, (2 * 378) / 8192, 1e-12);
  // b = 30, c = 12: (|30 − 12| − 1)² / 42 = 289 / 42; p = P(χ²₁ > 6.881) = erfc(√(6.881/2))
  const chi = mcnemar(30, 12);
  assert.equal(chi.method, 'chi-square-corrected');
  assertClose(chi.statistic, 289 / 42, 1e-12);
  assertClose(chi.p_value, 0.008711912962379, 1e-12); // = erfc(√(x/2)) for one degree of freedom
  assert.equal(mcnemar(0, 0).p_value, 1);
});

test('DeLong paired AUC test on a hand-worked example; symmetric; identical scores give no difference', () => {
  const y = Uint8Array.from([1, 1, 0, 0]);
  const a = Float64Array.from([0.9, 0.4, 0.5, 0.1]);
  const b = Float64Array.from([0.8, 0.7, 0.3, 0.2]);
  const r = delongPaired(y, a, b)!;
  assertClose(r.auc_a, 0.75);
  assertClose(r.auc_b, 1);
  // var10 = var([1, .5]) = .125, var01 = var([.5, 1]) = .125 (B's components constant): se = √(.125/2 + .125/2).
  const se = Math.sqrt(0.125);
  assertClose(r.z, 0.25 / se, 1e-12);
  assertClose(r.p_value, 0.4795001221869535, 1e-9);
  assertClose(r.interval.lower, 0.25 - 1.959963984540054 * se, 1e-9);
  const back = delongPaired(y, b, a)!;
  assertClose(back.difference, -r.difference);
  assertClose(back.p_value, r.p_value);
  const same = delongPaired(y, a, a)!;
  assert.equal(same.difference, 0);
  assert.equal(same.p_value, 1);
  assert.equal(delongPaired(Uint8Array.from([1, 1]), a.subarray(0, 2), b.subarray(0, 2)), null);
});

test('each AUC matches the single-model DeLong AUC on generated data', () => {
  let s = 3;
  const rand = (): number => ((s = (s * 16807) % 2147483647) / 2147483647);
  const n = 2000;
  const y = new Uint8Array(n);
  const a = new Float64Array(n);
  const b = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    y[i] = rand() < 0.4 ? 1 : 0;
    a[i] = Math.round((y[i]! * 0.3 + rand()) * 100) / 100; // ties on purpose
    b[i] = y[i]! * 0.6 + rand();
  }
  const r = delongPaired(y, a, b)!;
  assertClose(r.auc_a, delongAuc(y, a)!.auc, 1e-12);
  assertClose(r.auc_b, delongAuc(y, b)!.auc, 1e-12);
  assert.ok(r.p_value < 1e-6, 'B is clearly better');
});

test('model comparison: agreement, accuracies, McNemar overall and per group with BH, and the recommendation names the group where the new model is worse', () => {
  const n = 1200;
  const y = new Uint8Array(n);
  const a = new Uint8Array(n);
  const b = new Uint8Array(n);
  const codes = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    y[i] = i % 2;
    codes[i] = i < 200 ? 1 : 0; // group "60+" is the first 200 rows
    // A is right 80% everywhere; B right 95% for "under 60", 50% for "60+".
    a[i] = i % 10 < 8 ? y[i]! : 1 - y[i]!;
    b[i] = codes[i] === 1 ? (i % 4 < 2 ? y[i]! : 1 - y[i]!) : i % 20 < 19 ? y[i]! : 1 - y[i]!;
  }
  const r = compareModels({ yTrue: y, predA: a, predB: b, groups: [{ column: 'age', labels: ['under 60', '60+'], codes }] });
  assert.equal(r.rows, n);
  assertClose(r.accuracy_a.value, 0.8);
  assert.equal(r.verdict, 'b-better');
  const old = r.groups.find((g) => g.group === '60+')!;
  assertClose(old.accuracy_b, 0.5);
  assert.equal(old.worse, true);
  assert.equal(r.groups.find((g) => g.group === 'under 60')!.better, true);
  assert.equal(recommendation(r, { a: 'current', b: 'retrained' }), '“retrained” is better overall than “current”, but worse for age = 60+: consider keeping “current” for that group or fixing the new model there before switching.');
  // Swapped: the new model is worse overall and worse for the group too — "and also", not "but".
  const swapped = compareModels({ yTrue: y, predA: b, predB: a, groups: [{ column: 'age', labels: ['under 60', '60+'], codes }] });
  assert.equal(swapped.verdict, 'a-better');
  assert.equal(recommendation(swapped, { a: 'current', b: 'retrained' }), '“retrained” is worse overall than “current”, and also worse for age = under 60: keep the current model.');
});
