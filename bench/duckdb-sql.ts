/**
 * The SQL DuckDB runs as the closest equivalent of each Slicewise stage, on the same generated
 * table (bench/generate.ts). Each builder says which Slicewise work it stands for.
 */
import { BENCH_COLUMNS, CATEGORICALS, NUMERIC_FEATURES } from './generate';

export const q = (c: string): string => `"${c.replace(/"/g, '""')}"`;
export const lit = (s: string): string => `'${s.replace(/'/g, "''")}'`;

/** Numeric columns with quantiles in the profile: the 8 features and the score. */
const NUMERIC = [...NUMERIC_FEATURES, 'score'];

/**
 * Data-quality profile (the quality stage, issue #9's "per-column aggregates"): per column missing
 * count, distinct count, min and max; quartiles of every numeric column.
 */
export const profileSql = (table: string): string =>
  `SELECT ${BENCH_COLUMNS.map((c) => `count(*) - count(${q(c)}), count(DISTINCT ${q(c)}), min(${q(c)}), max(${q(c)})`).join(', ')},
   ${NUMERIC.map((c) => `quantile_cont(${q(c)}, [0.25, 0.5, 0.75])`).join(', ')} FROM ${table}`;

/** Duplicate rows (the quality stage's duplicate-rows check). */
export const duplicatesSql = (table: string): string => `SELECT count(*) - (SELECT count(*) FROM (SELECT DISTINCT * FROM ${table})) FROM ${table}`;

/**
 * What the performance, calibration and fairness checks compute, per group of `keys` (none: the
 * whole table): the confusion counts and score sums; the rank sums behind ROC AUC (a sort of the
 * scores within every group); the counts in 100 score buckets behind calibration and threshold curves.
 */
export function groupMetricsSql(table: string, keys: readonly string[]): string[] {
  const k = keys.map(q).join(', ');
  const sel = k ? `${k}, ` : '';
  const by = k ? `GROUP BY ${k}` : '';
  const where = `WHERE label IS NOT NULL AND prediction IS NOT NULL AND score IS NOT NULL`;
  return [
    `SELECT ${sel}count(*), sum(label), sum(prediction), sum(label * prediction), sum(score), sum(CASE WHEN prediction = label THEN 1 ELSE 0 END) FROM ${table} ${where} ${by}`,
    `SELECT ${sel}sum(r) FILTER (WHERE label = 1), count(*) FILTER (WHERE label = 1), count(*) FILTER (WHERE label = 0)
     FROM (SELECT ${sel}label, rank() OVER (${k ? `PARTITION BY ${k} ` : ''}ORDER BY score) AS r FROM ${table} ${where}) ${by}`,
    `SELECT ${sel}least(floor(score * 100), 99) AS b, count(*), sum(label), sum(score) FROM ${table} ${where} GROUP BY ${sel}b`,
  ];
}

/** The fairness check's groups: 3 sensitive columns and their pairwise intersections. */
export const SENSITIVE_KEYS = [['sex'], ['age_group'], ['region'], ['sex', 'age_group'], ['sex', 'region'], ['age_group', 'region']] as const;

/** Slice discovery's features: numeric ones in 5 quantile bins, categories as they are. */
export const SLICE_FEATURES = [...NUMERIC_FEATURES, ...CATEGORICALS, 'event_date'];
export const SLICE_NUMERIC = [...NUMERIC_FEATURES, 'event_date'];
export const sliceEdgesSql = (table: string): string => `SELECT ${SLICE_NUMERIC.map((c) => `quantile_cont(${q(c)}, [0.2, 0.4, 0.6, 0.8])`).join(', ')} FROM ${table}`;

/** Error counts of every single feature and every pair (depth 2), numeric features binned at `cuts`. */
export function slicesSql(table: string, cuts: Map<string, string[]>): string {
  const binned = SLICE_FEATURES.map((c) => {
    const e = cuts.get(c);
    if (!e) return `${q(c)} AS ${q(c)}`;
    return `CASE WHEN ${q(c)} IS NULL THEN -1 ${e.map((cut, i) => `WHEN ${q(c)} <= ${cut} THEN ${i}`).join(' ')} ELSE ${e.length} END AS ${q(c)}`;
  });
  const sets = [...SLICE_FEATURES.map((c) => `(${q(c)})`), ...SLICE_FEATURES.flatMap((a, i) => SLICE_FEATURES.slice(i + 1).map((b) => `(${q(a)}, ${q(b)})`))];
  return `WITH b AS (SELECT ${binned.join(', ')}, CASE WHEN prediction = label THEN 0 ELSE 1 END AS err FROM ${table} WHERE label IS NOT NULL AND prediction IS NOT NULL)
    SELECT ${SLICE_FEATURES.map(q).join(', ')}, count(*), sum(err) FROM b GROUP BY GROUPING SETS (${sets.join(', ')})`;
}

/**
 * Drift (issue #6): the columns the comparison judges — every feature except the id, the date (a
 * timestamp: later batches have later dates) and the free text; plus the score (prediction drift)
 * and the decision and label (as categories).
 */
export const DRIFT_NUMERIC = [...NUMERIC_FEATURES, 'score'];
export const DRIFT_CATEGORICAL = [...CATEGORICALS, 'prediction', 'label'];
/** Quantiles per numeric column: the reference's deciles (PSI bins), quartiles (summary), 0.5%/99.5% (overlay range). */
export const DRIFT_QUANTILES = [0.005, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 0.25, 0.75, 0.995];

/** Pass 1 on one batch: missing counts and summaries of numbers with their quantiles; counts per category. */
export const driftSummarySql = (table: string): string =>
  `SELECT ${DRIFT_NUMERIC.map((c) => `count(*) - count(${q(c)}), avg(${q(c)}), stddev_pop(${q(c)}), min(${q(c)}), max(${q(c)}), quantile_cont(${q(c)}, [${DRIFT_QUANTILES.join(', ')}])`).join(', ')},
   ${DRIFT_CATEGORICAL.map((c) => `count(*) - count(${q(c)}), histogram(${q(c)})`).join(', ')} FROM ${table}`;

/** Pass 2 on one batch: counts in the reference's decile bins (PSI) and in shared equal-width bins (the overlaid histogram). */
export function driftHistogramSql(table: string, bins: Map<string, { psi: number[]; overlay: number[] }>): string {
  const list = (xs: number[]): string => `[${xs.map((x) => String(x)).join(', ')}]::DOUBLE[]`;
  return `SELECT ${DRIFT_NUMERIC.map((c) => {
    const b = bins.get(c)!;
    return `histogram(${q(c)}, ${list(b.psi)}), histogram(${q(c)}, ${list(b.overlay)})`;
  }).join(', ')} FROM ${table}`;
}
