import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { columnGrouping, defaultIntersections, intersectGroupings, MISSING_GROUP, selectRows, type Grouping } from '../../../../src/shared/fairness/groups';
import { looksLikeAge, numericBins } from '../../../../src/shared/fairness/numeric-groups';
import { codes, num } from './helpers';

const named = (g: Grouping): string[] => Array.from(g.codes, (c) => g.labels[c]!);

describe('one column', () => {
  test('categories keep their order; missing values form "(missing)", listed last', () => {
    const g = columnGrouping(codes('sex', ['f', null, 'm', 'f', null]));
    assert.deepEqual(g.labels, ['f', 'm', MISSING_GROUP]);
    assert.deepEqual(named(g), ['f', '(missing)', 'm', 'f', '(missing)']);
    assert.deepEqual(g.columns, ['sex']);
  });
  test('no "(missing)" group when nothing is missing; dictionary entries with no rows are dropped', () => {
    const col = codes('sex', ['f', 'm']);
    col.dictionary.push('x');
    assert.deepEqual(columnGrouping(col).labels, ['f', 'm']);
  });
  test('a real value spelled "(missing)" keeps its name', () => {
    assert.deepEqual(columnGrouping(codes('c', ['(missing)', null])).labels, ['(missing)', '(no value)']);
  });
  test('selecting rows (the ones the model check kept) compacts the groups', () => {
    const g = selectRows(columnGrouping(codes('sex', ['f', 'm', 'x', 'm'])), Uint32Array.of(1, 3, 0));
    assert.deepEqual(g.labels, ['f', 'm']);
    assert.deepEqual(named(g), ['m', 'm', 'f']);
  });
});

describe('group codes take the narrowest array that holds them', () => {
  test('under 256 groups a byte a row; more, two bytes; the groups are the same either way', () => {
    const few = codes('few', Array.from({ length: 600 }, (_, i) => (i % 7 === 0 ? null : `v${i % 255}`))); // 255 values + (missing)
    const many = codes('many', Array.from({ length: 600 }, (_, i) => `w${i % 300}`));
    const g = columnGrouping(few);
    const h = columnGrouping(many);
    assert.ok(g.codes instanceof Uint8Array, 'few');
    assert.ok(h.codes instanceof Uint16Array, 'many');
    assert.deepEqual(named(g), [...few.codes].map((c) => (c < 0 ? MISSING_GROUP : few.dictionary[c]!)));
    assert.deepEqual(named(h).slice(295, 305), ['w295', 'w296', 'w297', 'w298', 'w299', 'w0', 'w1', 'w2', 'w3', 'w4']);
    // 16 × 17 = 272 possible combinations: past a byte, though each part fits one.
    const a = columnGrouping(codes('a', Array.from({ length: 600 }, (_, i) => `a${i % 16}`)));
    const b = columnGrouping(codes('b', Array.from({ length: 600 }, (_, i) => `b${Math.floor(i / 16) % 17}`)));
    const ab = intersectGroupings([a, b]);
    assert.ok(a.codes instanceof Uint8Array && ab.codes instanceof Uint16Array);
    assert.deepEqual(named(ab).slice(0, 3), ['a0 & b0', 'a1 & b0', 'a2 & b0']);
    assert.equal(named(ab)[599], `a${599 % 16} & b${Math.floor(599 / 16) % 17}`);
    const selected = selectRows(h, Uint32Array.of(299, 0, 299));
    assert.deepEqual([selected.labels, named(selected)], [['w0', 'w299'], ['w299', 'w0', 'w299']]);
  });
});

describe('number columns are grouped', () => {
  test('five or fewer distinct values: one group per value', () => {
    const g = columnGrouping(num('is_female', [1, 0, 0, null, 1]));
    assert.deepEqual(g.labels, ['0', '1', MISSING_GROUP]);
    assert.deepEqual(named(g), ['1', '0', '0', '(missing)', '1']);
    assert.equal(g.bins?.rule, 'values');
  });
  test('a column about age: under 25, 25–39, 40–59, 60+ (bins with no one are not listed)', () => {
    const g = columnGrouping(num('applicant_age', [18, 24.9, 25, 39, 39.5, 40, 59, 60, 88, null]));
    assert.equal(g.bins?.rule, 'age');
    assert.deepEqual(named(g), ['under 25', 'under 25', '25–39', '25–39', '25–39', '40–59', '40–59', '60+', '60+', '(missing)']);
    assert.deepEqual(columnGrouping(num('Age', [30, 31, 32, 33, 34, 35])).labels, ['25–39']);
    assert.deepEqual(columnGrouping(num('years', [30, 31, 32, 33, 34, 70]), 'age').labels, ['25–39', '60+']);
  });
  test('the word age, not page or agent', () => {
    for (const yes of ['age', 'Age', 'AGE', 'age_years', 'applicant age', 'applicantAge']) assert.ok(looksLikeAge(yes), yes);
    for (const no of ['page', 'agent', 'mileage', 'wage']) assert.ok(!looksLikeAge(no), no);
  });
  test('other numbers: quartile groups; whole numbers labelled by the numbers they hold', () => {
    // 1..20: numpy quartiles 5.75, 10.5, 15.25 → [1, 5], [6, 10], [11, 15], [16, 20].
    const values = Array.from({ length: 20 }, (_, i) => i + 1);
    const bins = numericBins(Float64Array.from(values), new Uint8Array(20).fill(1), 'income');
    assert.deepEqual(bins.cuts, [5.75, 10.5, 15.25]);
    assert.deepEqual(bins.labels, ['1–5', '6–10', '11–15', '16–20']);
    const g = columnGrouping(num('income', values));
    assert.deepEqual(Array.from(g.codes.subarray(0, 7)), [0, 0, 0, 0, 0, 1, 1]);
  });
  test('decimals: "under a", "a to under b", "c or more"; repeated cut points used once', () => {
    const values = [0.5, 1, 1, 1, 1, 1, 2.5, 3, 4.25, 7];
    // numpy quantiles: 25% = 1, 50% = 1, 75% = 2.875 → cuts [1, 2.875].
    const bins = numericBins(Float64Array.from(values), new Uint8Array(values.length).fill(1), 'score');
    assert.deepEqual(bins.cuts, [1, 2.875]);
    assert.deepEqual(bins.labels, ['under 1', '1 to under 2.875', '2.875 or more']);
  });
});

describe('intersections', () => {
  const sex = columnGrouping(codes('sex', ['f', 'm', 'f', 'm', null, 'f']));
  const region = columnGrouping(codes('region', ['N', 'N', 'S', 'S', 'S', 'N']));
  const band = columnGrouping(codes('band', ['x', 'x', 'x', 'y', 'y', 'y']));
  test('key "a+b", groups "a & b", only combinations that occur, in the parts\' order', () => {
    const g = intersectGroupings([sex, region]);
    assert.equal(g.key, 'sex+region');
    assert.deepEqual(g.columns, ['sex', 'region']);
    assert.deepEqual(g.labels, ['f & N', 'f & S', 'm & N', 'm & S', '(missing) & S']);
    assert.deepEqual(named(g), ['f & N', 'm & N', 'f & S', 'm & S', '(missing) & S', 'f & N']);
  });
  test('three columns', () => {
    const g = intersectGroupings([sex, region, band]);
    assert.equal(g.key, 'sex+region+band');
    assert.deepEqual(named(g), ['f & N & x', 'm & N & x', 'f & S & x', 'm & S & y', '(missing) & S & y', 'f & N & y']);
  });
  test('many possible combinations go through the sparse path and give the same answer', () => {
    const n = 3000;
    const a = codes('a', Array.from({ length: n }, (_, i) => `a${i % 2100}`));
    const b = codes('b', Array.from({ length: n }, (_, i) => `b${(i * 7) % 2100}`));
    const g = intersectGroupings([columnGrouping(a), columnGrouping(b)]); // 2100² > 2²² possible
    for (let i = 0; i < n; i += 97) assert.equal(g.labels[g.codes[i]!], `a${i % 2100} & b${(i * 7) % 2100}`);
    // Order follows the parts: sorted by (a code, b code).
    const firstA = g.labels.map((l) => Number(l.split(' & ')[0]!.slice(1)));
    for (let k = 1; k < firstA.length; k++) assert.ok(firstA[k]! >= firstA[k - 1]!);
  });
  test('default: every pair, then every triple', () => {
    assert.deepEqual(defaultIntersections(['a', 'b', 'c']), [['a', 'b'], ['a', 'c'], ['b', 'c'], ['a', 'b', 'c']]);
    assert.deepEqual(defaultIntersections(['a']), []);
    assert.equal(defaultIntersections(['a', 'b', 'c', 'd']).length, 6 + 4);
  });
});
