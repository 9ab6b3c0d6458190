import assert from 'node:assert/strict';
import { test } from 'node:test';
import { mulberry32 } from '../../../../src/shared/metrics/random';
import { encodeFeatures } from '../../../../src/shared/slices/encode';
import { measuredRows, sliceMembers } from '../../../../src/shared/slices/members';
import { parseSlice, sliceMask } from '../../../../src/shared/slices/parse';
import type { Table } from '../../../../src/shared/table';
import { BINARY_ROLES, codes, num, roles, run } from './helpers';

const rowsWhere = (n: number, keep: (i: number) => boolean): number[] => Array.from({ length: n }, (_, i) => i).filter(keep);

/** Numbers with ties and gaps, decimals, dates, datetimes with seconds, categories with rare values; some missing. */
function mixedTable(n: number, seed: number): Table {
  const rand = mulberry32(seed);
  const maybe = <T>(v: T): T | null => (rand() < 0.05 ? null : v);
  const day = 86_400_000;
  const start = Date.UTC(2024, 0, 1);
  return {
    rowCount: n,
    columns: [
      num('visits', Array.from({ length: n }, () => maybe(rand() < 0.4 ? 0 : Math.floor(rand() * 6))), 'integer'),
      num('income', Array.from({ length: n }, () => maybe(Math.round(rand() * 1e7) / 100))),
      num('signed_up', Array.from({ length: n }, () => maybe(start + Math.floor(rand() * 400) * day)), 'date'),
      // Seconds and milliseconds: the words round them to the minute, the edges keep them.
      num('last_seen', Array.from({ length: n }, () => maybe(start + Math.floor(rand() * 3 * day))), 'datetime'),
      codes('city', Array.from({ length: n }, () => maybe(rand() < 0.9 ? ['Oslo', 'Rome', 'Lima'][Math.floor(rand() * 3)]! : `town ${Math.floor(rand() * 40)}`))),
      codes('outcome', Array.from({ length: n }, () => (rand() < 0.5 ? 'yes' : 'no'))),
      codes('decision', Array.from({ length: n }, () => (rand() < 0.5 ? 'yes' : 'no'))),
    ],
  };
}

test('every code of every feature: the rows its condition selects are exactly the rows encoding gave that code', () => {
  const t = mixedTable(3000, 5);
  // Encoded over some of the rows (as the search sees only rows with an outcome and a decision).
  const kept = Uint32Array.from(rowsWhere(t.rowCount, (i) => i % 7 !== 3));
  const { features } = encodeFeatures(t, roles({ target: 'outcome', prediction: 'decision' }), kept, { bins: 10, minCount: 30 });
  assert.deepEqual(
    features.map((f) => f.column),
    ['visits', 'income', 'signed_up', 'last_seen', 'city'],
  );
  let roundedWords = 0;
  for (const f of features) {
    f.conditions.forEach((condition, code) => {
      const expected = rowsWhere(kept.length, (k) => f.codes[k] === code).map((k) => kept[k]!);
      const members = sliceMembers(t, kept, [condition]);
      assert.ok(members, condition.label);
      assert.deepEqual([...members], expected, `${condition.label}: ${members.length} rows, encoding has ${expected.length}`);
      if (f.column === 'last_seen' && condition.bin && typeof condition.value === 'string') {
        const edge = condition.op === '<' ? condition.bin.upper : condition.bin.lower;
        if (edge !== null && Date.parse(`${condition.value.replace(' ', 'T')}Z`) !== edge) roundedWords++;
      }
    });
  }
  // The datetime words are rounded, so the edges are what made these agree.
  assert.ok(roundedWords > 0);
});

test('a depth-2 slice found by the search: its conditions select its rows (size and examples)', () => {
  const t = mixedTable(6000, 9);
  // A weaker model for Rome with income below the median, so the search finds a slice there.
  const income = t.columns[1]!;
  const city = t.columns[4]!;
  const decision = t.columns[6]!;
  const outcome = t.columns[5]!;
  if (income.storage !== 'number' || city.storage !== 'codes' || decision.storage !== 'codes' || outcome.storage !== 'codes') throw new Error('shape');
  const rand = mulberry32(3);
  const rome = city.dictionary.indexOf('Rome');
  for (let i = 0; i < t.rowCount; i++) {
    const weak = city.codes[i] === rome && income.valid[i] === 1 && income.values[i]! < 50_000;
    const wrong = rand() < (weak ? 0.45 : 0.15);
    decision.codes[i] = wrong ? 1 - outcome.codes[i]! : outcome.codes[i]!;
  }
  const out = run(t, BINARY_ROLES);
  const found = out.findings.filter((f) => f.check === 'slices.weak' && f.status === 'issue');
  assert.ok(found.some((f) => f.columns.length === 2), found.map((f) => f.id).join('\n'));
  const measured = measuredRows(t, BINARY_ROLES)!;
  for (const f of found) {
    const members = sliceMembers(t, measured, f.conditions!)!;
    assert.equal(members.length, f.rows!.count, f.id);
    assert.deepEqual([...members.subarray(0, 20)].map((r) => r + 1), f.rows!.examples, f.id);
  }
});

test('a person’s slice: its conditions (dates as written, a list of values) select the rows the check evaluated', () => {
  const t = mixedTable(2000, 12);
  const definition = 'last_seen >= "2024-01-02 06:30" & city in (Oslo, Lima) & visits != 0';
  const out = run(t, BINARY_ROLES, { customSlices: [definition] });
  const f = out.findings.find((x) => x.check === 'slices.custom')!;
  assert.equal(f.numbers.definition, definition);
  const members = sliceMembers(t, measuredRows(t, BINARY_ROLES)!, f.conditions!)!;
  assert.equal(members.length, f.rows!.count);
  const parsed = parseSlice(definition, t);
  assert.ok(parsed.ok);
  const mask = sliceMask(t, parsed.conditions);
  assert.deepEqual([...members], rowsWhere(t.rowCount, (i) => mask[i] === 1));
});

test('conditions that do not fit the table select nothing: null (the export then lists the examples)', () => {
  const t: Table = { rowCount: 3, columns: [num('age', [1, 2, 3]), codes('region', ['North', 'South', 'North'])] };
  const all = Uint32Array.of(0, 1, 2);
  assert.equal(sliceMembers(t, all, [{ column: 'city', op: '=', value: 'Oslo', label: 'city = Oslo' }]), null);
  assert.equal(sliceMembers(t, all, [{ column: 'region', op: '=', value: 'East', label: 'region = East' }]), null);
  assert.equal(sliceMembers(t, all, [{ column: 'region', op: '<', value: 3, label: 'region < 3' }]), null);
  assert.equal(sliceMembers(t, all, []), null);
  assert.deepEqual([...sliceMembers(t, all, [{ column: 'region', op: '!=', value: 'South', label: 'region ≠ South' }])!], [0, 2]);
  assert.deepEqual([...sliceMembers(t, Uint32Array.of(1, 2), [{ column: 'age', op: 'between', value: [1, 3], label: 'age 1 to < 3' }])!], [1]);
});
