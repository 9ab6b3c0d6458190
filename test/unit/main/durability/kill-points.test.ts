/**
 * SIGKILL at many points during an import, a check-up and an export (issue #10). Each kill point
 * runs the real job in a child process on a fresh copy of one base project (two datasets, a
 * check-up, a setting, audit lines) and kills it either exactly at its n-th progress/cancel event
 * (the child freezes there) or at a seeded time offset inside the part of the job that writes.
 * Afterwards: `PRAGMA integrity_check` is ok, every earlier row of every table is byte-for-byte as
 * before, and the interrupted work is either all there or not there at all.
 *
 * Size: ~50 kills at events (import: all ~19, check-up 27, export 4) plus 12 seeded timed ones, two
 * children at a time. Raise COUNTS for a longer local campaign.
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { copyFileSync, createWriteStream, existsSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { basename, join } from 'node:path';
import { before, describe, test, type TestContext } from 'node:test';
import { runCheckup } from '../../../../src/main/engine/checkup-job';
import { runImportFile } from '../../../../src/main/ingest/import-file-job';
import { putSetting, recordAudit } from '../../../../src/main/store/audit';
import { CHUNK_ROWS, loadTable } from '../../../../src/main/store/datasets';
import { ProjectDb } from '../../../../src/main/store/project-db';
import { mulberry32 } from '../../../../scripts/lib/random';
import { tempDir } from '../../helpers/temp';
import { bundleChild } from '../../helpers/child-bundle';
import { addedRows, changedRows, snapshot, type Snapshot } from './helpers/snapshot';

const ROOT = join(import.meta.dirname, '../../../..');
const NOW = Date.UTC(2026, 10, 27, 12);
const BIG_ROWS = 70_000; // five chunks (CHUNK_ROWS): kills land between chunks inside the transaction
const CONCURRENCY = 2;
/** Deterministic kills at events (50 in all), plus seeded timed ones (which may find the job already done). */
const COUNTS = { import: { events: 20, timed: 4 }, checkup: { events: 27, timed: 3 }, export: { events: 4, timed: 5 } };
const MIN_KILLS = 50;

type Mode = keyof typeof COUNTS;
type Outcome = 'absent' | 'complete';

interface ChildRun {
  killed: boolean;
  finished: boolean;
  /** Milliseconds after the child said "start", per event number. */
  eventTimes: number[];
  /** What each event was ("progress Saving 0.850", "check"), per event number. */
  labels: string[];
  lastEvent: number;
}

let childScript = '';

/** When a timed kill fires: `ms` after the child reports event `afterEvent` (0: after it starts). */
interface Timed {
  afterEvent: number;
  ms: number;
}

/** Runs the child; kills it when it freezes (killAt) or at the `timed` moment. */
function runChild(args: Record<string, unknown>, timed?: Timed): Promise<ChildRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [childScript, JSON.stringify(args)], { stdio: ['ignore', 'pipe', 'pipe'] });
    const run: ChildRun = { killed: false, finished: false, eventTimes: [], labels: [], lastEvent: 0 };
    let started = 0;
    let buffered = '';
    let stderr = '';
    let timer: NodeJS.Timeout | undefined;
    const kill = (): void => {
      if (!run.finished && !run.killed) {
        run.killed = true;
        child.kill('SIGKILL');
      }
    };
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.stdout.on('data', (d: Buffer) => {
      buffered += d.toString();
      let nl: number;
      while ((nl = buffered.indexOf('\n')) >= 0) {
        const line = buffered.slice(0, nl);
        buffered = buffered.slice(nl + 1);
        if (line === 'start') {
          started = performance.now();
          if (timed?.afterEvent === 0) timer = setTimeout(kill, timed.ms);
        } else if (line.startsWith('event ')) {
          const [, n, ...label] = line.split(' ');
          run.lastEvent = Number(n);
          run.eventTimes[run.lastEvent] = performance.now() - started;
          run.labels[run.lastEvent] = label.join(' ');
          if (timed?.afterEvent === run.lastEvent) timer = setTimeout(kill, timed.ms);
        } else if (line === 'freeze') kill();
        else if (line.startsWith('outcome done')) run.finished = true;
        else if (line.startsWith('outcome error')) reject(new Error(`the job failed in the child: ${line}`));
      }
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      if (signal === 'SIGKILL' || (code === 0 && run.finished)) resolve(run);
      else reject(new Error(`the child exited with ${code ?? signal}: ${stderr.slice(-2000)}`));
    });
  });
}

async function pool<T>(items: T[], worker: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const lanes = Array.from({ length: CONCURRENCY }, async () => {
    while (next < items.length) await worker(items[next++]!);
  });
  await Promise.all(lanes);
}

/** n evenly spread integers in [lo, hi], always including `must`. */
function spread(lo: number, hi: number, n: number, must: number[] = []): number[] {
  const out = new Set(must.filter((m) => m >= lo && m <= hi));
  for (let i = 0; out.size < Math.min(n, hi - lo + 1) && i < n * 4; i++) out.add(Math.round(lo + ((hi - lo) * i) / Math.max(1, n - 1)));
  for (let k = lo; out.size < Math.min(n, hi - lo + 1); k++) out.add(k);
  return [...out].sort((a, b) => a - b);
}

describe('SIGKILL at many points leaves the project whole', () => {
  const dir = tempDir('slicewise-kill-');
  const base = join(dir, 'base.slicewise');
  const big = join(dir, 'big.csv');
  let baseline: Snapshot;
  let loanId = 0;
  let runId = 0;
  /** What a finished job adds (from one uninterrupted run of each). */
  const reference: Record<Mode, { run: ChildRun; added: Record<string, number>; findingKeys?: string[] }> = {} as never;
  let referenceCsv: Buffer;
  const tally: Record<Mode, Record<string, number>> = { import: {}, checkup: {}, export: {} };
  let totalKilled = 0;

  before(async () => {
    childScript = await bundleChild(join(import.meta.dirname, 'fixtures/kill-child.ts'), dir);
    const out = createWriteStream(big);
    out.write('id,group,value,note\n');
    for (let i = 0; i < BIG_ROWS; i++) {
      if (!out.write(`${i},g${i % 7},${(i * 0.37) % 100},"row ${i}, quoted"\n`)) await new Promise<void>((r) => out.once('drain', () => r()));
    }
    await new Promise<void>((r) => out.end(r));

    ProjectDb.create(base, 'base', { appVersion: 'test' }).close();
    const ctx = { jobId: 'setup', progress: () => {}, throwIfCancelled: () => {}, beyondCancel: () => {} };
    await runImportFile({ projectPath: base, filePath: join(ROOT, 'test/fixtures/csv/small.csv'), appVersion: 'test' }, ctx);
    loanId = (await runImportFile({ projectPath: base, filePath: join(ROOT, 'resources/examples/loan-applications.csv'), appVersion: 'test' }, ctx)).datasetId;
    runId = (await runCheckup({ projectPath: base, datasetId: loanId, appVersion: 'test', now: NOW }, ctx)).runId;
    const p = ProjectDb.open(base, { appVersion: 'test' });
    p.db.transaction(() => {
      putSetting(p.db, 'modelCard', { intendedUse: 'kill tests' });
      recordAudit(p.db, { action: 'settings', summary: 'Model card text changed: intendedUse' });
    })();
    baseline = snapshot(p.db);
    p.close(); // checkpoints: the base is one file, copied whole for every kill point

    for (const mode of ['import', 'checkup', 'export'] as const) {
      const path = join(dir, `reference-${mode}.slicewise`);
      copyFileSync(base, path);
      const run = await runChild(argsFor(mode, path, -1));
      const ref = ProjectDb.open(path, { appVersion: 'test' });
      const after = snapshot(ref.db);
      assert.deepEqual(changedRows(baseline, after), []);
      const newRun = [...after.get('runs')!.keys()].find((id) => !baseline.get('runs')!.has(id));
      const findingKeys = newRun ? (ref.db.prepare('SELECT finding_key FROM findings WHERE run_id = ? ORDER BY id').pluck().all(newRun) as string[]) : undefined;
      reference[mode] = { run, added: addedRows(baseline, after), ...(findingKeys ? { findingKeys } : {}) };
      ref.close();
    }
    referenceCsv = readFileSync(join(dir, 'reference-export.csv'));
    assert.deepEqual(reference.import.added, { audit_log: 1, dataset_chunks: Math.ceil(BIG_ROWS / CHUNK_ROWS), dataset_columns: 4, datasets: 1 });
    assert.equal(reference.checkup.added.runs, 1);
    assert.deepEqual(reference.export.added, { audit_log: 1 });
  });

  function argsFor(mode: Mode, projectPath: string, killAt: number): Record<string, unknown> {
    const outPath = projectPath.replace(/\.slicewise$/, '.csv');
    if (mode === 'import') return { mode, projectPath, killAt, filePath: big };
    if (mode === 'checkup') return { mode, projectPath, killAt, datasetId: loanId, now: NOW };
    return { mode, projectPath, killAt, runId, outPath };
  }

  /** Checks one killed project; returns whether the interrupted work is there or not. */
  function verify(mode: Mode, projectPath: string): Outcome {
    const p = ProjectDb.open(projectPath, { appVersion: 'test' });
    try {
      assert.equal(p.db.pragma('integrity_check', { simple: true }), 'ok');
      const after = snapshot(p.db);
      assert.deepEqual(changedRows(baseline, after), [], 'every earlier row is intact');
      const added = addedRows(baseline, after);
      if (mode === 'export') {
        const outPath = projectPath.replace(/\.slicewise$/, '.csv');
        const written = existsSync(outPath);
        if (written) assert.ok(readFileSync(outPath).equals(referenceCsv), 'an export file that exists is the whole file');
        // The audit line is written after the file: it never exists without it.
        if (added.audit_log) assert.ok(written, 'an export recorded in the audit trail has its file');
        assert.deepEqual(Object.keys(added).filter((t) => t !== 'audit_log'), []);
        assert.ok((added.audit_log ?? 0) <= 1);
        return written ? 'complete' : 'absent';
      }
      if (Object.keys(added).length === 0) return 'absent';
      assert.deepEqual(added, reference[mode].added, 'a job that left anything left all of it');
      if (mode === 'import') {
        const id = [...after.get('datasets')!.keys()].find((k) => !baseline.get('datasets')!.has(k))!;
        assert.equal(loadTable(p.db, id).rowCount, BIG_ROWS);
      } else {
        const id = [...after.get('runs')!.keys()].find((k) => !baseline.get('runs')!.has(k))!;
        assert.deepEqual(p.db.prepare('SELECT finding_key FROM findings WHERE run_id = ? ORDER BY id').pluck().all(id), reference.checkup.findingKeys);
      }
      return 'complete';
    } finally {
      p.close();
    }
  }

  async function killLoop(t: TestContext, mode: Mode, eventPoints: number[], timedPoints: Timed[]): Promise<void> {
    const points = [...eventPoints.map((e) => ({ event: e })), ...timedPoints.map((timed) => ({ timed }))];
    let k = 0;
    await pool(points, async (point) => {
      const name = 'event' in point ? `event-${point.event}` : 'timed';
      const path = join(dir, `${mode}-${k++}-${name}.slicewise`);
      copyFileSync(base, path);
      const run = await runChild(argsFor(mode, path, 'event' in point ? point.event : -1), 'timed' in point ? point.timed : undefined);
      if ('event' in point) assert.ok(run.killed && run.lastEvent === point.event, `killed at event ${point.event}`);
      const outcome = verify(mode, path);
      const key = `${run.killed ? 'killed' : 'finished first'}, ${outcome}`;
      tally[mode][key] = (tally[mode][key] ?? 0) + 1;
      // writeFileAtomic's temporary file (".<name>.<pid>.<random>.tmp") outlives a SIGKILL: counted, not failed.
      const outPath = path.replace(/\.slicewise$/, '.csv');
      const temp = `.${basename(outPath)}.`;
      for (const file of readdirSync(dir)) {
        if (file.startsWith(temp) && file.endsWith('.tmp')) {
          tally[mode]['temporary export file left behind'] = (tally[mode]['temporary export file left behind'] ?? 0) + 1;
          rmSync(join(dir, file), { force: true });
        }
      }
      for (const suffix of ['', '-wal', '-shm']) rmSync(`${path}${suffix}`, { force: true });
      rmSync(outPath, { force: true });
    });
    const killed = Object.entries(tally[mode]).reduce((n, [key, v]) => (key.startsWith('killed') ? n + v : n), 0);
    totalKilled += killed;
    t.diagnostic(`kill points (${mode}): ${killed} killed of ${points.length} tried: ${JSON.stringify(tally[mode])}`);
    assert.ok((tally[mode]['killed, absent'] ?? 0) > 0, 'some kills land before the work is saved');
    assert.ok((tally[mode]['killed, complete'] ?? 0) > 0, 'some kills land after it is saved');
  }

  /** Seeded timed kills: `n` moments between event `from` and the end of the uninterrupted run. */
  function timedAfter(mode: Mode, from: number, n: number, seed: number): Timed[] {
    const { eventTimes, lastEvent } = reference[mode].run;
    const window = (eventTimes[lastEvent] ?? 0) - (eventTimes[from] ?? 0);
    const rand = mulberry32(seed);
    return Array.from({ length: n }, () => ({ afterEvent: from, ms: Math.round(rand() * window) }));
  }

  const eventOf = (mode: Mode, prefix: string): number => {
    const i = reference[mode].run.labels.findIndex((l) => l?.startsWith(prefix));
    assert.ok(i > 0, `the ${mode} reports "${prefix}"`);
    return i;
  };

  test('during an import: killed while reading, between chunks inside the write transaction, around COMMIT', async (t) => {
    const { lastEvent: events, labels } = reference.import.run;
    const saving = eventOf('import', 'progress Saving');
    assert.ok(labels.filter((l) => l?.startsWith('progress Saving')).length >= 3, 'the save reports progress chunk by chunk');
    // Every event from "Saving" on (the write transaction and COMMIT), the rest spread over reading.
    const inSave = Array.from({ length: events - saving + 1 }, (_, i) => saving + i);
    await killLoop(t, 'import', spread(1, events, COUNTS.import.events, inSave), timedAfter('import', saving, COUNTS.import.timed, 10));
  });

  test('during a check-up: killed between checks, inside the transaction before COMMIT, after it', async (t) => {
    const events = reference.checkup.run.lastEvent;
    const saving = eventOf('checkup', 'progress Saving');
    await killLoop(t, 'checkup', spread(1, events, COUNTS.checkup.events, [saving, saving + 1, events]), timedAfter('checkup', saving, COUNTS.checkup.timed, 20));
  });

  test('during an export: killed before, while and after the file is written and recorded', async (t) => {
    const events = reference.export.run.lastEvent;
    await killLoop(t, 'export', spread(1, events, COUNTS.export.events), timedAfter('export', eventOf('export', 'progress Writing'), COUNTS.export.timed, 30));
  });

  test(`at least ${MIN_KILLS} kills in all`, (t) => {
    t.diagnostic(`kill points survived: ${totalKilled}`);
    assert.ok(totalKilled >= MIN_KILLS, `${totalKilled} kills`);
  });
});
