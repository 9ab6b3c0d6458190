/**
 * Pure helpers that shape a CheckReport for reading: sections in reading order, the key figures
 * with their ranges, the "how sure we are" sentence. The same logic as the app's report screen
 * (src/renderer/src/components/report/report-view.ts, which can import this file instead), made
 * generic over categories: a category this version has no words for still gets its own section.
 * The report's sections are typed loosely (Record<string, unknown>), so everything read from them
 * is checked here.
 */
import type { ReportCalibrationBin } from '../charts';
import { rankFindings, type Finding, type FindingCategory, type FindingNumber } from '../findings/types';
import type { CheckReport } from '../report/check-report';
import { formatCount, formatNumber, formatShare } from '../text/format';
import { metricWordsEn, reportWordsEn as words } from './report-words-en';

export const SECTION_ORDER: readonly FindingCategory[] = ['quality', 'privacy', 'performance', 'calibration', 'fairness', 'slices', 'drift'];

export interface ReportSection {
  /** A FindingCategory, or a newer category this version does not know yet. */
  category: string;
  /** Issues and "not enough data", in the report's order (ranked by severity). */
  findings: Finding[];
}

/**
 * Findings to look at, by section; passed checks separately. A section with nothing to look at is
 * still shown when it was checked (data quality and privacy always; the others when the report
 * has their section: performance, calibration, fairness, slices…), so "nothing found" is said
 * rather than left out. Categories outside SECTION_ORDER follow it, in the order they first appear.
 */
export function sectionsOf(report: CheckReport | undefined): { sections: ReportSection[]; passed: Finding[] } {
  const findings = rankFindings(report?.findings ?? []);
  const order: string[] = [...SECTION_ORDER];
  for (const f of findings) if (!order.includes(f.category)) order.push(f.category);
  // Checked: data quality and privacy always; any other category whose report section is there
  // (performance, calibration, fairness, slices… are null or absent when not measured).
  const sectionsData = (report ?? {}) as Record<string, unknown>;
  const core = new Set<string>(['quality', 'privacy', ...order.filter((c) => typeof sectionsData[c] === 'object' && sectionsData[c] !== null)]);
  const sections = order
    .map((category) => ({ category, findings: findings.filter((f) => f.category === category && f.status !== 'passed') }))
    .filter((s) => s.findings.length > 0 || core.has(s.category));
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

/** The measures present in a report section, in the order of metricWordsEn, each formatted. */
export function metricRows(section: Record<string, unknown> | null | undefined): MetricRow[] {
  if (!section) return [];
  const rows: MetricRow[] = [];
  for (const [key, w] of Object.entries(metricWordsEn)) {
    const m = section[key];
    if (!isMetric(m)) continue;
    rows.push({
      key,
      name: w.name,
      technical: w.technical,
      value: m.value === null ? null : show(m.value, w.as),
      range: m.interval ? range(m.interval.lower, m.interval.upper, w.as) : null,
      reason: m.value === null ? (m.reason ?? words.noValue) : null,
    });
  }
  return rows;
}

/** Every measure of the model section, then the calibration ones not already shown (Brier is in both). */
export function keyFigureRows(report: CheckReport): MetricRow[] {
  const model = metricRows(report.performance);
  const shown = new Set(model.map((r) => r.key));
  return [...model, ...metricRows(report.calibration).filter((r) => !shown.has(r.key))];
}

/** The few measures a one-page summary shows, most telling first. */
const HEADLINE_METRICS = ['accuracy', 'roc_auc', 'macro_f1', 'mae', 'r2', 'ece'];

export function headlineFigureRows(report: CheckReport, max = 4): MetricRow[] {
  const rows = keyFigureRows(report);
  return HEADLINE_METRICS.map((k) => rows.find((r) => r.key === k)).filter((r): r is MetricRow => r !== undefined).slice(0, max);
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
  if (f.confidence.kind === 'not-enough-data' || f.status === 'not-enough-data') return words.sureNotEnough(rows);
  if (f.confidence.kind === 'exact') return words.sureExact(rows);
  const i = f.confidence.interval;
  if (!i) return words.sureEstimate(rows);
  // Wilson intervals are proportions; DeLong (AUC) and bootstrap intervals are on their own scale.
  const between = range(i.lower, i.upper, i.method === 'wilson' ? 'share' : 'number');
  return `${words.sureEstimate(rows)} ${words.sureInterval(between, formatShare(i.level))}`;
}

/** A figure from `numbers` as text (text values are data and are shown as text, never HTML). */
export function figureText(v: FindingNumber): string {
  if (v === null) return words.noValue;
  if (typeof v === 'boolean') return v ? words.yes : words.no;
  if (typeof v === 'number') return Number.isInteger(v) ? formatCount(v) : formatNumber(v, 3);
  return v;
}

const dateTimeUtc = new Intl.DateTimeFormat('en-US', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' });

/** An ISO time as "Nov 27, 2026, 2:42 AM UTC": exports name the zone, so they read the same anywhere. */
export function formatDateTimeUtc(iso: string): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : `${dateTimeUtc.format(d)} UTC`;
}
