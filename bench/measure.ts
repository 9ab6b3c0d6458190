/** Timing and memory helpers shared by both sides of the benchmark. */

export const median = (xs: readonly number[]): number => {
  if (xs.length === 0) return Number.NaN;
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};

/** Seconds `fn` takes (awaited). */
export const time = async (fn: () => unknown): Promise<number> => {
  const t = performance.now();
  await fn();
  return (performance.now() - t) / 1000;
};

const rssMb = (): number => process.memoryUsage.rss() / 1048576;

/** The process's peak resident set since it started, all threads (the kernel's high-water mark). */
export const maxRssMb = (): number => process.resourceUsage().maxRSS / 1024;

/**
 * The highest resident set of the whole process (every thread, DuckDB's native memory included)
 * while a stage runs, sampled every 20 ms from this thread. The work under test runs in worker
 * threads or in DuckDB's own threads, so this thread is free to sample; for work that blocks this
 * thread (reopen) the reading after it ends is taken as well.
 */
export class RssSampler {
  private peak = 0;
  private timer: NodeJS.Timeout | null = null;
  start(): void {
    this.peak = rssMb();
    this.timer = setInterval(() => (this.peak = Math.max(this.peak, rssMb())), 20);
  }
  stop(): number {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    this.peak = Math.max(this.peak, rssMb());
    return this.peak;
  }
}

/** One stage's timings over the runs, and the process's peak RSS while it ran. */
export interface StageMeasure {
  seconds: number[];
  peakRssMb: number;
  /** Why the stage could not be measured (the benchmark goes on without it). */
  error?: string;
}

/**
 * Runs `fn` `runs` times (r = 0…), timing each run; the sampler watches all of them. `settle`, if
 * given, is awaited before each run, outside its time.
 */
export async function measure(runs: number, fn: (r: number) => unknown, settle?: () => Promise<unknown>): Promise<StageMeasure> {
  const sampler = new RssSampler();
  sampler.start();
  const seconds: number[] = [];
  let peakRssMb = 0;
  try {
    for (let r = 0; r < runs; r++) {
      await settle?.();
      seconds.push(await time(() => fn(r)));
    }
  } finally {
    peakRssMb = sampler.stop();
  }
  return { seconds, peakRssMb };
}

/** `measure`, but a failure is recorded in the result (and logged) instead of ending the benchmark. */
export async function attempt(runs: number, fn: (r: number) => unknown, log: (s: string) => void, settle?: () => Promise<unknown>): Promise<StageMeasure> {
  try {
    return await measure(runs, fn, settle);
  } catch (err) {
    const error = (err as Error).message.split('\n')[0] ?? String(err);
    log(`  failed: ${error}`);
    return { seconds: [], peakRssMb: Number.NaN, error };
  }
}
