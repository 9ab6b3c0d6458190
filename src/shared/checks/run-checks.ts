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

export function runChecks(
  input: CheckInput,
  stages: readonly CheckStage[],
  hooks: { onStage?: (name: string, index: number, total: number) => void; beforeCheck?: () => void } = {},
): ChecksResult {
  const evidence: ChecksResult['evidence'] = {};
  const findings: Finding[] = [];
  const timings: Record<string, number> = {};
  // One cache for the run, so checks that sort the same column or read the same outcome share the
  // work; what only one stage reads is dropped when that stage ends.
  const shared: CheckInput = input.cache && input.cache.table === input.table ? input : { ...input, cache: new CheckCache(input.table) };
  stages.forEach((stage, i) => {
    hooks.onStage?.(stage.name, i, stages.length);
    for (const check of stage.checks) {
      hooks.beforeCheck?.();
      const started = performance.now();
      const out = check.run(shared);
      timings[check.id] = Math.round(performance.now() - started);
      evidence[check.id] = out.evidence;
      findings.push(...out.findings);
    }
    shared.cache!.endStage();
  });
  // Personal data found by the privacy checks is masked in every other finding's examples.
  return { evidence, findings: rankFindings(maskPersonalExamples(findings)), timings };
}
