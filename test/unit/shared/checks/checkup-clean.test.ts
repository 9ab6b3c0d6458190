import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { readDelimitedFile } from '../../../../src/main/ingest/csv/read-delimited';
import { DEFAULT_CHECK_OPTIONS } from '../../../../src/shared/checks/options';
import { CHECKUP_STAGES } from '../../../../src/shared/checks/registry';
import { runChecks } from '../../../../src/shared/checks/run-checks';
import type { ColumnSummary } from '../../../../src/shared/domain';
import { DEFAULT_MISSING_TOKENS } from '../../../../src/shared/missing';
import { rolesFromGuess } from '../../../../src/shared/roles/dataset-roles';
import { guessRoles } from '../../../../src/shared/roles/guess-roles';
import { profileForRoles } from '../../../../src/shared/roles/profile';
import { textFor } from '../../../../src/shared/text/en';
import { Rng } from '../../../../scripts/lib/random';
import { tempDir } from '../../helpers/temp';

const noop = { progress: () => {}, throwIfCancelled: () => {} };

/** A clean model-output table: independent features, a calibrated score, no missing, no personal data. */
function cleanCsv(rows: number, seed: number): string {
  const rng = new Rng(seed);
  const lines = ['record_id,tenure,balance,visits,plan,channel,label,score,prediction'];
  for (let i = 0; i < rows; i++) {
    const tenure = Math.round(rng.uniform() * 120);
    const balance = Math.round(rng.normal(1000, 300));
    const visits = rng.int(0, 20);
    const plan = rng.pick(['basic', 'plus', 'pro']);
    const channel = rng.pick(['web', 'store', 'phone']);
    const logit = -0.5 + 0.02 * (tenure - 60) + 0.004 * (balance - 1000) + 0.1 * (visits - 10) + (plan === 'pro' ? 0.6 : 0) + rng.normal(0, 0.8);
    const p = 1 / (1 + Math.exp(-logit));
    const label = rng.chance(p) ? 1 : 0;
    lines.push(`R${100000 + i},${tenure},${balance},${visits},${plan},${channel},${label},${p.toFixed(4)},${p >= 0.5 ? 1 : 0}`);
  }
  return `${lines.join('\n')}\n`;
}

test('a clean generated dataset raises no high or critical finding, and every finding has full texts', () => {
  const dir = tempDir();
  const file = join(dir, 'clean.csv');
  writeFileSync(file, cleanCsv(5000, 42));
  const read = readDelimitedFile(file, { missingTokens: DEFAULT_MISSING_TOKENS }, noop);
  const roles = rolesFromGuess(guessRoles(profileForRoles(read.table)));
  assert.equal(roles.target, 'label');
  assert.equal(roles.score, 'score');
  assert.equal(roles.prediction, 'prediction');
  const columns = read.table.columns.map((c, i) => ({ name: c.name, index: i, type: c.kind, storage: c.storage, distinct: null, ...read.stats[i]! })) as ColumnSummary[];
  const result = runChecks({ table: read.table, columns, roles, options: DEFAULT_CHECK_OPTIONS, now: Date.UTC(2026, 10, 27) }, CHECKUP_STAGES);
  const serious = result.findings.filter((f) => f.status === 'issue' && (f.severity === 'high' || f.severity === 'critical'));
  assert.deepEqual(serious.map((f) => `${f.id}: ${textFor(f).headline(f)}`), []);
  for (const f of result.findings) {
    const t = textFor(f);
    for (const s of [t.headline(f), t.why(f), t.action(f)]) {
      assert.ok(s.length > 0 && !/undefined|NaN|\$\{|\{\w+\}/.test(s), `${f.id}: "${s}"`);
    }
    assert.ok(t.learnMore.length > 0, `${f.check} has a learn-more text`);
  }
  assert.ok(result.findings.some((f) => f.check === 'model.calibration' && f.status === 'passed'), 'a calibrated score passes calibration');
});
