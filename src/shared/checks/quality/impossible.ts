/**
 * quality.impossible-values — values that cannot be true where the column's meaning is clear:
 *  - age: a number column whose normalised name contains the word age / edad / alter / idade /
 *    age years (e.g. "age", "applicant_age", "Edad") — values < 0 or > 130 (above the oldest
 *    verified human lifespan, 122 years);
 *  - probability: the score column (roles.score or a per-class score), or a column named like a
 *    probability (prob, proba, probability, likelihood, propensity, score…) with at least 90% of its
 *    values within [0, 1] — values < 0 or > 1;
 *  - dates: a date or date-time column — values after `now` (future) or before 1900-01-01 (UTC).
 * One finding per column and rule (`quality.impossible-values:<column>:<rule>`).
 * Severity: impossible values ≥ 5% of the column → high; fewer → medium.
 */
import type { Finding } from '../../findings/types';
import { emptyRangeFirst } from '../../metrics/row-ranges';
import { SCORE_WORDS, matchWords, normaliseName } from '../../roles/vocabulary';
import type { NumberColumn, NumberValues } from '../../table';
import type { Check, CheckInput } from '../types';
import { checkedColumns, formatValue, MAX_EXAMPLE_ROWS, orPassed, qualityFinding, roleSets } from './common';

export const IMPOSSIBLE_VALUES = 'quality.impossible-values';

export const AGE_WORDS = ['age', 'edad', 'alter', 'idade', 'age years', 'age in years'];
export const MAX_AGE = 130;
/** 1900-01-01T00:00:00Z. */
export const EARLIEST_DATE = Date.UTC(1900, 0, 1);
/** A name-matched column is read as probabilities only when this share of its values is in [0, 1]. */
const PROBABILITY_LIKE_SHARE = 0.9;
const IMPOSSIBLE_HIGH = 0.05;

type Rule = 'age' | 'probability' | 'future-date' | 'early-date';

interface RuleSpec {
  rule: Rule;
  /** The allowed range, inclusive; values outside it are impossible. */
  min: number;
  max: number;
}

function rulesFor(col: NumberColumn, input: CheckInput, scoreColumns: ReadonlySet<string>): RuleSpec[] {
  if (col.kind === 'date' || col.kind === 'datetime') {
    return [{ rule: 'early-date', min: EARLIEST_DATE, max: Infinity }, { rule: 'future-date', min: -Infinity, max: input.now }];
  }
  const name = normaliseName(col.name);
  if (matchWords(name, AGE_WORDS) && !scoreColumns.has(col.name)) return [{ rule: 'age', min: 0, max: MAX_AGE }];
  if (scoreColumns.has(col.name)) return [{ rule: 'probability', min: 0, max: 1 }];
  if (matchWords(name, SCORE_WORDS)) {
    let present = 0;
    let inside = 0;
    for (let i = 0; i < col.values.length; i++) {
      if (col.valid[i] === 0) continue;
      present++;
      const v = col.values[i]!;
      if (v >= 0 && v <= 1) inside++;
    }
    if (present > 0 && inside / present >= PROBABILITY_LIKE_SHARE) return [{ rule: 'probability', min: 0, max: 1 }];
  }
  return [];
}

export const impossibleValuesCheck: Check = {
  id: IMPOSSIBLE_VALUES,
  category: 'quality',
  run(input: CheckInput) {
    const n = input.table.rowCount;
    const roles = roleSets(input.roles);
    const scoreColumns = new Set<string>([...Object.values(input.roles.classScores), ...(input.roles.score ? [input.roles.score] : [])]);
    const findings: Finding[] = [];
    const evidence: { column: string; rule: Rule; count: number }[] = [];
    for (const col of checkedColumns(input)) {
      if (col.storage !== 'number' || roles.ids.has(col.name)) continue;
      for (const spec of rulesFor(col, input, scoreColumns)) {
        // [present, count, below, worstLow, worstHigh], carried by the scan (see metrics/row-ranges.ts).
        const scan = Float64Array.of(0, 0, 0, Infinity, -Infinity);
        const examples: number[] = [];
        emptyRangeFirst(n, (from, to) => scanRange(col.values, col.valid, spec.min, spec.max, from, to, scan, examples));
        const present = scan[0]!;
        const count = scan[1]!;
        const below = scan[2]!;
        const worstLow = scan[3]!;
        const worstHigh = scan[4]!;
        evidence.push({ column: col.name, rule: spec.rule, count });
        if (count === 0) continue;
        const share = count / present;
        const values = [...new Set(examples.map((row) => formatValue(col, col.values[row - 1]!)))];
        findings.push(
          qualityFinding(IMPOSSIBLE_VALUES, `${col.name}:${spec.rule}`, {
            severity: share >= IMPOSSIBLE_HIGH ? 'high' : 'medium',
            severityRule: `Impossible values are ${IMPOSSIBLE_HIGH * 100}% or more of the column → high; fewer → medium.`,
            columns: [col.name],
            rows: { count, examples },
            numbers: {
              rule: spec.rule,
              count,
              below,
              above: count - below,
              present,
              share,
              lowest: worstLow === Infinity ? null : formatValue(col, worstLow),
              highest: worstHigh === -Infinity ? null : formatValue(col, worstHigh),
              limitLow: Number.isFinite(spec.min) ? formatValue(col, spec.min) : null,
              limitHigh: Number.isFinite(spec.max) ? formatValue(col, spec.max) : null,
            },
            examples: values,
            sampleSize: present,
          }),
        );
      }
    }
    return { evidence: { columns: evidence }, findings: orPassed(findings, IMPOSSIBLE_VALUES, { rows: n }, n) };
  },
};

/** Present values and those outside [min, max] over rows [from, to): see the state in the check. */
function scanRange(values: NumberValues, valid: Uint8Array, min: number, max: number, from: number, to: number, scan: Float64Array, examples: number[]): void {
  let present = scan[0]!;
  let count = scan[1]!;
  let below = scan[2]!;
  let worstLow = scan[3]!;
  let worstHigh = scan[4]!;
  for (let i = from; i < to; i++) {
    if (valid[i] === 0) continue;
    present++;
    const v = values[i]!;
    if (v >= min && v <= max) continue;
    count++;
    if (v < min) below++;
    if (v < worstLow) worstLow = v;
    if (v > worstHigh) worstHigh = v;
    if (examples.length < MAX_EXAMPLE_ROWS) examples.push(i + 1);
  }
  scan[0] = present;
  scan[1] = count;
  scan[2] = below;
  scan[3] = worstLow;
  scan[4] = worstHigh;
}
