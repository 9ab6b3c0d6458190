/**
 * Pure helpers that shape a CheckReport for the report screen: sections in reading order, the
 * key figures with their ranges, and the "how sure we are" sentence. The report's sections are
 * typed loosely (Record<string, unknown>), so everything read from them is checked here.
 */
import type { Finding, FindingCategory, FindingNumber } from '../../../../shared/findings/types';
import type { ReportCalibrationBin } from '../../../../shared/charts';
import type { CheckReport } from '../../../../shared/report/check-report';
import { formatCount, formatNumber, formatShare } from '../../../../shared/text/format';
import { en } from '../../text/en';

export const SECTION_ORDER: readonly FindingCategory[] = ['quality', 'privacy', 'performance', 'calibration', 'fairness', 'slices', 'drift'];

export interface ReportSection {
  category: FindingCategory;
  /** Issues and "not enough data", in the report's order (ranked by severity). */
  findings: Finding[];
}

/**
 * Findings to look at, by section; passed checks separately. A section with nothing to look at is
 * still shown when it was checked (data quality and privacy always; the model ones when the
 * report has them), so "nothing found" is said rather than left out.
 */
export function sectionsOf(report: CheckReport | undefined): { sections: ReportSection[]; passed: Finding[] } {
  const findings = report?.findings ?? [];
  const core = new Set<FindingCategory>(['quality', 'privacy']);
  if (report?.performance) core.add('performance');
  if (report?.calibration) core.add('calibration');
  const sections = SECTION_ORDER.map((category) => ({ category, findings: findings.filter((f) => f.category === category && f.status !== 'passed') })).filter(
    (s) => s.findings.length > 0 || core.has(s.category),
  );
  return { sections, passed: findings.filter((f) => f.status === 'passed') };
}

export interface MetricRow {
  key: string;
  name: string;
  technical: string;
  value: string | null;
  range: string | null;
  /** Why the value is undefined (value null), in the engine's words. */
  reason: string | null;
}

interface ReportMetric {
  value: number | null;
  interval: { lower: number; upper: number; level: number } | null;
  reason?: string;
}

const isMetric = (v: unknown): v is ReportMetric => typeof v === 'object' && v !== null && 'value' in v && (typeof v.value === 'number' || v.value === null);

const show = (v: number, as: 'share' | 'number'): string => (as === 'share' ? formatShare(v) : formatNumber(v));

/**
 * A likely range of shares, rounded outwards (lower bound down, upper bound up) with as many
 * decimals as it takes for the two ends to differ: 0.998–1 is "99.8% – 100%", never "100% – 100%".
 */
export function formatShareRange(lower: number, upper: number): string {
  const fmt = (v: number, d: number): string => `${v.toFixed(d).replace(/\.0+$/, '')}%`;
  for (let d = 0; ; d++) {
    const f = 10 ** d;
    const lo = Math.floor(lower * 100 * f) / f;
    const hi = Math.ceil(upper * 100 * f) / f;
    if (d === 2 || (lo !== hi && (upper === 1 || hi < 100) && (lower === 0 || lo > 0))) return `${fmt(lo, d)} – ${fmt(hi, d)}`;
  }
}

const range = (lower: number, upper: number, as: 'share' | 'number'): string =>
  as === 'share' ? formatShareRange(lower, upper) : `${formatNumber(lower)} – ${formatNumber(upper)}`;

/** The measures present in a report section, in the order of en.metrics, each formatted. */
export function metricRows(section: Record<string, unknown> | null | undefined): MetricRow[] {
  if (!section) return [];
  const rows: MetricRow[] = [];
  for (const [key, words] of Object.entries(en.metrics)) {
    const m = section[key];
    if (!isMetric(m)) continue;
    rows.push({
      key,
      name: words.name,
      technical: words.technical,
      value: m.value === null ? null : show(m.value, words.as),
      range: m.interval ? range(m.interval.lower, m.interval.upper, words.as) : null,
      reason: m.value === null ? (m.reason ?? en.report.noValue) : null,
    });
  }
  return rows;
}

/** A curve from the report ({x, y} arrays of equal length), or null. */
export function curveOf(section: Record<string, unknown> | null | undefined, key: string): { x: number[]; y: number[] } | null {
  const c = section?.[key];
  if (typeof c !== 'object' || c === null || !('x' in c) || !('y' in c)) return null;
  const { x, y } = c;
  return Array.isArray(x) && Array.isArray(y) && x.length === y.length && x.length > 1 ? { x: x as number[], y: y as number[] } : null;
}

export function reliabilityBinsOf(report: CheckReport): ReportCalibrationBin[] | null {
  const bins = report.calibration?.bins;
  // The engine writes these bins (report-schema.ts checks their shape); only presence is checked here.
  return Array.isArray(bins) && bins.length > 0 ? (bins as ReportCalibrationBin[]) : null;
}

/** "How sure we are", in one or two sentences. */
export function confidenceText(f: Finding): string {
  const rows = formatCount(f.confidence.sampleSize);
  if (f.confidence.kind === 'not-enough-data' || f.status === 'not-enough-data') return en.report.sureNotEnough(rows);
  if (f.confidence.kind === 'exact') return en.report.sureExact(rows);
  const i = f.confidence.interval;
  if (!i) return en.report.sureEstimate(rows);
  // Wilson intervals are proportions; DeLong (AUC) and bootstrap intervals are on their own scale.
  const between = range(i.lower, i.upper, i.method === 'wilson' ? 'share' : 'number');
  return `${en.report.sureEstimate(rows)} ${en.report.sureInterval(between, formatShare(i.level))}`;
}

/** A figure from `numbers` as text (text values are data and are shown as text, never HTML). */
export function figureText(v: FindingNumber): string {
  if (v === null) return en.report.noValue;
  if (typeof v === 'boolean') return v ? en.report.yes : en.report.no;
  if (typeof v === 'number') return Number.isInteger(v) ? formatCount(v) : formatNumber(v, 3);
  return v;
}
