import { closeSync, existsSync, openSync, readSync, rmSync, statSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { SlicewiseError } from '../../shared/errors';
import { LATEST_SCHEMA_VERSION, MIGRATIONS } from './migrations';
import type { Migration } from './migrations/types';
import { backupBeforeMigration, pruneOlderBackups } from './backup';
import { headerProblems, structureProblems } from './file-check';
import { openSqlite, type Db, type SqliteOptions } from './sqlite';
import { damagedMessage } from './sqlite-errors';

/** 'SLIW' — marks a SQLite file as a Slicewise project. */
export const APPLICATION_ID = 0x534c4957;
const SQLITE_HEADER = 'SQLite format 3\0';

export interface ProjectMeta {
  uuid: string;
  name: string;
  createdAt: string;
  createdByVersion: string;
}

/** Reads the first bytes so a non-SQLite file is refused before SQLite touches it. */
function looksLikeSqlite(path: string): boolean {
  const fd = openSync(path, 'r');
  try {
    const buf = Buffer.alloc(16);
    const n = readSync(fd, buf, 0, 16, 0);
    return n === 0 || buf.toString('latin1', 0, n) === SQLITE_HEADER;
  } finally {
    closeSync(fd);
  }
}

export interface InspectedProject {
  userVersion: number;
  applicationId: number;
}

/**
 * Checks a project file without changing a byte of it: is it SQLite, is it ours, is it a schema
 * this app understands, and — for a file that is ours — is it whole (header against size, then
 * SQLite's quick_check; see file-check.ts). A file that fails is refused and left exactly as it was.
 */
export function inspectProjectFile(path: string, sqlite: SqliteOptions = {}): InspectedProject {
  if (!existsSync(path)) {
    throw new SlicewiseError({ code: 'NOT_FOUND', message: `The project file ${path} does not exist (was it moved or deleted?).` });
  }
  if (!looksLikeSqlite(path)) {
    throw new SlicewiseError({
      code: 'PROJECT_UNREADABLE',
      message: `${path} is not a Slicewise project: it is not a SQLite database. Nothing was changed.`,
    });
  }
  const cutOff = headerProblems(path);
  if (cutOff.length > 0) throw damaged(path, cutOff);
  const sideFiles = ['-wal', '-shm'].filter((s) => !existsSync(`${path}${s}`));
  let db: Db | undefined;
  try {
    db = openSqlite(path, { ...sqlite, readonly: true, fileMustExist: true });
    const userVersion = db.pragma('user_version', { simple: true }) as number;
    const applicationId = db.pragma('application_id', { simple: true }) as number;
    if (applicationId === APPLICATION_ID && userVersion <= LATEST_SCHEMA_VERSION) {
      const problems = structureProblems(db, statSync(path).size);
      if (problems.length > 0) throw damaged(path, problems);
    }
    return { userVersion, applicationId };
  } catch (err) {
    db?.close();
    db = undefined;
    removeSideFiles(path, sideFiles);
    if (err instanceof SlicewiseError) throw err;
    throw new SlicewiseError({
      code: 'PROJECT_UNREADABLE',
      message: `${path} could not be read as a Slicewise project (${(err as Error).message}). Nothing was changed.`,
    });
  } finally {
    db?.close();
  }
}

/**
 * A read-only look at a WAL file makes empty -wal and -shm files next to it. When the file is
 * refused they would be left behind; remove the ones this look made (a -wal only while empty).
 */
function removeSideFiles(path: string, madeHere: string[]): void {
  for (const suffix of madeHere) {
    const side = `${path}${suffix}`;
    try {
      if (existsSync(side) && (suffix === '-shm' || statSync(side).size === 0)) rmSync(side);
    } catch {
      // Only tidiness: a leftover side file does no harm.
    }
  }
}

function damaged(path: string, problems: string[]): SlicewiseError {
  return new SlicewiseError({
    code: 'PROJECT_UNREADABLE',
    message: damagedMessage(path, problems[0]!),
    details: { damaged: true, problems },
  });
}

/** Page size of new project files (SQLite's largest). */
export const PAGE_SIZE = 65_536;

/** The connection settings every project connection uses. */
export function configure(db: Db): void {
  db.pragma('journal_mode = WAL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 10000');
  // WAL + NORMAL is durable against application crashes; a power cut may lose the last commit only.
  db.pragma('synchronous = NORMAL');
}

/** Applies every migration newer than the file, each in its own transaction. */
export function migrate(db: Db, migrations: readonly Migration[] = MIGRATIONS): void {
  const current = db.pragma('user_version', { simple: true }) as number;
  for (const m of migrations) {
    if (m.version <= current) continue;
    db.transaction(() => {
      db.exec(m.sql);
      db.pragma(`user_version = ${m.version}`);
    })();
  }
}

/** Runs the migrations; a failure names the backup kept from before and the version the file is left at. */
function migrateWithBackup(db: Db, path: string, fromVersion: number, backup: string): void {
  try {
    migrate(db);
  } catch (err) {
    const leftAt = db.pragma('user_version', { simple: true }) as number;
    const tail = ` Each step is one transaction, so the file was left whole at format ${leftAt}; a copy from before the update is at ${backup}.`;
    if (err instanceof SlicewiseError) throw new SlicewiseError({ ...err.toData(), message: `${err.message}${tail}` });
    throw new SlicewiseError({
      code: 'INTERNAL',
      message: `Updating ${path} from format ${fromVersion} to ${LATEST_SCHEMA_VERSION} failed (${(err as Error).message}).${tail}`,
    });
  }
}

export interface OpenProjectOptions extends SqliteOptions {
  appVersion: string;
}

/** An open project file. One per project per process; workers open their own connections. */
export class ProjectDb {
  private constructor(
    readonly path: string,
    readonly db: Db,
    /** Set when opening updated an older file: its old schema version and the copy kept of it. */
    readonly migrated?: { fromVersion: number; backup: string },
  ) {}

  /** Creates a new project file at `path` (which must not exist yet). */
  static create(path: string, name: string, opts: OpenProjectOptions): ProjectDb {
    if (existsSync(path)) {
      throw new SlicewiseError({ code: 'INTERNAL', message: `Cannot create ${path}: a file with that name already exists.` });
    }
    const db = openSqlite(path, opts);
    try {
      // Before anything is written (a file's page size is fixed once it has content, and in WAL
      // mode): a project is mostly big blobs (data chunks, reports), which 64 KB pages write,
      // checkpoint and read back 2–2.5× faster than 4 KB ones (1M-row import: 170 MB written in
      // 0.23 s instead of 0.6 s, checkpointed in 0.7 s instead of 1.3 s). Older projects keep theirs.
      db.pragma(`page_size = ${PAGE_SIZE}`);
      configure(db);
      db.pragma(`application_id = ${APPLICATION_ID}`);
      migrate(db);
      db.prepare(
        'INSERT INTO project (id, uuid, name, created_at, created_by_version) VALUES (1, ?, ?, ?, ?)',
      ).run(randomUUID(), name, new Date().toISOString(), opts.appVersion);
      return new ProjectDb(path, db);
    } catch (err) {
      // A project that could not be made whole (disk full, folder read-only…) is not left behind.
      db.close();
      for (const suffix of ['', '-wal', '-shm']) rmSync(`${path}${suffix}`, { force: true });
      throw err;
    }
  }

  /** Opens an existing project, refusing files that are not ours or newer than this app. */
  static open(path: string, opts: OpenProjectOptions): ProjectDb {
    const { userVersion, applicationId } = inspectProjectFile(path, opts);
    if (applicationId !== APPLICATION_ID) {
      throw new SlicewiseError({
        code: 'PROJECT_UNREADABLE',
        message: `${path} is a SQLite database but not a Slicewise project. Nothing was changed.`,
      });
    }
    if (userVersion > LATEST_SCHEMA_VERSION) {
      throw new SlicewiseError({
        code: 'PROJECT_TOO_NEW',
        message:
          `This project was saved by a newer version of Slicewise (project format ${userVersion}; ` +
          `this app reads up to ${LATEST_SCHEMA_VERSION}). Update Slicewise to open it. The file was not changed.`,
        details: { fileVersion: userVersion, appVersion: LATEST_SCHEMA_VERSION },
      });
    }
    const db = openSqlite(path, { ...opts, fileMustExist: true });
    try {
      // An older file is copied aside before its schema changes (see backup.ts for the policy).
      const backup = userVersion >= 1 && userVersion < LATEST_SCHEMA_VERSION ? backupBeforeMigration(db, path, userVersion) : undefined;
      configure(db);
      if (backup) {
        migrateWithBackup(db, path, userVersion, backup);
        pruneOlderBackups(path, backup);
      } else {
        migrate(db);
      }
      return new ProjectDb(path, db, backup ? { fromVersion: userVersion, backup } : undefined);
    } catch (err) {
      db.close();
      throw err;
    }
  }

  meta(): ProjectMeta {
    const row = this.db
      .prepare('SELECT uuid, name, created_at AS createdAt, created_by_version AS createdByVersion FROM project WHERE id = 1')
      .get() as ProjectMeta | undefined;
    if (!row) {
      throw new SlicewiseError({ code: 'PROJECT_UNREADABLE', message: `${this.path} has no project record; it may be damaged.` });
    }
    return row;
  }

  schemaVersion(): number {
    return this.db.pragma('user_version', { simple: true }) as number;
  }

  /** A big commit is in the write-ahead log but not yet copied into the project file (see commitLarge). */
  get checkpointDue(): boolean {
    return this.largeCommit;
  }

  private largeCommit = false;

  /**
   * Commits the open transaction (a whole dataset) to the write-ahead log without copying it into
   * the project file straight away: that copy (a checkpoint, ~1 s per 150 MB with its fsyncs)
   * happens when this connection closes, which a job does after its reply, so nobody waits for
   * it. The data is committed, and readable by every connection, either way.
   */
  commitLarge(): void {
    this.db.pragma('wal_autocheckpoint = 0');
    this.db.exec('COMMIT');
    this.largeCommit = true;
  }

  /**
   * For the app's own connection (main's event loop): never run a checkpoint on its commits. A
   * checkpoint copies the write-ahead log into the file, and after a big import that is 150 MB
   * (0.4 s measured on main right after a 1M-row import, when main saved the roles before the
   * worker's checkpoint had begun). The workers' connections checkpoint (after a big commit, and
   * when the log passes SQLite's 1,000 pages); closing the last connection checkpoints the rest.
   */
  leaveCheckpointsToWorkers(): void {
    this.db.pragma('wal_autocheckpoint = 0');
  }

  close(): void {
    if (!this.db.open) return;
    try {
      if (this.largeCommit) this.db.pragma('wal_checkpoint(PASSIVE)');
    } finally {
      this.db.close();
    }
  }
}
