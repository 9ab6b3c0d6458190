/**
 * npm run bench:cancel — how fast a big import stops when the person presses Cancel, and that it
 * leaves nothing behind (issue #10: "a 10M-row import can be cancelled within a second").
 *
 * Generates (once, cached in bench/data/) the benchmark's seeded model-output CSV at --rows
 * (default 10,000,000 ≈ 1.5 GB), then imports it into a project with the app's own services and
 * worker, cancelling at several moments of the import (--at, seconds after the start, which
 * covers reading, type detection and storing). For each: the time from cancel to the job's end
 * (target ≤ 1 s), and then that the project has no dataset, no half-written chunks and passes
 * SQLite's integrity check. Past the import's point of no return (its final commit) Cancel is
 * refused: then the import must finish and keep its dataset — never "cancelled" with data saved.
 *
 *   npm run bench:cancel                               10M rows, cancel at 2, 10, 30 and 60 s
 *   npm run bench:cancel -- --rows 1000000 --at 1,3,5  a quicker look
 */
import { existsSync, mkdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import Database from 'better-sqlite3';
import { generate, GENERATOR_VERSION } from './generate';
import { chooseWorker } from './bundle';
import { createBenchServices } from './slicewise-side';

const { values } = parseArgs({ options: { rows: { type: 'string', default: '10000000' }, at: { type: 'string', default: '2,10,30,60' } } });
const rows = Number(values.rows);
const moments = values.at.split(',').map(Number);
if (!Number.isInteger(rows) || rows < 1000 || moments.some((s) => !(s > 0))) {
  console.error('usage: bench/cancel.ts [--rows n (≥ 1000)] [--at s[,s…]]');
  process.exit(2);
}

const root = join(import.meta.dirname, '..');
const data = join(import.meta.dirname, 'data');
const csv = join(data, `v${GENERATOR_VERSION}-cancel-${rows}.csv`);
mkdirSync(data, { recursive: true });
if (!existsSync(csv)) {
  console.error(`Generating ${csv} …`);
  await generate({ rows, csv, seed: 1 });
}
const mb = statSync(csv).size / 1e6;
const work = join(import.meta.dirname, 'scratch', `cancel-${process.pid}`);
mkdirSync(work, { recursive: true });
const worker = await chooseWorker(root, 'bundle');
const services = createBenchServices(root, work, worker.script);

console.log(`Cancelling the import of ${rows.toLocaleString('en-US')} rows (${mb.toFixed(0)} MB CSV), ${worker.why}`);
let worst = 0;
let failures = 0;
try {
  for (const at of moments) {
    const project = services.projects.create(`cancel-at-${at}`);
    let stage = '';
    const started = performance.now();
    const job = services.imports.start(project.id, csv, undefined, (p) => (stage = p.stage));
    const early = await Promise.race([job.outcome.then(() => true), new Promise<false>((r) => setTimeout(() => r(false), at * 1000))]);
    if (early) {
      console.log(`  at ${at} s: the import had already finished (${((performance.now() - started) / 1000).toFixed(1)} s) — nothing to cancel`);
      continue;
    }
    const cancelAt = performance.now();
    const accepted = services.pool.cancel(job.jobId);
    const outcome = await job.outcome;
    const stopped = (performance.now() - cancelAt) / 1000;
    const path = project.path;
    services.projects.close(project.id);
    const db = new Database(path, { readonly: true });
    const datasets = (db.prepare('SELECT count(*) AS n FROM datasets').get() as { n: number }).n;
    const chunks = (db.prepare('SELECT count(*) AS n FROM dataset_chunks').get() as { n: number }).n;
    const integrity = (db.prepare('PRAGMA integrity_check').get() as { integrity_check: string }).integrity_check;
    db.close();
    // Refused past the job's point of no return (its final commit): then it must finish and keep its dataset.
    const clean = accepted
      ? outcome.status === 'cancelled' && datasets === 0 && chunks === 0 && integrity === 'ok'
      : outcome.status === 'succeeded' && datasets === 1 && integrity === 'ok';
    if (!clean || (accepted && stopped > 1)) failures++;
    if (!accepted) {
      console.log(`  at ${at} s (${stage}): too late — past the final commit, Cancel was refused; the import ${outcome.status} ${stopped.toFixed(2)} s later and kept its dataset (${datasets} dataset, integrity ${integrity})${clean ? '' : '  ← NOT consistent'}`);
      continue;
    }
    worst = Math.max(worst, stopped);
    console.log(
      `  at ${at} s (${stage || 'starting'}): ${outcome.status} in ${stopped.toFixed(2)} s (target ≤ 1 s: ${stopped <= 1 ? 'met' : 'NOT met'}); ` +
        `left behind: ${datasets} datasets, ${chunks} chunks, integrity ${integrity}${clean ? '' : '  ← NOT clean'}`,
    );
  }
  console.log(`longest time from Cancel to stopped: ${worst.toFixed(2)} s (target ≤ 1 s: ${worst <= 1 ? 'met' : 'NOT met'})`);
} finally {
  await services.shutdown();
  worker.cleanup();
  rmSync(work, { recursive: true, force: true });
}
process.exit(failures === 0 ? 0 : 1);
