/**
 * The audit trail: one line per thing that changed the project or left it (an import, a change of
 * roles or options, a run, an export), written in the same transaction as the change itself.
 */
import type { AuditAction, AuditEntry } from '../../shared/domain';
import type { Db } from './sqlite';

export type { AuditAction, AuditEntry };

export function recordAudit(
  db: Db,
  entry: { action: AuditAction; summary: string; datasetId?: number | null; runId?: number | null; details?: Record<string, unknown>; at?: string },
): number {
  const info = db
    .prepare('INSERT INTO audit_log (at, action, dataset_id, run_id, summary, details) VALUES (?, ?, ?, ?, ?, ?)')
    .run(entry.at ?? new Date().toISOString(), entry.action, entry.datasetId ?? null, entry.runId ?? null, entry.summary, JSON.stringify(entry.details ?? {}));
  return Number(info.lastInsertRowid);
}

/**
 * The id for a new dataset or run: above every one the project has given before, deleted ones
 * included. SQLite would otherwise give the next one the highest id in use plus one, so deleting
 * the newest dataset and importing another reused its id, and the audit trail (which outlives
 * what it describes) then named two datasets by one number. Every dataset and run is in the
 * trail from its creation, and with its id again when deleted.
 */
export function unusedId(db: Db, kind: 'dataset' | 'run'): number {
  const [table, column] = kind === 'dataset' ? ['datasets', 'dataset_id'] : ['runs', 'run_id'];
  return db.prepare(`SELECT max(coalesce((SELECT max(id) FROM ${table}), 0), coalesce((SELECT max(${column}) FROM audit_log), 0)) + 1`).pluck().get() as number;
}

interface AuditRow {
  id: number;
  at: string;
  action: AuditAction;
  dataset_id: number | null;
  run_id: number | null;
  summary: string;
  details: string;
}

/** Newest first. */
export function listAudit(db: Db, limit = 500): AuditEntry[] {
  const rows = db.prepare('SELECT * FROM audit_log ORDER BY id DESC LIMIT ?').all(limit) as AuditRow[];
  return rows.map((r) => ({
    id: r.id,
    at: r.at,
    action: r.action,
    datasetId: r.dataset_id,
    runId: r.run_id,
    summary: r.summary,
    details: JSON.parse(r.details) as Record<string, unknown>,
  }));
}

/** A project setting (JSON), or undefined when never set. */
export function getSetting<T>(db: Db, key: string): T | undefined {
  const row = db.prepare('SELECT value FROM project_settings WHERE key = ?').get(key) as { value: string } | undefined;
  return row ? (JSON.parse(row.value) as T) : undefined;
}

export function putSetting(db: Db, key: string, value: unknown): void {
  db.prepare('INSERT INTO project_settings (key, value, updated_at) VALUES (?, ?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at').run(
    key,
    JSON.stringify(value),
    new Date().toISOString(),
  );
}
