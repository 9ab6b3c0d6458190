/**
 * Copies one table from a possibly damaged SQLite file, row by row, skipping what cannot be read.
 *
 * Rows are walked in rowid order with one seek per row (`rowid > last ORDER BY rowid LIMIT 1`), so
 * a damaged page costs only the rows on it: when a seek fails, the walk probes further and further
 * ahead (1, 2, 4 … rowids) until a seek works again, then narrows back (binary search) to the first
 * rowid after the damage, and goes on from there. A row whose seek works but whose content cannot
 * be read or copied (a broken overflow page, broken JSON, a missing parent row) is skipped alone.
 */
import type { Db } from './sqlite';
import { sqliteReason } from './sqlite-errors';

export interface UnreadableStretch {
  /** The last rowid read before the damage (null: from the start of the table). */
  after: number | null;
  /** The first rowid read after it (null: to the end of the table). */
  before: number | null;
  error: string;
}

export interface SkippedRow {
  rowid: number;
  reason: string;
}

export interface TableCopy {
  table: string;
  copied: number;
  skipped: SkippedRow[];
  unreadable: UnreadableStretch[];
}

const START = -Number.MAX_SAFE_INTEGER;
/** How far ahead the walk looks past damage when the table's last rowid cannot be read. */
const FALLBACK_SPAN = 2 ** 40;

const message = sqliteReason;
const quote = (name: string): string => `"${name.replace(/"/g, '""')}"`;

export function columnNames(db: Db, table: string): string[] {
  return (db.prepare(`PRAGMA table_info(${quote(table)})`).all() as { name: string }[]).map((c) => c.name);
}

/**
 * Copies `table` from `source` into the same table of `target` (the columns both have), inside the
 * caller's transaction. `check` may throw to refuse a row (e.g. JSON that does not parse).
 */
export function copyTable(source: Db, target: Db, table: string, check: (row: Record<string, unknown>) => void = () => {}): TableCopy {
  const result: TableCopy = { table, copied: 0, skipped: [], unreadable: [] };
  let columns: string[];
  try {
    const inSource = new Set(columnNames(source, table));
    columns = columnNames(target, table).filter((c) => inSource.has(c));
  } catch (err) {
    result.unreadable.push({ after: null, before: null, error: message(err) });
    return result;
  }
  const list = columns.map(quote).join(', ');
  const nextId = source.prepare(`SELECT rowid FROM ${quote(table)} WHERE rowid > ? ORDER BY rowid LIMIT 1`).pluck();
  const getRow = source.prepare(`SELECT ${list} FROM ${quote(table)} WHERE rowid = ?`);
  const insert = target.prepare(`INSERT INTO ${quote(table)} (${list}) VALUES (${columns.map(() => '?').join(', ')})`);
  let last: number | null;
  try {
    last = source.prepare(`SELECT max(rowid) FROM ${quote(table)}`).pluck().get() as number | null;
  } catch {
    last = null;
  }

  /** The first rowid after `from`: a number, null at the end, or an Error when the seek fails. */
  const seek = (from: number): number | null | Error => {
    try {
      return (nextId.get(from) as number | undefined) ?? null;
    } catch (err) {
      return err instanceof Error ? err : new Error(String(err));
    }
  };

  let cursor = START;
  for (;;) {
    let next = seek(cursor);
    if (next instanceof Error) {
      const error = message(next);
      const limit = last !== null && last > cursor ? last : cursor === START ? FALLBACK_SPAN : cursor + FALLBACK_SPAN;
      // Look ahead until a seek works again…
      let bad = cursor;
      let good = Number.NaN;
      for (let step = 1; ; step *= 2) {
        const probe = cursor === START ? Math.min(limit, step - 1) : Math.min(limit, cursor + step);
        if (!(seek(probe) instanceof Error)) {
          good = probe;
          break;
        }
        bad = probe;
        if (probe >= limit) break;
      }
      if (Number.isNaN(good)) {
        result.unreadable.push({ after: cursor === START ? null : cursor, before: null, error });
        break;
      }
      // …then narrow back to the first place it works.
      while (good - bad > 1) {
        const mid: number = bad + Math.floor((good - bad) / 2);
        if (seek(mid) instanceof Error) bad = mid;
        else good = mid;
      }
      const resumed = seek(good);
      result.unreadable.push({ after: cursor === START ? null : cursor, before: resumed instanceof Error ? null : resumed, error });
      cursor = good;
      // Damage that does not sit in one stretch: look again from here (the cursor only moves on).
      if (resumed instanceof Error) continue;
      next = resumed;
    }
    if (next === null) break;
    cursor = next;
    try {
      const row = getRow.get(next) as Record<string, unknown> | undefined;
      if (!row) throw new Error('the row vanished while it was read');
      check(row);
      insert.run(...columns.map((c) => row[c]));
      result.copied++;
    } catch (err) {
      result.skipped.push({ rowid: next, reason: message(err) });
    }
  }
  return result;
}
