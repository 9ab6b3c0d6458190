/**
 * Scale sanity: 200,000 rows × 3 sensitive columns (two categories and an age) with every
 * intersection (3 pairs + 1 triple), a prediction and a score. This is not a timing assertion
 * (shared CI machines vary); it runs the real check at a size where a per-row object or a Map in
 * the hot loop would show, and reports the time as a test diagnostic. The benchmark lives in bench/.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { KeyEvidence } from '../../../../src/shared/checks/fairness/evidence';
import { fairnessCheck } from '../../../../src/shared/checks/fairness/fairness-check';
import { DEFAULT_CHECK_OPTIONS } from '../../../../src/shared/checks/options';
import { mulberry32 } from '../../../../src/shared/metrics/random';
import type { Table } from '../../../../src/shared/table';
import { roles } from './helpers';

test('200,000 rows × 3 sensitive columns + intersections', (t) => {
  const n = 200_000;
  const rand = mulberry32(11);
  const sex = new Int32Array(n);
  const region = new Int32Array(n);
  const truth = new Int32Array(n);
  const decision = new Int32Array(n);
  const age = new Float64Array(n);
  const score = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    sex[i] = rand() < 0.01 ? -1 : rand() < 0.5 ? 0 : 1;
    region[i] = Math.floor(rand() * 6);
    age[i] = 18 + Math.floor(rand() * 70);
    truth[i] = rand() < 0.35 + 0.05 * sex[i]! ? 1 : 0;
    score[i] = Math.min(1, Math.max(0, 0.35 * truth[i]! + 0.65 * rand()));
    decision[i] = score[i]! >= 0.5 ? 1 : 0;
  }
  const table: Table = {
    rowCount: n,
    columns: [
      { storage: 'codes', name: 'sex', kind: 'category', codes: sex, dictionary: ['female', 'male'] },
      { storage: 'codes', name: 'region', kind: 'category', codes: region, dictionary: ['N', 'S', 'E', 'W', 'C', 'X'] },
      { storage: 'number', name: 'age', kind: 'integer', values: age, valid: new Uint8Array(n).fill(1) },
      { storage: 'codes', name: 'repaid', kind: 'category', codes: truth, dictionary: ['no', 'yes'] },
      { storage: 'codes', name: 'decision', kind: 'category', codes: decision, dictionary: ['no', 'yes'] },
      { storage: 'number', name: 'score', kind: 'decimal', values: score, valid: new Uint8Array(n).fill(1) },
    ],
  };
  const r = roles({ target: 'repaid', prediction: 'decision', score: 'score', task: 'binary', positiveClass: 'yes', sensitive: { sex: 'sex', region: 'region', age: 'age' } });
  const started = performance.now();
  const out = fairnessCheck.run({ table, columns: [], roles: r, options: DEFAULT_CHECK_OPTIONS, now: 0 });
  t.diagnostic(`fairness check on ${n} rows, 7 groupings: ${(performance.now() - started).toFixed(0)} ms`);
  const by = (out.evidence as { by: Record<string, KeyEvidence> }).by;
  assert.deepEqual(Object.keys(by), ['sex', 'region', 'age', 'sex+region', 'sex+age', 'region+age', 'sex+region+age']);
  for (const key of Object.keys(by)) assert.equal(by[key]!.groups.reduce((s, g) => s + g.count, 0), n, key);
  assert.equal(by['sex+region+age']!.groups.length, 3 * 6 * 4);
  assert.equal(out.findings.length, 7);
});
