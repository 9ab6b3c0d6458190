/**
 * What every readable export says, worked out once: the HTML and the Markdown render this same
 * document, so they cannot drift apart, and every sentence in it comes from the same texts as the
 * app (textFor(finding) and the report words). Plain data, no markup: renderers escape it.
 */
import { buildFindingChart, type ChartTheme } from '../charts';
import { SEVERITIES, rankFindings, type Finding, type FindingCategory, type FindingChart, type Severity } from '../findings/types';
import type { CheckReport } from '../report/check-report';
import { textFor } from '../text/en';
import { formatCount } from '../text/format';
import { prepareReport, type PersonalDataPolicy, type PrivacyDisclosure } from './privacy';
import { confidenceText, figureText, formatDateTimeUtc, headlineFigureRows, keyFigureRows, sectionsOf, type MetricRow } from './report-view';
import { exportWordsEn as ex, reportWordsEn as words, sectionIntro, sectionName } from './report-words-en';

export interface ExportOptions {
  /** What to do with values from personal-data columns; 'include' only when the person opted in. Default 'mask'. */
  personalData?: PersonalDataPolicy;
  /** Most findings on the one-page summary (default 6). */
  topFindings?: number;
}

export interface DocFinding {
  id: string;
  check: string;
  category: string;
  status: Finding['status'];
  severity: Severity;
  /** "High", or "Not enough data". */
  badge: string;
  /** The badge's icon (never colour alone). */
  icon: string;
  title: string;
  headline: string;
  why: string;
  action: string;
  confidence: string;
  learnMore: string;
  severityRule: string;
  columns: string[];
  rows: { label: string; list: string } | null;
  examples: string[];
  figures: { name: string; value: string }[];
  chart: DocChart | null;
}

export interface DocChart {
  caption: string;
  /** The chart's content in words (the builder's accessible description). */
  description: string;
  data: FindingChart;
}

export interface DocSection {
  category: string;
  name: string;
  intro: string;
  findings: DocFinding[];
  /** The model's key figures are shown at the top of the performance section. */
  keyFigures: boolean;
}

export interface ExportDocument {
  /** The report after masking: what the renderers may show. */
  report: CheckReport;
  title: string;
  heading: string;
  eyebrow: string;
  summaryLine: string;
  notEnoughLine: string | null;
  severityCounts: { severity: Severity; count: number; label: string; icon: string }[];
  /** "By how serious they are: 6 high, 10 medium…", or null with no issues. */
  severityLine: string | null;
  facts: { label: string; value: string }[];
  headlineFigures: MetricRow[];
  keyFigures: MetricRow[];
  keyFiguresIntro: string;
  top: (DocFinding & { sectionName: string })[];
  moreLine: string | null;
  sections: DocSection[];
  passed: { id: string; title: string; headline: string }[];
  provenance: { label: string; value: string }[];
  options: { name: string; value: string }[];
  privacy: PrivacyDisclosure;
  footer: string;
}

/** What a chart shows, in words: the builder's aria description (the same the app gives screen readers). */
export function chartDescription(chart: FindingChart, theme: ChartTheme = { dark: false }): string {
  const aria = buildFindingChart(chart, theme).option.aria;
  const label = typeof aria === 'object' && aria !== null && !Array.isArray(aria) ? aria.label : null;
  const description = typeof label === 'object' && label !== null && !Array.isArray(label) ? label.description : null;
  return typeof description === 'string' ? description : '';
}

export function chartCaption(chart: FindingChart): string {
  if ('title' in chart) return chart.title;
  return chart.kind === 'reliability' ? words.chartCaption.reliability : chart.kind === 'confusion' ? words.chartCaption.confusion : ex.chartTitleFallback;
}

const SHOWN_ROWS = 10;

export function docFinding(f: Finding): DocFinding {
  const text = textFor(f);
  const unknown = f.status === 'not-enough-data';
  const rows = f.rows && f.rows.count > 0 && f.rows.examples.length > 0 ? f.rows : null;
  return {
    id: f.id,
    check: f.check,
    category: f.category,
    status: f.status,
    severity: f.severity,
    badge: unknown ? words.notEnoughBadge : words.severity[f.severity],
    icon: unknown ? words.notEnoughIcon : words.severityIcon[f.severity],
    title: text.title,
    headline: text.headline(f),
    why: text.why(f),
    action: text.action(f),
    confidence: confidenceText(f),
    learnMore: text.learnMore,
    severityRule: f.severityRule,
    columns: [...f.columns],
    rows: rows
      ? { label: words.rows(formatCount(rows.count)), list: words.rowExamples(rows.examples.slice(0, SHOWN_ROWS).map(formatCount).join(', '), rows.count > SHOWN_ROWS) }
      : null,
    examples: [...(f.examples ?? [])],
    figures: Object.entries(f.numbers).map(([name, value]) => ({ name, value: figureText(value) })),
    chart: f.chart ? { caption: chartCaption(f.chart), description: chartDescription(f.chart), data: f.chart } : null,
  };
}

function rolesText(value: unknown): string {
  if (value === null || value === undefined) return ex.none;
  if (Array.isArray(value)) return value.length === 0 ? ex.none : value.map(String).join(', ');
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>);
    return entries.length === 0 ? ex.none : entries.map(([k, v]) => `${k} (${String(v)})`).join(', ');
  }
  return String(value);
}

function optionText(value: unknown): string {
  if (value === null) return ex.none;
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

export function buildExportDocument(source: CheckReport, options: ExportOptions = {}): ExportDocument {
  const { report, disclosure } = prepareReport(source, options.personalData);
  const { sections, passed } = sectionsOf(report);
  const summary = report.summary ?? { issues: 0, passed: passed.length, not_enough_data: 0, by_severity: {} };
  const severityCounts = SEVERITIES.filter((s) => (summary.by_severity[s] ?? 0) > 0).map((s) => ({
    severity: s,
    count: summary.by_severity[s]!,
    label: words.severity[s],
    icon: words.severityIcon[s],
  }));
  const date = report.run ? formatDateTimeUtc(report.run.started_at) : formatDateTimeUtc(report.generated_at);
  const docSections: DocSection[] = sections.map((s) => ({
    category: s.category,
    name: sectionName(s.category),
    intro: sectionIntro(s.category),
    findings: s.findings.map(docFinding),
    keyFigures: s.category === ('performance' satisfies FindingCategory) && Boolean(report.performance),
  }));
  // The one-page summary: the serious issues, or (when there are none) the first few to look at.
  const max = options.topFindings ?? 6;
  const issues = rankFindings(report.findings ?? []).filter((f) => f.status === 'issue');
  const serious = issues.filter((f) => f.severity === 'critical' || f.severity === 'high');
  const top = (serious.length >= 3 ? serious : issues.slice(0, Math.max(3, serious.length))).slice(0, max);
  const rows = report.dataset.rows;
  const run = report.run;
  const provenance: { label: string; value: string }[] = [
    { label: ex.provenance.fileName, value: report.source.file_name },
    { label: ex.provenance.sha256, value: report.source.sha256 },
    { label: ex.provenance.size, value: ex.bytes(report.source.size_bytes) },
    { label: ex.provenance.modified, value: formatDateTimeUtc(report.source.modified_at) },
    { label: ex.provenance.rows, value: formatCount(rows) },
    { label: ex.provenance.columns, value: formatCount(report.dataset.columns.length) },
  ];
  if (run) {
    if (run.id !== null) provenance.push({ label: ex.provenance.runId, value: String(run.id) });
    provenance.push({ label: ex.provenance.started, value: formatDateTimeUtc(run.started_at) });
    if (run.finished_at) provenance.push({ label: ex.provenance.finished, value: formatDateTimeUtc(run.finished_at) });
    for (const [key, value] of Object.entries(run.roles)) provenance.push({ label: `${ex.provenance.roles}: ${ex.roleNames[key] ?? key}`, value: rolesText(value) });
  }
  provenance.push(
    { label: ex.provenance.generated, value: formatDateTimeUtc(report.generated_at) },
    { label: ex.provenance.app, value: ex.appVersion(report.generated_by.version) },
    { label: ex.provenance.schema, value: report.schema_version },
  );
  return {
    report,
    title: ex.documentTitle(report.dataset.name),
    heading: words.heading(report.dataset.name),
    eyebrow: words.eyebrow(date),
    summaryLine: words.summary(summary.issues, summary.passed),
    notEnoughLine: summary.not_enough_data > 0 ? words.notEnough(summary.not_enough_data) : null,
    severityCounts,
    severityLine: severityCounts.length > 0 ? ex.bySeverity(severityCounts.map((c) => ex.severityCount(c.count, c.label))) : null,
    facts: [
      { label: ex.file, value: report.source.file_name },
      { label: ex.rowsAndColumns, value: ex.dataFacts(formatCount(rows), formatCount(report.dataset.columns.length)) },
      { label: ex.checkedOn, value: date },
    ],
    headlineFigures: headlineFigureRows(report),
    keyFigures: keyFigureRows(report),
    keyFiguresIntro: words.keyFiguresIntro(formatCount(typeof report.performance?.rows_used === 'number' ? report.performance.rows_used : rows)),
    top: top.map((f) => ({ ...docFinding(f), sectionName: sectionName(f.category) })),
    moreLine: issues.length > top.length ? ex.moreInDetails(issues.length - top.length) : null,
    sections: docSections,
    passed: passed.map((f) => ({ id: f.id, title: textFor(f).title, headline: textFor(f).headline(f) })),
    provenance,
    options: run ? Object.entries(run.options).map(([name, value]) => ({ name, value: optionText(value) })) : [],
    privacy: disclosure,
    footer: ex.footer(report.generated_by.version, formatDateTimeUtc(report.generated_at)),
  };
}

/** True when the report's own reliability chart should be drawn (no calibration finding draws it already). */
export function showReportReliability(doc: ExportDocument): boolean {
  return !doc.sections.some((s) => s.findings.some((f) => f.chart?.data.kind === 'reliability'));
}
