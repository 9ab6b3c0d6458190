/**
 * Gates: limits a check-up's results must meet (for a CI pipeline, or the app's "warn me when"
 * rules). Each gate reads a published number from the report JSON (docs/report-format.md) and
 * says in words whether it held. A gate whose number is undefined (no prediction column, one
 * class…) FAILS with the reason: a pipeline that asked for a limit must not pass because the
 * number could not be computed.
 */
import { z } from 'zod';
import { SEVERITIES, severityRank, type Finding } from '../findings/types';
import type { CheckReport } from '../report/check-report';
import { metricValue } from '../report/metric-value';

const share = z.number().min(0).max(1);

export const gatesSchema = z
  .object({
    /** Fail when any finding at or above this severity is an issue. */
    failOn: z.enum(['critical', 'high', 'medium', 'low']).optional(),
    minAccuracy: share.optional(),
    minRocAuc: share.optional(),
    /** Expected calibration error. */
    maxEce: share.optional(),
    /** Largest demographic parity difference over every sensitive column and intersection. */
    maxDemographicParityDifference: share.optional(),
    /** Smallest demographic parity ratio (the four-fifths rule is 0.8). */
    minDemographicParityRatio: share.optional(),
    maxEqualizedOddsDifference: share.optional(),
    /** Largest PSI of any column (drift comparisons). */
    maxPsi: z.number().min(0).optional(),
    /** Share of columns that drifted (drift comparisons). */
    maxShareDrifted: share.optional(),
  })
  .strict();

export type Gates = z.infer<typeof gatesSchema>;

export interface GateResult {
  gate: keyof Gates;
  /** The limit, as given. */
  limit: number | string;
  /** The number it was judged on; null when it could not be computed. */
  actual: number | null;
  passed: boolean;
  /** One sentence: what was measured against what. */
  message: string;
}

function reasonOf(x: unknown): string | null {
  return x && typeof x === 'object' && 'reason' in x && typeof (x as { reason: unknown }).reason === 'string' ? (x as { reason: string }).reason : null;
}

/** The worst value of a fairness measure over every column and intersection (with where it is). */
function worstFairness(report: GateReport, field: string, worst: 'max' | 'min'): { value: number | null; where: string | null } {
  let best: { value: number | null; where: string | null } = { value: null, where: null };
  for (const [key, section] of Object.entries(report.fairness ?? {})) {
    const v = metricValue((section as Record<string, unknown>)[field]);
    if (v === null) continue;
    if (best.value === null || (worst === 'max' ? v > best.value : v < best.value)) best = { value: v, where: key };
  }
  return best;
}

/** The parts of a report (check-up or drift) the gates read. */
export interface GateReport {
  findings?: readonly Finding[] | undefined;
  performance?: CheckReport['performance'];
  calibration?: CheckReport['calibration'];
  fairness?: Record<string, unknown> | null | undefined;
  drift?: { columns?: readonly { name: string; psi?: number | null; detectable?: boolean }[]; share_drifted?: number | null } | null | undefined;
}

const fmt = (v: number): string => String(Math.round(v * 10_000) / 10_000);

export function evaluateGates(report: GateReport, gates: Gates): GateResult[] {
  const out: GateResult[] = [];
  const limitCheck = (gate: keyof Gates, limit: number, actual: number | null, kind: 'min' | 'max', what: string, undefinedReason: string | null): void => {
    if (actual === null) {
      out.push({ gate, limit, actual, passed: false, message: `${what} could not be computed${undefinedReason ? ` (${undefinedReason})` : ''}, so the limit ${fmt(limit)} cannot be confirmed.` });
      return;
    }
    const passed = kind === 'min' ? actual >= limit : actual <= limit;
    out.push({ gate, limit, actual, passed, message: `${what} is ${fmt(actual)}; the limit is ${kind === 'min' ? 'at least' : 'at most'} ${fmt(limit)}.` });
  };

  if (gates.failOn) {
    const limit = severityRank(gates.failOn);
    const hits = (report.findings ?? []).filter((f) => f.status === 'issue' && severityRank(f.severity) <= limit);
    const counts = SEVERITIES.filter((s) => severityRank(s) <= limit)
      .map((s) => [s, hits.filter((f) => f.severity === s).length] as const)
      .filter(([, n]) => n > 0);
    out.push({
      gate: 'failOn',
      limit: gates.failOn,
      actual: hits.length,
      passed: hits.length === 0,
      message: hits.length === 0 ? `No finding at ${gates.failOn} severity or above.` : `${counts.map(([s, n]) => `${n} ${s}`).join(', ')} finding${hits.length === 1 ? '' : 's'} (fail on ${gates.failOn} or above).`,
    });
  }
  const perf = report.performance ?? null;
  if (gates.minAccuracy !== undefined) {
    const m = perf?.accuracy;
    limitCheck('minAccuracy', gates.minAccuracy, metricValue(m), 'min', 'Accuracy', perf ? reasonOf(m) ?? (m ? null : 'there is no prediction column') : 'the model was not checked');
  }
  if (gates.minRocAuc !== undefined) {
    const m = perf?.roc_auc;
    limitCheck('minRocAuc', gates.minRocAuc, metricValue(m), 'min', 'ROC AUC', perf ? reasonOf(m) ?? (m ? null : 'there is no score column') : 'the model was not checked');
  }
  if (gates.maxEce !== undefined) {
    const m = report.calibration?.ece;
    limitCheck('maxEce', gates.maxEce, metricValue(m), 'max', 'Expected calibration error', reasonOf(m) ?? (m ? null : 'there is no score column'));
  }
  const noFairness = 'no sensitive column with groups big enough to compare';
  if (gates.maxDemographicParityDifference !== undefined) {
    const w = worstFairness(report, 'demographic_parity_difference', 'max');
    limitCheck('maxDemographicParityDifference', gates.maxDemographicParityDifference, w.value, 'max', `The largest gap in selection rates${w.where ? ` (${w.where})` : ''}`, noFairness);
  }
  if (gates.minDemographicParityRatio !== undefined) {
    const w = worstFairness(report, 'demographic_parity_ratio', 'min');
    limitCheck('minDemographicParityRatio', gates.minDemographicParityRatio, w.value, 'min', `The smallest ratio of selection rates${w.where ? ` (${w.where})` : ''}`, noFairness);
  }
  if (gates.maxEqualizedOddsDifference !== undefined) {
    const w = worstFairness(report, 'equalized_odds_difference', 'max');
    limitCheck('maxEqualizedOddsDifference', gates.maxEqualizedOddsDifference, w.value, 'max', `The largest equalized-odds difference${w.where ? ` (${w.where})` : ''}`, noFairness);
  }
  if (gates.maxPsi !== undefined) {
    // With a comparison but no detectable change anywhere, the largest PSI that counts is 0.
    const compared = (report.drift?.columns ?? []).some((c) => metricValue(c.psi) !== null);
    let worst: { value: number | null; where: string | null } = { value: compared ? 0 : null, where: null };
    // Only changes a test can tell from chance count: PSI is biased upwards on small samples and
    // many categories, so an undetectable PSI is noise, not drift (docs/checks.md).
    for (const c of report.drift?.columns ?? []) {
      if (c.detectable === false) continue;
      const v = metricValue(c.psi);
      if (v !== null && (worst.value === null || v > worst.value)) worst = { value: v, where: c.name };
    }
    limitCheck('maxPsi', gates.maxPsi, worst.value, 'max', `The largest PSI${worst.where ? ` (${worst.where})` : ''}`, 'no drift comparison in this report');
  }
  if (gates.maxShareDrifted !== undefined) {
    limitCheck('maxShareDrifted', gates.maxShareDrifted, metricValue(report.drift?.share_drifted), 'max', 'The share of columns that drifted', 'no drift comparison in this report');
  }
  return out;
}
