/**
 * Turns on shared/big-arrays.ts's mapping of big arrays in a thread that does big work (an engine
 * worker, the CSV reader's helper), where the C allocator is glibc's: that module says why.
 * Elsewhere (macOS, Windows, musl) nothing changes.
 */
import { mapBigArraysAlone } from '../../shared/big-arrays';

/** Whether this process allocates with glibc (Node's report names its version then). */
export function runsOnGlibc(): boolean {
  if (process.platform !== 'linux') return false;
  try {
    const header = (process.report?.getReport() as { header?: { glibcVersionRuntime?: string } } | undefined)?.header;
    return typeof header?.glibcVersionRuntime === 'string';
  } catch {
    return false;
  }
}

/** Maps this thread's big arrays alone if it runs on glibc; says whether it does. */
export function mapBigArraysAloneOnGlibc(): boolean {
  if (!runsOnGlibc()) return false;
  mapBigArraysAlone();
  return true;
}
