import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { main } from '../../../src/cli/slicewise';
import { tempDir } from '../helpers/temp';
import { capture } from './helpers/capture';

/** Two batches: "income" shifts by one standard deviation in the second; "region" and "age" do not. */
function batches(dir: string): { ref: string; cur: string } {
  let seed = 7;
  const rand = (): number => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
  const normal = (): number => Math.sqrt(-2 * Math.log(rand() + 1e-12)) * Math.cos(2 * Math.PI * rand());
  const write = (name: string, shift: number): string => {
    const lines = ['income,region,age'];
    for (let i = 0; i < 3000; i++) lines.push(`${(50_000 + 10_000 * (normal() + shift)).toFixed(0)},${['North', 'South', 'East'][i % 3]},${20 + (i % 50)}`);
    const path = join(dir, name);
    writeFileSync(path, `${lines.join('\n')}\n`);
    return path;
  };
  return { ref: write('january.csv', 0), cur: write('june.csv', 1) };
}

describe('slicewise compare', () => {
  const dir = tempDir();
  const { ref, cur } = batches(dir);

  test('names the column that moved, with its test and PSI; the JSON has the documented fields', async () => {
    const c = capture();
    assert.equal(await main(['compare', ref, cur], c.io), 0, c.err());
    assert.match(c.out(), /january\.csv \(3,000 rows\) → june\.csv \(3,000 rows\)/);
    assert.match(c.out(), /income\s+ks\s+0\.\d+\s+<0\.001\s+\d\.\d+\s+CHANGED \(major\)/);
    assert.match(c.out(), /region\s+chi2\s+.*stable/);
    assert.match(c.out(), /1 of 3 columns changed \(33%\)\./);
    const j = capture();
    assert.equal(await main(['compare', ref, cur, '--json', '-'], j.io), 0);
    const report = JSON.parse(j.out());
    assert.equal(report.kind, 'drift');
    const income = report.drift.columns.find((x: { name: string }) => x.name === 'income');
    for (const field of ['name', 'type', 'test', 'statistic', 'p_value', 'psi', 'effect', 'drifted']) assert.ok(field in income, field);
    assert.equal(income.drifted, true);
    assert.ok(Math.abs(report.drift.share_drifted - 1 / 3) < 1e-12);
  });

  test('drift gates: exit 1 when more columns changed than allowed; 0 when within', async () => {
    const c = capture();
    assert.equal(await main(['compare', ref, cur, '--max-share-drifted', '0.2'], c.io), 1);
    assert.match(c.out(), /FAIL The share of columns that drifted is 0\.3333; the limit is at most 0\.2\./);
    const ok = capture();
    assert.equal(await main(['compare', ref, ref, '--max-psi', '0.1', '--quiet'], ok.io), 0, ok.err());
  });

  test('usage errors are exit 2', async () => {
    const one = capture();
    assert.equal(await main(['compare', ref], one.io), 2);
    assert.match(one.err(), /Usage:/);
    const bad = capture();
    assert.equal(await main(['compare', ref, cur, '--max-psi', 'big'], bad.io), 2);
    assert.match(bad.err(), /--max-psi needs a number; got "big"/);
  });
});
