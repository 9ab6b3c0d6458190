import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, test } from 'node:test';
import { main } from '../../../src/cli/slicewise';
import { tempDir } from '../helpers/temp';
import { capture } from './helpers/capture';
import { ProjectDb } from '../../../src/main/store/project-db';
import { listDatasets } from '../../../src/main/store/datasets';

const ROOT = join(import.meta.dirname, '../../..');
const EXAMPLE = join(ROOT, 'resources/examples/loan-applications.csv');

/** Counts rows and per-column missing cells of a simple CSV (no quoted newlines) independently of the importer. */
function countByHand(path: string): { rows: number; missing: Map<string, number> } {
  const [header, ...lines] = readFileSync(path, 'utf8').trimEnd().split('\n');
  const names = header!.split(',');
  const missing = new Map(names.map((n) => [n, 0]));
  for (const line of lines) {
    const cells = line.split(',');
    cells.forEach((c, i) => {
      if (['', 'NA', 'N/A', 'NaN', 'nan', 'null', 'NULL', 'None', '?'].includes(c)) missing.set(names[i]!, missing.get(names[i]!)! + 1);
    });
  }
  return { rows: lines.length, missing };
}

describe('slicewise CLI', () => {
  test('--help and --version', async () => {
    const c = capture();
    assert.equal(await main(['--help'], c.io), 0);
    assert.match(c.out(), /slicewise check <file>/);
    const v = capture();
    assert.equal(await main(['--version'], v.io), 0);
    assert.equal(v.out().trim(), JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version);
  });

  for (const args of [[], ['frobnicate'], ['check'], ['check', 'a.csv', 'b.csv'], ['check', 'a.csv', '--nope']]) {
    test(`usage error for: slicewise ${args.join(' ')}`, async () => {
      const c = capture();
      assert.equal(await main(args, c.io), 2);
      assert.match(c.err(), /^slicewise: /);
      assert.match(c.err(), /Usage:/);
    });
  }

  test('a malformed file is exit 2 with the file and line in the message', async () => {
    const c = capture();
    assert.equal(await main(['check', join(ROOT, 'test/fixtures/csv/unclosed-quote.csv')], c.io), 2);
    assert.match(c.err(), /unclosed-quote\.csv ends inside a quoted value that starts on line 3/);
  });

  test('check --json - writes the summary, matching an independent count of the example', async () => {
    const c = capture();
    assert.equal(await main(['check', EXAMPLE, '--json', '-'], c.io), 0);
    const report = JSON.parse(c.out());
    const hand = countByHand(EXAMPLE);
    assert.equal(report.schema_version, '0.3.0');
    assert.equal(report.dataset.rows, hand.rows);
    assert.deepEqual(
      report.dataset.columns.map((col: { name: string; missing: number }) => [col.name, col.missing]),
      [...hand.missing.entries()],
    );
    assert.equal(report.source.file_name, 'loan-applications.csv');
  });

  test('role flags override the guesses; the check-up uses them; bad roles are a usage error naming the problem', async () => {
    const c = capture();
    const args = ['check', EXAMPLE, '--json', '-', '--target', 'repaid', '--positive', '0', '--score', 'vendor_score', '--prediction', 'vendor_decision', '--sensitive', 'sex,region'];
    assert.equal(await main(args, c.io), 0, c.err());
    const report = JSON.parse(c.out());
    assert.equal(report.run.roles.positiveClass, '0');
    assert.deepEqual(Object.keys(report.run.roles.sensitive).sort(), ['region', 'sex']);
    // Positive = "not repaid": the decision's positive value is then unknown, so the vendor's "approved" cannot map; say so.
    const bad = capture();
    assert.equal(await main(['check', EXAMPLE, '--target', 'no_such', '--quiet'], bad.io), 2);
    assert.match(bad.err(), /no column called "no_such"/);
    const task = capture();
    assert.equal(await main(['check', EXAMPLE, '--task', 'guess', '--quiet'], task.io), 2);
    assert.match(task.err(), /--task must be one of binary, multiclass, regression/);
  });

  test('--project keeps the import in a project file', async () => {
    const dir = tempDir();
    const project = join(dir, 'ci.slicewise');
    const c = capture();
    assert.equal(await main(['check', join(ROOT, 'test/fixtures/csv/small.csv'), '--project', project, '--quiet'], c.io), 0);
    assert.equal(c.out(), '');
    const p = ProjectDb.open(project, { appVersion: 'test' });
    assert.deepEqual(listDatasets(p.db).map((d) => d.rows), [4]);
    p.close();
  });

  test('the built command: npx slicewise check <example> --json out.json', async () => {
    assert.ok(existsSync(join(ROOT, 'out/cli/slicewise.js')), 'out/cli/slicewise.js is missing: run "npm run build" first (npm test does)');
    const dir = tempDir();
    const out = join(dir, 'out.json');
    const { stdout } = await promisify(execFile)('npx', ['slicewise', 'check', 'resources/examples/loan-applications.csv', '--json', out], { cwd: ROOT });
    assert.match(stdout, /loan-applications\.csv: 2,024 rows × 18 columns/);
    const report = JSON.parse(readFileSync(out, 'utf8'));
    const hand = countByHand(EXAMPLE);
    assert.equal(report.dataset.rows, hand.rows);
    assert.equal(report.dataset.columns.length, hand.missing.size);
    assert.equal(report.dataset.columns.find((c: { name: string }) => c.name === 'annual_income').missing, hand.missing.get('annual_income'));
  });
});
