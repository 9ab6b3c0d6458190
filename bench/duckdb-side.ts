/**
 * DuckDB's side of the benchmark (@duckdb/node-api, in the bench's own process, all cores): the
 * closest equivalent of each Slicewise stage on the same files (SQL in duckdb-sql.ts). Slicewise's
 * side runs in a process of its own (slicewise-process.ts), so each side's peak RSS is its own.
 */
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import type { BatchFiles } from './generate';
import {
  DRIFT_NUMERIC, DRIFT_QUANTILES, SENSITIVE_KEYS, SLICE_NUMERIC, driftHistogramSql, driftSummarySql, duplicatesSql,
  groupMetricsSql, lit, profileSql, sliceEdgesSql, slicesSql,
} from './duckdb-sql';
import { measure, type StageMeasure } from './measure';

export interface DuckdbMeasures {
  importCsv: StageMeasure;
  importParquet: StageMeasure;
  /** Per-column aggregates and the duplicate-row count (the quality stage's equivalent). */
  quality: StageMeasure;
  /** Confusion counts, AUC rank sums and score buckets over the whole table (performance + calibration). */
  model: StageMeasure;
  /** The same per group of each sensitive column and pairwise intersection (fairness). */
  fairness: StageMeasure;
  /** Error counts over every single feature and pair (slices to depth 2). */
  slices: StageMeasure;
  /** Per-column histograms and counts of both batches (drift). */
  drift: StageMeasure;
  threads: number;
}

/**
 * Two DuckDB measurements as one: each stage's runs together (the table takes medians), its peak
 * the higher. The benchmark measures DuckDB before and after Slicewise's side, so that a machine
 * that gets busier or quieter over the minutes Slicewise's side takes weighs on both sides alike.
 */
export function pooledDuckdb(a: DuckdbMeasures, b: DuckdbMeasures): DuckdbMeasures {
  const pool = (x: StageMeasure, y: StageMeasure): StageMeasure => ({
    seconds: [...x.seconds, ...y.seconds],
    peakRssMb: Math.max(x.peakRssMb, y.peakRssMb),
    ...(x.error || y.error ? { error: x.error ?? y.error } : {}),
  });
  return {
    importCsv: pool(a.importCsv, b.importCsv),
    importParquet: pool(a.importParquet, b.importParquet),
    quality: pool(a.quality, b.quality),
    model: pool(a.model, b.model),
    fairness: pool(a.fairness, b.fairness),
    slices: pool(a.slices, b.slices),
    drift: pool(a.drift, b.drift),
    threads: a.threads,
  };
}

type Value = unknown;
const items = (v: Value): number[] => ((v as { items?: unknown[] } | null)?.items ?? []).map(Number);
const sortedUnique = (xs: number[]): number[] => [...new Set(xs.filter((x) => Number.isFinite(x)))].sort((a, b) => a - b);

/** The bins drift counts in: the reference's deciles, and 20 equal-width bins over the pooled 0.5%–99.5% range. */
function driftBins(ref: Value[], cur: Value[]): Map<string, { psi: number[]; overlay: number[] }> {
  const per = 6; // values per numeric column in driftSummarySql: missing, avg, std, min, max, quantiles
  const bins = new Map<string, { psi: number[]; overlay: number[] }>();
  DRIFT_NUMERIC.forEach((c, k) => {
    const qr = items(ref[k * per + 5]);
    const qc = items(cur[k * per + 5]);
    const at = (qs: number[], p: number): number => qs[DRIFT_QUANTILES.indexOf(p)] ?? Number.NaN;
    const psi = sortedUnique([0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9].map((p) => at(qr, p)));
    const lo = Math.min(at(qr, 0.005), at(qc, 0.005));
    const hi = Math.max(at(qr, 0.995), at(qc, 0.995));
    const overlay = hi > lo ? Array.from({ length: 19 }, (_, i) => lo + ((hi - lo) * (i + 1)) / 20) : [lo];
    bins.set(c, { psi: psi.length ? psi : [0], overlay: sortedUnique(overlay).length ? sortedUnique(overlay) : [0] });
  });
  return bins;
}

const one = async (con: DuckDBConnection, sql: string): Promise<Value[]> => (await con.runAndReadAll(sql)).getRows()[0] ?? [];

export async function runDuckdb(files: { reference: BatchFiles; drifted: BatchFiles }, runs: number, log: (s: string) => void): Promise<DuckdbMeasures> {
  const duck = await DuckDBInstance.create(':memory:');
  const con = await duck.connect();
  const threads = Number((await one(con, "SELECT current_setting('threads')"))[0]);
  try {
    log('duckdb: import CSV');
    const importCsv = await measure(runs, () => con.run(`CREATE OR REPLACE TABLE t AS SELECT * FROM read_csv(${lit(files.reference.csv)})`));
    log('duckdb: import Parquet');
    const importParquet = await measure(runs, () => con.run(`CREATE OR REPLACE TABLE tp AS SELECT * FROM read_parquet(${lit(files.reference.parquet)})`));
    await con.run('DROP TABLE tp');

    log('duckdb: check-up equivalents');
    const quality = await measure(runs, async () => {
      await con.runAndReadAll(profileSql('t'));
      await con.runAndReadAll(duplicatesSql('t'));
    });
    const model = await measure(runs, async () => {
      for (const sql of groupMetricsSql('t', [])) await con.runAndReadAll(sql);
    });
    const fairness = await measure(runs, async () => {
      for (const keys of SENSITIVE_KEYS) for (const sql of groupMetricsSql('t', keys)) await con.runAndReadAll(sql);
    });
    const slices = await measure(runs, async () => {
      const row = await one(con, sliceEdgesSql('t'));
      const cuts = new Map(SLICE_NUMERIC.map((c, i) => [c, ((row[i] as { items: unknown[] }).items ?? []).map((v) => (typeof v === 'object' && v !== null ? `'${String(v)}'` : String(v)))]));
      await con.runAndReadAll(slicesSql('t', cuts));
    });

    log('duckdb: drift');
    await con.run(`CREATE OR REPLACE TABLE d AS SELECT * FROM read_csv(${lit(files.drifted.csv)})`);
    const drift = await measure(runs, async () => {
      const ref = await one(con, driftSummarySql('t'));
      const cur = await one(con, driftSummarySql('d'));
      const bins = driftBins(ref, cur);
      await con.runAndReadAll(driftHistogramSql('t', bins));
      await con.runAndReadAll(driftHistogramSql('d', bins));
    });
    return { importCsv, importParquet, quality, model, fairness, slices, drift, threads };
  } finally {
    con.closeSync();
    duck.closeSync();
  }
}
