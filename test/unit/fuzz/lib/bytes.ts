/**
 * Byte-level mutations for fuzzing readers: a valid file cut short at a random offset, bytes
 * overwritten, inserted or deleted, a region repeated. Each takes an arbitrary of valid files and
 * gives an arbitrary of damaged ones, which fast-check can shrink.
 */
import fc from 'fast-check';

export type Bytes = Uint8Array;

type Edit =
  | { op: 'set'; at: number; byte: number }
  | { op: 'insert'; at: number; bytes: number[] }
  | { op: 'delete'; at: number; length: number }
  | { op: 'repeat'; at: number; length: number; times: number }
  | { op: 'xor'; at: number; mask: number };

/** Positions are fractions of the length, so an edit means something for a file of any size. */
const edit: fc.Arbitrary<Edit> = fc.oneof(
  fc.record({ op: fc.constant('set' as const), at: fc.nat(), byte: fc.oneof(fc.constantFrom(0x00, 0xff, 0x7f, 0x80, 0x22, 0x2c, 0x0a, 0x0d, 0x5b, 0x7b, 0x3c), fc.integer({ min: 0, max: 255 })) }),
  fc.record({ op: fc.constant('xor' as const), at: fc.nat(), mask: fc.integer({ min: 1, max: 255 }) }),
  fc.record({ op: fc.constant('insert' as const), at: fc.nat(), bytes: fc.array(fc.integer({ min: 0, max: 255 }), { minLength: 1, maxLength: 16 }) }),
  fc.record({ op: fc.constant('delete' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 64 }) }),
  fc.record({ op: fc.constant('repeat' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 64 }), times: fc.integer({ min: 1, max: 8 }) }),
);

function apply(b: Bytes, e: Edit): Bytes {
  if (b.length === 0) return e.op === 'insert' ? Uint8Array.from(e.bytes) : b;
  const at = e.at % b.length;
  switch (e.op) {
    case 'set': {
      const out = Uint8Array.from(b);
      out[at] = e.byte;
      return out;
    }
    case 'xor': {
      const out = Uint8Array.from(b);
      out[at]! ^= e.mask;
      return out;
    }
    case 'insert':
      return concat([b.subarray(0, at), Uint8Array.from(e.bytes), b.subarray(at)]);
    case 'delete':
      return concat([b.subarray(0, at), b.subarray(Math.min(b.length, at + e.length))]);
    case 'repeat': {
      const region = b.subarray(at, Math.min(b.length, at + e.length));
      return concat([b.subarray(0, at), ...Array.from({ length: e.times + 1 }, () => region), b.subarray(at + region.length)]);
    }
  }
}

export function concat(parts: readonly Uint8Array[]): Bytes {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let o = 0;
  for (const p of parts) {
    out.set(p, o);
    o += p.length;
  }
  return out;
}

/** A file cut short: the first n bytes, n anywhere from 0 to the whole length minus one. */
export function truncated(files: fc.Arbitrary<Bytes>): fc.Arbitrary<Bytes> {
  return fc.tuple(files, fc.double({ min: 0, max: 1, noNaN: true, maxExcluded: true })).map(([b, f]) => b.subarray(0, Math.floor(b.length * f)));
}

/** A file with a few bytes overwritten, inserted, deleted or repeated. */
export function edited(files: fc.Arbitrary<Bytes>, maxEdits = 4): fc.Arbitrary<Bytes> {
  return fc.tuple(files, fc.array(edit, { minLength: 1, maxLength: maxEdits })).map(([b, edits]) => edits.reduce(apply, b));
}

/** Bytes that change only inside the last `tail` bytes (where Parquet and zip keep their tables of contents). */
export function tailEdited(files: fc.Arbitrary<Bytes>, tail: number): fc.Arbitrary<Bytes> {
  return fc
    .tuple(files, fc.array(fc.tuple(fc.nat(tail - 1), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 4 }))
    .map(([b, sets]) => {
      const out = Uint8Array.from(b);
      for (const [back, byte] of sets) if (back < out.length) out[out.length - 1 - back] = byte;
      return out;
    });
}

/** Random bytes, optionally after a format's magic number (so the reader gets past its first check). */
export function randomBytes(magic: readonly (readonly number[])[] = [], maxLength = 512): fc.Arbitrary<Bytes> {
  const body = fc.uint8Array({ maxLength });
  if (magic.length === 0) return body;
  return fc.tuple(fc.constantFrom(...magic), body, fc.boolean()).map(([m, b, suffix]) => concat([Uint8Array.from(m), b, suffix ? Uint8Array.from(m) : new Uint8Array(0)]));
}

/** Every kind of damage at once, weighted towards the cheap, telling ones. */
export function damaged(files: fc.Arbitrary<Bytes>): fc.Arbitrary<Bytes> {
  return fc.oneof({ arbitrary: truncated(files), weight: 3 }, { arbitrary: edited(files), weight: 4 }, { arbitrary: edited(truncated(files), 2), weight: 1 });
}
