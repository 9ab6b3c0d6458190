/**
 * Dates of birth. Ages are worked out against the run's "now" (passed in, so results reproduce):
 * age = (now − date) / 365.2425 days.
 *
 * - A column whose name suggests birth (dob, birth, born, birthday, fecha de nacimiento, date de
 *   naissance, geburtsdatum…): dates (or d/m/y / ISO text, or whole years 1800–2200 for a "birth
 *   year") giving an age of 0–110 count.
 * - Any other date column: reported only as a guess when its dates look like birth dates taken as
 *   a whole — at least 95% give ages 0–110, the median age is 18–90 and the middle half of ages
 *   spans at least 10 years. Event dates (a sign-up, a purchase) cluster in a few recent years and
 *   fail the last two tests.
 */
import { parseIsoDateTime, parseSlashDate, detectDateOrder } from '../../value-patterns';
import type { Column } from '../../table';
import { MAX_EXAMPLES, MAX_ROW_EXAMPLES, VALUES_CAP } from './kinds';
import type { ScanResult } from './scan';

const YEAR_MS = 365.2425 * 86_400_000;
export const MAX_AGE = 110;

const inAgeRange = (age: number): boolean => age >= 0 && age <= MAX_AGE;
const isoDay = (t: number): string => new Date(t).toISOString().slice(0, 10);

export interface BirthDateScan {
  scan: ScanResult;
  /** True when only the spread of the dates (not the column name) suggests birth dates. */
  guess: boolean;
  /** Median age in years (to 0.1 year), over the dates giving ages 0–110. */
  medianAge: number;
}

/** Epoch ms of each examined value (NaN when it is not a date), with its row. */
function collectTimes(column: Column, named: boolean): { times: Float64Array; rows: Int32Array; present: number } | null {
  if (column.storage === 'number' ? column.kind === 'integer' && !named : !named) return null;
  const times = new Float64Array(VALUES_CAP);
  const rows = new Int32Array(VALUES_CAP);
  let n = 0;
  let present = 0;
  if (column.storage === 'number') {
    const asYears = column.kind === 'integer';
    for (let r = 0; r < column.values.length; r++) {
      if (!column.valid[r]) continue;
      present++;
      if (n >= VALUES_CAP) continue;
      let t = column.values[r]!;
      if (asYears) t = Number.isInteger(t) && t >= 1800 && t <= 2200 ? Date.UTC(t, 6, 1) : NaN;
      times[n] = t;
      rows[n++] = r;
    }
  } else {
    const sample = column.dictionary.slice(0, 1000).map((s) => s.trim()).filter((s) => s !== '');
    const order = detectDateOrder(sample.filter((s) => /^\d{1,2}[/.-]\d{1,2}[/.-]\d{4}$/.test(s))) ?? 'day-first';
    const cap = Math.min(column.dictionary.length, VALUES_CAP);
    const parsed = new Float64Array(cap);
    for (let i = 0; i < cap; i++) {
      const s = column.dictionary[i]!.trim();
      const iso = parseIsoDateTime(s);
      parsed[i] = Number.isNaN(iso) ? parseSlashDate(s, order) : iso;
    }
    for (let r = 0; r < column.codes.length; r++) {
      const c = column.codes[r]!;
      if (c < 0) continue;
      present++;
      if (c >= cap || n >= VALUES_CAP) continue;
      times[n] = parsed[c]!;
      rows[n++] = r;
    }
  }
  return { times: times.subarray(0, n), rows: rows.subarray(0, n), present };
}

/** Ages in 0.1-year bins over 0–110: quantiles from counts, with no sort of a million dates. */
const BINS_PER_YEAR = 10;

function ageQuantile(histogram: Uint32Array, total: number, q: number): number {
  const target = q * total;
  let seen = 0;
  for (let b = 0; b < histogram.length; b++) {
    seen += histogram[b]!;
    if (seen >= target) return (b + 0.5) / BINS_PER_YEAR;
  }
  return MAX_AGE;
}

export function scanBirthDates(column: Column, named: boolean, now: number): BirthDateScan | null {
  if (column.storage === 'number' ? column.kind === 'decimal' : column.kind === 'boolean' || column.kind === 'empty') return null;
  const collected = collectTimes(column, named);
  if (!collected || collected.times.length === 0) return null;
  const { times, rows, present } = collected;
  const histogram = new Uint32Array(MAX_AGE * BINS_PER_YEAR + 1);
  let matched = 0;
  const examples: string[] = [];
  const rowExamples: number[] = [];
  for (let i = 0; i < times.length; i++) {
    const age = (now - times[i]!) / YEAR_MS;
    if (!inAgeRange(age)) continue;
    matched++;
    histogram[Math.floor(age * BINS_PER_YEAR)]!++;
    if (rowExamples.length < MAX_ROW_EXAMPLES) rowExamples.push(rows[i]! + 1);
    if (examples.length < MAX_EXAMPLES) {
      const day = isoDay(times[i]!);
      if (!examples.includes(day)) examples.push(day);
    }
  }
  if (matched === 0) return null;
  const examined = times.length;
  const medianAge = ageQuantile(histogram, matched, 0.5);
  if (!named) {
    if (matched / examined < 0.95 || medianAge < 18 || medianAge > 90) return null;
    if (ageQuantile(histogram, matched, 0.75) - ageQuantile(histogram, matched, 0.25) < 10) return null;
  }
  const scan: ScanResult = {
    present, examined, matched, shapeOnly: 0, valuesTested: examined, capped: examined < present,
    examples, rowExamples, distinctMatched: matched, tags: new Map(),
  };
  return { scan, guess: !named, medianAge };
}
