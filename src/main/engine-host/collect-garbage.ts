/**
 * A full garbage collection of this thread's heap, on demand: an engine worker runs one after a
 * job that left a big heap, before it reports itself idle.
 *
 * Why: a worker that has just imported or checked a big table holds its dead objects until V8's
 * next full collection, and an idle worker does not collect. The next job then builds its own on
 * top: after a 1M-row import the heap held ~100 MB, two thirds of it the free-text column's ~700k
 * strings, and the check-up that followed decoded its own ~700k before the old ones went. Measured
 * (bench/scratch, a plain-Node process like the bench's: three imports, then check-ups, RSS
 * sampled every 10 ms), a collection after each job (26–64 ms, after the reply) took the first
 * check-up's peak from 521–579 MB to 453–472 MB; the imports' peaks did not change.
 *
 * V8 gives scripts its collector only with --expose-gc; set at run time, that flag puts `gc` on
 * contexts made after it, so one fresh context hands it over. Node calls changing V8 flags after
 * start-up unpredictable in general; this one only adds a function, and where it fails nothing is
 * collected early and nothing else changes.
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

let collect: (() => void) | null | undefined;

/** Runs a full collection; false where the collector could not be reached. */
export function collectGarbage(): boolean {
  if (collect === undefined) {
    try {
      setFlagsFromString('--expose-gc');
      const gc: unknown = runInNewContext('typeof gc === "function" ? gc : null');
      collect = typeof gc === 'function' ? (gc as () => void) : null;
    } catch {
      collect = null;
    }
  }
  if (!collect) return false;
  collect();
  return true;
}
