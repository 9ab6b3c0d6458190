/**
 * The fuzz harness itself (lib/runner.ts, lib/worker.ts) catches what it is there to catch: a
 * case that throws is reported with its shrunk input, a case that never ends is stopped by the
 * watchdog, and a case that runs its worker out of memory is reported as a crash — each a failed
 * report, never a hung or crashed test run.
 */
import assert from 'node:assert/strict';
import { existsSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, describe, test } from 'node:test';
import { FAILURES_DIR, fuzz } from './lib/runner';

// These failures are on purpose: do not leave their cases among the real ones.
after(() => {
  if (!existsSync(FAILURES_DIR)) return;
  for (const d of readdirSync(FAILURES_DIR)) if (d.startsWith('self-')) rmSync(join(FAILURES_DIR, d), { recursive: true, force: true });
  if (readdirSync(FAILURES_DIR).length === 0) rmSync(FAILURES_DIR, { recursive: true, force: true });
});

const target = (mode: string): string => `${pathToFileURL(join(import.meta.dirname, 'lib/self-test-target.ts')).href}?mode=${mode}`;

describe('fuzz harness', () => {
  test('a case that throws fails the run, with the shrunk input', async () => {
    const r = await fuzz({ name: 'self-throw', module: target('throw'), seed: 1, runs: 200, workers: 1 });
    assert.equal(r.ok, false);
    assert.match(r.message, /bug on 500/); // shrunk to the smallest failing input
  });

  test('a case that never ends is stopped by the watchdog', async () => {
    const started = Date.now();
    const r = await fuzz({ name: 'self-hang', module: target('hang'), seed: 1, runs: 200, workers: 1, hangMs: 1_500 });
    assert.equal(r.ok, false);
    assert.match(r.message, /without finishing: the reader hangs/);
    assert.ok(Date.now() - started < 20_000);
  });

  test('a case that runs out of memory is a crash of its worker, not of the test', async () => {
    const r = await fuzz({ name: 'self-oom', module: target('oom'), seed: 1, runs: 200, workers: 1, maxHeapMb: 64 });
    assert.equal(r.ok, false);
    assert.match(r.message, /worker crashed|exited/);
  });
});
