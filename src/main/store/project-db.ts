import { existsSync, openSync, readSync, closeSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { SlicewiseError } from '../../shared/errors';
import { LATEST_SCHEMA_VERSION, MIGRATIONS } from './migrations';
import type { Migration } from './migrations/types';
import { openSqlite, type Db, type SqliteOptions } from './sqlite';

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

/**
 * Checks a project file without changing a byte of it: is it SQLite, is it ours, is it a schema
 * this app understands. A file that fails is refused and left exactly as it was.
 */
export function inspectProjectFile(path: string, sqlite: SqliteOptions = {}): { userVersion: number; applicationId: number } {
  if (!existsSync(path)) {
    throw new SlicewiseError({ code: 'NOT_FOUND', message: `The project file ${path} does not exist (was it moved or deleted?).` });
  }
  if (!looksLikeSqlite(path)) {
    throw new SlicewiseError({
      code: 'PROJECT_UNREADABLE',
      message: `${path} is not a Slicewise project: it is not a SQLite database. Nothing was changed.`,
    });
  }
  let db: Db | undefined;
  try {
    db = openSqlite(path, { ...sqlite, readonly: true, fileMustExist: true });
    const userVersion = db.pragma('user_version', { simple: true }) as number;
    const applicationId = db.pragma('application_id', { simple: true }) as number;
    return { userVersion, applicationId };
  } catch (err) {
    if (err instanceof SlicewiseError) throw err;
    throw new SlicewiseError({
      code: 'PROJECT_UNREADABLE',
      message: `${path} could not be read as a Slicewise project (${(err as Error).message}). Nothing was changed.`,
    });
  } finally {
    db?.close();
  }
}

function configure(db: Db): void {
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

export interface OpenProjectOptions extends SqliteOptions {
  appVersion: string;
}

/** An open project file. One per project per process; workers open their own connections. */
export class ProjectDb {
  private constructor(
    readonly path: string,
    readonly db: Db,
  ) {}

  /** Creates a new project file at `path` (which must not exist yet). */
  static create(path: string, name: string, opts: OpenProjectOptions): ProjectDb {
    if (existsSync(path)) {
      throw new SlicewiseError({ code: 'INTERNAL', message: `Cannot create ${path}: a file with that name already exists.` });
    }
    const db = openSqlite(path, opts);
    try {
      configure(db);
      db.pragma(`application_id = ${APPLICATION_ID}`);
      migrate(db);
      db.prepare(
        'INSERT INTO project (id, uuid, name, created_at, created_by_version) VALUES (1, ?, ?, ?, ?)',
      ).run(randomUUID(), name, new Date().toISOString(), opts.appVersion);
      return new ProjectDb(path, db);
    } catch (err) {
      db.close();
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
      configure(db);
      migrate(db);
      return new ProjectDb(path, db);
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

  close(): void {
    if (this.db.open) this.db.close();
  }
}
