/**
 * The report as one self-contained HTML file: inline CSS, the ECharts library inlined (the caller
 * passes its source; src/shared cannot read files), each chart embedded as its JSON option and
 * drawn by a tiny inline script (html-script.ts: the first screen's charts at once, the rest in
 * the background, so a report with dozens of charts opens fast). No external URL anywhere, and a
 * Content-Security-Policy that forbids fetching anything even if something slipped in. Readable
 * without JavaScript: texts and numbers are HTML; charts are an addition with their content in
 * words. Printed (or as PDF) the first page is a one-page summary for a manager, then the details.
 *
 * Everything from the data (column names, values, examples) is escaped: text, never markup.
 */
import { buildFindingChart, buildPrChart, buildReportReliabilityChart, buildRocChart, type BuiltChart, type ChartOption, type ChartTheme } from '../charts';
import type { CheckReport } from '../report/check-report';
import { buildExportDocument, showReportReliability, type DocFinding, type ExportDocument, type ExportOptions } from './document';
import { CHART_DATA_ID, DRAW_SCRIPT } from './html-script';
import { REPORT_CSS } from './html-style';
import { curveOf, reliabilityBinsOf, type MetricRow } from './report-view';
import { exportWordsEn as ex, reportWordsEn as words } from './report-words-en';

export interface HtmlOptions extends ExportOptions {
  /**
   * The ECharts library to inline (the slim build from src/main/export/echarts-script.ts, or
   * dist/echarts.min.js); null leaves the charts out (their content is still there in words).
   */
  echartsScript: string | null;
  /** Colours on screen (printing is always light). Default light. */
  theme?: ChartTheme;
}

/** Text for HTML content and attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

const esc = escapeHtml;

/** JSON that is safe inside <script>: no "<", ">", "&" or line separators that could end or confuse it. */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value).replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** A library's source made safe to inline in <script> (a "</script" inside it would end the element). */
export function scriptSafe(source: string): string {
  return source.replace(/<\/(script)/gi, '<\\/$1').replace(/<!--/g, '<\\!--');
}

const idFor = (s: string): string => s.replace(/[^A-Za-z0-9_-]/g, '_');

/** Collects every chart's options (light, and dark when the screen theme is dark). */
class Charts {
  readonly entries: { h: number; l: ChartOption; d?: ChartOption }[] = [];
  constructor(private readonly dark: boolean) {}

  figure(caption: string, build: (theme: ChartTheme) => BuiltChart, enabled: boolean): string {
    const light = build({ dark: false });
    const description = describe(light.option);
    let box = '';
    if (enabled) {
      const index = this.entries.length;
      this.entries.push({ h: light.height, l: light.option, ...(this.dark ? { d: build({ dark: true }).option } : {}) });
      box = `<div class="chart__canvas" data-chart="${index}" style="height:${Math.round(light.height)}px" aria-hidden="true"></div>`;
    }
    return `<figure class="chart"><figcaption>${esc(caption)}</figcaption>${box}<p class="chart__text"><span class="visually-hidden">${esc(ex.chartText)}: </span>${esc(description)}</p></figure>`;
  }
}

function describe(option: ChartOption): string {
  const aria = option.aria;
  const label = typeof aria === 'object' && aria !== null && !Array.isArray(aria) ? aria.label : null;
  const d = typeof label === 'object' && label !== null && !Array.isArray(label) ? label.description : null;
  return typeof d === 'string' ? d : '';
}

function badge(f: Pick<DocFinding, 'status' | 'severity' | 'icon' | 'badge'>): string {
  const cls = f.status === 'not-enough-data' ? 'unknown' : f.severity;
  const prefix = f.status === 'not-enough-data' ? '' : `<span class="visually-hidden">${esc(words.severityPrefix)}</span> `;
  return `<span class="severity severity--${cls}"><span aria-hidden="true">${esc(f.icon)}</span> ${prefix}${esc(f.badge)}</span>`;
}

function metricsTable(rows: readonly MetricRow[]): string {
  const body = rows
    .map(
      (r) =>
        `<tr><th scope="row">${esc(r.name)} <span class="muted">(${esc(r.technical)})</span></th><td>${r.value !== null ? esc(r.value) : `${esc(words.noValue)}: <span class="muted">${esc(r.reason ?? '')}</span>`}</td><td>${esc(r.range ?? words.noRange)}</td></tr>`,
    )
    .join('');
  return `<table class="metrics"><thead><tr><th scope="col">${esc(words.metricHeader)}</th><th scope="col">${esc(words.valueHeader)}</th><th scope="col">${esc(words.rangeHeader)}</th></tr></thead><tbody>${body}</tbody></table>`;
}

const chips = (items: readonly string[], cls = 'chip'): string => items.map((i) => `<span class="${cls}">${esc(i)}</span>`).join('');

function findingHtml(f: DocFinding, charts: Charts, drawCharts: boolean): string {
  const texts = [
    f.why ? `<h4>${esc(words.why)}</h4><p>${esc(f.why)}</p>` : '',
    f.action ? `<h4>${esc(words.action)}</h4><p>${esc(f.action)}</p>` : '',
  ].join('');
  const facts = [
    `<dt>${esc(words.sure)}</dt><dd>${esc(f.confidence)}</dd>`,
    f.columns.length > 0 ? `<dt>${esc(words.columns)}</dt><dd>${chips(f.columns)}</dd>` : '',
    f.rows ? `<dt>${esc(f.rows.label)}</dt><dd>${esc(f.rows.list)}</dd>` : '',
    f.examples.length > 0 ? `<dt>${esc(words.examples)}</dt><dd>${chips(f.examples)}</dd>` : '',
  ].join('');
  const chart = f.chart ? charts.figure(f.chart.caption, (theme) => buildFindingChart(f.chart!.data, theme), drawCharts) : '';
  // Name–value pairs in a compact grid (a long table of two columns wastes a printed page).
  const figures =
    f.figures.length > 0
      ? `<dl class="figures" aria-label="${esc(`${words.figure}, ${words.value}`)}">${f.figures
          .map((x) => `<div><dt class="mono">${esc(x.name)}</dt><dd>${esc(x.value)}</dd></div>`)
          .join('')}</dl>`
      : '';
  const cls = f.status === 'not-enough-data' ? 'unknown' : f.severity;
  const headingId = `finding-${idFor(f.id)}`;
  return (
    `<article class="finding finding--${cls}" id="f-${esc(idFor(f.id))}" aria-labelledby="${esc(headingId)}" data-finding-id="${esc(f.id)}" data-check="${esc(f.check)}">` +
    `<header class="finding__head">${badge(f)}<span class="finding__title">${esc(f.title)}</span></header>` +
    `<h3 class="finding__headline" id="${esc(headingId)}">${esc(f.headline)}</h3>` +
    `<div class="finding__body${chart ? '' : ' finding__body--single'}"><div>${texts}<dl class="facts">${facts}</dl></div>${chart}</div>` +
    `<div class="finding__details"><h4>${esc(words.details)}</h4>${figures}` +
    `${f.learnMore ? `<p><strong>${esc(words.definition)}:</strong> ${esc(f.learnMore)}</p>` : ''}` +
    `<p><strong>${esc(words.severityRule)}:</strong> ${esc(f.severityRule)}</p></div>` +
    `</article>`
  );
}

function keyFiguresHtml(doc: ExportDocument, charts: Charts, drawCharts: boolean): string {
  const report = doc.report;
  const perf = report.performance ?? null;
  const positive = typeof perf?.positive_class === 'string' ? perf.positive_class : '1';
  const roc = curveOf(perf, 'roc_curve');
  const pr = curveOf(perf, 'pr_curve');
  const bins = showReportReliability(doc) ? reliabilityBinsOf(report) : null;
  const figs = [
    roc ? charts.figure(words.rocCaption, (t) => buildRocChart(roc, positive, t), drawCharts) : '',
    pr ? charts.figure(words.prCaption, (t) => buildPrChart(pr, positive, t), drawCharts) : '',
    bins ? charts.figure(words.reliabilityCaption, (t) => buildReportReliabilityChart(bins, t), drawCharts) : '',
  ].join('');
  return (
    `<section class="key-figures-block" aria-labelledby="key-figures-heading"><h3 id="key-figures-heading">${esc(words.keyFigures)}</h3>` +
    `<p class="muted">${esc(doc.keyFiguresIntro)}</p><div class="key-figures"><div>${metricsTable(doc.keyFigures)}</div><div>${figs}</div></div></section>`
  );
}

function summaryPage(doc: ExportDocument): string {
  const counts = doc.severityCounts
    .map((c) => `<li>${badge({ status: 'issue', severity: c.severity, icon: c.icon, badge: `${c.count.toLocaleString('en-US')} ${c.label.toLowerCase()}` })}</li>`)
    .join('');
  const facts = doc.facts.map((x) => `<div><dt>${esc(x.label)}</dt><dd>${esc(x.value)}</dd></div>`).join('');
  const top =
    doc.top.length === 0
      ? `<p>${esc(ex.noFirstThings)}</p>`
      : `<ol class="top-findings">${doc.top
          .map((f) => `<li>${badge(f)} <a href="#f-${esc(idFor(f.id))}">${esc(f.headline)}</a> <span class="where">${esc(ex.inSection(f.sectionName))}</span></li>`)
          .join('')}</ol>${doc.moreLine ? `<p class="muted">${esc(doc.moreLine)}</p>` : ''}`;
  const contents = [
    ...doc.sections.map((s) => `<li><a href="#section-${esc(idFor(s.category))}">${esc(s.name)}</a> <span class="muted">· ${esc(words.sectionCount(s.findings.length))}</span></li>`),
    doc.passed.length > 0 ? `<li><a href="#section-passed">${esc(words.passedHeading)}</a> <span class="muted">· ${doc.passed.length}</span></li>` : '',
    `<li><a href="#section-provenance">${esc(ex.provenanceHeading)}</a></li>`,
    `<li><a href="#section-personal-data">${esc(ex.privacyHeading)}</a></li>`,
  ].join('');
  const figures = doc.headlineFigures.length > 0 ? `<h2>${esc(words.keyFigures)}</h2>${metricsTable(doc.headlineFigures)}` : '';
  return (
    `<section class="summary-page" id="summary" aria-labelledby="report-heading">` +
    `<p class="eyebrow">${esc(doc.eyebrow)}</p><h1 id="report-heading">${esc(doc.heading)}</h1>` +
    `<p class="summary-line">${esc(doc.summaryLine)}</p>` +
    (doc.notEnoughLine ? `<p class="muted">${esc(doc.notEnoughLine)}</p>` : '') +
    (counts ? `<ul class="severity-counts" aria-label="${esc(words.bySeverityLabel)}">${counts}</ul>` : '') +
    `<dl class="facts-line">${facts}</dl>` +
    `<div class="glance"><div><h2>${esc(ex.firstThings)}</h2>${top}</div><div>${figures}</div></div>` +
    `<p class="privacy-note"><strong>${esc(ex.privacyHeading)}:</strong> ${esc(doc.privacy.statement)}</p>` +
    `<nav class="contents" aria-label="${esc(words.contentsLabel)}"><h2>${esc(ex.details)}</h2><ul>${contents}</ul></nav>` +
    `</section>`
  );
}

export function renderHtml(report: CheckReport, options: HtmlOptions): string {
  const doc = buildExportDocument(report, options);
  const dark = options.theme?.dark === true;
  const drawCharts = options.echartsScript !== null && options.echartsScript.length > 0;
  const charts = new Charts(dark);
  const sections = doc.sections
    .map(
      (s) =>
        `<section class="report-section" id="section-${esc(idFor(s.category))}" aria-labelledby="heading-${esc(idFor(s.category))}" data-category="${esc(s.category)}">` +
        `<h2 id="heading-${esc(idFor(s.category))}">${esc(s.name)}</h2>${s.intro ? `<p class="intro">${esc(s.intro)}</p>` : ''}` +
        (s.keyFigures && doc.keyFigures.length > 0 ? keyFiguresHtml(doc, charts, drawCharts) : '') +
        (s.findings.length === 0 ? `<p>${esc(words.sectionClear)}</p>` : s.findings.map((f) => findingHtml(f, charts, drawCharts)).join('')) +
        `</section>`,
    )
    .join('');
  const passed =
    doc.passed.length > 0
      ? `<section class="report-section" id="section-passed" aria-labelledby="passed-heading"><h2 id="passed-heading"><span class="passed-icon" aria-hidden="true">${esc(words.passedIcon)}</span> ${esc(words.passedHeading)}</h2>` +
        `<p class="intro">${esc(words.passedIntro)}</p><ul class="passed-list">${doc.passed
          .map(
            (p) =>
              `<li data-finding-id="${esc(p.id)}"><span class="passed-icon" aria-hidden="true">${esc(words.passedIcon)}</span><span><span class="visually-hidden">${esc(words.passedLabel)}: </span><strong>${esc(p.title)}:</strong> ${esc(p.headline)}</span></li>`,
          )
          .join('')}</ul></section>`
      : '';
  const row = (label: string, value: string, mono = false): string => `<tr><th scope="row">${esc(label)}</th><td${mono ? ' class="mono"' : ''}>${esc(value)}</td></tr>`;
  const provenance =
    `<section class="report-section" id="section-provenance" aria-labelledby="provenance-heading"><h2 id="provenance-heading">${esc(ex.provenanceHeading)}</h2><p class="intro">${esc(ex.provenanceIntro)}</p>` +
    `<table class="provenance"><tbody>${doc.provenance.map((p) => row(p.label, p.value, p.label === ex.provenance.sha256)).join('')}</tbody></table>` +
    (doc.options.length > 0 ? `<h3>${esc(ex.provenance.options)}</h3><table class="provenance"><tbody>${doc.options.map((o) => row(o.name, o.value, true)).join('')}</tbody></table>` : '') +
    `</section>`;
  const privacy = `<section class="report-section" id="section-personal-data" aria-labelledby="personal-data-heading"><h2 id="personal-data-heading">${esc(ex.privacyHeading)}</h2><p>${esc(doc.privacy.statement)}</p></section>`;
  const csp = "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'";
  const scripts = drawCharts
    ? `<script type="application/json" id="${CHART_DATA_ID}">${jsonForScript(charts.entries)}</script>\n<script>${scriptSafe(options.echartsScript!)}</script>\n<script>${DRAW_SCRIPT}</script>`
    : `<script>${DRAW_SCRIPT}</script>`;
  return `<!doctype html>
<html lang="en" class="no-js" data-theme="${dark ? 'dark' : 'light'}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="referrer" content="no-referrer">
<meta name="generator" content="${esc(ex.appVersion(doc.report.generated_by.version))}">
<title>${esc(doc.title)}</title>
<style>${REPORT_CSS}</style>
</head>
<body>
<main>
${drawCharts ? `<noscript><p class="noscript">${esc(ex.noScript)}</p></noscript>` : ''}
${summaryPage(doc)}
<div class="details">
${sections}
${passed}
${provenance}
${privacy}
</div>
<footer>${esc(doc.footer)}</footer>
</main>
${scripts}
</body>
</html>
`;
}
