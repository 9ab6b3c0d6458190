import { Readable, Writable } from 'node:stream';

/** In-memory stdout/stderr (and optionally stdin) for calling the CLI's main() in-process. */
export function capture(stdin?: string | Buffer): {
  io: { out: Writable; err: Writable; in?: Readable };
  out: () => string;
  err: () => string;
} {
  let out = '';
  let err = '';
  const sink = (append: (s: string) => void) =>
    new Writable({
      write(chunk, _enc, cb) {
        append(chunk.toString());
        cb();
      },
    });
  const io: { out: Writable; err: Writable; in?: Readable } = { out: sink((s) => (out += s)), err: sink((s) => (err += s)) };
  if (stdin !== undefined) io.in = Readable.from([typeof stdin === 'string' ? Buffer.from(stdin) : stdin]);
  return { io, out: () => out, err: () => err };
}
