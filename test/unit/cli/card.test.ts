import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { before, describe, test } from 'node:test';
import { main } from '../../../src/cli/slicewise';
import { listAudit } from '../../../src/main/store/audit';
import { ProjectDb } from '../../../src/main/store/project-db';
import { tempDir } from '../helpers/temp';
import { capture } from './helpers/capture';

const ROOT = join(import.meta.dirname, '../../..');
const EXAMPLE = join(ROOT, 'resources/examples/loan-applications.csv');

describe('slicewise card (model card / datasheet)', () => {
  const dir = tempDir();
  const project = join(dir, 'loans.slicewise');
  before(async () => {
    const c = capture();
    assert.equal(await main(['check', EXAMPLE, '--project', project, '--quiet'], c.io), 0, c.err());
  });

  test('assembles what the person wrote and what was measured, with provenance and the NIST AI RMF mapping; keeps the text for next time', async () => {
    const md = join(dir, 'card.md');
    const html = join(dir, 'card.html');
    const c = capture();
    const use = 'Rank applications for a human reviewer; never to decline on its own.';
    assert.equal(await main(['card', project, '--md', md, '--html', html, '--owner', 'Credit team', '--intended-use', use], c.io), 0, c.err());
    const text = readFileSync(md, 'utf8');
    for (const heading of ['Model details', 'Intended use', 'Out of scope', 'Data', 'Measured results', 'Groups examined and gaps found', 'Where the model does worst', 'Limitations', 'NIST AI Risk Management Framework', 'Provenance']) {
      assert.match(text, new RegExp(`^## .*${heading}`, 'm'), heading);
    }
    assert.ok(text.includes(use.replace(/;/g, ';')));
    for (const fn of ['Govern', 'Map', 'Measure', 'Manage']) assert.match(text, new RegExp(`^\\| ${fn} \\|`, 'm'));
    assert.match(text, /\| SHA-256 \| [0-9a-f]{64} \|/);
    assert.match(text, /\| sex \| 3 \|/);
    assert.match(text, /--out-of-scope/);
    // Personal data stays masked: no raw e-mail address of the file.
    const firstEmail = readFileSync(EXAMPLE, 'utf8').split('\n')[1]!.split(',')[2]!;
    assert.ok(!text.includes(firstEmail));
    const page = readFileSync(html, 'utf8');
    assert.match(page, /default-src 'none'/);
    assert.doesNotMatch(page, /<script/i);

    const again = capture();
    const md2 = join(dir, 'card2.md');
    assert.equal(await main(['card', project, '--md', md2, '--quiet'], again.io), 0);
    assert.ok(readFileSync(md2, 'utf8').includes('Credit team'), 'the owner written before is kept');
    const p = ProjectDb.open(project, { appVersion: 'test' });
    const settings = listAudit(p.db).filter((a) => a.action === 'settings');
    p.close();
    assert.equal(settings.length, 1);
    assert.equal(settings[0]!.summary, 'Model card text changed: owner, intendedUse');
  });

  test('usage errors are exit 2', async () => {
    const c = capture();
    assert.equal(await main(['card', project], c.io), 2);
    assert.match(c.err(), /--md and\/or --html/);
  });
});
