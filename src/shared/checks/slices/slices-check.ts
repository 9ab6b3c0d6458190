/**
 * Weak slices: where is the model clearly worse than on the rest of the data? Automatic discovery
 * (src/shared/slices/discover.ts: SliceLine-style lattice search, one-sided tests, Benjamini–
 * Hochberg over every slice examined, de-duplication) plus the person's own slices
 * (options.customSlices, e.g. "age >= 60 & region = North"), which get the same statistics with a
 * plain p-value. The error per row is defined as the performance check's (row-errors.ts).
 *
 * Evidence (report JSON, snake_case): see SlicesEvidence below and docs/checks.md.
 */
import { cacheOf } from '../cache/check-cache';
import { outcomeOf } from '../cache/shared-work';
import { evaluateCustomSlice, type CustomSliceEvaluated, type CustomSliceFailed } from '../../slices/custom';
import { DEFAULT_MAX_REPORTED, discoverOptionsFrom, discoverSlices, type FoundSlice } from '../../slices/discover';
import { rowErrors } from '../../slices/row-errors';
import { DEFAULT_ALPHA } from '../../slices/search';
import type { ErrorKind, SliceCondition, ValueWithInterval } from '../../slices/types';
import type { Finding } from '../../findings/types';
import type { Check, CheckOutput } from '../types';
import { leakageSuspects } from '../quality/leakage';
import { customSliceFinding, noWeakSliceFinding, SLICES_CHECK, weakSliceFinding, type SliceContext } from './slice-findings';

export interface SliceEvidence {
  conditions: SliceCondition[];
  description: string;
  size: number;
  share: number;
  error: ValueWithInterval;
  error_outside: ValueWithInterval;
  lift: number | null;
  lift_reason?: string;
  p_value: number;
  q_value: number;
  score: number;
  sensitive: boolean;
  columns: string[];
  example_rows: number[];
}

/** A person's slice: its statistics (q_value null: no BH), or why it could not be read. */
export type CustomSliceEvidence = CustomSliceFailed | (Omit<CustomSliceEvaluated, 'examples'> & { example_rows: number[] });

export type SlicesEvidence =
  | { available: false; reason: string }
  | {
      available: true;
      error_kind: ErrorKind;
      error_note?: string;
      rows: number;
      overall_error: ValueWithInterval;
      examined: number;
      min_support: number;
      fdr: number;
      max_depth: number;
      score_alpha: number;
      significant: number;
      /** Significant slices not listed: near-duplicates of a listed slice, or explained by one (src/shared/slices/dedupe.ts). */
      near_duplicates_dropped: number;
      explained_dropped: number;
      list_limit: number;
      features: string[];
      skipped_columns: { column: string; reason: string }[];
      levels: { level: number; candidates: number; pruned_by_size: number; pruned_by_score: number; passes: number; examined: number }[];
      slices: SliceEvidence[];
      custom: CustomSliceEvidence[];
    };

function sliceEvidence(s: FoundSlice): SliceEvidence {
  const out: SliceEvidence = {
    conditions: s.conditions,
    description: s.description,
    size: s.size,
    share: s.share,
    error: s.error,
    error_outside: s.error_outside,
    lift: s.lift,
    p_value: s.p_value,
    q_value: s.q_value,
    score: s.score,
    sensitive: s.sensitive,
    columns: s.columns,
    example_rows: s.examples,
  };
  if (s.lift_reason) out.lift_reason = s.lift_reason;
  return out;
}

export const LEAKAGE_SKIPPED = 'It gives the outcome away on its own (see “target leakage”), so slicing on it would only restate the outcome.';

/** Weak slices shown as finding cards (the rest are listed in the report's slice table). */
export const SLICE_FINDINGS_LIMIT = 5;

export const slicesCheck: Check = {
  id: SLICES_CHECK,
  category: 'slices',
  run(input): CheckOutput {
    const { table, roles, options } = input;
    // The outcome arrays the performance check also reads (shared through the run's cache).
    const errors = rowErrors(outcomeOf(cacheOf(input), roles));
    if ('reason' in errors) {
      const evidence: SlicesEvidence = { available: false, reason: errors.reason };
      return { evidence, findings: [] };
    }
    // A column that gives the outcome away on its own (target leakage) would "explain" every
    // mistake trivially; it is left out of the search, and the report says why.
    const leaks = leakageSuspects(input);
    const discovery = discoverSlices(table, leaks.length ? { ...roles, ignored: [...roles.ignored, ...leaks] } : roles, errors, discoverOptionsFrom(options));
    const skippedColumns = [
      ...discovery.skipped.filter((s) => !leaks.includes(s.column)),
      ...leaks.map((column) => ({ column, reason: LEAKAGE_SKIPPED })),
    ];
    const ctx: SliceContext = {
      errorKind: errors.kind,
      binary: errors.binary,
      overall: discovery.overall,
      rows: errors.values.length,
      examined: discovery.examined,
      minSupport: discovery.minSupport,
      fdr: options.fdr,
      sensitiveColumns: new Set(Object.keys(roles.sensitive)),
    };
    const custom = options.customSlices.map((definition) =>
      evaluateCustomSlice(table, roles, errors, definition, { minGroupSize: options.minGroupSize, confidenceLevel: options.confidenceLevel }),
    );

    // The strongest few become findings; the full list (up to list_limit) is in the evidence and the report's table.
    const findings: Finding[] = discovery.slices.slice(0, SLICE_FINDINGS_LIMIT).map((s) => weakSliceFinding(s, ctx));
    if (findings.length === 0) findings.push(noWeakSliceFinding(ctx, discovery.features.length));
    for (const c of custom) if (c.parse_error === null) findings.push(customSliceFinding(c, ctx, options.confidenceLevel, options.minGroupSize));

    const evidence: SlicesEvidence = {
      available: true,
      error_kind: errors.kind,
      ...(errors.note ? { error_note: errors.note } : {}),
      rows: errors.values.length,
      overall_error: discovery.overall,
      examined: discovery.examined,
      min_support: discovery.minSupport,
      fdr: options.fdr,
      max_depth: options.sliceMaxDepth,
      score_alpha: DEFAULT_ALPHA,
      significant: discovery.significant,
      near_duplicates_dropped: discovery.nearDuplicates,
      explained_dropped: discovery.explained,
      list_limit: DEFAULT_MAX_REPORTED,
      features: discovery.features,
      skipped_columns: skippedColumns,
      levels: discovery.levels.map((l) => ({
        level: l.level,
        candidates: l.candidates,
        pruned_by_size: l.prunedBySize,
        pruned_by_score: l.prunedByScore,
        passes: l.passes,
        examined: l.examined,
      })),
      slices: discovery.slices.map(sliceEvidence),
      custom: custom.map((c) => {
        if (c.parse_error !== null) return c;
        const { examples, ...rest } = c;
        return { ...rest, example_rows: examples };
      }),
    };
    return { evidence, findings };
  },
};
