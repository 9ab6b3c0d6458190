/**
 * Writes a file so that a reader sees either the old file or the whole new one, never half of it:
 * the bytes go to a temporary file in the same folder (same file system, so rename is atomic),
 * are flushed to disk, and the temporary file is renamed over the target. On any failure the
 * temporary file is removed and the target is left as it was. A process killed mid-write cannot
 * remove its own temporary file, so each write also removes the target's temporary files left by
 * processes that no longer run.
 */
import { randomBytes } from 'node:crypto';
import { open, readdir, rename, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

export type FileContent = string | Uint8Array | Iterable<string | Uint8Array> | AsyncIterable<string | Uint8Array>;

const isIterable = (v: unknown): v is Iterable<string | Uint8Array> | AsyncIterable<string | Uint8Array> =>
  typeof v === 'object' && v !== null && (Symbol.iterator in v || Symbol.asyncIterator in v);

const escapeRegExp = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM'; // alive, someone else's
  }
}

/** Removes `.name.<pid>.<hex>.tmp` files beside `path` whose writer is gone (killed mid-write). */
export async function sweepStaleTemps(path: string): Promise<number> {
  const pattern = new RegExp(`^\\.${escapeRegExp(basename(path))}\\.(\\d+)\\.[0-9a-f]{12}\\.tmp$`);
  let removed = 0;
  for (const name of await readdir(dirname(path)).catch(() => [] as string[])) {
    const m = pattern.exec(name);
    if (!m || Number(m[1]) === process.pid || isRunning(Number(m[1]))) continue;
    await unlink(join(dirname(path), name)).then(() => removed++, () => {});
  }
  return removed;
}

/** Writes `content` (a string as UTF-8, bytes, or chunks of either, e.g. a CSV generator) to `path`; returns the bytes written. */
export async function writeFileAtomic(path: string, content: FileContent): Promise<number> {
  const temp = join(dirname(path), `.${basename(path)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
  const file = await open(temp, 'wx');
  let bytes = 0;
  try {
    const chunks = typeof content === 'string' || content instanceof Uint8Array ? [content] : isIterable(content) ? content : [content];
    for await (const chunk of chunks) {
      const data = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk;
      let offset = 0;
      while (offset < data.byteLength) {
        const { bytesWritten } = await file.write(data, offset, data.byteLength - offset);
        offset += bytesWritten;
      }
      bytes += data.byteLength;
    }
    await file.sync();
    await file.close();
    await rename(temp, path);
    await sweepStaleTemps(path);
    return bytes;
  } catch (err) {
    await file.close().catch(() => {});
    await unlink(temp).catch(() => {});
    throw err;
  }
}
