/**
 * The PDF of the HTML report, printed by headless Chromium (the CLI; the app uses Electron's
 * printToPDF on the same HTML). The report's print stylesheet does the layout: A4, the one-page
 * summary first, then the details.
 *
 * On screen the report draws the charts of the first screen at once and the rest in the
 * background; for printing every chart must be drawn first. With Playwright (installed with the
 * development tools): the page is print media from the start, so it is laid out at the printed
 * width and draws every chart at once, before its load event; html[data-charts-ready] is still
 * awaited. Every network request is refused; the PDF gets page numbers. Without Playwright (an
 * installed CLI): the browser's own --print-to-pdf, given a virtual-time budget; printing fires
 * `beforeprint`, on which the report draws any chart still missing (no page numbers).
 */
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser } from '@playwright/test';
import { writeFileAtomic } from './atomic-write';
import { chromiumArgs, ChromiumUnavailableError, findChromium, playwrightChromium, type ChromiumOptions } from './chromium';

/** A4 minus the report's left and right page margins (13 mm each), in CSS pixels (96 per inch). */
export const A4_CONTENT_WIDTH_PX = Math.round(((210 - 26) / 25.4) * 96);

export interface PdfOptions extends ChromiumOptions {
  /** Most time to wait for the page and its charts (default 60 s). */
  timeoutMs?: number;
  /** An already started browser to reuse (tests, batches); otherwise one is started and closed. */
  browser?: Browser;
}

export interface PdfResult {
  path: string;
  bytes: number;
  /** How it was printed: through Playwright, or the browser's own --print-to-pdf. */
  via: 'playwright' | 'print-to-pdf';
}

const FOOTER = '<div style="width:100%;font-size:8px;color:#596273;text-align:center;font-family:system-ui,sans-serif"><span class="pageNumber"></span> / <span class="totalPages"></span></div>';

async function printWithPlaywright(browser: Browser, html: string, timeout: number): Promise<Buffer> {
  const context = await browser.newContext({ viewport: { width: A4_CONTENT_WIDTH_PX, height: 1000 }, deviceScaleFactor: 2, offline: true });
  try {
    const page = await context.newPage();
    page.setDefaultTimeout(timeout);
    // The report is self-contained: anything it tried to fetch would be a bug, and is refused.
    await page.route('**/*', (route) => route.abort('blockedbyclient'));
    // Print media before the content: the report then draws every chart at once, at the printed width.
    await page.emulateMedia({ media: 'print' });
    await page.setContent(html, { waitUntil: 'load' });
    await page.waitForSelector('html[data-charts-ready]', { state: 'attached' });
    return await page.pdf({
      format: 'A4',
      preferCSSPageSize: true,
      printBackground: true,
      displayHeaderFooter: true,
      headerTemplate: '<div></div>',
      footerTemplate: FOOTER,
      tagged: true,
      outline: true,
    });
  } finally {
    await context.close();
  }
}

/** Chrome's own headless printing: no Playwright needed. */
export async function printWithChromeCli(executablePath: string, html: string, timeout: number): Promise<Buffer> {
  const dir = await mkdtemp(join(tmpdir(), 'slicewise-pdf-'));
  try {
    const page = join(dir, 'report.html');
    const pdf = join(dir, 'report.pdf');
    await writeFile(page, html);
    const args = [
      '--headless=new',
      ...chromiumArgs(),
      `--user-data-dir=${join(dir, 'profile')}`,
      '--no-pdf-header-footer',
      // Virtual time lets the page finish loading (and draw its charts in the background) before
      // printing; `beforeprint` draws any chart still missing.
      `--virtual-time-budget=${Math.min(timeout, 30_000)}`,
      `--window-size=${A4_CONTENT_WIDTH_PX},1000`,
      `--print-to-pdf=${pdf}`,
      pathToFileURL(page).href,
    ];
    await new Promise<void>((resolve, reject) => {
      const child = spawn(executablePath, args, { stdio: ['ignore', 'ignore', 'pipe'] });
      let stderr = '';
      child.stderr.on('data', (d: Buffer) => (stderr = (stderr + d.toString()).slice(-2000)));
      const timer = setTimeout(() => child.kill('SIGKILL'), timeout);
      child.on('error', (err) => {
        clearTimeout(timer);
        reject(new ChromiumUnavailableError(`the one at ${executablePath} could not be started`, [executablePath], err));
      });
      child.on('exit', (code) => {
        clearTimeout(timer);
        if (code === 0) resolve();
        else reject(new ChromiumUnavailableError(`the one at ${executablePath} stopped without printing (exit ${code})`, [executablePath], new Error(stderr.trim().split('\n').pop() ?? '')));
      });
    });
    return await readFile(pdf);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** Prints `html` to a PDF at `outPath` (written atomically). Throws ChromiumUnavailableError without a browser. */
export async function pdfFromHtml(html: string, outPath: string, opts: PdfOptions = {}): Promise<PdfResult> {
  const timeout = opts.timeoutMs ?? 60_000;
  let bytes: Buffer;
  let via: PdfResult['via'];
  if (opts.browser) {
    bytes = await printWithPlaywright(opts.browser, html, timeout);
    via = 'playwright';
  } else {
    const chromium = await playwrightChromium();
    const executablePath = findChromium(chromium, opts);
    if (chromium) {
      let browser: Browser;
      try {
        browser = await chromium.launch({ executablePath, headless: true, args: chromiumArgs() });
      } catch (err) {
        throw new ChromiumUnavailableError(`the one at ${executablePath} could not be started`, [executablePath], err);
      }
      try {
        bytes = await printWithPlaywright(browser, html, timeout);
      } finally {
        await browser.close();
      }
      via = 'playwright';
    } else {
      bytes = await printWithChromeCli(executablePath, html, timeout);
      via = 'print-to-pdf';
    }
  }
  const written = await writeFileAtomic(outPath, bytes);
  return { path: outPath, bytes: written, via };
}
