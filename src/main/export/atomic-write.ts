/**
 * Writes a file so that a reader sees either the old file or the whole new one, never half of it:
 * the bytes go to a temporary file in the same folder (same file system, so rename is atomic),
 * are flushed to disk, and the temporary file is renamed over the target. On any failure the
 * temporary file is removed and the target is left as it was.
 */
import { randomBytes } from 'node:crypto';
import { open, rename, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

export type FileContent = string | Uint8Array | Iterable<string | Uint8Array> | AsyncIterable<string | Uint8Array>;

const isIterable = (v: unknown): v is Iterable<string | Uint8Array> | AsyncIterable<string | Uint8Array> =>
  typeof v === 'object' && v !== null && (Symbol.iterator in v || Symbol.asyncIterator in v);

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
    return bytes;
  } catch (err) {
    await file.close().catch(() => {});
    await unlink(temp).catch(() => {});
    throw err;
  }
}
