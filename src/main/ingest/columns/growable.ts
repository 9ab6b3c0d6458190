/** Typed arrays that grow by doubling, so builders never hold per-row objects. */
import { float64s, int32s, uint8s } from '../../../shared/big-arrays';

/**
 * Small, because there is one array (or three) per column and a file may have 100,000 columns;
 * doubling makes the start size irrelevant for long columns, and the CSV reader reserves its
 * estimate of the rows up front anyway.
 */
const INITIAL_CAPACITY = 16;

export class GrowableFloat64 {
  data: Float64Array;
  length = 0;
  constructor(capacity = INITIAL_CAPACITY) {
    this.data = float64s(capacity);
  }
  push(v: number): void {
    if (this.length === this.data.length) {
      const next = float64s(this.data.length * 2);
      next.set(this.data);
      this.data = next;
    }
    this.data[this.length++] = v;
  }
  /** Makes room for `n` values up front (avoids repeated doubling when the size is known). */
  reserve(n: number): void {
    if (n <= this.data.length) return;
    const next = float64s(n);
    next.set(this.data.subarray(0, this.length));
    this.data = next;
  }
  /**
   * Appends many values at once (a part of the file read by another thread, after which nothing
   * more is added): the array grows to exactly what it then holds. Returns the buffer it outgrew,
   * which nothing else holds (the caller may release it), or null.
   */
  append(src: Float64Array): ArrayBuffer | null {
    const outgrown = this.length + src.length > this.data.length ? (this.data.buffer as ArrayBuffer) : null;
    if (outgrown) this.reserve(this.length + src.length);
    this.data.set(src, this.length);
    this.length += src.length;
    return outgrown;
  }
  /** The values; a view without copying when the array is mostly full (saves a copy at the peak). */
  finish(): Float64Array {
    return this.length >= 0.75 * this.data.length ? this.data.subarray(0, this.length) : this.data.slice(0, this.length);
  }
}

export class GrowableInt32 {
  data: Int32Array;
  length = 0;
  constructor(capacity = INITIAL_CAPACITY) {
    this.data = int32s(capacity);
  }
  push(v: number): void {
    if (this.length === this.data.length) {
      const next = int32s(this.data.length * 2);
      next.set(this.data);
      this.data = next;
    }
    this.data[this.length++] = v;
  }
  /** Makes room for `n` values up front (avoids repeated doubling when the size is known). */
  reserve(n: number): void {
    if (n <= this.data.length) return;
    const next = int32s(n);
    next.set(this.data.subarray(0, this.length));
    this.data = next;
  }
  /**
   * Appends many values at once (a part of the file read by another thread, after which nothing
   * more is added): the array grows to exactly what it then holds. Returns the buffer it outgrew,
   * which nothing else holds (the caller may release it), or null.
   */
  append(src: Int32Array): ArrayBuffer | null {
    const outgrown = this.length + src.length > this.data.length ? (this.data.buffer as ArrayBuffer) : null;
    if (outgrown) this.reserve(this.length + src.length);
    this.data.set(src, this.length);
    this.length += src.length;
    return outgrown;
  }
  /** The values; a view without copying when the array is mostly full (saves a copy at the peak). */
  finish(): Int32Array {
    return this.length >= 0.75 * this.data.length ? this.data.subarray(0, this.length) : this.data.slice(0, this.length);
  }
}

export class GrowableUint8 {
  data: Uint8Array;
  length = 0;
  constructor(capacity = INITIAL_CAPACITY) {
    this.data = uint8s(capacity);
  }
  push(v: number): void {
    if (this.length === this.data.length) {
      const next = uint8s(this.data.length * 2);
      next.set(this.data);
      this.data = next;
    }
    this.data[this.length++] = v;
  }
  /** Makes room for `n` values up front (avoids repeated doubling when the size is known). */
  reserve(n: number): void {
    if (n <= this.data.length) return;
    const next = uint8s(n);
    next.set(this.data.subarray(0, this.length));
    this.data = next;
  }
  /** The values; a view without copying when the array is mostly full (saves a copy at the peak). */
  finish(): Uint8Array {
    return this.length >= 0.75 * this.data.length ? this.data.subarray(0, this.length) : this.data.slice(0, this.length);
  }
}
