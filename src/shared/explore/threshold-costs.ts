/**
 * The cost of a cut-off when the person says what each kind of mistake costs them:
 * total = wrong "yes" calls (false positives) × their cost + missed "yes" rows (false negatives) ×
 * theirs, at every cut-off of the table; the cheapest cut-off (on a tie, the one nearest 0.5).
 * Typed costs are checked here, with a message that says what is wrong.
 */
import type { ThresholdRow } from '../metrics/thresholds';
import { exploreWordsEn, type ExploreWords } from './words-en';

export interface Costs {
  /** What one false positive costs (the model says yes, the truth is no). */
  fp: number;
  /** What one false negative costs (the model says no, the truth is yes). */
  fn: number;
}

export type CostParse = { ok: true; value: number } | { ok: false; message: string };

/** Larger costs would make totals lose whole units; a person can switch to thousands. */
const MAX_COST = 1e15;

/** A typed cost: a plain non-negative number; "1,250", "$40" and "0.5" are read, words are not. */
export function parseCost(text: string, words: ExploreWords = exploreWordsEn): CostParse {
  const s = text.trim();
  if (s === '') return { ok: false, message: words.costEmpty };
  let body = s.replace(/^[$€£¥]\s*/, '');
  const negative = /^[-−]/.test(body);
  if (negative) body = body.slice(1).trim();
  if (/^\d{1,3}(,\d{3})+(\.\d+)?$/.test(body)) body = body.replace(/,/g, '');
  if (!/^\+?(\d+(\.\d*)?|\.\d+)(e[+-]?\d+)?$/i.test(body)) return { ok: false, message: words.costNotNumber(s) };
  const value = Number(body);
  if (negative && value > 0) return { ok: false, message: words.costNegative };
  if (!Number.isFinite(value) || value > MAX_COST) return { ok: false, message: words.costTooLarge };
  return { ok: true, value: negative ? 0 : value };
}

export type CostsInput = { state: 'none' } | { state: 'invalid'; fp?: string; fn?: string; both?: string } | { state: 'ok'; costs: Costs };

/** Both boxes empty: no costs given (they are optional). Otherwise both must be valid and not both 0. */
export function readCosts(fpText: string, fnText: string, words: ExploreWords = exploreWordsEn): CostsInput {
  if (fpText.trim() === '' && fnText.trim() === '') return { state: 'none' };
  const fp = parseCost(fpText, words);
  const fn = parseCost(fnText, words);
  if (!fp.ok || !fn.ok) return { state: 'invalid', ...(fp.ok ? {} : { fp: fp.message }), ...(fn.ok ? {} : { fn: fn.message }) };
  if (fp.value === 0 && fn.value === 0) return { state: 'invalid', both: words.costsAllZero };
  return { state: 'ok', costs: { fp: fp.value, fn: fn.value } };
}

export const totalCost = (row: Pick<ThresholdRow, 'fp' | 'fn'>, costs: Costs): number => row.fp * costs.fp + row.fn * costs.fn;

export interface CostCurve {
  /** The total cost at each cut-off of the table. */
  totals: number[];
  /** The cheapest cut-off; among equally cheap ones, the nearest to 0.5 (then the lower). */
  cheapestIndex: number;
  cheapestTotal: number;
  /** Every cut-off as cheap as the cheapest, increasing. */
  tied: number[];
}

const same = (a: number, b: number): boolean => Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));

export function costCurve(rows: readonly Pick<ThresholdRow, 'threshold' | 'fp' | 'fn'>[], costs: Costs): CostCurve {
  const valid = (c: number): boolean => Number.isFinite(c) && c >= 0;
  if (!valid(costs.fp) || !valid(costs.fn) || (costs.fp === 0 && costs.fn === 0)) throw new RangeError('Costs must be non-negative numbers, at least one above 0.');
  if (rows.length === 0) throw new RangeError('No cut-offs to cost.');
  const totals = rows.map((r) => totalCost(r, costs));
  let min = totals[0]!;
  for (const t of totals) if (t < min) min = t;
  const tied = totals.flatMap((t, i) => (same(t, min) ? [i] : []));
  const distance = (i: number): number => Math.abs(rows[i]!.threshold - 0.5);
  let cheapestIndex = tied[0]!;
  for (const i of tied) if (distance(i) < distance(cheapestIndex) - 1e-12) cheapestIndex = i;
  return { totals, cheapestIndex, cheapestTotal: totals[cheapestIndex]!, tied };
}
