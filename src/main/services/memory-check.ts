/**
 * "Would this fit?" — checked before a job starts, so a table too big for this computer gets a
 * clear message instead of a worker that runs out of memory half-way.
 *
 * The estimates come from the benchmark (docs/decisions.md, bench/): an import needs about 2.6× the
 * CSV's size on top of what the app holds (3× is used here; compressed formats — Parquet, Arrow,
 * xlsx — unpack to several times their size on disk, 10× is used); a check-up peaks at about 3.4×
 * the table's size in memory (numbers 8 bytes + a validity byte per cell, text codes 4 bytes per
 * cell), 5× is used. A job is refused when its estimate is over 85% of the computer's memory:
 * beyond that it would not fit beside the operating system and the app itself.
 */
import { totalmem } from 'node:os';
import { extname } from 'node:path';
import type { ColumnSummary } from '../../shared/domain';
import { SlicewiseError } from '../../shared/errors';

const USABLE_SHARE = 0.85;
const IMPORT_FACTOR_TEXT = 3;
const IMPORT_FACTOR_PACKED = 10;
const PACKED = new Set(['.parquet', '.arrow', '.feather', '.ipc', '.xlsx', '.xlsm', '.gz']);
const CHECKUP_FACTOR = 5;

const gb = (bytes: number): string => `${(bytes / 1024 ** 3).toFixed(1)} GB`;

/** Bytes a stored table takes in memory. */
export function tableBytes(rows: number, columns: readonly Pick<ColumnSummary, 'storage'>[]): number {
  return columns.reduce((sum, c) => sum + rows * (c.storage === 'number' ? 9 : 4), 0);
}

export function importEstimate(fileBytes: number, fileName: string): number {
  return fileBytes * (PACKED.has(extname(fileName).toLowerCase()) ? IMPORT_FACTOR_PACKED : IMPORT_FACTOR_TEXT);
}

export function checkupEstimate(rows: number, columns: readonly Pick<ColumnSummary, 'storage'>[]): number {
  return tableBytes(rows, columns) * CHECKUP_FACTOR;
}

/** Throws TOO_LARGE, saying how much is needed and how much there is, when `needed` would not fit. */
export function ensureFits(what: string, needed: number, total = totalmem()): void {
  if (needed <= total * USABLE_SHARE) return;
  throw new SlicewiseError({
    code: 'TOO_LARGE',
    message: `${what} would need about ${gb(needed)} of memory, and this computer has ${gb(total)} in all. Nothing was started. Try a smaller file (for example a sample of the rows, or fewer columns), or a computer with more memory.`,
  });
}
