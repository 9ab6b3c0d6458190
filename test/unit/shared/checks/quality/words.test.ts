/**
 * How numbers read in the quality and slice texts: years without thousands separators, date-times
 * to the minute, "1 way" not "1 ways".
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { formatValue as cellValue } from '../../../../../src/shared/checks/quality/common';
import { impossibleValuesCheck } from '../../../../../src/shared/checks/quality/impossible';
import { missingTokensCheck } from '../../../../../src/shared/checks/quality/missing-tokens';
import { outliersCheck } from '../../../../../src/shared/checks/quality/outliers';
import { encodeNumberColumn } from '../../../../../src/shared/slices/encode';
import { binCondition, formatValue } from '../../../../../src/shared/slices/labels';
import { formatColumnNumber, looksLikeYearColumn } from '../../../../../src/shared/text/format';
import { qualityTexts } from '../../../../../src/shared/text/en/quality';
import { codes, num, only, run, summary, table } from './helpers';

const headline = (f: Parameters<(typeof qualityTexts)[string]['headline']>[0]): string => qualityTexts[f.check]!.headline(f);

describe('years', () => {
  test('a year column: the word "year" or "yr" in its name, or whole numbers from 1000 to 2999', () => {
    assert.equal(looksLikeYearColumn('year_built', 197, 2024), true);
    assert.equal(looksLikeYearColumn('BirthYear', null, null), true);
    assert.equal(looksLikeYearColumn('model_yr', 1, 2), true);
    assert.equal(looksLikeYearColumn('built', 1850, 2024), true);
    assert.equal(looksLikeYearColumn('yearly_income', 12000, 90000), false);
    assert.equal(looksLikeYearColumn('price', 1500, 3500), false);
    assert.equal(looksLikeYearColumn('price', 1500.5, 2500), false);
    assert.equal(formatColumnNumber(1860, true), '1860');
    assert.equal(formatColumnNumber(1860, false), '1,860');
  });
  test('slice labels: "year_built 2003+", "year_built 1990–2002"; other whole numbers keep their separators', () => {
    assert.equal(formatValue(2003, 'year'), '2003');
    assert.equal(binCondition('year_built', 'year', 2003, null, null).label, 'year_built 2003+');
    assert.equal(binCondition('year_built', 'year', 1990, 2003, null).label, 'year_built 1990–2002');
    assert.equal(binCondition('area', 'integer', 2003, null, null).label, 'area 2,003+');
    const years = num('built', Array.from({ length: 40 }, (_, i) => 1980 + i), 'integer');
    const all = Uint32Array.from({ length: 40 }, (_, i) => i);
    const labels = encodeNumberColumn(years, all, 2).conditions.map((c) => c.label);
    assert.deepEqual(labels, ['built < 2000', 'built 2000+']);
    const income = num('yearly_income', Array.from({ length: 40 }, (_, i) => 20000 + 1000 * i), 'integer');
    assert.deepEqual(encodeNumberColumn(income, all, 2).conditions.map((c) => c.label), ['yearly_income < 40,000', 'yearly_income 40,000+']);
  });
  test('outliers in a year column: "below 1860", not "below 1,860"', () => {
    const values = [...Array.from({ length: 40 }, (_, i) => 1950 + 2 * i), 197];
    const f = only(run(outliersCheck, table(num('year_built', values, 'integer'))));
    assert.match(headline(f), /below \d{4}[^,\d]/);
    assert.doesNotMatch(headline(f), /\d,\d{3}/);
  });
});

describe('date-times and counts', () => {
  test('a date-time cell reads "2035-08-01 00:06"', () => {
    const col = num('captured_at', [Date.UTC(2035, 7, 1, 0, 6, 50)], 'datetime');
    assert.equal(cellValue(col, col.values[0]!), '2035-08-01 00:06');
    const t = table(num('captured_at', [...Array<number>(40).fill(Date.UTC(2025, 4, 1, 12)), Date.UTC(2035, 7, 1, 0, 6, 50)], 'datetime'));
    const f = run(impossibleValuesCheck, t).findings.find((x) => x.id.endsWith('future-date'))!;
    assert.equal(f.numbers.highest, '2035-08-01 00:06');
  });
  test('one likely missing marker: "writes "no value" 1 way"', () => {
    const t = table(codes('city', ['Paris', 'unknown', 'Rome', 'Oslo']));
    const f = only(run(missingTokensCheck, t, { columns: [summary('city', { storage: 'codes', type: 'category' })] }));
    assert.equal(f.numbers.ways, 1);
    assert.match(headline(f), /writes "no value" 1 way: /);
  });
});
