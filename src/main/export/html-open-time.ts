/**
 * How long an exported HTML report takes to open in headless Chromium (the bench prints it; the
 * Chromium test checks it is sane). Two figures, read from the markers the report's draw script
 * sets (see src/shared/export/html-script.ts):
 *
 * - first screen: the page is laid out and every chart in the window is drawn — what a person
 *   sees on opening the file;
 * - every chart: the rest, drawn in the background after the first screen (what printing needs).
 *
 * Both are measured from the moment the browser is asked to open the file to the moment the page
 * set the marker, on the same clock (the page's time origin plus its own timestamp), so the
 * automation's polling delay is not counted. Each open is in a fresh browser context (no cache).
 */
import { pathToFileURL } from 'node:url';
import type { Browser } from '@playwright/test';
import { launchChromium, type ChromiumOptions } from './chromium';

export interface HtmlOpenSample {
  firstScreenMs: number;
  allChartsMs: number;
  /** First text painted (first-contentful-paint), for comparison. */
  firstPaintMs: number | null;
}

export interface HtmlOpenTiming extends HtmlOpenSample {
  /** Medians over `samples`. */
  samples: HtmlOpenSample[];
  /** Charts drawn for the first screen, and in all. */
  firstScreenCharts: number;
  charts: number;
  viewport: { width: number; height: number };
}

export interface HtmlOpenOptions extends ChromiumOptions {
  /** How many times to open it (default 3; the figures are medians). */
  opens?: number;
  /** The window (default 1280 × 720, Playwright's default). */
  viewport?: { width: number; height: number };
  /** An already started browser (otherwise one is started and closed). */
  browser?: Browser;
  timeoutMs?: number;
}

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};

export async function measureHtmlOpen(path: string, opts: HtmlOpenOptions = {}): Promise<HtmlOpenTiming> {
  const viewport = opts.viewport ?? { width: 1280, height: 720 };
  const browser = opts.browser ?? (await launchChromium(opts));
  const samples: HtmlOpenSample[] = [];
  let firstScreenCharts = 0;
  let charts = 0;
  try {
    for (let i = 0; i < Math.max(1, opts.opens ?? 3); i++) {
      const context = await browser.newContext({ viewport });
      try {
        const page = await context.newPage();
        const asked = performance.timeOrigin + performance.now();
        await page.goto(pathToFileURL(path).href, { timeout: opts.timeoutMs ?? 60_000 });
        await page.waitForSelector('html[data-charts-ready]', { state: 'attached', timeout: opts.timeoutMs ?? 60_000 });
        // Runs in the page. (No named functions inside: the test runner's transpiler would wrap them
        // in a helper the page lacks. No DOM types in this tsconfig: the one DOM call is typed here.)
        const m = await page.evaluate(() => {
          const root = (globalThis as unknown as { document: { documentElement: { getAttribute(name: string): string | null } } }).document.documentElement;
          const [firstMs, firstCharts, allMs, charts] = ['data-first-screen-ms', 'data-first-screen-ready', 'data-charts-ms', 'data-charts-ready'].map((name) => {
            const value = root.getAttribute(name);
            return value === null ? null : Number(value);
          });
          const paint = performance.getEntriesByName('first-contentful-paint')[0];
          return { origin: performance.timeOrigin, firstMs: firstMs ?? null, firstCharts: firstCharts ?? 0, allMs: allMs ?? null, charts: charts ?? 0, paintMs: paint ? paint.startTime : null };
        });
        if (m.firstMs === null || m.allMs === null) throw new Error(`${path} did not mark when its first screen and its charts were drawn (a report from an older version?)`);
        const since = (ms: number): number => m.origin + ms - asked;
        samples.push({ firstScreenMs: since(m.firstMs), allChartsMs: since(m.allMs), firstPaintMs: m.paintMs === null ? null : since(m.paintMs) });
        firstScreenCharts = m.firstCharts;
        charts = m.charts;
      } finally {
        await context.close();
      }
    }
  } finally {
    if (!opts.browser) await browser.close();
  }
  const paints = samples.map((s) => s.firstPaintMs).filter((v): v is number => v !== null);
  return {
    firstScreenMs: median(samples.map((s) => s.firstScreenMs)),
    allChartsMs: median(samples.map((s) => s.allChartsMs)),
    firstPaintMs: paints.length > 0 ? median(paints) : null,
    samples,
    firstScreenCharts,
    charts,
    viewport,
  };
}
