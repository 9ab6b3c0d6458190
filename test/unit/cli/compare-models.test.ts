import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { main } from '../../../src/cli/slicewise';
import { tempDir } from '../helpers/temp';
import { capture } from './helpers/capture';

describe('slicewise compare-models', () => {
  const dir = tempDir();
  const file = join(dir, 'models.csv');
  // "new" is right on every row under 60 and on half of the 60+ rows; "old" on 80% everywhere.
  const lines = ['label,old,new,age_group'];
  for (let i = 0; i < 1200; i++) {
    const y = i % 2;
    const old = i % 10 < 8 ? y : 1 - y;
    const age = i < 300 ? '60+' : 'under 60';
    const nu = age === '60+' ? (i % 4 < 2 ? y : 1 - y) : y;
    lines.push(`${y},${old},${nu},${age}`);
  }
  writeFileSync(file, `${lines.join('\n')}\n`);

  test('agreement, accuracies with McNemar, the group where the new model is worse, and the recommendation', async () => {
    const c = capture();
    assert.equal(await main(['compare-models', file, '--a', 'old', '--b', 'new', '--target', 'label', '--positive', '1', '--sensitive', 'age_group'], c.io), 0, c.err());
    assert.match(c.out(), /1,200 rows with both models' answers\./);
    assert.match(c.out(), /Accuracy: old 80\.0%, new 87\.5% \(McNemar p < 0\.001\)\./);
    assert.match(c.out(), /age_group = 60\+: 80\.0% → 50\.0% \(worse, q < 0\.001\)/);
    assert.match(c.out(), /“new” is better overall than “old”, but worse for age_group = 60\+: consider keeping “old”/);
    const j = capture();
    assert.equal(await main(['compare-models', file, '--a', 'old', '--b', 'new', '--target', 'label', '--positive', '1', '--sensitive', 'age_group', '--json', '-'], j.io), 0);
    const r = JSON.parse(j.out());
    assert.equal(r.verdict, 'b-better');
    assert.equal(r.mcnemar.method, 'chi-square-corrected');
    assert.equal(r.groups.find((g: { group: string }) => g.group === '60+').worse, true);
  });

  test('usage errors are exit 2', async () => {
    const missing = capture();
    assert.equal(await main(['compare-models', file, '--a', 'old'], missing.io), 2);
    assert.match(missing.err(), /Name both models/);
    const unknown = capture();
    assert.equal(await main(['compare-models', file, '--a', 'old', '--b', 'newer', '--target', 'label', '--positive', '1'], unknown.io), 2);
    assert.match(unknown.err(), /no column called "newer"/);
  });
});
