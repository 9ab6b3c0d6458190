/**
 * npx tsx bench/import-ab.ts — the CSV import before and after a change, and DuckDB's read_csv,
 * measured in the same run (issues #3, #9): the same generated file as `npm run bench`, the import
 * run as the app runs it (a job in the worker pool), each measurement in a fresh child process
 * (so one's memory never shows in another's peak RSS), the three interleaved run by run and the
 * order rotated, so a machine that gets busier or quieter during the run affects all three alike.
 *
 *   npx tsx bench/import-ab.ts                          1M rows, 3 runs each, before = HEAD
 *   npx tsx bench/import-ab.ts --rows 100000 --runs 5 --base <commit>
 *
 * "Before" is `git archive <base> src` (cached under bench/data/, gitignored) with its engine worker
 * bundled by esbuild; "after" is the working tree's. Each runs under its own main-side services (a
 * project made by the newer one may be in a format the older worker refuses). Prints seconds
 * (median), the ratio to DuckDB, rows/s, MB/s of the CSV, the import's stages (reading / looking at the columns / saving, from the job's
 * progress events), the process's peak RSS, and what the import added to it; writes the JSON to
 * bench/results/<time>-import-ab-<rows>.json.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import type { createAppServices as createAppServicesHere } from '../src/main/app-services';
import { benchData, generate } from './generate';
import { median } from './measure';
import { bundleWorkers } from './bundle';
import { createBenchServices } from './slicewise-side';

const { values } = parseArgs({
  options: {
    rows: { type: 'string', default: '1000000' },
    runs: { type: 'string', default: '3' },
    base: { type: 'string', default: 'HEAD' },
    child: { type: 'string' },
    worker: { type: 'string' },
    src: { type: 'string' },
    file: { type: 'string' },
  },
});
const root = join(import.meta.dirname, '..');
const dataDir = join(import.meta.dirname, 'data');

interface Sample {
  seconds: number;
  peakRssMb: number;
  baselineRssMb: number;
  stages: Record<string, number>;
}

if (values.child) {
  process.stdout.write(`${JSON.stringify(values.child === 'duckdb' ? await duckdbChild(values.file!) : await slicewiseChild(values.worker!, values.src!, values.file!))}\n`);
  process.exit(0);
}

/** `srcRoot`'s own main-side services (a project made by one version may be too new for an older one's worker). */
async function slicewiseChild(workerPath: string, srcRoot: string, file: string): Promise<Sample> {
  const work = join(tmpdir(), `slicewise-import-ab-${process.pid}`);
  mkdirSync(work, { recursive: true });
  const { createAppServices } = (await import(pathToFileURL(join(srcRoot, 'src/main/app-services.ts')).href)) as { createAppServices: typeof createAppServicesHere };
  let started = 0;
  let stage = '';
  const stages: Record<string, number> = {};
  const services = createBenchServices(root, work, { kind: 'built', path: workerPath }, (name, payload) => {
    if (name !== 'jobProgress' || !started) return;
    const next = (payload as { stage: string }).stage;
    if (next === stage) return;
    const now = performance.now();
    if (stage) stages[stage] = (stages[stage] ?? 0) + (now - started) / 1000;
    stage = next;
    started = now;
  }, createAppServices);
  const importFile = async (projectId: string, path: string): Promise<void> => {
    const o = await services.imports.start(projectId, path).outcome;
    if (o.status !== 'succeeded') throw new Error(`import ${o.status}: ${JSON.stringify(o)}`);
  };
  try {
    // Every module loaded before the timed import.
    const warm = join(work, 'warm.csv');
    await generate({ rows: 3000, csv: warm, seed: 11 });
    await importFile(services.projects.create('warm-up').id, warm);
    const baselineRssMb = process.memoryUsage.rss() / 1048576;
    const projectId = services.projects.create('timed').id;
    const t = performance.now();
    started = t;
    await importFile(projectId, file);
    const seconds = (performance.now() - t) / 1000;
    if (stage) stages[stage] = (stages[stage] ?? 0) + (performance.now() - started) / 1000;
    return { seconds, peakRssMb: process.resourceUsage().maxRSS / 1024, baselineRssMb, stages };
  } finally {
    await services.shutdown();
    rmSync(work, { recursive: true, force: true });
  }
}

async function duckdbChild(file: string): Promise<Sample> {
  const { DuckDBInstance } = await import('@duckdb/node-api');
  const duck = await DuckDBInstance.create(':memory:');
  const con = await duck.connect();
  const baselineRssMb = process.memoryUsage.rss() / 1048576;
  const t = performance.now();
  await con.run(`CREATE TABLE t AS SELECT * FROM read_csv('${file.replace(/'/g, "''")}')`);
  const seconds = (performance.now() - t) / 1000;
  con.closeSync();
  return { seconds, peakRssMb: process.resourceUsage().maxRSS / 1024, baselineRssMb, stages: {} };
}

// ---- the parent: prepare both workers, run the children interleaved, report ----
const rows = Number(values.rows.replace(/_/g, ''));
const runs = Math.max(1, Math.floor(Number(values.runs)));
const log = (s: string): void => console.error(s);
const files = benchData(rows, dataDir, log);
const csv = files.reference.csv;
const csvBytes = files.reference.csvBytes;

const baseRev = execFileSync('git', ['rev-parse', '--short', values.base], { cwd: root, encoding: 'utf8' }).trim();
const baseDir = join(dataDir, `base-${baseRev}`);
if (!existsSync(join(baseDir, 'src'))) {
  log(`extracting src at ${baseRev} into ${baseDir}`);
  mkdirSync(baseDir, { recursive: true });
  execFileSync('sh', ['-c', `git archive ${baseRev} src | tar -x -C '${baseDir}'`], { cwd: root });
}
const workerDir = join(dataDir, 'worker', `import-ab-${process.pid}`);
const bundle = async (srcRoot: string, name: string): Promise<string> => (await bundleWorkers(srcRoot, workerDir, name))[0]!;
const workers = { before: await bundle(baseDir, 'before'), after: await bundle(root, 'after') };

const variants = ['before', 'after', 'duckdb'] as const;
type Variant = (typeof variants)[number];
const samples: Record<Variant, Sample[]> = { before: [], after: [], duckdb: [] };
const loadBefore = loadavg();
try {
  for (let r = 0; r < runs; r++) {
    const order = variants.map((_, i) => variants[(i + r) % variants.length]!);
    for (const v of order) {
      const args = [...process.execArgv, process.argv[1]!, '--child', v, '--file', csv, ...(v === 'duckdb' ? [] : ['--worker', workers[v], '--src', v === 'before' ? baseDir : root])];
      const child = spawnSync(process.execPath, args, { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: 1 << 20 });
      if (child.status !== 0) throw new Error(`${v} run ${r + 1} failed (exit ${child.status})`);
      const s = JSON.parse(child.stdout.trim().split('\n').pop()!) as Sample;
      samples[v].push(s);
      log(`run ${r + 1}/${runs} ${v.padEnd(6)} ${s.seconds.toFixed(2)} s, peak RSS ${s.peakRssMb.toFixed(0)} MB`);
    }
  }
} finally {
  rmSync(workerDir, { recursive: true, force: true });
}
const loadAfter = loadavg();

const duckSeconds = median(samples.duckdb.map((s) => s.seconds));
const table = variants.map((v) => {
  const seconds = median(samples[v].map((s) => s.seconds));
  const stageNames = [...new Set(samples[v].flatMap((s) => Object.keys(s.stages)))];
  return {
    variant: v === 'before' ? `before (${baseRev})` : v === 'after' ? 'after (working tree)' : 'DuckDB read_csv',
    seconds,
    runs: samples[v].map((s) => s.seconds),
    ratioToDuckdb: seconds / duckSeconds,
    rowsPerSecond: rows / seconds,
    mbPerSecond: csvBytes / 1e6 / seconds,
    peakRssMb: median(samples[v].map((s) => s.peakRssMb)),
    importRssGrowthMb: median(samples[v].map((s) => s.peakRssMb - s.baselineRssMb)),
    stages: Object.fromEntries(stageNames.map((n) => [n, median(samples[v].map((s) => s.stages[n] ?? 0))])),
  };
});

const fmt = (n: number, d = 2): string => n.toFixed(d);
console.log(`\nCSV import, ${rows.toLocaleString('en-US')} rows × 20 columns (${fmt(csvBytes / 1e6, 1)} MB), median of ${runs} interleaved run(s), each in a fresh process`);
console.log(`machine: ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, Node ${process.version}; load average before ${loadBefore.map((x) => fmt(x, 1)).join(' ')}, after ${loadAfter.map((x) => fmt(x, 1)).join(' ')}\n`);
console.log(`${'variant'.padEnd(24)} ${'seconds'.padStart(8)} ${'× DuckDB'.padStart(9)} ${'rows/s'.padStart(10)} ${'MB/s'.padStart(7)} ${'peak RSS'.padStart(9)} ${'import +'.padStart(9)}  stages (s)`);
for (const t of table) {
  const stages = Object.entries(t.stages).map(([k, v]) => `${k} ${fmt(v)}`).join(', ');
  console.log(
    `${t.variant.padEnd(24)} ${fmt(t.seconds).padStart(8)} ${fmt(t.ratioToDuckdb).padStart(9)} ${Math.round(t.rowsPerSecond).toLocaleString('en-US').padStart(10)} ${fmt(t.mbPerSecond, 1).padStart(7)} ${`${fmt(t.peakRssMb, 0)} MB`.padStart(9)} ${`${fmt(t.importRssGrowthMb, 0)} MB`.padStart(9)}  ${stages}`,
  );
}
console.log(`\nruns (s): ${table.map((t) => `${t.variant}: ${t.runs.map((x) => fmt(x)).join(' ')}`).join('; ')}`);
console.log(`peak RSS = the child process's high-water mark (all threads); import + = that minus its RSS before the timed import (Node, modules, warm-up).`);
const resultsDir = join(import.meta.dirname, 'results');
mkdirSync(resultsDir, { recursive: true });
const out = join(resultsDir, `${new Date().toISOString().replace(/[:.]/g, '-')}-import-ab-${rows}.json`);
writeFileSync(out, `${JSON.stringify({ kind: 'import-ab', rows, runs, base: baseRev, csvBytes, machine: { cpus: cpus().length, node: process.version, loadBefore, loadAfter }, table, samples }, null, 2)}\n`);
console.log(`wrote ${out}`);
