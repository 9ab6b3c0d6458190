/**
 * SQLite's environmental failures (disk full, read-only file or folder, I/O errors, a damaged
 * file) turned into SlicewiseErrors that say what happened, to which file, and that nothing
 * already saved was lost. Every connection made by `openSqlite` translates them at the source,
 * so a job, a service or the CLI all see the same plain message, not "database or disk is full".
 *
 * Other SQLite errors (constraints, SQL mistakes, busy) are programming or concurrency problems
 * and pass through unchanged.
 */
import { SlicewiseError } from '../../shared/errors';

/** The `code` better-sqlite3 puts on a SqliteError ('SQLITE_FULL', 'SQLITE_IOERR_WRITE', …). */
export function sqliteCode(err: unknown): string | undefined {
  if (typeof err !== 'object' || err === null) return undefined;
  const code = (err as { code?: unknown }).code;
  return typeof code === 'string' && code.startsWith('SQLITE_') ? code : undefined;
}

const NOTHING_LOST = 'The change was not saved; everything saved before is intact.';

/**
 * A clear error for an environmental SQLite failure on the project at `path`, or `err` itself
 * when it is not one (or is already a SlicewiseError).
 */
export function translateSqliteError(err: unknown, path: string): unknown {
  if (err instanceof SlicewiseError) return err;
  const code = sqliteCode(err);
  if (!code) return err;
  const reason = (err as Error).message;
  const details = { sqlite: code, path, reason };
  if (code === 'SQLITE_FULL') {
    return new SlicewiseError({
      code: 'PROJECT_UNWRITABLE',
      message: `There is no room left to save to ${path}: the disk is full (or the file reached its size limit). ${NOTHING_LOST} Free some space and try again.`,
      details,
    });
  }
  if (code === 'SQLITE_READONLY_DBMOVED') {
    return new SlicewiseError({
      code: 'PROJECT_UNWRITABLE',
      message: `${path} was moved, renamed or deleted while it was open, so Slicewise cannot save to it. ${NOTHING_LOST} Open the project again from where it is now.`,
      details,
    });
  }
  if (code.startsWith('SQLITE_READONLY') || code === 'SQLITE_PERM' || code === 'SQLITE_AUTH') {
    const where = code === 'SQLITE_READONLY_DIRECTORY' ? 'the folder it is in is read-only' : 'the file or its folder is read-only, or the disk is';
    return new SlicewiseError({
      code: 'PROJECT_UNWRITABLE',
      message: `Slicewise cannot write to ${path}: ${where}. ${NOTHING_LOST} Copy the project to a folder you can write to, or change the permissions, and open it again.`,
      details,
    });
  }
  if (code.startsWith('SQLITE_CANTOPEN')) {
    return new SlicewiseError({
      code: 'PROJECT_UNWRITABLE',
      message: `Slicewise cannot open ${path} for writing (${reason}): the folder may be missing, read-only, or not yours. ${NOTHING_LOST}`,
      details,
    });
  }
  if (code === 'SQLITE_IOERR_READ' || code === 'SQLITE_IOERR_SHORT_READ') {
    return new SlicewiseError({
      code: 'PROJECT_UNREADABLE',
      message: `The disk reported an error while reading ${path} (${code}). The disk may be failing or was disconnected. Slicewise did not change the file.`,
      details,
    });
  }
  if (code.startsWith('SQLITE_IOERR')) {
    return new SlicewiseError({
      code: 'PROJECT_UNWRITABLE',
      message: `The disk reported an error while saving to ${path} (${code}): it may be full, failing, or disconnected (a removed USB drive, a lost network folder). ${NOTHING_LOST}`,
      details,
    });
  }
  if (code.startsWith('SQLITE_CORRUPT') || code === 'SQLITE_NOTADB') {
    return new SlicewiseError({
      code: 'PROJECT_UNREADABLE',
      message: damagedMessage(path, reason),
      details: { ...details, damaged: true },
    });
  }
  return err;
}

/** SQLite's own words for an error (kept in a translated error's details), for reports and logs. */
export function sqliteReason(err: unknown): string {
  if (err instanceof SlicewiseError) {
    const reason = (err.details as { reason?: unknown } | undefined)?.reason;
    if (typeof reason === 'string') return reason;
  }
  return err instanceof Error ? err.message : String(err);
}

/** The one wording for a damaged project file. */
export function damagedMessage(path: string, what: string): string {
  return (
    `${path} is damaged (${what}). Slicewise did not change it. ` +
    'It can copy everything still readable into a new project file next to it (Recover).'
  );
}
