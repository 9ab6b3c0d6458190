import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { before, describe, test } from 'node:test';
import { main } from '../../../src/cli/slicewise';
import { ProjectDb } from '../../../src/main/store/project-db';
import { listAudit } from '../../../src/main/store/audit';
import { tempDir } from '../helpers/temp';
import { capture } from './helpers/capture';

const ROOT = join(import.meta.dirname, '../../..');
const EXAMPLE = join(ROOT, 'resources/examples/loan-applications.csv');

describe('slicewise report', () => {
  const dir = tempDir();
  const project = join(dir, 'loans.slicewise');
  before(async () => {
    const c = capture();
    assert.equal(await main(['check', EXAMPLE, '--project', project, '--quiet'], c.io), 0, c.err());
  });

  test('exports the newest check-up as HTML, Markdown and JSON, masking personal data; each export is audited', async () => {
    const c = capture();
    const html = join(dir, 'r.html');
    const md = join(dir, 'r.md');
    const json = join(dir, 'r.json');
    assert.equal(await main(['report', project, '--html', html, '--md', md, '--json', json], c.io), 0, c.err());
    assert.match(c.out(), /Wrote .*r\.html \([\d,]+ bytes\)/);
    assert.match(c.out(), /3 columns look like personal data/);
    const page = readFileSync(html, 'utf8');
    assert.doesNotMatch(page.replace(/\/\*[\s\S]*?\*\//g, ''), /(src|href)\s*=\s*["']?https?:/i);
    assert.match(readFileSync(md, 'utf8'), /^# /m);
    const report = JSON.parse(readFileSync(json, 'utf8'));
    assert.equal(report.dataset.rows, 2024);
    // No raw e-mail address from the file survives masking.
    const firstEmail = readFileSync(EXAMPLE, 'utf8').split('\n')[1]!.split(',')[2]!;
    for (const file of [html, md, json]) assert.ok(!readFileSync(file, 'utf8').includes(firstEmail), `${file} has ${firstEmail}`);
    const p = ProjectDb.open(project, { appVersion: 'test' });
    const exports = listAudit(p.db).filter((a) => a.action === 'export');
    p.close();
    assert.equal(exports.length, 3);
    assert.match(exports[0]!.summary, /^Exported check-up 1 as JSON to .*r\.json\. 3 columns look like personal data/);
  });

  test('--include-personal-data keeps the values (the person opted in)', async () => {
    const c = capture();
    const csv = join(dir, 'flagged.csv');
    assert.equal(await main(['report', project, '--csv', csv, '--include-personal-data', '--quiet'], c.io), 0, c.err());
    const text = readFileSync(csv, 'utf8');
    assert.ok(text.startsWith('\uFEFF'), 'UTF-8 BOM for Excel');
    assert.match(text.split('\r\n')[0]!, /reasons/);
    assert.match(text, /@/);
  });

  const bad: [string[], RegExp][] = [
    [['report', 'PROJECT'], /Say which files to write/],
    [['report', 'PROJECT', '--run', '7', '--md', 'x.md'], /has no check-up number 7; it has 1/],
    [['report', 'PROJECT', '--run', 'last', '--md', 'x.md'], /--run needs a check-up number/],
    [['report', '/no/such.slicewise', '--md', 'x.md'], /There is no project file at \/no\/such\.slicewise/],
    [['report', 'PROJECT', '--md', 'x.md', '--include-personal-data', '--drop-personal-data'], /Choose one of/],
  ];
  for (const [args, message] of bad) {
    test(`exit 2: ${args.join(' ')}`, async () => {
      const c = capture();
      assert.equal(await main(args.map((a) => (a === 'PROJECT' ? project : a === 'x.md' ? join(dir, 'x.md') : a)), c.io), 2);
      assert.match(c.err(), message);
    });
  }
});
