import Database from 'better-sqlite3';

export type Db = Database.Database;

/**
 * Where the better-sqlite3 addon for this runtime lives. Undefined means "the one in
 * node_modules" (the Node build). Inside Electron, main passes the Electron-ABI copy
 * (see scripts/electron-native.mjs and src/main/native-binding.ts).
 */
export interface SqliteOptions {
  nativeBinding?: string | undefined;
}

export function openSqlite(path: string, opts: SqliteOptions & { readonly?: boolean; fileMustExist?: boolean } = {}): Db {
  const options: Database.Options = {
    readonly: opts.readonly ?? false,
    fileMustExist: opts.fileMustExist ?? false,
  };
  if (opts.nativeBinding) options.nativeBinding = opts.nativeBinding;
  return new Database(path, options);
}
