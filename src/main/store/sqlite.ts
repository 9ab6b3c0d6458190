import Database from 'better-sqlite3';
import { translateSqliteError } from './sqlite-errors';

export type Db = Database.Database;

/**
 * Where the better-sqlite3 addon for this runtime lives. Undefined means "the one in
 * node_modules" (the Node build). Inside Electron, main passes the Electron-ABI copy
 * (see scripts/electron-native.mjs and src/main/native-binding.ts).
 */
export interface SqliteOptions {
  nativeBinding?: string | undefined;
}

/**
 * Opens a SQLite connection whose environmental errors (disk full, read-only, I/O, damaged file)
 * arrive as clear SlicewiseErrors naming `path` — see sqlite-errors.ts.
 */
export function openSqlite(path: string, opts: SqliteOptions & { readonly?: boolean; fileMustExist?: boolean } = {}): Db {
  const options: Database.Options = {
    readonly: opts.readonly ?? false,
    fileMustExist: opts.fileMustExist ?? false,
  };
  if (opts.nativeBinding) options.nativeBinding = opts.nativeBinding;
  let db: Db;
  try {
    db = new Database(path, options);
  } catch (err) {
    throw translateSqliteError(err, path);
  }
  return withClearErrors(db, path);
}

type AnyFn = (...args: never[]) => unknown;

function guard<F extends AnyFn>(fn: F, self: unknown, path: string): F {
  return function guarded(this: unknown, ...args: Parameters<F>): ReturnType<F> {
    try {
      return fn.apply(this ?? self, args) as ReturnType<F>;
    } catch (err) {
      throw translateSqliteError(err, path);
    }
  } as F;
}

function guardStatement(stmt: Database.Statement, path: string): Database.Statement {
  const s = stmt as unknown as Record<string, AnyFn>;
  for (const name of ['run', 'get', 'all']) s[name] = guard(s[name]!.bind(stmt), stmt, path);
  const iterate = stmt.iterate.bind(stmt);
  s.iterate = function* guardedIterate(...args: unknown[]): Generator<unknown> {
    let it: IterableIterator<unknown>;
    try {
      it = (iterate as (...a: unknown[]) => IterableIterator<unknown>)(...args);
    } catch (err) {
      throw translateSqliteError(err, path);
    }
    try {
      for (;;) {
        let r: IteratorResult<unknown>;
        try {
          r = it.next();
        } catch (err) {
          throw translateSqliteError(err, path);
        }
        if (r.done) return;
        yield r.value;
      }
    } finally {
      it.return?.();
    }
  } as unknown as AnyFn;
  return stmt;
}

/**
 * Wraps, on this one connection, every method that runs SQL so its environmental errors are
 * translated. The object stays a real better-sqlite3 Database (same type, same prototype).
 */
function withClearErrors(db: Db, path: string): Db {
  const prepare = db.prepare.bind(db);
  const transaction = db.transaction.bind(db);
  const d = db as unknown as Record<string, AnyFn>;
  d.prepare = ((sql: string) => {
    try {
      return guardStatement(prepare(sql), path);
    } catch (err) {
      throw translateSqliteError(err, path);
    }
  }) as AnyFn;
  for (const name of ['exec', 'pragma', 'close']) d[name] = guard(d[name]!.bind(db), db, path);
  d.transaction = ((fn: (...a: unknown[]) => unknown) => {
    const t = transaction(fn);
    const wrap = (f: AnyFn): AnyFn => guard(f, undefined, path);
    const wrapped = wrap(t as unknown as AnyFn) as AnyFn & Record<string, unknown>;
    for (const v of ['default', 'deferred', 'immediate', 'exclusive'] as const) wrapped[v] = wrap(t[v] as unknown as AnyFn);
    wrapped.database = db;
    return wrapped;
  }) as AnyFn;
  return db;
}
