/**
 * The exported HTML in a real browser: opened from disk with no network, every chart drawn on its
 * canvas (every kind of chart the builders make, with the slim library the export inlines),
 * nothing requested but the file itself, no script errors; the charts on the first screen drawn
 * first and the rest after, all at once for print; readable with JavaScript off; hostile data
 * stays text. Screenshots go to test-results/screenshots/export-html*.png.
 */
import assert from 'node:assert/strict';
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, test } from 'node:test';
import type { Browser, Page } from '@playwright/test';
import { exportHtml } from '../../../../src/main/export/export-run';
import { measureHtmlOpen } from '../../../../src/main/export/html-open-time';
import { CHART_DATA_ID } from '../../../../src/shared/export/html-script';
import type { FindingChart } from '../../../../src/shared/findings/types';
import { tempDir } from '../../helpers/temp';
import { hostileRun, loanRun, SCRIPT_COLUMN, summaryLine } from '../../shared/export/fixtures';
import { finding, reportWith } from '../../shared/export/synthetic';
import { browserOrSkip, screenshotPath } from './browser';

interface Opened {
  page: Page;
  requests: string[];
  problems: string[];
  dialogs: string[];
  ms: number;
}

interface OpenOptions {
  javaScriptEnabled?: boolean;
  viewport?: { width: number; height: number };
  media?: 'screen' | 'print';
}

async function open(browser: Browser, path: string, opts: OpenOptions = {}): Promise<Opened> {
  const javaScriptEnabled = opts.javaScriptEnabled ?? true;
  const context = await browser.newContext({ viewport: opts.viewport ?? { width: 1280, height: 900 }, javaScriptEnabled });
  const page = await context.newPage();
  if (opts.media) await page.emulateMedia({ media: opts.media });
  const url = pathToFileURL(path).href;
  const requests: string[] = [];
  const problems: string[] = [];
  const dialogs: string[] = [];
  page.on('request', (r) => requests.push(r.url()));
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') problems.push(`console ${m.type()}: ${m.text()}`);
  });
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  // Nothing but the file itself may load; anything else is refused (and recorded above).
  await page.route('**/*', (route) => (route.request().url() === url ? route.continue() : route.abort('blockedbyclient')));
  const started = Date.now();
  await page.goto(url);
  if (javaScriptEnabled) await page.waitForSelector('html[data-charts-ready]', { state: 'attached', timeout: 20_000 });
  return { page, requests, problems, dialogs, ms: Date.now() - started };
}

/** Pixels drawn on each chart's canvas, in document order (0: no canvas or nothing on it). */
async function inkPerChart(page: Page): Promise<number[]> {
  return page.$$eval('[data-chart]', (els) =>
    els.map((el) => {
      const canvas = el.querySelector('canvas');
      if (!canvas || canvas.width === 0 || canvas.height === 0) return 0;
      const data = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height).data;
      let inked = 0;
      for (let i = 3; i < data.length; i += 4) if (data[i]! > 0) inked++;
      return inked;
    }),
  );
}

/**
 * What each chart's option asks for that the drawn chart lacks: a series type or component the
 * inlined library does not have is silently left out (the axes are still drawn, so ink alone
 * would not tell), so the chart's model is compared with its option.
 */
async function missingParts(page: Page, dataId: string): Promise<string[]> {
  return page.evaluate((id) => {
    const COMPONENTS = ['xAxis', 'yAxis', 'grid', 'legend', 'visualMap', 'tooltip', 'title', 'dataZoom', 'polar', 'radar', 'graphic', 'dataset'];
    const MARKS = ['markLine', 'markArea', 'markPoint'];
    // (No DOM types in this tsconfig: what is used of the page is typed here.)
    type Model = { eachComponent(cb: (mainType: string, c: { subType?: string }) => void): void; getSeries(): { subType: string }[] };
    type Box = { getAttribute(name: string): string | null };
    const win = globalThis as unknown as {
      echarts: { getInstanceByDom(el: Box): { getModel(): Model } | undefined };
      document: { getElementById(id: string): { textContent: string } | null; querySelectorAll(selector: string): ArrayLike<Box> };
    };
    const charts = win.echarts;
    const data = JSON.parse(win.document.getElementById(id)!.textContent) as { l: Record<string, unknown> }[];
    const missing: string[] = [];
    for (const el of Array.from(win.document.querySelectorAll('[data-chart]'))) {
      const index = Number(el.getAttribute('data-chart'));
      const option = data[index]!.l;
      const model = charts.getInstanceByDom(el)?.getModel();
      if (!model) {
        missing.push(`chart ${index}: not drawn`);
        continue;
      }
      const have = new Set<string>();
      model.eachComponent((mainType, c) => {
        have.add(mainType);
        if (c.subType) have.add(`${mainType}.${c.subType}`);
      });
      const series = ([] as { type: string }[]).concat((option.series ?? []) as { type: string }[]);
      const drawnSeries = model.getSeries().map((x) => x.subType);
      for (const x of series) if (!drawnSeries.includes(x.type)) missing.push(`chart ${index}: series ${x.type}`);
      for (const key of COMPONENTS) if (key in option && !have.has(key)) missing.push(`chart ${index}: ${key}`);
      for (const key of MARKS) if (series.some((x) => key in x) && !have.has(key)) missing.push(`chart ${index}: ${key}`);
    }
    return missing;
  }, dataId);
}

/** The page's own markers: charts drawn for the first screen and in all, and when (ms since it started loading). */
async function markers(page: Page): Promise<{ first: number; firstMs: number; all: number; allMs: number }> {
  const attr = async (name: string): Promise<number> => Number(await page.getAttribute('html', name));
  return { first: await attr('data-first-screen-ready'), firstMs: await attr('data-first-screen-ms'), all: await attr('data-charts-ready'), allMs: await attr('data-charts-ms') };
}

/** One finding for each kind of chart a finding can carry, so that every chart type and component the builders use is drawn. */
function everyChartKindReport() {
  const charts: FindingChart[] = [
    { kind: 'bars', title: 'Share missing per column', labels: ['income', 'age', 'city'], values: [0.07, 0.01, 0], unit: 'share', highlight: [0] },
    { kind: 'histogram', title: 'Values of income', edges: [0, 10, 20, 30, 40], counts: [5, 12, 30, 8], markers: [{ label: 'Typical range ends', value: 35 }] },
    {
      kind: 'reliability',
      bins: [
        { lower: 0, upper: 0.5, count: 40, meanScore: 0.3, fractionPositive: 0.4 },
        { lower: 0.5, upper: 1, count: 60, meanScore: 0.8, fractionPositive: 0.7 },
      ],
    },
    { kind: 'confusion', labels: ['0', '1'], matrix: [[40, 10], [12, 38]] },
    { kind: 'curve', title: 'A curve', x: [0, 0.2, 0.5, 1], y: [0, 0.6, 0.8, 1], xLabel: 'False alarms', yLabel: 'Found', diagonal: true },
    { kind: 'intervals', title: 'Rate by group', labels: ['North', 'South', 'East'], values: [0.4, 0.55, null], lower: [0.3, 0.45, null], upper: [0.5, 0.65, null], unit: 'share', reference: { label: 'Overall', value: 0.48 }, highlight: [1] },
  ];
  return reportWith(charts.map((chart, i) => finding({ id: `quality.made-up:${chart.kind}`, check: `quality.made-up-${i}`, category: 'quality', chart })));
}

describe('the HTML report in Chromium', () => {
  const dir = tempDir('slicewise-html-');

  test('opens offline, requests nothing, and draws every chart on its canvas', async (t) => {
    const browser = await browserOrSkip(t);
    if (!browser) return;
    const path = join(dir, 'loan.html');
    await exportHtml(loanRun().report, path);
    const { page, requests, problems, ms } = await open(browser, path);
    const boxes = await page.locator('[data-chart]').count();
    assert.ok(boxes >= 10, `${boxes} charts`);
    const m = await markers(page);
    assert.equal(m.all, boxes);
    // The summary fills the first screen: its charts (if any) are drawn first, the rest after.
    assert.ok(m.first >= 0 && m.first <= boxes, `first screen: ${m.first} charts`);
    assert.ok(m.firstMs > 0 && m.firstMs <= m.allMs, `first screen at ${m.firstMs} ms, every chart at ${m.allMs} ms`);
    // Each container holds a canvas with something drawn on it (not a blank rectangle).
    const drawn = await inkPerChart(page);
    assert.equal(drawn.length, boxes);
    assert.ok(drawn.every((n) => n > 500), `pixels drawn per chart: ${drawn.join(', ')}`);
    assert.deepEqual(await missingParts(page, CHART_DATA_ID), [], 'every series and component of every chart is drawn');
    assert.deepEqual(requests, [pathToFileURL(path).href], 'only the file itself was loaded');
    assert.deepEqual(problems, []);
    t.diagnostic(`opened and drew ${boxes} charts in ${ms} ms: first screen at ${m.firstMs} ms, every chart at ${m.allMs} ms (file: ${statSync(path).size} bytes)`);
    await page.screenshot({ path: screenshotPath('export-html') });
    await page.locator('article[data-check="quality.inconsistent-spellings"]').screenshot({ path: screenshotPath('export-html-finding') });
    await page.context().close();
  });

  test('every kind of chart a finding can carry is drawn (the slim library has every part the builders use)', async (t) => {
    const browser = await browserOrSkip(t);
    if (!browser) return;
    const path = join(dir, 'every-chart.html');
    await exportHtml(everyChartKindReport(), path);
    const { page, problems } = await open(browser, path);
    const drawn = await inkPerChart(page);
    assert.equal(drawn.length, 6);
    assert.ok(drawn.every((n) => n > 500), `pixels drawn per chart: ${drawn.join(', ')}`);
    assert.deepEqual(await missingParts(page, CHART_DATA_ID), []);
    assert.deepEqual(problems, []);
    await page.context().close();
  });

  test('the charts in the window are drawn first, the rest after; the first drawn are the ones in view', async (t) => {
    const browser = await browserOrSkip(t);
    if (!browser) return;
    const path = join(dir, 'loan-tall.html');
    await exportHtml(loanRun().report, path);
    // Where the charts are on the page (the window's height does not change the layout)…
    const first = await open(browser, path);
    const tops = await first.page.$$eval('[data-chart]', (els) => els.map((el) => el.getBoundingClientRect().top + (globalThis as unknown as { scrollY: number }).scrollY));
    await first.page.context().close();
    // …then a window tall enough to show the summary and a few charts, its bottom edge well clear of any chart's top.
    const distinct = [...new Set(tops.map(Math.round))].sort((a, b) => a - b);
    const k = distinct.findIndex((top, i) => i >= 2 && i + 1 < distinct.length && distinct[i + 1]! - top > 100);
    assert.ok(k > 0, `chart tops: ${distinct.join(', ')}`);
    const viewport = { width: 1280, height: Math.round((distinct[k]! + distinct[k + 1]!) / 2) };
    const inView = tops.filter((top) => top < viewport.height).length;
    assert.ok(inView > 0 && inView < tops.length, `${inView} of ${tops.length} charts in view`);
    const { page, problems } = await open(browser, path, { viewport });
    const m = await markers(page);
    assert.equal(m.first, inView, 'the first screen is every chart in view, and only those');
    assert.equal(m.all, tops.length);
    assert.ok(m.firstMs <= m.allMs);
    assert.ok((await inkPerChart(page)).every((n) => n > 500));
    assert.deepEqual(problems, []);
    await page.context().close();
  });

  test('printed (print media, as the PDF is made): every chart is drawn at once, before the page has loaded', async (t) => {
    const browser = await browserOrSkip(t);
    if (!browser) return;
    const path = join(dir, 'loan-print.html');
    await exportHtml(loanRun().report, path);
    const { page, problems } = await open(browser, path, { media: 'print' });
    const boxes = await page.locator('[data-chart]').count();
    const m = await markers(page);
    assert.deepEqual([m.first, m.all], [boxes, boxes]);
    const loaded = Number(await page.evaluate('performance.getEntriesByType("navigation")[0].loadEventStart'));
    assert.ok(m.allMs <= loaded, `every chart drawn at ${m.allMs} ms, load at ${loaded} ms`);
    assert.ok((await inkPerChart(page)).every((n) => n > 500));
    assert.deepEqual(problems, []);
    await page.context().close();
  });

  test('the open time as the bench measures it: first screen, then every chart', async (t) => {
    const browser = await browserOrSkip(t);
    if (!browser) return;
    const path = join(dir, 'loan-timed.html');
    await exportHtml(loanRun().report, path);
    const timing = await measureHtmlOpen(path, { browser, opens: 1 });
    assert.equal(timing.samples.length, 1);
    assert.ok(timing.charts >= 10 && timing.firstScreenCharts <= timing.charts);
    assert.ok(timing.firstScreenMs > 0 && timing.firstScreenMs <= timing.allChartsMs, JSON.stringify(timing));
    t.diagnostic(`first screen ${Math.round(timing.firstScreenMs)} ms (${timing.firstScreenCharts} charts), every chart ${Math.round(timing.allChartsMs)} ms (${timing.charts})`);
  });

  test('reads whole with JavaScript off: the words and numbers are HTML, the charts’ content is in words', async (t) => {
    const browser = await browserOrSkip(t);
    if (!browser) return;
    const path = join(dir, 'loan-nojs.html');
    await exportHtml(loanRun().report, path);
    const { page } = await open(browser, path, { javaScriptEnabled: false });
    const text = await page.locator('body').innerText();
    assert.ok(text.includes(summaryLine(loanRun().report)));
    assert.ok(text.includes('141 of 2,024 rows (7%) have no value in "annual_income".'));
    assert.ok(text.includes('Bar chart: Share of missing values per column. annual_income: 7% (highlighted).'));
    assert.ok(text.includes('Charts are drawn with JavaScript'));
    assert.equal(await page.locator('canvas').count(), 0);
    await page.context().close();
  });

  test('hostile data stays text: no script from the data runs, no image from the data loads', async (t) => {
    const browser = await browserOrSkip(t);
    if (!browser) return;
    const path = join(dir, 'hostile.html');
    await exportHtml(hostileRun().report, path);
    const { page, dialogs, requests } = await open(browser, path);
    assert.deepEqual(dialogs, [], 'no alert() ran');
    assert.equal(await page.locator('img').count(), 0);
    assert.equal(await page.locator('script').count(), 3);
    assert.ok((await page.locator('body').innerText()).includes(SCRIPT_COLUMN), 'the column name is shown as text');
    assert.equal(requests.length, 1);
    await page.context().close();
  });
});
