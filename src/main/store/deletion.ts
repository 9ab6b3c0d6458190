/**
 * Deleting a run, or a dataset with everything that depends on it, from the project file. Each
 * deletion is one transaction together with its line in the audit trail: all of it or none of it.
 *
 * What depends on a dataset: its columns (with their roles, kept on the dataset's row), its stored
 * chunks, its runs of every kind with their findings, and the comparisons that used it as the
 * reference — those are runs of the *current* dataset that name it only in their parameters (no
 * foreign key), so they are found by reading the parameters. Children are deleted explicitly rather
 * than trusting ON DELETE CASCADE, so the result does not depend on the connection's pragmas.
 * The audit trail keeps its earlier lines: an entry outlives what it describes.
 */
import type { DatasetDeletion, RunDeletion } from '../../shared/domain';
import { SlicewiseError } from '../../shared/errors';
import { recordAudit } from './audit';
import type { Db } from './sqlite';

const plural = (n: number, one: string, many: string): string => `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;

/** A run's kind in the audit trail's words. */
const RUN_WORDS: Record<string, string> = { checkup: 'check-up', compare: 'comparison of two datasets', models: 'comparison of two models' };
export const runWord = (kind: string): string => RUN_WORDS[kind] ?? `${kind} run`;

/** The runs that depend on a dataset: its own (any kind) and comparisons that used it as the reference. */
function runsUsing(db: Db, datasetId: number): { id: number; kind: string; dataset_id: number | null }[] {
  return db
    .prepare(
      `SELECT id, kind, dataset_id FROM runs
       WHERE dataset_id = ?
          OR (kind = 'compare' AND CASE WHEN json_valid(params) THEN json_extract(params, '$.referenceId') END = ?)
       ORDER BY id`,
    )
    .all(datasetId, datasetId) as { id: number; kind: string; dataset_id: number | null }[];
}

/** What deleting the dataset would remove; changes nothing. NOT_FOUND when there is no such dataset. */
export function datasetDeletionImpact(db: Db, datasetId: number): DatasetDeletion {
  const row = db.prepare('SELECT name, row_count FROM datasets WHERE id = ?').get(datasetId) as { name: string; row_count: number } | undefined;
  if (!row) throw new SlicewiseError({ code: 'NOT_FOUND', message: `This project has no dataset number ${datasetId}.` });
  const runs = runsUsing(db, datasetId);
  const checkups = runs.filter((r) => r.kind === 'checkup' && r.dataset_id === datasetId).length;
  return { datasetId, name: row.name, rows: row.row_count, checkups, comparisons: runs.length - checkups, runIds: runs.map((r) => r.id) };
}

/** The audit line for a deleted dataset: "Deleted dataset loans (2,024 rows) and its 3 runs". */
export function datasetDeletionSummary(d: DatasetDeletion): string {
  const runs = d.runIds.length;
  return `Deleted dataset ${d.name} (${plural(d.rows, 'row', 'rows')})${runs > 0 ? ` and its ${plural(runs, 'run', 'runs')}` : ''}`;
}

function deleteRunRows(db: Db, runIds: readonly number[]): void {
  const findings = db.prepare('DELETE FROM findings WHERE run_id = ?');
  const runs = db.prepare('DELETE FROM runs WHERE id = ?');
  for (const id of runIds) {
    findings.run(id);
    runs.run(id);
  }
}

/** Deletes a dataset, its stored data and roles, and every run that used it; one transaction with its audit line. */
export function deleteDataset(db: Db, datasetId: number): DatasetDeletion {
  // IMMEDIATE: take the write lock up front, so a worker writing at the same moment waits (busy_timeout) instead of deadlocking.
  return db
    .transaction(() => {
      const impact = datasetDeletionImpact(db, datasetId);
      deleteRunRows(db, impact.runIds);
      db.prepare('DELETE FROM dataset_chunks WHERE dataset_id = ?').run(datasetId);
      db.prepare('DELETE FROM dataset_dictionary_pieces WHERE dataset_id = ?').run(datasetId);
      db.prepare('DELETE FROM dataset_columns WHERE dataset_id = ?').run(datasetId);
      db.prepare('DELETE FROM datasets WHERE id = ?').run(datasetId);
      recordAudit(db, {
        action: 'delete',
        datasetId,
        summary: datasetDeletionSummary(impact),
        details: { datasetId, name: impact.name, rows: impact.rows, checkups: impact.checkups, comparisons: impact.comparisons, runIds: impact.runIds },
      });
      return impact;
    })
    .immediate();
}

/** Deletes one run and its findings; one transaction with its audit line. NOT_FOUND when there is no such run. */
export function deleteRun(db: Db, runId: number): RunDeletion {
  return db
    .transaction(() => {
      const run = db
        .prepare('SELECT r.kind, r.dataset_id, d.name AS dataset FROM runs r LEFT JOIN datasets d ON d.id = r.dataset_id WHERE r.id = ?')
        .get(runId) as { kind: string; dataset_id: number | null; dataset: string | null } | undefined;
      if (!run) throw new SlicewiseError({ code: 'NOT_FOUND', message: `This project has no check-up number ${runId}.` });
      const { n: findings } = db.prepare('SELECT count(*) AS n FROM findings WHERE run_id = ?').get(runId) as { n: number };
      deleteRunRows(db, [runId]);
      const of = run.dataset ? ` of ${run.dataset}` : '';
      recordAudit(db, {
        action: 'delete',
        datasetId: run.dataset_id,
        runId,
        summary: `Deleted ${runWord(run.kind)} ${runId}${of} (${plural(findings, 'finding', 'findings')})`,
        details: { runId, kind: run.kind, datasetId: run.dataset_id, findings },
      });
      return { runId, datasetId: run.dataset_id ?? 0, kind: run.kind, findings };
    })
    .immediate();
}
