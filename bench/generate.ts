/**
 * Deterministic generator of realistic model-output tables for the benchmarks: id, 8 numeric
 * features (skewed, 2% missing), 6 categoricals with cardinalities 2…1000 (sex, age_group, region
 * among them), a date, a free-text column, label, score (calibrated differently by group) and
 * prediction — 20 columns. Seeded: the same arguments give the same bytes.
 *
 *   npx tsx bench/generate.ts --rows 1000000 --out bench/data/model-1m.csv [--seed 1] [--shift 0]
 */
import { createWriteStream } from 'node:fs';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { parseArgs } from 'node:util';
import { Rng } from '../scripts/lib/random';

export const BENCH_COLUMNS = [
  'id', 'f_income', 'f_debt', 'f_tenure', 'f_balance', 'f_visits', 'f_age', 'f_ratio', 'f_score2',
  'sex', 'age_group', 'region', 'segment', 'product', 'merchant', 'event_date', 'comment',
  'label', 'score', 'prediction',
] as const;

const AGE_GROUPS = ['18-24', '25-34', '35-44', '45-54', '55-64', '65+'];
const REGIONS = ['North', 'South', 'East', 'West', 'Central', 'Islands', 'Mountain', 'Coast', 'Metro', 'Rural'];
const SEGMENTS = Array.from({ length: 25 }, (_, i) => `seg_${i}`);
const PRODUCTS = Array.from({ length: 120 }, (_, i) => `prod_${i}`);
const MERCHANTS = Array.from({ length: 1000 }, (_, i) => `merchant_${i}`);
const WORDS = ['late', 'payment', 'great', 'service', 'called', 'twice', 'refund', 'asked', 'about', 'fees', 'happy', 'card', 'online', 'branch', 'closed'];

export async function generate(opts: { rows: number; out: string; seed?: number; shift?: number }): Promise<void> {
  const rng = new Rng(opts.seed ?? 1);
  const shift = opts.shift ?? 0;
  mkdirSync(dirname(opts.out), { recursive: true });
  const out = createWriteStream(opts.out, { highWaterMark: 1 << 20 });
  out.write(`${BENCH_COLUMNS.join(',')}\n`);
  const num = (x: number, digits: number): string => (rng.chance(0.02) ? '' : x.toFixed(digits));
  let batch = '';
  for (let i = 0; i < opts.rows; i++) {
    const sexIdx = rng.chance(0.49) ? 0 : 1;
    const age = AGE_GROUPS[Math.min(5, Math.floor(rng.uniform() * 6))]!;
    const region = REGIONS[Math.floor(Math.pow(rng.uniform(), 1.5) * REGIONS.length)]!;
    const income = Math.exp(rng.normal(10.5 + shift * 0.2, 0.6));
    const debt = Math.exp(rng.normal(8, 1.2));
    const tenure = Math.floor(Math.abs(rng.normal(5, 4)));
    const balance = rng.normal(2000, 3000);
    const visits = Math.floor(-Math.log(Math.max(rng.uniform(), 1e-9)) * 3);
    const fAge = 18 + Math.abs(rng.normal(22, 14));
    const ratio = debt / income;
    const score2 = rng.uniform();
    const logit = 0.8 * Math.log(income / 36000) - 1.5 * ratio + 0.05 * tenure - 0.2 + rng.normal(0, 1);
    const p = 1 / (1 + Math.exp(-logit));
    const label = rng.chance(p) ? 1 : 0;
    // Calibrated differently by group: over-confident for one sex.
    const s = 1 / (1 + Math.exp(-(sexIdx === 0 ? 1.4 * logit : logit)));
    const day = 1 + (i % 28);
    const month = 1 + Math.floor(rng.uniform() * 12);
    const comment = rng.chance(0.3) ? '' : `${rng.pick(WORDS)} ${rng.pick(WORDS)} ${rng.pick(WORDS)}`;
    batch +=
      `${i},${num(income, 2)},${num(debt, 2)},${num(tenure, 0)},${num(balance, 2)},${num(visits, 0)},${num(fAge, 1)},${num(ratio, 4)},${num(score2, 4)},` +
      `${sexIdx === 0 ? 'female' : 'male'},${age},${region},${rng.pick(SEGMENTS)},${rng.pick(PRODUCTS)},${MERCHANTS[Math.floor(Math.pow(rng.uniform(), 2) * 1000)]},` +
      `2025-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')},${comment},${label},${s.toFixed(4)},${s >= 0.5 ? 1 : 0}\n`;
    if (batch.length > 1 << 20) {
      if (!out.write(batch)) await new Promise<void>((r) => out.once('drain', () => r()));
      batch = '';
    }
  }
  out.write(batch);
  await new Promise<void>((r) => out.end(r));
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values } = parseArgs({
    options: { rows: { type: 'string', default: '100000' }, out: { type: 'string' }, seed: { type: 'string', default: '1' }, shift: { type: 'string', default: '0' } },
  });
  const out = values.out ?? `bench/data/model-${values.rows}.csv`;
  await generate({ rows: Number(values.rows), out, seed: Number(values.seed), shift: Number(values.shift) });
  console.log(`wrote ${out}`);
}
