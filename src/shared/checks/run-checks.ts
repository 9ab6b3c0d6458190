/**
 * Runs a list of checks over one dataset, stage by stage, collecting each check's evidence and
 * findings. Pure: the worker job does the I/O and reports the stages as progress.
 */
import { rankFindings, type Finding } from '../findings/types';
import { CheckCache } from './cache/check-cache';
import { maskPersonalExamples } from './privacy/mask-findings';
import type { Check, CheckInput } from './types';

export interface CheckStage {
  name: string;
  checks: readonly Check[];
}

export interface ChecksResult {
  evidence: Record<string, Record<string, unknown>>;
  findings: Finding[];
  /** Milliseconds per check. */
  timings: Record<string, number>;
}

type RunHooks = { onStage?: (name: string, index: number, total: number) => void; beforeCheck?: () => void };

export function runChecks(input: CheckInput, stages: readonly CheckStage[], hooks: RunHooks = {}): ChecksResult {
  const run = new ChecksRun(input);
  stages.forEach((stage, i) => {
    hooks.onStage?.(stage.name, i, stages.length);
    run.stage(stage, hooks);
  });
  return run.result();
}

/**
 * runChecks, giving back after each stage the big buffers only that stage's work held
 * (CheckCache.endStage): `release` frees them (the worker transfers them away) and resolves once
 * they are freed, so the next stage's work reuses that memory instead of adding to it. Without
 * this they waited for V8's next collection: at 1M rows the quality stage's sort orders and
 * correlation work (~80 MB) were still held while the model, fairness and slice stages allocated
 * their own. Same results as runChecks.
 */
export async function runChecksReleasing(
  input: CheckInput,
  stages: readonly CheckStage[],
  hooks: RunHooks & { release: (buffers: ArrayBufferLike[]) => Promise<void> },
): Promise<ChecksResult> {
  const run = new ChecksRun(input);
  for (const [i, stage] of stages.entries()) {
    hooks.onStage?.(stage.name, i, stages.length);
    await hooks.release(run.stage(stage, hooks));
  }
  return run.result();
}

class ChecksRun {
  private readonly evidence: ChecksResult['evidence'] = {};
  private readonly findings: Finding[] = [];
  private readonly timings: Record<string, number> = {};
  private readonly shared: CheckInput;

  constructor(input: CheckInput) {
    // One cache for the run, so checks that sort the same column or read the same outcome share
    // the work; what only one stage reads is dropped when that stage ends.
    this.shared = input.cache && input.cache.table === input.table ? input : { ...input, cache: new CheckCache(input.table) };
  }

  /** Runs the stage's checks; returns what CheckCache.endStage gives back. */
  stage(stage: CheckStage, hooks: RunHooks): ArrayBufferLike[] {
    for (const check of stage.checks) {
      hooks.beforeCheck?.();
      const started = performance.now();
      const out = check.run(this.shared);
      this.timings[check.id] = Math.round(performance.now() - started);
      this.evidence[check.id] = out.evidence;
      this.findings.push(...out.findings);
    }
    return this.shared.cache!.endStage();
  }

  result(): ChecksResult {
    // Personal data found by the privacy checks is masked in every other finding's examples.
    return { evidence: this.evidence, findings: rankFindings(maskPersonalExamples(this.findings)), timings: this.timings };
  }
}
