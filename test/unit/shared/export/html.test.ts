import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { CHART_DATA_ID } from '../../../../src/shared/export/html-script';
import { escapeHtml, jsonForScript, renderHtml, scriptSafe } from '../../../../src/shared/export/html';
import { textFor } from '../../../../src/shared/text/en';
import { IMG_VALUE, REPO, SCRIPT_COLUMN, hostileRun, loanRun, summaryLine } from './fixtures';
import { everyCategoryReport } from './synthetic';

const ECHARTS = readFileSync(join(REPO, 'node_modules/echarts/dist/echarts.min.js'), 'utf8');

/** The document with the inlined ECharts library taken out (its license comment names URLs). */
function withoutLibrary(html: string): string {
  const at = html.indexOf(scriptSafe(ECHARTS));
  assert.ok(at > 0, 'the library is inlined verbatim');
  return html.slice(0, at) + html.slice(at + scriptSafe(ECHARTS).length);
}

/** What a browser without JavaScript shows: the document minus its scripts and styles, tags removed. */
function visibleText(html: string): string {
  return html
    .replace(/<script[\s\S]*?<\/script>/g, '')
    .replace(/<style[\s\S]*?<\/style>/g, '')
    .replace(/<[^>]+>/g, ' ');
}

describe('renderHtml', () => {
  const { report } = loanRun();
  const html = renderHtml(report, { echartsScript: ECHARTS });
  const own = withoutLibrary(html);

  test('no external URL: no http(s) or protocol-relative URL in the document outside the library, and none loaded by anything', () => {
    assert.doesNotMatch(own, /https?:\/\//i, 'no URL at all outside the inlined library');
    // The whole document, library included: nothing is loaded from a URL.
    assert.doesNotMatch(html, /\b(?:src|href|action|poster|srcset|data)\s*=\s*["']?\s*(?:https?:)?\/\//i, 'no src/href to a URL');
    assert.doesNotMatch(html, /url\(\s*["']?\s*(?:https?:)?\/\//i, 'no CSS url() to a URL');
    assert.doesNotMatch(html, /@import|@font-face/i);
    assert.doesNotMatch(own, /<(?:link|img|iframe|object|embed|video|audio|source|base)\b/i, 'no element that loads anything');
    assert.doesNotMatch(html, /<script[^>]*\bsrc\s*=/i, 'every script is inline');
    assert.doesNotMatch(html, /\bfetch\s*\(|XMLHttpRequest|navigator\.sendBeacon|new\s+WebSocket|EventSource\(/, 'no network calls in any script');
    // Only fragment links within the document.
    for (const m of own.matchAll(/href="([^"]*)"/g)) assert.match(m[1]!, /^#[A-Za-z0-9_-]+$/);
    // And the browser is told to refuse anything else.
    assert.match(html, /<meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'">/);
  });

  test('one self-contained file: inline CSS, the library, the chart data and the draw script', () => {
    assert.match(html, /^<!doctype html>\n<html lang="en" class="no-js" data-theme="light">/);
    assert.equal((html.match(/<style>/g) ?? []).length, 1);
    assert.equal((html.match(/<script\b/g) ?? []).length, 3);
    assert.ok(html.includes(`<script type="application/json" id="${CHART_DATA_ID}">`));
  });

  test('every chart container has its option in the chart data, and every chart its content in words', () => {
    const data = JSON.parse(html.match(new RegExp(`<script type="application/json" id="${CHART_DATA_ID}">([\\s\\S]*?)</script>`))![1]!) as { h: number; l: { aria: unknown } }[];
    const boxes = [...html.matchAll(/data-chart="(\d+)"/g)].map((m) => Number(m[1]));
    assert.deepEqual(boxes, data.map((_, i) => i));
    const withChart = report.findings!.filter((f) => f.status !== 'passed' && f.chart);
    // Each finding's chart, plus ROC and precision–recall in the key figures (the calibration finding draws the reliability diagram).
    assert.equal(data.length, withChart.length + 2);
    assert.equal((own.match(/<p class="chart__text">/g) ?? []).length, data.length);
    for (const d of data) assert.equal((d.l.aria as { enabled: boolean }).enabled, true);
  });

  test('readable without JavaScript: every headline, why, action and figure is HTML text', () => {
    const text = visibleText(html);
    for (const f of report.findings!) {
      const t = textFor(f);
      assert.ok(text.includes(escapeHtml(t.headline(f))), `headline of ${f.id}`);
      if (f.status !== 'passed' && t.why(f)) assert.ok(text.includes(escapeHtml(t.why(f))), `why of ${f.id}`);
    }
    assert.ok(text.includes(summaryLine(report)));
    assert.ok(text.includes('Bar chart: Share of missing values per column. annual_income: 7% (highlighted).'));
  });

  test('the first printed page is the summary: headline findings and key figures, then a page break', () => {
    const summary = html.match(/<section class="summary-page"[\s\S]*?<\/section>/)![0];
    assert.ok(summary.includes('What needs attention first'));
    assert.ok(summary.includes('Key figures'));
    assert.ok(summary.includes(escapeHtml('2,024 of 2,024 values in “email” (100%) look like e-mail addresses.')));
    assert.ok(summary.includes('Personal data in this report:'));
    assert.ok(!summary.includes('Why it matters'), 'details start after the summary');
    assert.match(html, /@media print \{[\s\S]*\.summary-page \{ break-after: page;/);
    assert.match(html, /@page \{ size: A4;/);
  });

  test('small: the example run is well under 5 MB, and all but the library is a few hundred kB', () => {
    assert.ok(html.length < 5_000_000, `${html.length} bytes`);
    assert.ok(own.length < 400_000, `${own.length} bytes besides the library`);
  });

  test('data is text, never markup: a column named <script> and an <img> value are escaped everywhere', () => {
    const hostile = renderHtml(hostileRun().report, { echartsScript: ECHARTS });
    assert.ok(!hostile.includes(SCRIPT_COLUMN));
    assert.ok(!withoutLibrary(hostile).includes('<img'));
    assert.equal((hostile.match(/<script\b/gi) ?? []).length, 3, 'only our own three scripts');
    assert.ok(hostile.includes(escapeHtml(SCRIPT_COLUMN)));
    assert.ok(hostile.includes(escapeHtml(`"${SCRIPT_COLUMN}" is "${IMG_VALUE}" in every filled cell.`)));
    // Inside the chart data, "<" and ">" are \u escapes, so nothing can close the script element.
    const data = hostile.match(new RegExp(`id="${CHART_DATA_ID}">([\\s\\S]*?)</script>`))![1]!;
    assert.doesNotMatch(data, /[<>]/);
  });

  test('helpers: escaping, JSON for a script element, and a library that contains "</script"', () => {
    assert.equal(escapeHtml(`<a href="x">'&'</a>`), '&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
    assert.equal(jsonForScript({ a: '</script><!--\u2028' }), '{"a":"\\u003c/script\\u003e\\u003c!--\\u2028"}');
    assert.equal(JSON.parse(jsonForScript({ a: '</script>&' })).a, '</script>&');
    assert.equal(scriptSafe('x = "</script>"; y = "<!--";'), 'x = "<\\/script>"; y = "<\\!--";');
  });

  test('dark screen theme: both option sets are embedded (print redraws light)', () => {
    const dark = renderHtml(report, { echartsScript: ECHARTS, theme: { dark: true } });
    assert.match(dark, /<html lang="en" class="no-js" data-theme="dark">/);
    const data = JSON.parse(dark.match(new RegExp(`id="${CHART_DATA_ID}">([\\s\\S]*?)</script>`))![1]!) as { l: unknown; d?: unknown }[];
    assert.ok(data.every((d) => d.l && d.d));
  });

  test('without the library: no chart boxes, the charts’ content still in words', () => {
    const plain = renderHtml(report, { echartsScript: null });
    assert.doesNotMatch(plain, /data-chart=/);
    assert.equal((plain.match(/<script\b/g) ?? []).length, 1);
    assert.ok(plain.includes('Bar chart: Share of missing values per column.'));
  });

  test('generic over categories: fairness, weak spots, drift and an unknown category are sections with their findings', () => {
    const out = renderHtml(everyCategoryReport(), { echartsScript: null });
    for (const c of ['fairness', 'slices', 'drift', 'tomorrow']) assert.match(out, new RegExp(`<section class="report-section" id="section-${c}"[^>]*data-category="${c}"><h2[^>]*>[^<]+</h2>`));
    assert.ok(out.includes('>Weak spots</h2>') && out.includes('>tomorrow</h2>'));
  });
});
