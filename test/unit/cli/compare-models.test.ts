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

  test('the new model in a file of its own, joined by key (shuffled rows, its own column names)', async () => {
    const base = join(dir, 'base.csv');
    const other = join(dir, 'new-model.csv');
    const rows = lines.slice(1).map((l) => l.split(','));
    writeFileSync(base, `${['id,label,old,age_group', ...rows.map((r, i) => `r${i},${r[0]},${r[1]},${r[3]}`)].join('\n')}\n`);
    // Reversed order, a different key name, and a column called "old" that must not clash.
    const reversed = rows.map((r, i) => `r${i},${r[2]},x`).reverse();
    writeFileSync(other, `${['row_id,new,old', ...reversed].join('\n')}\n`);
    const c = capture();
    const code = await main(['compare-models', base, '--b-file', other, '--key', 'id=row_id', '--a', 'old', '--b', 'new', '--target', 'label', '--positive', '1', '--sensitive', 'age_group', '--json', '-'], c.io);
    assert.equal(code, 0, c.err());
    assert.match(c.err(), /Joined .*new-model\.csv by id = row_id: 1,200 of 1,200 rows matched\./);
    const r = JSON.parse(c.out());
    // The same answer as with both models in one file.
    assert.equal(r.rows, 1200);
    assert.equal(r.accuracy_a.value, 0.8);
    assert.equal(r.accuracy_b.value, 0.875);
    assert.equal(r.groups.find((g: { group: string }) => g.group === '60+').worse, true);
    const bad = capture();
    assert.equal(await main(['compare-models', base, '--b-file', other, '--key', 'a=b=c', '--a', 'old', '--b', 'new'], bad.io), 2);
    assert.match(bad.err(), /--key takes a column name/);
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
