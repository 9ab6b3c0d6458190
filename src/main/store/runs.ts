/**
 * Check-up runs and their findings in the project file. A run records its inputs (dataset, roles,
 * options), the versions that produced it, timings, the full results and each finding (so findings
 * can be listed and compared across runs without parsing every report).
 */
import { SlicewiseError } from '../../shared/errors';
import type { LastRunSummary, RunSummary } from '../../shared/domain';
import type { Finding } from '../../shared/findings/types';
import { recordAudit, unusedId } from './audit';
import type { Db } from './sqlite';

export type { RunSummary };

export interface RunRecord {
  id: number;
  datasetId: number;
  kind: string;
  status: 'succeeded' | 'failed';
  params: Record<string, unknown>;
  versions: Record<string, unknown>;
  startedAt: string;
  finishedAt: string | null;
  timings: Record<string, number>;
  results: Record<string, unknown>;
}

interface RunRow {
  id: number;
  dataset_id: number;
  kind: string;
  status: RunRecord['status'];
  params: string;
  versions: string;
  started_at: string;
  finished_at: string | null;
  timings: string | null;
  results: string | null;
}

/** Writes a finished run and its findings; call inside a transaction. */
export function insertRun(db: Db, run: Omit<RunRecord, 'id'>, findings: readonly Finding[]): number {
  const info = db
    .prepare('INSERT INTO runs (id, dataset_id, kind, status, params, versions, started_at, finished_at, timings, results) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)')
    .run(unusedId(db, 'run'), run.datasetId, run.kind, run.status, JSON.stringify(run.params), JSON.stringify(run.versions), run.startedAt, run.finishedAt, JSON.stringify(run.timings), JSON.stringify(run.results));
  const runId = Number(info.lastInsertRowid);
  const insert = db.prepare('INSERT INTO findings (run_id, finding_key, category, severity, data) VALUES (?, ?, ?, ?, ?)');
  for (const f of findings) insert.run(runId, f.id, f.category, f.severity, JSON.stringify(f));
  return runId;
}

/**
 * Stores a finished run, its findings and its line in the audit trail in one transaction: all of
 * it or none of it (a crash or a cancel before COMMIT leaves the project as it was).
 * `beforeCommit` runs last inside the transaction (e.g. a final cancel check).
 */
export function saveRun(
  db: Db,
  run: Omit<RunRecord, 'id'>,
  findings: readonly Finding[],
  audit: (runId: number) => { summary: string; details?: Record<string, unknown> },
  beforeCommit: () => void = () => {},
): number {
  db.exec('BEGIN IMMEDIATE');
  try {
    const runId = insertRun(db, run, findings);
    recordAudit(db, { action: 'run', datasetId: run.datasetId, runId, ...audit(runId) });
    beforeCommit();
    db.exec('COMMIT');
    return runId;
  } catch (err) {
    if (db.inTransaction) db.exec('ROLLBACK');
    throw err;
  }
}

export function getRun(db: Db, runId: number): RunRecord & { findings: Finding[] } {
  const row = db.prepare('SELECT * FROM runs WHERE id = ?').get(runId) as RunRow | undefined;
  if (!row) throw new SlicewiseError({ code: 'NOT_FOUND', message: `This project has no check-up number ${runId}.` });
  const findings = (db.prepare('SELECT data FROM findings WHERE run_id = ? ORDER BY id').all(runId) as { data: string }[]).map((r) => JSON.parse(r.data) as Finding);
  return {
    id: row.id,
    datasetId: row.dataset_id,
    kind: row.kind,
    status: row.status,
    params: JSON.parse(row.params) as Record<string, unknown>,
    versions: JSON.parse(row.versions) as Record<string, unknown>,
    startedAt: row.started_at,
    finishedAt: row.finished_at,
    timings: row.timings ? (JSON.parse(row.timings) as Record<string, number>) : {},
    results: row.results ? (JSON.parse(row.results) as Record<string, unknown>) : {},
    findings,
  };
}

export function listRuns(db: Db, datasetId?: number): RunSummary[] {
  const rows = (datasetId === undefined
    ? db.prepare('SELECT id, dataset_id, kind, started_at, finished_at FROM runs ORDER BY id DESC').all()
    : db.prepare('SELECT id, dataset_id, kind, started_at, finished_at FROM runs WHERE dataset_id = ? ORDER BY id DESC').all(datasetId)) as Pick<
    RunRow,
    'id' | 'dataset_id' | 'kind' | 'started_at' | 'finished_at'
  >[];
  return rows.map((r) => ({ id: r.id, datasetId: r.dataset_id, kind: r.kind, startedAt: r.started_at, finishedAt: r.finished_at, counts: runCounts(db, r.id) }));
}

/** How many findings of a run are issues (by severity), passed, or could not say. */
export function runCounts(db: Db, runId: number): RunSummary['counts'] {
  const counts: RunSummary['counts'] = { issues: 0, passed: 0, notEnoughData: 0, bySeverity: {} };
  const rows = db
    .prepare("SELECT json_extract(data, '$.status') AS status, severity, count(*) AS n FROM findings WHERE run_id = ? GROUP BY status, severity")
    .all(runId) as { status: string; severity: string; n: number }[];
  for (const c of rows) {
    if (c.status === 'issue') {
      counts.issues += c.n;
      counts.bySeverity[c.severity] = (counts.bySeverity[c.severity] ?? 0) + c.n;
    } else if (c.status === 'passed') counts.passed += c.n;
    else counts.notEnoughData += c.n;
  }
  return counts;
}

/**
 * The newest check-up's headline numbers (the same counts as its report's summary line), or null
 * when the project has none. Newest by start time, as the run list orders them.
 */
export function latestCheckup(db: Db): LastRunSummary | null {
  const row = db
    .prepare("SELECT id, started_at, finished_at FROM runs WHERE kind = 'checkup' AND status = 'succeeded' ORDER BY started_at DESC, id DESC LIMIT 1")
    .get() as Pick<RunRow, 'id' | 'started_at' | 'finished_at'> | undefined;
  if (!row) return null;
  const { issues, passed, notEnoughData } = runCounts(db, row.id);
  return { runId: row.id, at: row.finished_at ?? row.started_at, issues, passed, notEnoughData };
}
