/**
 * A fuzz target that misbehaves on purpose, for harness.test.ts: on half the inputs it throws a
 * TypeError, loops forever, or runs its worker out of memory; `?mode=` in the module's URL says
 * which.
 */
import fc from 'fast-check';
import type { FuzzTarget } from './target';

const mode = new URL(import.meta.url).searchParams.get('mode') ?? 'throw';

export const target: FuzzTarget<number> = {
  arbitrary: fc.integer({ min: 0, max: 1000 }),
  run(n) {
    if (n < 500) return 'fine';
    if (mode === 'throw') throw new TypeError(`bug on ${n}`);
    if (mode === 'hang') for (;;);
    const hoard: number[][] = [];
    for (;;) hoard.push(new Array(1e6).fill(n));
  },
};
