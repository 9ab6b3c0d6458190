/**
 * npm run bench — times Slicewise against DuckDB (@duckdb/node-api) doing the closest equivalent
 * work on the same generated files, in the same process, and prints ratios. Median of N runs.
 * Slicewise runs as the app does: import and check-up as jobs in the worker pool, while this
 * (main) thread's event loop is watched — its longest stall is what a person would feel.
 *
 *   npm run bench                      100k rows (quick)
 *   npm run bench -- --rows 1000000    1M rows × 20 columns (≈135 MB CSV)
 *   npm run bench -- --runs 5 --json   more runs; also write bench/results/<time>.json
 */
import { existsSync, mkdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { DuckDBInstance } from '@duckdb/node-api';
import { createAppServices } from '../src/main/app-services';
import type { WorkerScript } from '../src/main/engine-host/worker-entry';
import { noDialogs } from '../src/main/services/ports';
import { loadTable } from '../src/main/store/datasets';
import { ProjectDb } from '../src/main/store/project-db';
import { getRun } from '../src/main/store/runs';
import { fairnessCheck } from '../src/shared/checks/fairness/fairness-check';
import { DEFAULT_CHECK_OPTIONS, type CheckOptions } from '../src/shared/checks/options';
import { slicesCheck } from '../src/shared/checks/slices/slices-check';
import type { CheckInput } from '../src/shared/checks/types';
import type { DatasetRoles } from '../src/shared/roles/dataset-roles';
import { launchChromium } from '../src/main/export/chromium';
import { generate } from './generate';

const { values } = parseArgs({
  options: {
    rows: { type: 'string', default: '100000' },
    runs: { type: 'string', default: '3' },
    json: { type: 'boolean', default: false },
  },
});
const rows = Number(values.rows);
const runs = Math.max(1, Number(values.runs));
const root = join(import.meta.dirname, '..');
const csv = join(import.meta.dirname, 'data', `model-${rows}.csv`);
if (!existsSync(csv)) {
  console.error(`Generating ${csv} …`);
  await generate({ rows, out: csv, seed: 1 });
}
const bytes = statSync(csv).size;
const work = join(tmpdir(), `slicewise-bench-${process.pid}`);
mkdirSync(work, { recursive: true });

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};
const time = async (fn: () => unknown): Promise<number> => {
  const t = performance.now();
  await fn();
  return (performance.now() - t) / 1000;
};
const peakRssMb = (): number => process.resourceUsage().maxRSS / 1024;

interface Row {
  stage: string;
  slicewise: number;
  duckdb: number;
  target: string;
}
const results: Row[] = [];

// The built worker when there is one (npm run build), so tsx's start-up is not timed.
const built = join(root, 'out', 'main', 'engine-worker.js');
const workerScript: WorkerScript = existsSync(built) ? { kind: 'built', path: built } : { kind: 'source', path: join(root, 'src', 'main', 'workers', 'engine-worker.ts') };
const services = createAppServices({
  appVersion: 'bench',
  host: 'cli',
  userDataDir: work,
  projectsDir: work,
  resourcesDir: join(root, 'resources'),
  dialogs: noDialogs,
  events: { emit: () => {} },
  workers: 1,
  workerScript,
});
const ok = <T>(o: { status: string; value?: T; error?: unknown }): T => {
  if (o.status !== 'succeeded') throw new Error(`job ${o.status}: ${JSON.stringify(o.error)}`);
  return o.value as T;
};
// Warm the worker up on a tiny file so its start is not counted.
const warm = services.projects.create('warm-up');
ok(await services.imports.start(warm.id, join(root, 'test', 'fixtures', 'csv', 'small.csv')).outcome);

// Slicewise first, so the peak memory it reports is its own (DuckDB's comes later in this process).
const loop = monitorEventLoopDelay({ resolution: 10 });
loop.enable();
let projectId = '';
let datasetId = 0;
const importTimes: number[] = [];
for (let r = 0; r < runs; r++) {
  projectId = services.projects.create(`import-${r}`).id;
  importTimes.push(await time(async () => (datasetId = ok<{ datasetId: number }>(await services.imports.start(projectId, csv).outcome).datasetId)));
}
const checkupTimes: number[] = [];
let lastRunId = 0;
let stageTimings: Record<string, number> = {};
for (let r = 0; r < runs; r++) {
  checkupTimes.push(
    await time(async () => {
      const { runId } = ok<{ runId: number }>(await services.checkups.start(projectId, datasetId).outcome);
      stageTimings = getRun(services.projects.get(projectId).db, runId).timings;
      lastRunId = runId;
    }),
  );
}
loop.disable();
const longestStallMs = loop.max / 1e6;
const slicewisePeakRss = peakRssMb();
const projectPath = services.projects.get(projectId).path;

// The HTML report of the last run: its size, and how long Chromium takes to show it with every chart drawn.
const htmlPath = join(work, 'report.html');
const htmlExport = await services.exports.export(projectId, lastRunId, 'html', 'mask', htmlPath);
const htmlBytes = htmlExport.status === 'written' ? htmlExport.bytes : 0;
let htmlOpenSeconds: number | null = null;
try {
  const browser = await launchChromium();
  const page = await browser.newPage();
  htmlOpenSeconds = await time(async () => {
    await page.goto(`file://${htmlPath}`);
    await page.waitForSelector('html[data-charts-ready]', { timeout: 30_000 });
  });
  await browser.close();
} catch (err) {
  console.error(`HTML open time not measured: ${(err as Error).message.split('\n')[0]}`);
}
await services.shutdown();

const reopenTimes: number[] = [];
for (let r = 0; r < runs; r++) {
  reopenTimes.push(
    await time(() => {
      const p = ProjectDb.open(projectPath, { appVersion: 'bench' });
      loadTable(p.db, datasetId);
      p.close();
    }),
  );
}

const duck = await DuckDBInstance.create(':memory:');
const con = await duck.connect();
const duckImport: number[] = [];
for (let r = 0; r < runs; r++) {
  duckImport.push(await time(() => con.run(`CREATE OR REPLACE TABLE t AS SELECT * FROM read_csv('${csv.replace(/'/g, "''")}')`)));
}
results.push({ stage: 'import CSV', slicewise: median(importTimes), duckdb: median(duckImport), target: '≤ 2×' });

const numeric = ['f_income', 'f_debt', 'f_tenure', 'f_balance', 'f_visits', 'f_age', 'f_ratio', 'f_score2', 'score'];
const all = ['id', ...numeric.slice(0, 8), 'sex', 'age_group', 'region', 'segment', 'product', 'merchant', 'event_date', 'comment', 'label', 'score', 'prediction'];
const profileSql = `SELECT ${all.map((c) => `count(*) - count("${c}"), count(DISTINCT "${c}"), min("${c}"), max("${c}")`).join(', ')},
  ${numeric.map((c) => `quantile_cont("${c}", [0.25, 0.5, 0.75])`).join(', ')} FROM t`;
const duckCheckup: number[] = [];
for (let r = 0; r < runs; r++) {
  duckCheckup.push(
    await time(async () => {
      await con.run(profileSql);
      await con.run('SELECT count(*) - (SELECT count(*) FROM (SELECT DISTINCT * FROM t)) FROM t');
      await con.run('SELECT label, prediction, count(*) FROM t GROUP BY ALL');
    }),
  );
}
results.push({ stage: 'check-up', slicewise: median(checkupTimes), duckdb: median(duckCheckup), target: '≤ 2×' });

// Fairness (3 sensitive columns + every intersection) and slice discovery (depth 2, 15 features),
// timed in this process on the stored table, against DuckDB's GROUP BY aggregates of the same groups.
const reopened = ProjectDb.open(projectPath, { appVersion: 'bench' });
const table = loadTable(reopened.db, datasetId);
reopened.close();
const benchRoles: DatasetRoles = {
  target: 'label', prediction: 'prediction', score: 'score', classScores: {}, positiveClass: '1', task: 'binary',
  sensitive: { sex: 'sex', age_group: 'age', region: 'other' }, ids: ['id'], timestamps: [], ignored: ['comment'],
};
const checkInput = (options: Partial<CheckOptions>): CheckInput => ({ table, columns: [], roles: benchRoles, options: { ...DEFAULT_CHECK_OPTIONS, ...options }, now: Date.now() });
const fairnessTimes: number[] = [];
const sliceTimes: number[] = [];
let slicesExamined = 0;
for (let r = 0; r < runs; r++) {
  fairnessTimes.push(await time(() => fairnessCheck.run(checkInput({}))));
  sliceTimes.push(
    await time(() => {
      slicesExamined = Number(slicesCheck.run(checkInput({ sliceMaxDepth: 2 })).evidence.examined ?? 0);
    }),
  );
}
const sensitiveKeys = [['sex'], ['age_group'], ['region'], ['sex', 'age_group'], ['sex', 'region'], ['age_group', 'region'], ['sex', 'age_group', 'region']];
// The same quantities the fairness check computes, per group of each key: the confusion counts
// and score sums; the rank sums behind each group's ROC AUC (a sort of the scores within every
// group); and the counts in 100 score buckets behind each group's calibration and threshold curves.
const fairnessSql = (keys: string): string[] => [
  `SELECT ${keys}, count(*), sum(label), sum(prediction), sum(label * prediction), sum(score), sum(CASE WHEN prediction = label THEN 1 ELSE 0 END)
   FROM t WHERE label IS NOT NULL AND prediction IS NOT NULL GROUP BY ${keys}`,
  `SELECT ${keys}, sum(r) FILTER (WHERE label = 1), count(*) FILTER (WHERE label = 1), count(*) FILTER (WHERE label = 0)
   FROM (SELECT ${keys}, label, rank() OVER (PARTITION BY ${keys} ORDER BY score) AS r FROM t WHERE label IS NOT NULL AND score IS NOT NULL) GROUP BY ${keys}`,
  `SELECT ${keys}, least(floor(score * 100), 99) AS b, count(*), sum(label), sum(score)
   FROM t WHERE label IS NOT NULL AND score IS NOT NULL GROUP BY ${keys}, b`,
];
const duckFairness: number[] = [];
for (let r = 0; r < runs; r++) {
  duckFairness.push(await time(async () => {
    for (const k of sensitiveKeys) for (const sql of fairnessSql(k.map((c) => `"${c}"`).join(', '))) await con.run(sql);
  }));
}
results.push({ stage: 'fairness', slicewise: median(fairnessTimes), duckdb: median(duckFairness), target: '≤ 1.5×' });
// Numeric features in 5 quantile bins, categoricals as they are; every single feature and every pair.
const sliceFeatures = ['f_income', 'f_debt', 'f_tenure', 'f_balance', 'f_visits', 'f_age', 'f_ratio', 'f_score2', 'sex', 'age_group', 'region', 'segment', 'product', 'merchant', 'event_date'];
const numericFeatures = new Set(sliceFeatures.slice(0, 8).concat('event_date'));
const duckSlices: number[] = [];
for (let r = 0; r < runs; r++) {
  duckSlices.push(await time(async () => {
    const edges = await con.runAndReadAll(`SELECT ${[...numericFeatures].map((c) => `quantile_cont("${c}", [0.2, 0.4, 0.6, 0.8])`).join(', ')} FROM t`);
    const row = edges.getRows()[0]!;
    const binned = sliceFeatures.map((c) => {
      if (!numericFeatures.has(c)) return `"${c}" AS "${c}"`;
      const e = row[[...numericFeatures].indexOf(c)] as unknown as { items: unknown[] };
      const cuts = e.items.map((v) => (typeof v === 'object' && v !== null ? `'${String(v)}'` : String(v)));
      return `CASE WHEN "${c}" IS NULL THEN -1 ${cuts.map((cut, i) => `WHEN "${c}" <= ${cut} THEN ${i}`).join(' ')} ELSE ${cuts.length} END AS "${c}"`;
    });
    const sets = [...sliceFeatures.map((c) => `("${c}")`), ...sliceFeatures.flatMap((a, i) => sliceFeatures.slice(i + 1).map((b) => `("${a}", "${b}")`))];
    await con.run(`WITH b AS (SELECT ${binned.join(', ')}, CASE WHEN prediction = label THEN 0 ELSE 1 END AS err FROM t WHERE label IS NOT NULL AND prediction IS NOT NULL)
      SELECT ${sliceFeatures.map((c) => `"${c}"`).join(', ')}, count(*), sum(err) FROM b GROUP BY GROUPING SETS (${sets.join(', ')})`);
  }));
}
results.push({ stage: 'slices d=2', slicewise: median(sliceTimes), duckdb: median(duckSlices), target: '≤ 10 s' });

const fmt = (n: number, d = 2): string => n.toFixed(d);
console.log(`\nSlicewise benchmark — ${rows.toLocaleString('en-US')} rows × 20 columns, ${(bytes / 1e6).toFixed(1)} MB CSV, median of ${runs} run(s)`);
console.log(`machine: ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, Node ${process.version}, worker: ${workerScript.kind}\n`);
console.log(`${'stage'.padEnd(14)} ${'slicewise s'.padStart(12)} ${'duckdb s'.padStart(10)} ${'ratio'.padStart(7)} ${'target'.padStart(7)} ${'rows/s'.padStart(12)} ${'MB/s'.padStart(8)}`);
for (const r of results) {
  console.log(
    `${r.stage.padEnd(14)} ${fmt(r.slicewise).padStart(12)} ${fmt(r.duckdb).padStart(10)} ${fmt(r.slicewise / r.duckdb).padStart(7)} ${r.target.padStart(7)} ${Math.round(rows / r.slicewise).toLocaleString('en-US').padStart(12)} ${fmt(bytes / 1e6 / r.slicewise, 1).padStart(8)}`,
  );
}
console.log(`\nslice discovery examined ${slicesExamined.toLocaleString('en-US')} slices (depth 2, 15 features); target is absolute: ≤ 10 s on this machine`);
console.log(`HTML report of the 1-run check-up: ${fmt(htmlBytes / 1e6, 2)} MB (target < 5 MB), opened in Chromium with every chart drawn in ${htmlOpenSeconds === null ? 'n/a' : `${fmt(htmlOpenSeconds, 2)} s`} (target < 2 s)`);
console.log(`project reopen (all columns back in memory): ${fmt(median(reopenTimes), 3)} s (target ≤ 1 s)`);
console.log(`longest main-thread stall during import and check-up: ${fmt(longestStallMs, 0)} ms (target ≤ 100 ms)`);
console.log(`check-up time per check (ms, last run): ${Object.entries(stageTimings).sort((a, b) => b[1] - a[1]).slice(0, 8).map(([k, v]) => `${k} ${v}`).join(', ')}`);
console.log(`peak RSS (import and check-up, all threads): ${fmt(slicewisePeakRss, 0)} MB = ${fmt((slicewisePeakRss * 1e6) / bytes, 2)}× the CSV size (target ≤ 3×)`);

if (values.json) {
  const dir = join(import.meta.dirname, 'results');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
  writeFileSync(file, JSON.stringify({ rows, bytes, runs, results, htmlBytes, htmlOpenSeconds, reopenSeconds: median(reopenTimes), peakRssMb: slicewisePeakRss, longestStallMs, stageTimings, node: process.version, cpus: cpus().length }, null, 2));
  console.log(`wrote ${file}`);
}
rmSync(work, { recursive: true, force: true });
