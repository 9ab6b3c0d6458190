import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { inconsistentSpellingsCheck, spellingKey, surroundingSpacesCheck } from '../../../../../src/shared/checks/quality/spellings';
import { codes, isPassed, only, run, table } from './helpers';

describe('spellingKey', () => {
  test('case, surrounding spaces, punctuation and accents are normalised away', () => {
    assert.equal(spellingKey('NY'), 'ny');
    assert.equal(spellingKey('ny '), 'ny');
    assert.equal(spellingKey('N.Y.'), 'ny');
    assert.equal(spellingKey('Málaga'), spellingKey('malaga'));
    assert.equal(spellingKey('New  York'), 'new york');
  });
  test('only what normalisation proves: abbreviations and numbers stay apart', () => {
    assert.notEqual(spellingKey('N.'), spellingKey('North'));
    assert.notEqual(spellingKey('1.5'), spellingKey('15'));
    assert.equal(spellingKey('-'), '');
  });
});

describe('quality.inconsistent-spellings', () => {
  test('groups of variants with counts; affected = rows with a less common variant', () => {
    const values = [...Array<string>(5).fill('NY'), 'ny ', 'N.Y.', ...Array<string>(3).fill('North'), 'north ', 'N.', 'Boston'];
    const f = only(run(inconsistentSpellingsCheck, table(codes('city', values))));
    assert.equal(f.numbers.groups, 2);
    assert.equal(f.numbers.variants, 5);
    assert.equal(f.numbers.affected, 3); // "ny ", "N.Y.", "north "
    assert.deepEqual(f.examples, ['"NY" (5), "ny " (1), "N.Y." (1)', '"North" (3), "north " (1)']);
    assert.deepEqual(f.rows, { count: 3, examples: [6, 7, 11] });
    assert.equal(f.severity, 'medium'); // 3 of 13
    assert.equal(f.chart?.kind, 'bars');
    if (f.chart?.kind === 'bars') {
      assert.deepEqual(f.chart.labels, ['"NY"', '"ny "', '"N.Y."', '"North"', '"north "']);
      assert.deepEqual(f.chart.values, [5, 1, 1, 3, 1]);
      assert.deepEqual(f.chart.highlight, [1, 2, 4]);
    }
  });
  test('ids are skipped; one spelling each → passed', () => {
    assert.ok(isPassed(run(inconsistentSpellingsCheck, table(codes('id', ['a1', 'A1'])), { roles: { ids: ['id'] } })));
    assert.ok(isPassed(run(inconsistentSpellingsCheck, table(codes('c', ['North', 'N.', 'South'])))));
  });
});

describe('quality.surrounding-spaces', () => {
  test('values with leading or trailing white space, with rows', () => {
    const f = only(run(surroundingSpacesCheck, table(codes('region', ['North', 'north ', ' East', 'East', 'north ']))));
    assert.equal(f.numbers.cells, 3);
    assert.equal(f.numbers.values, 2);
    assert.deepEqual(f.rows, { count: 3, examples: [2, 3, 5] });
    assert.ok(isPassed(run(surroundingSpacesCheck, table(codes('region', ['North', 'East'])))));
  });
});
