/**
 * The report as Markdown (CommonMark with GitHub tables): the one-page summary first, then each
 * section's findings, the checks that passed, where the report comes from and what was masked.
 * Every text is data and is escaped: a column named "<script>" or "**x**" prints as itself and
 * never becomes markup, HTML or a link. Charts are given in words (their accessible description).
 */
import type { CheckReport } from '../report/check-report';
import { buildExportDocument, type DocFinding, type ExportOptions } from './document';
import type { MetricRow } from './report-view';
import { exportWordsEn as ex, reportWordsEn as words } from './report-words-en';

/**
 * Characters that mean something in Markdown (or raw HTML) anywhere in a line. "_" inside a word
 * (annual_income) cannot start emphasis in CommonMark, so it stays as it is there.
 */
const INLINE_SPECIAL = /[\\`*[\]<>|~&]|(?<![\p{L}\p{N}])_|_(?![\p{L}\p{N}])/gu;

/** Text inside a line: special characters backslash-escaped, line breaks folded to spaces. */
export function mdInline(text: string): string {
  return text.replace(/\r\n|\r|\n/g, ' ').replace(INLINE_SPECIAL, (c) => `\\${c}`);
}

/** Text that may start a line: also escapes what would make it a heading, quote, list or rule. */
export function mdBlock(text: string): string {
  return mdInline(text)
    .replace(/^(\s*)([#>+=-])/, '$1\\$2')
    .replace(/^(\s*\d+)([.)])/, '$1\\$2');
}

function table(head: string[], rows: string[][]): string[] {
  const line = (cells: string[]): string => `| ${cells.map((c) => mdInline(c)).join(' | ')} |`;
  return [line(head), `|${head.map(() => ' --- ').join('|')}|`, ...rows.map(line)];
}

function metricsTable(rows: readonly MetricRow[]): string[] {
  return table(
    [words.metricHeader, words.valueHeader, words.rangeHeader],
    rows.map((r) => [`${r.name} (${r.technical})`, r.value ?? `${words.noValue}: ${r.reason ?? ''}`, r.range ?? words.noRange]),
  );
}

const badge = (f: DocFinding): string => `${f.icon} ${f.badge}`;

function finding(f: DocFinding): string[] {
  const out = [`### ${mdInline(badge(f))} · ${mdInline(f.title)}`, '', `**${mdInline(f.headline)}**`, ''];
  if (f.why) out.push(`**${words.why}:** ${mdInline(f.why)}`, '');
  if (f.action) out.push(`**${words.action}:** ${mdInline(f.action)}`, '');
  out.push(`**${words.sure}:** ${mdInline(f.confidence)}`, '');
  if (f.columns.length > 0) out.push(`**${words.columns}:** ${f.columns.map((c) => mdInline(c)).join(', ')}`, '');
  if (f.rows) out.push(`**${mdInline(f.rows.label)}:** ${mdInline(f.rows.list)}`, '');
  if (f.examples.length > 0) out.push(`**${words.examples}:** ${f.examples.map((e) => mdInline(e)).join(' · ')}`, '');
  if (f.chart) out.push(`**${ex.chartText} (${mdInline(f.chart.caption)}):** ${mdInline(f.chart.description)}`, '');
  if (f.figures.length > 0) {
    out.push(
      ...table(
        [words.figure, words.value],
        f.figures.map((x) => [x.name, x.value]),
      ),
      '',
    );
  }
  if (f.learnMore) out.push(`**${words.definition}:** ${mdInline(f.learnMore)}`, '');
  out.push(`**${words.severityRule}:** ${mdInline(f.severityRule)}`, '');
  return out;
}

export function renderMarkdown(report: CheckReport, options: ExportOptions = {}): string {
  const doc = buildExportDocument(report, options);
  const out: string[] = [`# ${mdInline(doc.heading)}`, '', `_${mdInline(doc.eyebrow)} · ${mdInline(doc.facts.map((x) => x.value).slice(0, 2).join(' · '))}_`, ''];
  // The one-paragraph summary: counts by status, then by severity.
  out.push([doc.summaryLine, doc.notEnoughLine, doc.severityLine].filter((s): s is string => s !== null).map(mdInline).join(' '), '');
  out.push(`## ${ex.atAGlance}`, '');
  if (doc.headlineFigures.length > 0) out.push(...metricsTable(doc.headlineFigures), '');
  out.push(`### ${ex.firstThings}`, '');
  if (doc.top.length === 0) out.push(ex.noFirstThings, '');
  else {
    doc.top.forEach((f, i) => out.push(`${i + 1}. **${mdInline(f.badge)}** — ${mdInline(f.headline)} _(${mdInline(ex.inSection(f.sectionName))})_`));
    out.push('');
    if (doc.moreLine) out.push(mdBlock(doc.moreLine), '');
  }
  out.push(`> **${ex.privacyHeading}:** ${mdInline(doc.privacy.statement)}`, '');

  for (const s of doc.sections) {
    out.push(`## ${mdInline(s.name)}`, '');
    if (s.intro) out.push(`_${mdInline(s.intro)}_`, '');
    if (s.keyFigures && doc.keyFigures.length > 0) out.push(`### ${words.keyFigures}`, '', mdBlock(doc.keyFiguresIntro), '', ...metricsTable(doc.keyFigures), '');
    if (s.findings.length === 0) out.push(mdBlock(words.sectionClear), '');
    for (const f of s.findings) out.push(...finding(f));
  }

  if (doc.passed.length > 0) {
    out.push(`## ${words.passedHeading}`, '', mdBlock(words.passedIntro), '');
    for (const p of doc.passed) out.push(`- ${words.passedIcon} **${mdInline(p.title)}:** ${mdInline(p.headline)}`);
    out.push('');
  }

  out.push(`## ${ex.provenanceHeading}`, '', mdBlock(ex.provenanceIntro), '', ...table(['', ''], doc.provenance.map((p) => [p.label, p.value])), '');
  if (doc.options.length > 0) out.push(`### ${ex.provenance.options}`, '', ...table(['', ''], doc.options.map((o) => [o.name, o.value])), '');
  out.push(`## ${ex.privacyHeading}`, '', mdBlock(doc.privacy.statement), '');
  out.push('---', '', `_${mdInline(doc.footer)}_`, '');
  return out.join('\n');
}
