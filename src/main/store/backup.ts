/**
 * A copy of a project file taken just before its schema is migrated, next to it:
 * `<name>.slicewise.bak-v<old version>`. The copy is the file's exact bytes after a checkpoint
 * (so everything committed is in the main file), taken while holding the write lock, written to a
 * temporary name, flushed and renamed — a half-written backup never carries the final name.
 *
 * Policy: the last backup is kept after the migration succeeds (it costs one file's size and is
 * the way back if the new app turns out to be wrong about something); older `.bak-v*` files of
 * the same project are removed once a newer migration has succeeded, so a project kept for years
 * carries one backup, not one per version.
 */
import { closeSync, copyFileSync, existsSync, fsyncSync, openSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { SlicewiseError } from '../../shared/errors';
import type { Db } from './sqlite';

export function backupPath(projectPath: string, fromVersion: number): string {
  return `${projectPath}.bak-v${fromVersion}`;
}

const inUse = (path: string): SlicewiseError =>
  new SlicewiseError({
    code: 'PROJECT_UNWRITABLE',
    message: `${path} is in use by another program or Slicewise window, so its format cannot be updated now. Close it there and open it again. Nothing was changed.`,
  });

/** Copies the file (as committed) to its backup name; returns the backup's path. */
export function backupBeforeMigration(db: Db, projectPath: string, fromVersion: number): string {
  const target = backupPath(projectPath, fromVersion);
  const checkpoint = db.pragma('wal_checkpoint(TRUNCATE)') as { busy: number }[];
  if (checkpoint[0]?.busy) throw inUse(projectPath);
  // The write lock keeps anyone from committing (and so from changing the file) during the copy.
  db.exec('BEGIN IMMEDIATE');
  try {
    const wal = `${projectPath}-wal`;
    if (existsSync(wal) && statSync(wal).size > 0) throw inUse(projectPath);
    copyAtomically(projectPath, target);
  } finally {
    db.exec('ROLLBACK');
  }
  return target;
}

function copyAtomically(from: string, to: string): void {
  const temp = join(dirname(to), `.${basename(to)}.${process.pid}.tmp`);
  try {
    copyFileSync(from, temp);
    const fd = openSync(temp, 'r+');
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(temp, to);
  } catch (err) {
    rmSync(temp, { force: true });
    const e = err as NodeJS.ErrnoException;
    const why =
      e.code === 'ENOSPC' ? 'the disk is full' : e.code === 'EACCES' || e.code === 'EPERM' || e.code === 'EROFS' ? 'the folder is read-only' : `${e.code ?? 'error'}: ${e.message}`;
    throw new SlicewiseError({
      code: 'PROJECT_UNWRITABLE',
      message:
        `Before updating ${from} to this version's format, Slicewise keeps a copy of it (${to}), but could not write the copy (${why}). ` +
        'Nothing was changed. Free some space, or move the project to a folder you can write to, and open it again.',
      details: { errno: e.code, backup: to },
    });
  }
}

/** Removes the project's older `.bak-v*` files, keeping `keep`. */
export function pruneOlderBackups(projectPath: string, keep: string): string[] {
  const dir = dirname(projectPath);
  const prefix = `${basename(projectPath)}.bak-v`;
  const removed: string[] = [];
  for (const name of readdirSync(dir)) {
    if (!name.startsWith(prefix) || !/^\d+$/.test(name.slice(prefix.length))) continue;
    const path = join(dir, name);
    if (path === keep) continue;
    rmSync(path, { force: true });
    removed.push(path);
  }
  return removed;
}
