/** What every chart option builder's test checks: its JSON snapshot, and what every chart must be. */
import assert from 'node:assert/strict';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BuiltChart, ChartOption } from '../../../../src/shared/charts';

const FIXTURES = join(import.meta.dirname, '../../../fixtures/charts');

/** The built chart equals test/fixtures/charts/<name>.json (UPDATE_CHART_SNAPSHOTS=1 rewrites it, to be checked by eye). */
export function matchesSnapshot(name: string, built: BuiltChart): void {
  const path = join(FIXTURES, `${name}.json`);
  const json = `${JSON.stringify(built, null, 2)}\n`;
  if (process.env.UPDATE_CHART_SNAPSHOTS === '1') writeFileSync(path, json);
  assert.ok(existsSync(path), `test/fixtures/charts/${name}.json is missing: run with UPDATE_CHART_SNAPSHOTS=1 and check the file`);
  assert.equal(json, readFileSync(path, 'utf8'), `${name}: the option differs from test/fixtures/charts/${name}.json`);
}

/** What every chart must be: plain JSON, no animation, described for screen readers, canvas tooltips (the CSP forbids HTML ones). */
export function assertCommon(option: ChartOption): void {
  assert.deepEqual(JSON.parse(JSON.stringify(option)), option, 'plain JSON only (no functions, no undefined)');
  assert.equal(option.animation, false);
  const aria = option.aria as { enabled: boolean; label: { description: string } };
  assert.equal(aria.enabled, true);
  assert.ok(aria.label.description.length > 20);
  assert.equal((option.tooltip as { renderMode: string }).renderMode, 'richText');
}
