/**
 * mulberry32: a tiny, fast, seedable 32-bit PRNG (Tommy Ettinger's public-domain generator). Not
 * cryptographic; used so every bootstrap interval is reproducible from its seed, on every platform.
 * Floats are in [0, 1) with 32 bits of resolution.
 */

/** One step: advances `state[0]` and returns the next 32-bit output as an unsigned integer. */
export function mulberry32Next(state: Uint32Array): number {
  const s = (state[0] = (state[0]! + 0x6d2b79f5) >>> 0);
  let t = Math.imul(s ^ (s >>> 15), s | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return (t ^ (t >>> 14)) >>> 0;
}

export function mulberry32(seed: number): () => number {
  // State lives in a typed array: a plain captured `let` above 2^30 would be boxed on every step.
  const state = Uint32Array.of(seed >>> 0);
  return () => mulberry32Next(state) / 4294967296;
}
