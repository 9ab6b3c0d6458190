/** Every row of a project file, by table and rowid, as a hash: to prove earlier content is intact. */
import { createHash } from 'node:crypto';
import type { Db } from '../../../../../src/main/store/sqlite';

export type Snapshot = Map<string, Map<number, string>>;

const hashRow = (row: Record<string, unknown>): string =>
  createHash('sha256')
    .update(JSON.stringify(Object.values(row).map((v) => (Buffer.isBuffer(v) ? `blob:${createHash('sha256').update(v).digest('hex')}` : v))))
    .digest('hex');

export function snapshot(db: Db): Snapshot {
  const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").pluck().all() as string[];
  const out: Snapshot = new Map();
  for (const t of tables) {
    const rows = new Map<number, string>();
    for (const r of db.prepare(`SELECT rowid AS __rowid, * FROM "${t}"`).all() as Record<string, unknown>[]) {
      const { __rowid, ...rest } = r;
      rows.set(__rowid as number, hashRow(rest));
    }
    out.set(t, rows);
  }
  return out;
}

/** Rows of `before` missing from or changed in `after`, as "table#rowid" (empty when intact). */
export function changedRows(before: Snapshot, after: Snapshot): string[] {
  const out: string[] = [];
  for (const [t, rows] of before) {
    const now = after.get(t);
    for (const [id, hash] of rows) if (now?.get(id) !== hash) out.push(`${t}#${id}`);
  }
  return out;
}

/** How many rows each table gained (only tables that gained any). */
export function addedRows(before: Snapshot, after: Snapshot): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [t, rows] of after) {
    const old = before.get(t) ?? new Map<number, string>();
    const n = [...rows.keys()].filter((id) => !old.has(id)).length;
    if (n) out[t] = n;
  }
  return out;
}
