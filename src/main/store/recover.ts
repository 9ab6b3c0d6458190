/**
 * Recovery of a damaged project: everything still readable is copied, table by table and row by
 * row (recover-copy.ts), into a NEW project file next to the damaged one, which is only ever read.
 * The new file is built at the damaged file's schema version, then migrated like any older
 * project, so old data gets the same treatment as on a normal open.
 *
 * What comes back is checked before it is kept: a dataset must have every column and every data
 * chunk and decode; a run must have its dataset(s). Whatever fails that is removed from the new
 * file and listed in the report, with why, next to what was recovered.
 */
import { randomUUID } from 'node:crypto';
import { copyFileSync, existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, extname, join, resolve } from 'node:path';
import { tableFromIPC } from 'apache-arrow';
import { SlicewiseError } from '../../shared/errors';
import { putSetting } from './audit';
import { columnShapes, loadTable, parseStoredJson } from './datasets';
import { LATEST_SCHEMA_VERSION, MIGRATIONS } from './migrations';
import { APPLICATION_ID, configure, migrate } from './project-db';
import { copyTable, type TableCopy } from './recover-copy';
import { openSqlite, type Db, type SqliteOptions } from './sqlite';
import { sqliteReason } from './sqlite-errors';

/** Parents before children, so a row whose parent was lost is refused by its foreign key. */
const TABLE_ORDER = ['project', 'datasets', 'dataset_columns', 'dataset_dictionary_pieces', 'dataset_chunks', 'runs', 'findings', 'notes', 'audit_log', 'project_settings'];

/** Columns holding JSON: a row whose JSON does not parse is damaged and is not copied. */
const JSON_COLUMNS: Record<string, string[]> = {
  datasets: ['import_options', 'notes', 'roles_guess', 'roles'],
  // dictionary: JSON or packed pieces, read whole when the dataset is checked (datasetProblem).
  dataset_columns: ['stats'],
  runs: ['params', 'versions', 'timings', 'results'],
  findings: ['data'],
  audit_log: ['details'],
  project_settings: ['value'],
};

export const RECOVERY_SETTING = 'recoveredFrom';

export interface RecoveryReport {
  source: string;
  target: string;
  sourceSchemaVersion: number;
  tables: TableCopy[];
  datasets: { recovered: { id: number; name: string; rows: number }[]; lost: { id: number; name: string | null; reason: string }[] };
  runs: { recovered: number[]; lost: { id: number; reason: string }[]; findingsMayBeIncomplete: number[] };
  /** True when nothing is known to be lost. */
  complete: boolean;
  /** The report in plain sentences, for the person. */
  summary: string[];
}

/** `<stem> (recovered).slicewise` next to the damaged file, never an existing file. */
export function recoveryPath(source: string): string {
  const ext = extname(source) || '.slicewise';
  const stem = basename(source, extname(source));
  for (let k = 1; ; k++) {
    const path = join(dirname(source), `${stem} (recovered${k === 1 ? '' : ` ${k}`})${ext}`);
    if (!existsSync(path) && !existsSync(`${path}-wal`)) return path;
  }
}

const nothingReadable = (source: string, why: string): SlicewiseError =>
  new SlicewiseError({
    code: 'PROJECT_UNREADABLE',
    message: `Nothing in ${source} could be read (${why}), so there is nothing to recover; no new file was made. The file was not changed.`,
  });

/**
 * Opens a copy of the damaged file (and of its write-ahead log, when it has one) made in a
 * temporary folder, so that not even SQLite's -shm and -wal side files appear next to the
 * original. Without room for a copy it reads the original in place, read-only.
 */
function openSource(source: string, sqlite: SqliteOptions): { db: Db; version: number; tables: Set<string>; cleanup: () => void } {
  let db: Db;
  let copy: string | undefined;
  const cleanup = (): void => {
    if (copy) rmSync(dirname(copy), { recursive: true, force: true });
  };
  try {
    try {
      copy = join(mkdtempSync(join(tmpdir(), 'slicewise-recover-')), 'damaged.slicewise');
      copyFileSync(source, copy);
      const wal = `${source}-wal`;
      if (existsSync(wal) && statSync(wal).size > 0) copyFileSync(wal, `${copy}-wal`);
    } catch {
      cleanup();
      copy = undefined;
    }
    db = openSqlite(copy ?? source, { ...sqlite, readonly: true, fileMustExist: true });
    // Read past a cut-off end (SQLite otherwise refuses a file shorter than its header says;
    // writable_schema needs better-sqlite3's defensive mode off) and check each cell's size as it
    // is read. All three only change how this read-only connection reads.
    db.unsafeMode(true);
    db.pragma('writable_schema = ON');
    db.pragma('cell_size_check = ON');
  } catch (err) {
    cleanup();
    throw nothingReadable(source, sqliteReason(err));
  }
  try {
    const applicationId = db.pragma('application_id', { simple: true }) as number;
    const version = db.pragma('user_version', { simple: true }) as number;
    if (applicationId !== APPLICATION_ID) {
      throw new SlicewiseError({ code: 'PROJECT_UNREADABLE', message: `${source} is not a Slicewise project, so Slicewise will not recover it. Nothing was changed.` });
    }
    if (version > LATEST_SCHEMA_VERSION) {
      throw new SlicewiseError({
        code: 'PROJECT_TOO_NEW',
        message: `${source} was saved by a newer version of Slicewise (format ${version}); recover it with that version. Nothing was changed.`,
      });
    }
    if (version < 1) throw nothingReadable(source, 'it holds no project yet');
    const tables = new Set(db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all() as string[]);
    return { db, version, tables, cleanup };
  } catch (err) {
    db.close();
    cleanup();
    if (err instanceof SlicewiseError && !(err.details as { damaged?: boolean } | undefined)?.damaged) throw err;
    throw nothingReadable(source, sqliteReason(err));
  }
}

/** Why a row's parent is missing, kept so the report can name lost datasets and runs. */
interface Orphans {
  datasets: Set<number>;
  runs: Set<number>;
  /** Runs left out because their dataset's description could not be read: run id → dataset id. */
  runsOfLostDatasets: Map<number, number>;
}

function parentCheck(db: Db, table: string, orphans: Orphans): (row: Record<string, unknown>) => void {
  const datasetExists = db.prepare('SELECT 1 FROM datasets WHERE id = ?').pluck();
  const runExists = db.prepare('SELECT 1 FROM runs WHERE id = ?').pluck();
  const json = JSON_COLUMNS[table] ?? [];
  return (row) => {
    for (const c of json) {
      const v = row[c];
      if (typeof v === 'string' || Buffer.isBuffer(v)) parseStoredJson(v);
    }
    const datasetId = row.dataset_id;
    if ((table === 'dataset_columns' || table === 'dataset_dictionary_pieces' || table === 'dataset_chunks' || table === 'runs') && typeof datasetId === 'number' && !datasetExists.get(datasetId)) {
      orphans.datasets.add(datasetId);
      if (table === 'runs' && typeof row.id === 'number') orphans.runsOfLostDatasets.set(row.id, datasetId);
      throw new Error(`it belongs to dataset ${datasetId}, whose description could not be read`);
    }
    if (table === 'findings' && typeof row.run_id === 'number' && !runExists.get(row.run_id)) {
      orphans.runs.add(row.run_id);
      throw new Error(`it belongs to run ${row.run_id}, whose record could not be read`);
    }
  };
}

/**
 * Copies what is readable of the project at `sourcePath` into a new project file (by default
 * `recoveryPath(sourcePath)`) and returns what was recovered and what was lost. The source is
 * opened read-only and never changed.
 */
export function recoverProject(sourcePath: string, opts: SqliteOptions & { targetPath?: string } = {}): RecoveryReport {
  const source = resolve(sourcePath);
  if (!existsSync(source)) throw new SlicewiseError({ code: 'NOT_FOUND', message: `The project file ${source} does not exist (was it moved or deleted?).` });
  const target = resolve(opts.targetPath ?? recoveryPath(source));
  if (existsSync(target)) throw new SlicewiseError({ code: 'INVALID_REQUEST', message: `Cannot recover into ${target}: a file with that name already exists.` });
  const src = openSource(source, opts);
  let db: Db | undefined;
  try {
    db = openSqlite(target, opts);
    configure(db);
    db.pragma(`application_id = ${APPLICATION_ID}`);
    migrate(db, MIGRATIONS.slice(0, src.version));
    const targetTables = new Set(db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all() as string[]);
    const order = [...TABLE_ORDER, ...[...targetTables].filter((t) => !TABLE_ORDER.includes(t) && !t.startsWith('sqlite_')).sort()].filter((t) => targetTables.has(t));
    const orphans: Orphans = { datasets: new Set(), runs: new Set(), runsOfLostDatasets: new Map() };
    const tables: TableCopy[] = [];
    for (const table of order) {
      if (!src.tables.has(table)) {
        tables.push({ table, copied: 0, skipped: [], unreadable: [{ after: null, before: null, error: 'the table is missing from the damaged file' }] });
        continue;
      }
      const d = db;
      tables.push(d.transaction(() => copyTable(src.db, d, table, parentCheck(d, table, orphans)))());
    }
    migrate(db);
    const report = checkRecovered(db, { source, target, version: src.version, tables, orphans });
    finish(db, source, report);
    db.close();
    return report;
  } catch (err) {
    db?.close();
    // Only the file this call made is removed.
    for (const suffix of ['', '-wal', '-shm']) rmSync(`${target}${suffix}`, { force: true });
    throw err;
  } finally {
    src.db.close();
    src.cleanup();
  }
}

/** Why a recovered dataset cannot be kept, or null when it is whole. */
function datasetProblem(db: Db, id: number, rows: number): string | null {
  const idx = db.prepare('SELECT idx FROM dataset_columns WHERE dataset_id = ? ORDER BY idx').pluck().all(id) as number[];
  if (idx.length === 0) return 'none of its column descriptions could be read';
  if (idx.some((v, i) => v !== i)) return 'some of its column descriptions could not be read';
  const chunks = db.prepare('SELECT seq, row_start, row_count FROM dataset_chunks WHERE dataset_id = ? ORDER BY seq').all(id) as { seq: number; row_start: number; row_count: number }[];
  let at = 0;
  for (const [i, c] of chunks.entries()) {
    if (c.seq !== i || c.row_start !== at) return `part of its data could not be read (rows from ${at.toLocaleString('en-US')} on)`;
    at += c.row_count;
  }
  if (at === 0 && rows > 0) return 'none of its stored data could be read';
  if (at !== rows) return `only ${at.toLocaleString('en-US')} of its ${rows.toLocaleString('en-US')} rows could be read`;
  const blob = db.prepare('SELECT arrow_ipc FROM dataset_chunks WHERE dataset_id = ? ORDER BY seq').pluck();
  for (const bytes of blob.iterate(id) as Iterable<Buffer>) {
    let cols: number;
    try {
      cols = tableFromIPC(new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength)).numCols;
    } catch (err) {
      return `part of its data is damaged (${(err as Error).message})`;
    }
    if (cols !== idx.length) return `its data has ${cols} columns but only ${idx.length} column descriptions could be read`;
  }
  try {
    loadTable(db, id, columnShapes(db, id));
  } catch (err) {
    return `its data could not be decoded (${(err as Error).message})`;
  }
  return null;
}

function checkRecovered(
  db: Db,
  c: { source: string; target: string; version: number; tables: TableCopy[]; orphans: Orphans },
): RecoveryReport {
  const lostDatasets: RecoveryReport['datasets']['lost'] = [...c.orphans.datasets].sort((a, b) => a - b).map((id) => ({ id, name: null, reason: 'its description could not be read' }));
  const lostRuns: RecoveryReport['runs']['lost'] = [...c.orphans.runsOfLostDatasets].map(([id, datasetId]) => ({ id, reason: `its dataset (${datasetId}) was lost` }));
  const runsOf = db.prepare('SELECT id FROM runs WHERE dataset_id = ? ORDER BY id').pluck();
  const dropDataset = (id: number, name: string | null, reason: string): void => {
    for (const runId of runsOf.all(id) as number[]) lostRuns.push({ id: runId, reason: `its dataset (${id}) was lost` });
    db.prepare('DELETE FROM datasets WHERE id = ?').run(id);
    lostDatasets.push({ id, name, reason });
  };
  db.transaction(() => {
    for (const d of db.prepare('SELECT id, name, row_count FROM datasets ORDER BY id').all() as { id: number; name: string; row_count: number }[]) {
      const problem = datasetProblem(db, d.id, d.row_count);
      if (problem) dropDataset(d.id, d.name, problem);
    }
    // Comparisons name their two datasets in their parameters.
    const exists = db.prepare('SELECT 1 FROM datasets WHERE id = ?').pluck();
    for (const r of db.prepare('SELECT id, params FROM runs ORDER BY id').all() as { id: number; params: string }[]) {
      const params = JSON.parse(r.params) as Record<string, unknown>;
      const missing = ['referenceId', 'currentId'].map((k) => params[k]).find((v) => typeof v === 'number' && !exists.get(v));
      if (missing !== undefined) {
        lostRuns.push({ id: r.id, reason: `a dataset it compares (${String(missing)}) was lost` });
        db.prepare('DELETE FROM runs WHERE id = ?').run(r.id);
      }
    }
  })();
  // In these two tables the rowid is the id, so a damaged row still says which dataset or run it was.
  const skipped = (table: string): number[] => c.tables.find((t) => t.table === table)?.skipped.map((s) => s.rowid) ?? [];
  for (const id of skipped('datasets')) if (!lostDatasets.some((d) => d.id === id)) lostDatasets.push({ id, name: null, reason: 'its description is damaged' });
  lostDatasets.sort((a, b) => a.id - b.id);
  for (const id of skipped('runs')) if (!lostRuns.some((r) => r.id === id)) lostRuns.push({ id, reason: 'its record is damaged' });
  for (const id of c.orphans.runs) if (!lostRuns.some((r) => r.id === id)) lostRuns.push({ id, reason: 'its record could not be read' });
  // Where a whole stretch of a table could not be read, its ids are unknown; the history still names them.
  const named = namedByHistory(db);
  const hasDataset = db.prepare('SELECT 1 FROM datasets WHERE id = ?').pluck();
  const hasRun = db.prepare('SELECT 1 FROM runs WHERE id = ?').pluck();
  for (const id of named.datasets) if (!hasDataset.get(id) && !lostDatasets.some((d) => d.id === id)) lostDatasets.push({ id, name: null, reason: 'its record could not be read' });
  lostDatasets.sort((a, b) => a.id - b.id);
  for (const id of named.runs) if (!hasRun.get(id) && !lostRuns.some((r) => r.id === id)) lostRuns.push({ id, reason: 'its record could not be read' });
  lostRuns.sort((a, b) => a.id - b.id);

  const findingsMayBeIncomplete = runsWithFindingGaps(db, c.tables.find((t) => t.table === 'findings'));
  const recoveredDatasets = (db.prepare('SELECT id, name, row_count AS rows FROM datasets ORDER BY id').all() as { id: number; name: string; rows: number }[]);
  const recoveredRuns = db.prepare('SELECT id FROM runs ORDER BY id').pluck().all() as number[];
  const complete = lostDatasets.length === 0 && lostRuns.length === 0 && c.tables.every((t) => t.skipped.length === 0 && t.unreadable.length === 0);
  const report: RecoveryReport = {
    source: c.source,
    target: c.target,
    sourceSchemaVersion: c.version,
    tables: c.tables,
    datasets: { recovered: recoveredDatasets, lost: lostDatasets },
    runs: { recovered: recoveredRuns, lost: lostRuns, findingsMayBeIncomplete },
    complete,
    summary: [],
  };
  report.summary = summarize(report);
  return report;
}

/**
 * The datasets and runs the (recovered) history says exist: made by an import, join or run and
 * not deleted since, read in order, since SQLite may give a deleted id to something new.
 */
function namedByHistory(db: Db): { datasets: Set<number>; runs: Set<number> } {
  const datasets = new Set<number>();
  const runs = new Set<number>();
  const rows = db.prepare('SELECT action, dataset_id, run_id, details FROM audit_log ORDER BY id').all() as { action: string; dataset_id: number | null; run_id: number | null; details: string }[];
  for (const r of rows) {
    if ((r.action === 'import' || r.action === 'join') && r.dataset_id !== null) datasets.add(r.dataset_id);
    if (r.action === 'run' && r.run_id !== null) runs.add(r.run_id);
    if (r.action !== 'delete') continue;
    if (r.run_id !== null) {
      runs.delete(r.run_id);
      continue;
    }
    if (r.dataset_id !== null) datasets.delete(r.dataset_id);
    let details: { runIds?: unknown } = {};
    try {
      details = JSON.parse(r.details) as { runIds?: unknown };
    } catch {
      // A damaged line names no runs.
    }
    if (Array.isArray(details.runIds)) for (const id of details.runIds) if (typeof id === 'number') runs.delete(id);
  }
  return { datasets, runs };
}

/** Runs whose block of findings touches a stretch of the findings table that could not be read. */
function runsWithFindingGaps(db: Db, findings: TableCopy | undefined): number[] {
  if (!findings) return [];
  const gaps = [
    ...findings.unreadable.map((u) => ({ after: u.after, before: u.before })),
    ...findings.skipped.filter((s) => !/whose record could not be read/.test(s.reason)).map((s) => ({ after: s.rowid - 1, before: s.rowid + 1 })),
  ];
  if (gaps.length === 0) return [];
  const runBefore = db.prepare('SELECT run_id FROM findings WHERE id <= ? ORDER BY id DESC LIMIT 1').pluck();
  const runAfter = db.prepare('SELECT run_id FROM findings WHERE id >= ? ORDER BY id LIMIT 1').pluck();
  const runs = db.prepare('SELECT id FROM runs WHERE id BETWEEN ? AND ?').pluck();
  const out = new Set<number>();
  for (const g of gaps) {
    const lo = g.after === null ? -Number.MAX_SAFE_INTEGER : ((runBefore.get(g.after) as number | undefined) ?? -Number.MAX_SAFE_INTEGER);
    const hi = g.before === null ? Number.MAX_SAFE_INTEGER : ((runAfter.get(g.before) as number | undefined) ?? Number.MAX_SAFE_INTEGER);
    for (const id of runs.all(lo, hi) as number[]) out.add(id);
  }
  return [...out].sort((a, b) => a - b);
}

const TABLE_WORDS: Record<string, string> = {
  project: 'the project details',
  datasets: 'the list of datasets',
  dataset_columns: 'the column descriptions',
  dataset_dictionary_pieces: 'the stored values of big text columns',
  dataset_chunks: 'the stored data',
  runs: 'the check-ups and comparisons',
  findings: 'the findings',
  notes: 'the notes',
  audit_log: 'the audit trail',
  project_settings: 'the project settings',
};

const plural = (n: number, one: string, many = `${one}s`): string => `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;

function summarize(r: RecoveryReport): string[] {
  const out = [`Copied what could be read of ${r.source} into ${r.target}; the damaged file was not changed.`];
  const ds = r.datasets.recovered;
  out.push(ds.length ? `Recovered ${plural(ds.length, 'dataset')}: ${ds.map((d) => `${d.name} (${plural(d.rows, 'row')})`).join(', ')}.` : 'No dataset could be recovered.');
  for (const d of r.datasets.lost) out.push(`Lost dataset ${d.id}${d.name ? ` (${d.name})` : ''}: ${d.reason}.`);
  const runs = r.runs.recovered.length;
  out.push(runs ? `Recovered ${plural(runs, 'check-up or comparison', 'check-ups and comparisons')}.` : 'No check-up or comparison could be recovered.');
  for (const run of r.runs.lost) out.push(`Lost run ${run.id}: ${run.reason}.`);
  if (r.runs.findingsMayBeIncomplete.length) {
    out.push(`Some findings of run ${r.runs.findingsMayBeIncomplete.join(', ')} could not be read; the run is kept with the findings that could.`);
  }
  for (const t of r.tables) {
    if (t.skipped.length === 0 && t.unreadable.length === 0) continue;
    const parts = [`${plural(t.copied, 'row')} read`];
    if (t.skipped.length) parts.push(`${plural(t.skipped.length, 'damaged row')} left out`);
    if (t.unreadable.length) parts.push(`${plural(t.unreadable.length, 'damaged stretch', 'damaged stretches')} could not be read at all`);
    out.push(`In ${TABLE_WORDS[t.table] ?? t.table}: ${parts.join('; ')}.`);
  }
  if (r.complete) out.push('Nothing was lost.');
  return out;
}

/** The project record (made up when it was lost), a new identity, and the report kept inside. */
function finish(db: Db, source: string, report: RecoveryReport): void {
  db.transaction(() => {
    const has = db.prepare('SELECT 1 FROM project WHERE id = 1').pluck().get();
    if (!has) {
      db.prepare('INSERT INTO project (id, uuid, name, created_at, created_by_version) VALUES (1, ?, ?, ?, ?)').run(
        randomUUID(),
        basename(source, extname(source)),
        new Date().toISOString(),
        'recovered',
      );
    }
    // A different file is a different project: it must not share the damaged one's identity.
    db.prepare('UPDATE project SET uuid = ? WHERE id = 1').run(randomUUID());
    putSetting(db, RECOVERY_SETTING, { source, at: new Date().toISOString(), complete: report.complete, summary: report.summary });
  })();
  db.pragma('wal_checkpoint(TRUNCATE)');
}
