import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { main } from '../../../src/cli/slicewise';
import { tempDir } from '../helpers/temp';
import { capture } from './helpers/capture';

const ROOT = join(import.meta.dirname, '../../..');
const EXAMPLE = join(ROOT, 'resources/examples/loan-applications.csv');
const SMALL = join(ROOT, 'test/fixtures/csv/small.csv');

describe('slicewise check: gates and exit codes', () => {
  test('--fail-on high exits 1 on the example (it has high findings) and prints which gate failed; critical holds', async () => {
    const c = capture();
    assert.equal(await main(['check', EXAMPLE, '--fail-on', 'high'], c.io), 1);
    assert.match(c.out(), /Gates: 1 of 1 failed\.\n\s+FAIL \d+ high findings? \(fail on high or above\)\./);
    const ok = capture();
    assert.equal(await main(['check', EXAMPLE, '--fail-on', 'critical', '--quiet'], ok.io), 0, ok.err());
    assert.equal(ok.out(), '');
  });

  test('metric gates: a limit that holds is 0, one that does not is 1; with --json - the report carries the gates and stderr the verdict', async () => {
    const held = capture();
    assert.equal(await main(['check', EXAMPLE, '--min-accuracy', '0.5', '--json', '-'], held.io), 0, held.err());
    const report = JSON.parse(held.out());
    assert.equal(report.gates.passed, true);
    assert.equal(report.gates.results[0].gate, 'minAccuracy');
    assert.ok(Math.abs(report.gates.results[0].actual - report.performance.accuracy.value) < 1e-12);
    const failed = capture();
    assert.equal(await main(['check', EXAMPLE, '--min-accuracy', '0.99', '--json', '-'], failed.io), 1);
    assert.equal(JSON.parse(failed.out()).gates.passed, false);
    assert.match(failed.err(), /FAIL Accuracy is 0\.\d+; the limit is at least 0\.99\./);
  });

  test('a gate on a number that cannot be computed fails with the reason', async () => {
    const c = capture();
    // small.csv has no outcome or model columns.
    assert.equal(await main(['check', SMALL, '--min-auc', '0.7'], c.io), 1);
    assert.match(c.out(), /FAIL ROC AUC could not be computed \(the model was not checked\)/);
  });

  test('a config file gives options and gates; flags override it', async () => {
    const dir = tempDir();
    const config = join(dir, 'slicewise.json');
    writeFileSync(config, JSON.stringify({ options: { minGroupSize: 50 }, gates: { failOn: 'high', minAccuracy: 0.5 } }));
    const c = capture();
    assert.equal(await main(['check', EXAMPLE, '--config', config, '--json', '-', '--quiet'], c.io), 1);
    const report = JSON.parse(c.out());
    assert.equal(report.run.options.minGroupSize, 50);
    assert.deepEqual(report.gates.results.map((g: { gate: string }) => g.gate), ['failOn', 'minAccuracy']);
    const over = capture();
    assert.equal(await main(['check', EXAMPLE, '--config', config, '--fail-on', 'critical', '--min-group-size', '40', '--json', '-'], over.io), 0, over.err());
    assert.equal(JSON.parse(over.out()).run.options.minGroupSize, 40);
  });

  const badArgs: [string[], RegExp][] = [
    [['--fail-on', 'severe'], /--fail-on must be one of critical, high, medium, low; got "severe"/],
    [['--min-accuracy', 'high'], /--min-accuracy needs a number; got "high"/],
    [['--min-accuracy', '1.5'], /Gates: minAccuracy: Too big/i],
    [['--reference-group', 'sex'], /--reference-group needs column=group/],
    [['--min-group-size', '0'], /Check options: minGroupSize: Too small/i],
    [['--config', '/no/such/file.json'], /Cannot read the config file \/no\/such\/file\.json: it does not exist/],
  ];
  for (const [args, message] of badArgs) {
    test(`usage error (exit 2) for ${args.join(' ')}`, async () => {
      const c = capture();
      assert.equal(await main(['check', SMALL, ...args], c.io), 2);
      assert.match(c.err(), message);
    });
  }

  test('a config file that is not JSON, or names an unknown setting, is exit 2 naming the file and the setting', async () => {
    const dir = tempDir();
    const broken = join(dir, 'broken.json');
    writeFileSync(broken, '{ "gates": ');
    const c = capture();
    assert.equal(await main(['check', SMALL, '--config', broken], c.io), 2);
    assert.match(c.err(), /broken\.json is not valid JSON/);
    const unknown = join(dir, 'unknown.json');
    writeFileSync(unknown, JSON.stringify({ gates: { minAcuracy: 0.9 } }));
    const u = capture();
    assert.equal(await main(['check', SMALL, '--config', unknown], u.io), 2);
    assert.match(u.err(), /unknown\.json: gates: Unrecognized key: "minAcuracy"/);
  });

  test('check - reads the table from standard input', async () => {
    const c = capture(readFileSync(SMALL));
    assert.equal(await main(['check', '-', '--json', '-'], c.io), 0, c.err());
    const report = JSON.parse(c.out());
    assert.equal(report.dataset.rows, 4);
    const empty = capture('');
    assert.equal(await main(['check', '-'], empty.io), 2);
    assert.match(empty.err(), /^slicewise: .*empty/im);
  });
});
