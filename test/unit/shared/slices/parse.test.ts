import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseSlice, sliceMask } from '../../../../src/shared/slices/parse';
import type { Table } from '../../../../src/shared/table';
import { BINARY_ROLES, codes, num, run } from './helpers';

const table: Table = {
  rowCount: 6,
  columns: [
    num('age', [25, 61, 70, null, 60, 45], 'integer'),
    codes('region', ['North', 'North', 'South', 'North', 'New York', null]),
    num('annual income', [10, 20, 30, 40, 50, 60]),
    num('signed_up', [Date.UTC(2023, 0, 5), Date.UTC(2024, 2, 1), Date.UTC(2024, 5, 9), null, Date.UTC(2022, 1, 1), Date.UTC(2024, 2, 2)], 'date'),
  ],
};

const mask = (text: string): number[] => {
  const p = parseSlice(text, table);
  assert.ok(p.ok, p.ok ? '' : p.error);
  return [...sliceMask(table, p.conditions)];
};
const error = (text: string): string => {
  const p = parseSlice(text, table);
  assert.ok(!p.ok, `expected an error for ${text}`);
  return p.error;
};

test('conditions joined by & or "and"; numbers, categories, quoted values with spaces, backticked names', () => {
  assert.deepEqual(mask('age >= 60 & region = North'), [0, 1, 0, 0, 0, 0]);
  assert.deepEqual(mask('age>=60 and region=North'), [0, 1, 0, 0, 0, 0]);
  assert.deepEqual(mask('age >= 60 && region != North'), [0, 0, 1, 0, 1, 0]);
  assert.deepEqual(mask('region = "New York"'), [0, 0, 0, 0, 1, 0]);
  assert.deepEqual(mask("region in (South, 'New York')"), [0, 0, 1, 0, 1, 0]);
  assert.deepEqual(mask('region not in (North)'), [0, 0, 1, 0, 1, 0]); // missing never matches
  assert.deepEqual(mask('`annual income` > 35'), [0, 0, 0, 1, 1, 1]);
  assert.deepEqual(mask('"annual income" <= 20'), [1, 1, 0, 0, 0, 0]);
  assert.deepEqual(mask('annual income < 20'), [1, 0, 0, 0, 0, 0]);
  assert.deepEqual(mask('age is missing'), [0, 0, 0, 1, 0, 0]);
  assert.deepEqual(mask('region is not missing & age < 50'), [1, 0, 0, 0, 0, 0]);
  assert.deepEqual(mask('signed_up >= 2024-03-01'), [0, 1, 1, 0, 0, 1]);
  assert.deepEqual(mask('age = 60'), [0, 0, 0, 0, 1, 0]);
  assert.deepEqual(mask('age in (25, 45)'), [1, 0, 0, 0, 0, 1]);
});

test('parsed conditions carry the report shape and labels', () => {
  const p = parseSlice('age >= 60 & region in (North, South) & signed_up < 2024-03-01', table);
  assert.ok(p.ok);
  assert.deepEqual(
    p.conditions.map((c) => c.condition),
    [
      { column: 'age', op: '>=', value: 60, label: 'age ≥ 60' },
      { column: 'region', op: 'in', value: ['North', 'South'], label: 'region in North, South' },
      { column: 'signed_up', op: '<', value: '2024-03-01', label: 'signed_up < 2024-03-01' },
    ],
  );
});

test('errors say what and where, with a suggestion when a name or value is close', () => {
  assert.equal(error('agee >= 60'), 'Unknown column "agee" at position 1: did you mean "age"?');
  assert.equal(error('age >= 60 & regoin = North'), 'Unknown column "regoin" at position 13: did you mean "region"?');
  assert.equal(error('AGE > 3'), 'Unknown column "AGE" at position 1: did you mean "age"?');
  assert.equal(error('region = Nort'), '"Nort" at position 10 is not a value of "region": did you mean "North"?');
  assert.equal(error('region = New York'), 'Unexpected "York" at position 14: put a value with spaces in quotes, as in region = "New York".');
  assert.equal(error('age >= old'), '"old" at position 8 is not a number, and "age" holds numbers.');
  assert.equal(error('region < North'), '"<" compares numbers or dates, but "region" holds categories (at position 1): use =, != or in (…).');
  assert.equal(error('signed_up > yesterday'), '"yesterday" at position 13 is not a date; "signed_up" holds dates (write them as 2024-03-01).');
  assert.equal(error('age >= 60 &'), 'A condition is missing after "&" at position 11.');
  assert.equal(error('age >='), 'A value for "age" is missing at the end (position 7).');
  assert.equal(error('age 60'), 'Expected an operator (=, !=, <, <=, >, >=, in, is missing) after "age" at position 5, found "60".');
  assert.equal(error('region = "North'), 'The quote " at position 10 is never closed.');
  assert.equal(error('region in North'), 'Expected "(" to start the list of values at position 11, as in region in (North, South).');
  assert.equal(error(''), 'The slice is empty: write conditions such as age >= 60 & region = North.');
  assert.equal(error('age ! 3'), '"!" at position 5 must be followed by "=" (as in region != North).');
  assert.equal(error('income > 3'), 'Unknown column "income" at position 1.');
  assert.equal(error('age is missing now'), 'Unexpected "now" at position 16: join conditions with &.');
  assert.equal(error('yearly income > 3'), 'Unknown column "yearly income" at position 1: write a name with spaces in `backticks`.');
});

test('the check evaluates custom slices, reports parse errors in the evidence, and makes "slices.custom" findings', () => {
  const rows = 400;
  const age: number[] = [];
  const outcome: string[] = [];
  const decision: string[] = [];
  for (let i = 0; i < rows; i++) {
    const a = 20 + (i % 60);
    age.push(a);
    outcome.push(i % 2 ? 'yes' : 'no');
    // Wrong on every 3rd row aged 60+, every 10th row otherwise.
    const wrong = a >= 60 ? i % 3 === 0 : i % 10 === 0;
    decision.push(wrong === (i % 2 === 1) ? 'no' : 'yes');
  }
  const t: Table = { rowCount: rows, columns: [num('age', age, 'integer'), codes('outcome', outcome), codes('decision', decision)] };
  const out = run(t, BINARY_ROLES, { customSlices: ['age >= 60', 'agee < 3', 'age < 21'] });
  const ev = out.evidence as { custom: Record<string, unknown>[] };
  assert.equal(ev.custom.length, 3);
  assert.equal(ev.custom[0]!.parse_error, null);
  assert.equal(ev.custom[0]!.q_value, null);
  assert.equal(ev.custom[0]!.size, 120);
  assert.deepEqual(ev.custom[1], { definition: 'agee < 3', parse_error: 'Unknown column "agee" at position 1: did you mean "age"?', position: 1 });
  const custom = out.findings.filter((f) => f.check === 'slices.custom');
  assert.deepEqual(
    custom.map((f) => [f.id, f.status]),
    [
      ['slices.custom:age >= 60', 'issue'],
      ['slices.custom:age < 21', 'not-enough-data'],
    ],
  );
  assert.equal(custom[0]!.rows?.examples[0], 41); // the first row aged 60 is data row 41
});
