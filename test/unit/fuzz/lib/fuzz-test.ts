/**
 * One node:test test that fuzzes one target in worker threads and reports what the cases ended
 * in (as a test diagnostic, which the TAP output keeps: a script can tabulate it).
 */
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test } from 'node:test';
import { describeReport, fuzz, runsMultiplier } from './runner';

export function fuzzTest(title: string, options: { name: string; target: string; seed: number; runs: number; workers?: number }): void {
  test(title, async (t) => {
    const report = await fuzz({ name: options.name, module: join(import.meta.dirname, '../targets', options.target), seed: options.seed, runs: options.runs, ...(options.workers ? { workers: options.workers } : {}) });
    t.diagnostic(describeReport(report));
    assert.ok(report.ok, report.message);
    const expected = Math.round(options.runs * runsMultiplier());
    assert.ok(report.cases >= expected, `only ${report.cases} of ${expected} cases ran`);
  });
}
