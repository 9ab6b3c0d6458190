/**
 * Findings for weak slices (discovered, 'slices.weak') and person-defined slices ('slices.custom').
 *
 * Severity of a significant slice, by how much worse and how big it is:
 *   error ≥ 2× the rest (or errors only inside the slice) on ≥ 5% of the rows → high;
 *   error ≥ 1.5× the rest → medium; otherwise low.
 * A discovered slice is a finding only when its BH q-value ≤ fdr; a person's own slice is an issue
 * when its plain one-sided p-value ≤ 1 − confidenceLevel (one question asked in advance).
 * Each slice finding carries its conditions (`conditions`, with a quantile bin's exact edges), so
 * its rows can be selected again (src/shared/slices/members.ts).
 */
import type { CustomSliceEvaluated } from '../../slices/custom';
import type { FoundSlice } from '../../slices/discover';
import type { SliceStatistics } from '../../slices/stats';
import type { ErrorKind, ValueWithInterval } from '../../slices/types';
import type { ConfidenceInterval } from '../../metrics/types';
import type { Finding, FindingChart, Severity } from '../../findings/types';

export const SLICES_CHECK = 'slices.weak';
export const CUSTOM_SLICES_CHECK = 'slices.custom';
export const HIGH_LIFT = 2;
export const MEDIUM_LIFT = 1.5;
export const HIGH_SHARE = 0.05;
export const SEVERITY_RULE = `Error at least ${HIGH_LIFT}× the rest's on ${HIGH_SHARE * 100}% of the rows or more → high; at least ${MEDIUM_LIFT}× → medium; otherwise low`;

export function sliceSeverity(s: Pick<SliceStatistics, 'lift' | 'share' | 'error'>): Severity {
  // Undefined lift with errors inside: the model only makes mistakes in this slice.
  const lift = s.lift ?? ((s.error.value ?? 0) > 0 ? Infinity : 0);
  if (lift >= HIGH_LIFT && s.share >= HIGH_SHARE) return 'high';
  if (lift >= MEDIUM_LIFT) return 'medium';
  return 'low';
}

export interface SliceContext {
  errorKind: ErrorKind;
  binary: boolean;
  overall: ValueWithInterval;
  rows: number;
  examined: number;
  minSupport: number;
  fdr: number;
  sensitiveColumns: ReadonlySet<string>;
}

function confidenceInterval(v: ValueWithInterval): ConfidenceInterval | undefined {
  const i = v.interval;
  return i ? { lower: i.lower, upper: i.upper, level: i.level, method: i.method === 'wilson' ? 'wilson' : 'normal' } : undefined;
}

function chart(description: string, s: SliceStatistics, ctx: SliceContext): FindingChart {
  const points = [s.error, s.error_outside, ctx.overall];
  return {
    kind: 'intervals',
    title: ctx.binary ? 'How often the model is wrong' : ctx.errorKind === 'log_loss' ? 'Log loss (lower is better)' : 'Average error (lower is better)',
    labels: [description, 'Everyone else', 'All rows'],
    values: points.map((p) => p.value),
    lower: points.map((p) => p.interval?.lower ?? null),
    upper: points.map((p) => p.interval?.upper ?? null),
    unit: ctx.binary ? 'share' : 'number',
    ...(ctx.overall.value !== null ? { reference: { label: 'All rows', value: ctx.overall.value } } : {}),
    highlight: [0],
  };
}

function sliceNumbers(s: SliceStatistics & { description: string; columns: string[] }, ctx: SliceContext): Finding['numbers'] {
  const sensitive = s.columns.filter((c) => ctx.sensitiveColumns.has(c));
  return {
    description: s.description,
    size: s.size,
    share: s.share,
    rows: ctx.rows,
    error: s.error.value,
    error_lower: s.error.interval?.lower ?? null,
    error_upper: s.error.interval?.upper ?? null,
    error_outside: s.error_outside.value,
    error_outside_lower: s.error_outside.interval?.lower ?? null,
    error_outside_upper: s.error_outside.interval?.upper ?? null,
    overall_error: ctx.overall.value,
    lift: s.lift,
    p_value: s.p_value,
    error_kind: ctx.errorKind,
    depth: s.columns.length,
    sensitive: sensitive.length > 0,
    sensitive_columns: sensitive.join(', '),
  };
}

export function weakSliceFinding(s: FoundSlice, ctx: SliceContext): Finding {
  return {
    id: `${SLICES_CHECK}:${s.description}`,
    check: SLICES_CHECK,
    category: 'slices',
    status: 'issue',
    severity: sliceSeverity(s),
    severityRule: `${SEVERITY_RULE} (only slices significant at a ${ctx.fdr * 100}% false discovery rate are listed)`,
    columns: s.columns,
    rows: { count: s.size, examples: s.examples },
    groups: [s.description],
    conditions: s.conditions,
    numbers: { ...sliceNumbers(s, ctx), q_value: s.q_value, score: s.score, examined: ctx.examined, min_support: ctx.minSupport, fdr: ctx.fdr },
    confidence: { sampleSize: s.size, interval: confidenceInterval(s.error), kind: 'estimate' },
    chart: chart(s.description, s, ctx),
  };
}

/** The finding when no slice is significant, or when there was nothing to search. */
export function noWeakSliceFinding(ctx: SliceContext, features: number): Finding {
  const nothing = ctx.examined === 0 && (ctx.overall.value ?? 0) > 0;
  return {
    id: `${SLICES_CHECK}:none`,
    check: SLICES_CHECK,
    category: 'slices',
    status: nothing ? 'not-enough-data' : 'passed',
    severity: 'info',
    severityRule: SEVERITY_RULE,
    columns: [],
    numbers: { examined: ctx.examined, min_support: ctx.minSupport, fdr: ctx.fdr, rows: ctx.rows, features, overall_error: ctx.overall.value, error_kind: ctx.errorKind },
    confidence: { sampleSize: ctx.rows, kind: nothing ? 'not-enough-data' : 'exact' },
  };
}

export function customSliceFinding(s: CustomSliceEvaluated, ctx: SliceContext, level: number, minGroupSize: number): Finding {
  const alpha = 1 - level;
  const worse = s.enough_data && s.p_value <= alpha;
  return {
    id: `${CUSTOM_SLICES_CHECK}:${s.definition}`,
    check: CUSTOM_SLICES_CHECK,
    category: 'slices',
    status: !s.enough_data ? 'not-enough-data' : worse ? 'issue' : 'passed',
    severity: worse ? sliceSeverity(s) : 'info',
    severityRule: `Your own slice: an issue when its error is higher than the rest's with p ≤ ${Number(alpha.toFixed(3))} (no correction for multiple tests); then ${SEVERITY_RULE}`,
    columns: s.columns,
    rows: { count: s.size, examples: s.examples },
    groups: [s.description],
    conditions: s.conditions,
    numbers: { ...sliceNumbers(s, ctx), definition: s.definition, significance: alpha, min_group_size: minGroupSize },
    confidence: { sampleSize: s.size, interval: confidenceInterval(s.error), kind: s.enough_data ? 'estimate' : 'not-enough-data' },
    chart: chart(s.description, s, ctx),
  };
}
