/**
 * Conditions in words: "age 60+", "income ≥ 85,000", "region = North", "signed up before 2024-03-01".
 * The exact condition is always in the condition's op and value; the label is for people.
 */
import { formatNumber } from '../text/format';
import type { ConditionOp, ConditionValue, SliceCondition } from './types';

/** 'year': whole numbers that are calendar years (looksLikeYearColumn), written without thousands separators. */
export type NumberFlavour = 'integer' | 'year' | 'decimal' | 'date' | 'datetime';

const DAY = 86_400_000;
const wholeNumber = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });

/** A number or date value as people read it (dates as ISO, thousands separators except in years). */
export function formatValue(v: number, flavour: NumberFlavour): string {
  if (flavour === 'date' || flavour === 'datetime') {
    const iso = new Date(v).toISOString();
    return flavour === 'date' || v % DAY === 0 ? iso.slice(0, 10) : `${iso.slice(0, 10)} ${iso.slice(11, 16)}`;
  }
  if (flavour === 'year' && Number.isInteger(v)) return String(v);
  if (flavour === 'integer' && Number.isInteger(v)) return wholeNumber.format(v);
  return formatNumber(v, 3);
}

const isWhole = (f: NumberFlavour): boolean => f === 'integer' || f === 'year';

/** What a condition's value is in the report JSON: numbers stay numbers, dates become ISO text. */
export function reportValue(v: number, flavour: NumberFlavour): number | string {
  return flavour === 'date' || flavour === 'datetime' ? formatValue(v, flavour) : v;
}

/** `column` quoted only when it would be misread (spaces or symbols). */
export function columnWord(column: string): string {
  return /^[\p{L}\p{N}_.-]+$/u.test(column) ? column : `“${column}”`;
}

const isDate = (f: NumberFlavour): boolean => f === 'date' || f === 'datetime';

/**
 * The condition for one quantile bin [lower, upper) of a number or date column (lower null = no
 * lower bound, upper null = no upper bound); a bin holding a single value v reads as "= v". The
 * bin's edges are kept as they are (`bin`): they, not the rounded words, decide which rows are in it.
 */
export function binCondition(column: string, flavour: NumberFlavour, lower: number | null, upper: number | null, only: number | null): SliceCondition {
  return { ...binWords(column, flavour, lower, upper, only), bin: { lower, upper } };
}

function binWords(column: string, flavour: NumberFlavour, lower: number | null, upper: number | null, only: number | null): SliceCondition {
  const c = columnWord(column);
  const f = (v: number): string => formatValue(v, flavour);
  if (only !== null) return { column, op: '=', value: reportValue(only, flavour), label: `${c} = ${f(only)}` };
  if (lower === null && upper !== null) {
    return { column, op: '<', value: reportValue(upper, flavour), label: isDate(flavour) ? `${c} before ${f(upper)}` : `${c} < ${f(upper)}` };
  }
  if (upper === null && lower !== null) {
    const label = isDate(flavour) ? `${c} ${f(lower)} or later` : isWhole(flavour) && Number.isInteger(lower) ? `${c} ${f(lower)}+` : `${c} ≥ ${f(lower)}`;
    return { column, op: '>=', value: reportValue(lower, flavour), label };
  }
  if (lower === null || upper === null) return { column, op: 'is not missing', value: null, label: `${c} is known` };
  let label: string;
  if (isWhole(flavour) && Number.isInteger(lower) && Number.isInteger(upper)) label = `${c} ${f(lower)}–${f(upper - 1)}`;
  else if (flavour === 'date' && lower % DAY === 0 && upper % DAY === 0) label = `${c} ${f(lower)} to ${f(upper - DAY)}`;
  else if (isDate(flavour)) label = `${c} from ${f(lower)} to before ${f(upper)}`;
  else label = `${c} ${f(lower)} to < ${f(upper)}`;
  return { column, op: 'between', value: [reportValue(lower, flavour), reportValue(upper, flavour)], label };
}

export function missingCondition(column: string): SliceCondition {
  return { column, op: 'is missing', value: null, label: `${columnWord(column)} is missing` };
}

export function equalsCondition(column: string, value: string): SliceCondition {
  return { column, op: '=', value, label: `${columnWord(column)} = ${value}` };
}

export function otherCondition(column: string, kept: string[], merged: number): SliceCondition {
  return { column, op: 'not in', value: kept, label: `${columnWord(column)} = another value (${merged} less common ${merged === 1 ? 'value' : 'values'})` };
}

/** The label a person-written condition gets ("age ≥ 60", "region in North, South"). */
export function conditionLabel(column: string, op: ConditionOp, value: ConditionValue): string {
  const c = columnWord(column);
  const v = (x: number | string): string => (typeof x === 'number' ? formatNumber(x, 3) : x);
  switch (op) {
    case 'is missing':
      return `${c} is missing`;
    case 'is not missing':
      return `${c} is known`;
    case 'in':
    case 'not in':
      return `${c} ${op} ${(Array.isArray(value) ? value : []).map(v).join(', ')}`;
    case 'between':
      return Array.isArray(value) ? `${c} ${v(value[0]!)} to < ${v(value[1]!)}` : c;
    default: {
      const symbol = op === '>=' ? '≥' : op === '<=' ? '≤' : op === '!=' ? '≠' : op;
      return `${c} ${symbol} ${value === null || Array.isArray(value) ? '' : v(value)}`;
    }
  }
}

/** "age 60+ and region = North". */
export function describeConditions(conditions: readonly SliceCondition[]): string {
  return conditions.map((c) => c.label).join(' and ');
}
