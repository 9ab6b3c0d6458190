/**
 * Typed arrays for big, long-lived working data — columns, the import's builders and dictionaries —
 * made so that their memory goes back to the operating system when they are freed, where the C
 * allocator would otherwise keep it.
 *
 * Why: under glibc's malloc (plain Node on Linux: the CLI, the benchmark's engine process, and
 * perhaps Electron's), a buffer of 128 KB or more starts out mapped on its own and is unmapped when
 * freed. But the first time such a buffer is freed, glibc raises its mapping threshold to that
 * buffer's size (up to 32 MiB) for the rest of the process: from then on every smaller buffer comes
 * from the thread's arena, where freed memory stays resident and fragments. At 1M rows a column is
 * 1–8 MB, so after the first import every column and dictionary array lived in arenas, which held
 * ~250 MB between jobs (/proc/self/smaps). Three 1M-row imports and then check-ups in a plain-Node
 * process like the benchmark's (two runs): imports peaked at 400–499 MB, the second and third
 * 60–100 MB above the first, and check-ups at 454–659 MB; with the arrays below mapped alone,
 * 372–390 MB and 440–516 MB.
 *
 * So, once a thread calls mapBigArraysAlone (the engine worker and the CSV helper do on glibc:
 * engine-host/glibc-arrays.ts), an array of at least `minBytes` and below glibc's ceiling gets a
 * buffer just over the ceiling: glibc always maps such a buffer on its own, never raises its
 * threshold for it, and unmaps it when it is freed. The pages past the array are never touched, so
 * they take address space, not memory. Only the big arrays that live long or come in numbers are
 * made here (columns, the import's builders and dictionaries): V8 counts each such buffer's whole
 * size as external memory and collects sooner for it, and a fresh mapping faults its pages in
 * (~7 ms per 8 MB on the benchmark's machine), so routing the check-ups' short-lived work too made
 * them ~15% slower for no lower peak.
 *
 * Two rules for such arrays: a view of one is `length` long but its `.buffer` is ~32 MiB, so take
 * sizes from the view, never from `.buffer`; and never post one to another thread by copy (the
 * whole buffer is copied): move it (transfer list) or copy the view's values out.
 */

/** glibc's largest mapping threshold on 64-bit (DEFAULT_MMAP_THRESHOLD_MAX): buffers above it are always mapped alone. */
export const GLIBC_MMAP_CEILING = 32 * 1024 * 1024;
/** Just over the ceiling, with room for glibc's chunk header. */
const MAPPED_ALONE_BYTES = GLIBC_MMAP_CEILING + 64 * 1024;

let fromBytes = Number.POSITIVE_INFINITY;

/**
 * Bytes past the arrays in the mapped-alone buffers not yet collected: address space that V8
 * counts as external memory all the same. A worker subtracts it from what it reports holding
 * (worker-runtime), so a 300k-row table's columns count as their 2.4 MB each, not ~32 MiB.
 */
let slackBytes = 0;
const slackOf = new FinalizationRegistry<number>((slack) => {
  slackBytes -= slack;
});

/** See slackBytes: address space, not memory, in this thread's mapped-alone buffers. */
export function bigArraysSlackBytes(): number {
  return slackBytes;
}

/** From now on (in this thread), arrays of at least `minBytes` get buffers glibc maps alone (see above). */
export function mapBigArraysAlone(minBytes = 1024 * 1024): void {
  fromBytes = minBytes;
}

/** Whether mapBigArraysAlone is on in this thread. */
export function bigArraysMappedAlone(): boolean {
  return Number.isFinite(fromBytes);
}

/** A zeroed buffer for `bytes` of data: sized past glibc's ceiling when mapBigArraysAlone says so. */
export function bigBuffer(bytes: number): ArrayBuffer {
  if (bytes < fromBytes || bytes > GLIBC_MMAP_CEILING) return new ArrayBuffer(bytes);
  const buffer = new ArrayBuffer(MAPPED_ALONE_BYTES);
  slackBytes += MAPPED_ALONE_BYTES - bytes;
  slackOf.register(buffer, MAPPED_ALONE_BYTES - bytes);
  return buffer;
}

export const float64s = (n: number): Float64Array<ArrayBuffer> => new Float64Array(bigBuffer(n * 8), 0, n);
export const int32s = (n: number): Int32Array<ArrayBuffer> => new Int32Array(bigBuffer(n * 4), 0, n);
export const uint32s = (n: number): Uint32Array<ArrayBuffer> => new Uint32Array(bigBuffer(n * 4), 0, n);
export const int16s = (n: number): Int16Array<ArrayBuffer> => new Int16Array(bigBuffer(n * 2), 0, n);
export const int8s = (n: number): Int8Array<ArrayBuffer> => new Int8Array(bigBuffer(n), 0, n);
export const uint16s = (n: number): Uint16Array<ArrayBuffer> => new Uint16Array(bigBuffer(n * 2), 0, n);
export const uint8s = (n: number): Uint8Array<ArrayBuffer> => new Uint8Array(bigBuffer(n), 0, n);
