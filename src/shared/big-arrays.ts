/**
 * Typed arrays for big working data — columns, sort orders, group codes, per-row scratch — made so
 * that their memory goes back to the operating system when they are freed, where the C allocator
 * would otherwise keep it.
 *
 * Why: under glibc's malloc (plain Node on Linux: the CLI, the benchmark's engine process, and
 * perhaps Electron's), a buffer of 128 KB or more starts out mapped on its own and is unmapped when
 * freed. But the first time such a buffer is freed, glibc raises its mapping threshold to that
 * buffer's size (up to 32 MiB) for the rest of the process: from then on every smaller buffer comes
 * from the thread's arena, where freed memory stays resident and fragments. At 1M rows a column is
 * 1–8 MB, so after the first import every column, order and code array lived in arenas: a second
 * and third 1M-row import peaked 60–90 MB higher than the first, and check-ups after them ~50–90 MB
 * higher than on fresh memory, with ~250 MB held between jobs.
 *
 * So, once a host calls mapBigArraysAlone (an engine worker on glibc does), an array of at least
 * `minBytes` and below glibc's ceiling gets a buffer just over the ceiling: glibc always maps such a
 * buffer on its own, never raises its threshold for it, and unmaps it when it is freed. The pages
 * past the array are never touched, so they take address space, not memory.
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
  return new ArrayBuffer(bytes >= fromBytes && bytes <= GLIBC_MMAP_CEILING ? MAPPED_ALONE_BYTES : bytes);
}

export const float64s = (n: number): Float64Array<ArrayBuffer> => new Float64Array(bigBuffer(n * 8), 0, n);
export const int32s = (n: number): Int32Array<ArrayBuffer> => new Int32Array(bigBuffer(n * 4), 0, n);
export const uint32s = (n: number): Uint32Array<ArrayBuffer> => new Uint32Array(bigBuffer(n * 4), 0, n);
export const uint16s = (n: number): Uint16Array<ArrayBuffer> => new Uint16Array(bigBuffer(n * 2), 0, n);
export const uint8s = (n: number): Uint8Array<ArrayBuffer> => new Uint8Array(bigBuffer(n), 0, n);
