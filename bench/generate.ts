/**
 * Deterministic generator of realistic model-output tables for the benchmarks: id, 8 numeric
 * features (skewed, 2% missing), 6 categoricals with cardinalities 2…1000 (sex, age_group, region
 * among them), a date, a free-text column, label, score (calibrated differently by group) and
 * prediction — 20 columns. Each table is written as CSV and as Parquet with the same values (the
 * Parquet holds the numbers the CSV text parses to). Seeded: the same arguments give the same bytes;
 * apart from the comment's extra words, the reference batch is byte for byte what the first version
 * of this generator wrote (so figures stay comparable).
 *
 * A second, drifted batch (`drifted: true`, its own seed) stands for "this month's data": income
 * and balance shifted, debt missing more often, region and age mix changed, new products and
 * merchants, later dates, and labels that no longer follow the scores as well (the model decayed).
 * Sex, segment, tenure, visits, f_age, f_ratio and f_score2 keep their distributions.
 *
 *   npx tsx bench/generate.ts --rows 1000000 [--seed 1] [--drifted] [--out bench/data/name]
 *     writes <out>.csv and <out>.parquet (default out: bench/data/v<version>-reference|drifted-<rows>)
 */
import { createWriteStream, existsSync, mkdirSync, renameSync, statSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { fileWriter, ParquetWriter, schemaFromColumnData, type ColumnSource } from 'hyparquet-writer';
import { Rng } from '../scripts/lib/random';

/** Bumped whenever the generated values change, so cached files under bench/data are not reused. */
export const GENERATOR_VERSION = 3;

export const BENCH_COLUMNS = [
  'id', 'f_income', 'f_debt', 'f_tenure', 'f_balance', 'f_visits', 'f_age', 'f_ratio', 'f_score2',
  'sex', 'age_group', 'region', 'segment', 'product', 'merchant', 'event_date', 'comment',
  'label', 'score', 'prediction',
] as const;
export const NUMERIC_FEATURES = ['f_income', 'f_debt', 'f_tenure', 'f_balance', 'f_visits', 'f_age', 'f_ratio', 'f_score2'] as const;
export const CATEGORICALS = ['sex', 'age_group', 'region', 'segment', 'product', 'merchant'] as const;

const AGE_GROUPS = ['18-24', '25-34', '35-44', '45-54', '55-64', '65+'];
const REGIONS = ['North', 'South', 'East', 'West', 'Central', 'Islands', 'Mountain', 'Coast', 'Metro', 'Rural'];
const SEGMENTS = Array.from({ length: 25 }, (_, i) => `seg_${i}`);
const PRODUCTS = Array.from({ length: 120 }, (_, i) => `prod_${i}`);
const NEW_PRODUCTS = Array.from({ length: 10 }, (_, i) => `prod_${120 + i}`);
const MERCHANTS = Array.from({ length: 1000 }, (_, i) => `merchant_${i}`);
const NEW_MERCHANTS = Array.from({ length: 100 }, (_, i) => `merchant_${1000 + i}`);
const WORDS = ['late', 'payment', 'great', 'service', 'called', 'twice', 'refund', 'asked', 'about', 'fees', 'happy', 'card', 'online', 'branch', 'closed'];
const MORE_WORDS = [
  'the', 'a', 'my', 'was', 'is', 'not', 'again', 'still', 'very', 'too', 'slow', 'quick', 'helpful', 'rude', 'staff', 'app', 'login', 'failed',
  'charged', 'twice', 'interest', 'rate', 'loan', 'account', 'statement', 'wrong', 'address', 'moved', 'new', 'job', 'salary', 'delayed',
  'waiting', 'weeks', 'days', 'phone', 'email', 'letter', 'manager', 'complaint', 'resolved', 'open', 'overdraft', 'limit', 'increase',
  'please', 'thanks', 'no', 'reply', 'since', 'monday', 'friday', 'march', 'june', 'fee', 'waived', 'card', 'blocked', 'abroad', 'travel',
];
/** Rows per Parquet row group and per CSV write: bounds the generator's memory at any size. */
const CHUNK = 100_000;
const DAY_MS = 86_400_000;

export interface GenerateOptions {
  rows: number;
  /** Output paths; either may be omitted. */
  csv?: string;
  parquet?: string;
  seed?: number;
  drifted?: boolean;
}

/** One chunk of rows, column by column, in the types the Parquet file stores. */
interface Chunk {
  id: number[];
  numeric: (number | null)[][];
  categorical: string[][];
  eventDate: number[];
  comment: (string | null)[];
  label: number[];
  score: number[];
  prediction: number[];
}

const emptyChunk = (): Chunk => ({
  id: [], numeric: NUMERIC_FEATURES.map(() => []), categorical: CATEGORICALS.map(() => []),
  eventDate: [], comment: [], label: [], score: [], prediction: [],
});

/**
 * The row model. The order of the random draws is fixed (and, for the reference batch, the same
 * as the first version of this generator, so its CSV bytes are unchanged); the drifted batch adds
 * its extra draws only where it needs them.
 */
function makeRow(rng: Rng, textRng: Rng, i: number, drifted: boolean, chunk: Chunk, csv: string[]): void {
  const d = drifted ? 1 : 0;
  const sexIdx = rng.chance(0.49) ? 0 : 1;
  const age = AGE_GROUPS[Math.min(5, Math.floor(Math.pow(rng.uniform(), drifted ? 0.7 : 1) * 6))]!;
  const region = REGIONS[Math.floor(Math.pow(rng.uniform(), drifted ? 0.8 : 1.5) * REGIONS.length)]!;
  const income = Math.exp(rng.normal(10.5 + d * 0.25, 0.6));
  const debt = Math.exp(rng.normal(8, 1.2));
  const tenure = Math.floor(Math.abs(rng.normal(5, 4)));
  const balance = rng.normal(2000 + d * 800, 3000 * (1 + d * 0.3));
  const visits = Math.floor(-Math.log(Math.max(rng.uniform(), 1e-9)) * 3);
  const fAge = 18 + Math.abs(rng.normal(22, 14));
  const ratio = debt / income;
  const score2 = rng.uniform();
  const logit = 0.8 * Math.log(income / 36000) - 1.5 * ratio + 0.05 * tenure - 0.2 + rng.normal(0, 1);
  // The drifted batch's outcome follows a changed relationship (older people default less, the base
  // rate falls), which the model's scores do not know about: performance drops.
  const p = 1 / (1 + Math.exp(-(logit + d * (-0.6 + (0.5 * (fAge - 40)) / 14))));
  const label = rng.chance(p) ? 1 : 0;
  // Calibrated differently by group: over-confident for one sex.
  const s = 1 / (1 + Math.exp(-(sexIdx === 0 ? 1.4 * logit : logit)));
  const day = 1 + (i % 28);
  const month = 1 + Math.floor(rng.uniform() * 12);
  const comment = rng.chance(0.3) ? '' : `${rng.pick(WORDS)} ${rng.pick(WORDS)} ${rng.pick(WORDS)}${moreWords(textRng)}`;
  const numbers: [number, number, number][] = [
    [income, 2, 0.02], [debt, 2, drifted ? 0.1 : 0.02], [tenure, 0, 0.02], [balance, 2, 0.02],
    [visits, 0, 0.02], [fAge, 1, 0.02], [ratio, 4, 0.02], [score2, 4, 0.02],
  ];
  const texts = numbers.map(([x, digits, missing], k) => {
    if (rng.chance(missing)) {
      chunk.numeric[k]!.push(null);
      return '';
    }
    const t = x.toFixed(digits);
    chunk.numeric[k]!.push(Number(t)); // exactly what a reader parses from the CSV text
    return t;
  });
  const segment = rng.pick(SEGMENTS);
  const product = drifted && rng.chance(0.04) ? rng.pick(NEW_PRODUCTS) : rng.pick(PRODUCTS);
  const merchant = drifted && rng.chance(0.05) ? rng.pick(NEW_MERCHANTS) : MERCHANTS[Math.floor(Math.pow(rng.uniform(), 2) * 1000)]!;
  const sex = sexIdx === 0 ? 'female' : 'male';
  const year = 2025 + d;
  const cats = [sex, age, region, segment, product, merchant];
  cats.forEach((c, k) => chunk.categorical[k]!.push(c));
  chunk.id.push(i);
  chunk.eventDate.push(Date.UTC(year, month - 1, day) / DAY_MS);
  chunk.comment.push(comment === '' ? null : comment);
  const scoreText = s.toFixed(4);
  chunk.label.push(label);
  chunk.score.push(Number(scoreText));
  chunk.prediction.push(s >= 0.5 ? 1 : 0);
  csv.push(
    `${i},${texts.join(',')},${cats.join(',')},${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')},${comment},${label},${scoreText},${s >= 0.5 ? 1 : 0}\n`,
  );
}

function columnData(c: Chunk): ColumnSource[] {
  return [
    { name: 'id', data: c.id, type: 'INT32', nullable: false },
    ...NUMERIC_FEATURES.map((name, k): ColumnSource => ({ name, data: c.numeric[k]!, type: 'DOUBLE' })),
    ...CATEGORICALS.map((name, k): ColumnSource => ({ name, data: c.categorical[k]!, type: 'STRING' })),
    { name: 'event_date', data: c.eventDate },
    { name: 'comment', data: c.comment, type: 'STRING' },
    { name: 'label', data: c.label, type: 'INT32' },
    { name: 'score', data: c.score, type: 'DOUBLE' },
    { name: 'prediction', data: c.prediction, type: 'INT32' },
  ];
}

const parquetSchema = (c: Chunk): ReturnType<typeof schemaFromColumnData> =>
  schemaFromColumnData({
    columnData: columnData(c).map((col) => (col.name === 'event_date' ? { name: col.name, data: col.data } : col)),
    schemaOverrides: { event_date: { name: 'event_date', type: 'INT32', converted_type: 'DATE', repetition_type: 'OPTIONAL' } },
  });

/**
 * The rest of a comment: 3–7 more words, sometimes an amount — free text (mostly distinct, ~50
 * characters), which the importer types as text rather than as a category. Drawn from its own
 * stream so the other columns' values do not depend on it.
 */
function moreWords(rng: Rng): string {
  let s = '';
  for (let k = 3 + Math.floor(rng.uniform() * 5); k > 0; k--) s += ` ${rng.pick(MORE_WORDS)}`;
  return rng.chance(0.2) ? `${s} ${Math.floor(rng.uniform() * 500)} eur` : s;
}

/** Writes the table to CSV and/or Parquet; each is written under a temporary name and renamed when complete. */
export async function generate(opts: GenerateOptions): Promise<void> {
  const rng = new Rng(opts.seed ?? 1);
  const textRng = new Rng((opts.seed ?? 1) * 7919 + 17);
  const drifted = opts.drifted ?? false;
  const tmp = (p: string): string => `${p}.partial`;
  for (const p of [opts.csv, opts.parquet]) if (p) mkdirSync(dirname(p), { recursive: true });
  const out = opts.csv ? createWriteStream(tmp(opts.csv), { highWaterMark: 1 << 20 }) : null;
  out?.write(`${BENCH_COLUMNS.join(',')}\n`);
  let parquet: ParquetWriter | null = null;
  for (let start = 0; start < opts.rows; start += CHUNK) {
    const chunk = emptyChunk();
    const lines: string[] = [];
    for (let i = start; i < Math.min(opts.rows, start + CHUNK); i++) makeRow(rng, textRng, i, drifted, chunk, lines);
    if (out && !out.write(lines.join(''))) await new Promise<void>((r) => out.once('drain', () => r()));
    if (opts.parquet) {
      parquet ??= new ParquetWriter({ writer: fileWriter(tmp(opts.parquet)), schema: parquetSchema(chunk), createdBy: 'slicewise bench' });
      await parquet.write({ columnData: columnData(chunk).map(({ name, data }) => ({ name, data })), rowGroupSize: CHUNK });
    }
  }
  if (out) {
    await new Promise<void>((r) => out.end(r));
    renameSync(tmp(opts.csv!), opts.csv!);
  }
  if (parquet) {
    await parquet.finish();
    renameSync(tmp(opts.parquet!), opts.parquet!);
  }
}

export interface BatchFiles {
  csv: string;
  parquet: string;
  csvBytes: number;
  parquetBytes: number;
}

/**
 * The cached reference and drifted batches at `rows`, with their sizes. Missing files are generated
 * in a child process (same loader flags, so tsx carries over): the generator's heap would otherwise
 * stay in the benchmark's process and inflate every RSS figure after it.
 */
export function benchData(rows: number, dir = join(import.meta.dirname, 'data'), log = console.error): { reference: BatchFiles; drifted: BatchFiles } {
  const batch = (name: 'reference' | 'drifted', seed: number): BatchFiles => {
    const base = join(dir, `v${GENERATOR_VERSION}-${name}-${rows}`);
    const csv = `${base}.csv`;
    const parquet = `${base}.parquet`;
    if (!existsSync(csv) || !existsSync(parquet)) {
      const t = performance.now();
      log(`Generating ${base}.{csv,parquet} …`);
      const args = [fileURLToPath(import.meta.url), '--rows', String(rows), '--seed', String(seed), '--out', base, ...(name === 'drifted' ? ['--drifted'] : [])];
      const child = spawnSync(process.execPath, [...process.execArgv, ...args], { stdio: ['ignore', 'ignore', 'inherit'] });
      if (child.status !== 0) throw new Error(`generating ${base} failed (exit ${child.status})`);
      log(`  done in ${((performance.now() - t) / 1000).toFixed(1)} s`);
    }
    return { csv, parquet, csvBytes: statSync(csv).size, parquetBytes: statSync(parquet).size };
  };
  return { reference: batch('reference', 1), drifted: batch('drifted', 2) };
}

/** The small pair of batches every benchmark process warms its workers up on. */
export interface WarmUpFiles {
  reference: string;
  referenceParquet: string;
  drifted: string;
}

/** Writes the warm-up batches (3,000 rows each) into `dir`. */
export async function warmUpFiles(dir: string): Promise<WarmUpFiles> {
  const files = { reference: join(dir, 'warm-reference.csv'), referenceParquet: join(dir, 'warm-reference.parquet'), drifted: join(dir, 'warm-drifted.csv') };
  await generate({ rows: 3000, csv: files.reference, parquet: files.referenceParquet, seed: 11 });
  await generate({ rows: 3000, csv: files.drifted, seed: 12, drifted: true });
  return files;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { values } = parseArgs({
    options: {
      rows: { type: 'string', default: '100000' },
      out: { type: 'string' },
      seed: { type: 'string', default: '1' },
      drifted: { type: 'boolean', default: false },
    },
  });
  const out = values.out ?? `bench/data/v${GENERATOR_VERSION}-${values.drifted ? 'drifted' : 'reference'}-${values.rows}`;
  await generate({ rows: Number(values.rows), csv: `${out}.csv`, parquet: `${out}.parquet`, seed: Number(values.seed), drifted: values.drifted });
  console.log(`wrote ${out}.csv and ${out}.parquet`);
}
