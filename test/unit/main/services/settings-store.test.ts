import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { RecentProjects } from '../../../../src/main/services/recent-projects';
import { SettingsStore } from '../../../../src/main/services/settings-store';
import { tempDir } from '../../helpers/temp';

test('settings persist, recent projects are most-recent-first, unique and capped', () => {
  const dir = tempDir();
  const file = join(dir, 'settings.json');
  const recent = new RecentProjects(new SettingsStore(file));
  for (let i = 0; i < 15; i++) recent.touch(join(dir, `p${i}.slicewise`), `P${i}`);
  recent.touch(join(dir, 'p3.slicewise'), 'P3');
  const again = new RecentProjects(new SettingsStore(file)).list();
  assert.equal(again.length, 12);
  assert.equal(again[0]!.name, 'P3');
  assert.equal(again[1]!.name, 'P14');
  assert.equal(again.filter((r) => r.name === 'P3').length, 1);
  assert.equal(again[0]!.exists, false, 'files that are gone are marked, not hidden');
  assert.equal(recent.forget(join(dir, 'p3.slicewise')).length, 11);
  assert.ok(!existsSync(`${file}.tmp`));
});

test('a damaged settings file is set aside, not lost, and defaults are used', () => {
  const dir = tempDir();
  const file = join(dir, 'settings.json');
  writeFileSync(file, '{ not json');
  const store = new SettingsStore(file);
  assert.deepEqual(store.get().recentProjects, []);
  const kept = readdirSync(dir).filter((f) => f.startsWith('settings.json.damaged-'));
  assert.equal(kept.length, 1);
  assert.equal(readFileSync(join(dir, kept[0]!), 'utf8'), '{ not json');
});

test('each recent project keeps its newest check-up: noted in place, kept when reopened without news, never added by a note', () => {
  const dir = tempDir();
  const file = join(dir, 'settings.json');
  const recent = new RecentProjects(new SettingsStore(file));
  const a = join(dir, 'a.slicewise');
  const b = join(dir, 'b.slicewise');
  recent.touch(a, 'A', null);
  recent.touch(b, 'B');
  const run = { runId: 3, at: '2026-05-01T10:00:00.000Z', issues: 31, passed: 9, notEnoughData: 2 };
  recent.noteLastRun(a, run);
  recent.noteLastRun(join(dir, 'forgotten.slicewise'), run);
  const listed = new RecentProjects(new SettingsStore(file)).list();
  assert.deepEqual(listed.map((r) => [r.name, r.lastRun]), [['B', undefined], ['A', run]], 'a note changes no order and adds no entry');
  recent.touch(a, 'A');
  assert.deepEqual(recent.list()[0]!.lastRun, run, 'reopening without news keeps what was known');
  recent.touch(a, 'A', null);
  assert.equal(recent.list()[0]!.lastRun, null);
});
