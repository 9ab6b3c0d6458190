/**
 * The PDF: printed by headless Chromium from the HTML report. Its text is read back with a tiny
 * extractor (pdf-text.ts: FlateDecode streams and ToUnicode maps, no new dependency) to check that
 * the first page is the one-page summary and the details follow. The first page is also
 * screenshotted (Chromium's own PDF viewer, or the summary laid out at A4 where the viewer is
 * missing) to test-results/screenshots/export-pdf-page1.png.
 */
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, test } from 'node:test';
import type { Browser } from '@playwright/test';
import { ChromiumUnavailableError } from '../../../../src/main/export/chromium';
import { exportPdf, htmlFor } from '../../../../src/main/export/export-run';
import { findChromium } from '../../../../src/main/export/chromium';
import { A4_CONTENT_WIDTH_PX, pdfFromHtml, printWithChromeCli } from '../../../../src/main/export/pdf';
import { textFor } from '../../../../src/shared/text/en';
import { tempDir } from '../../helpers/temp';
import { buildExportDocument } from '../../../../src/shared/export/document';
import { loanRun, summaryLine, valuesOf } from '../../shared/export/fixtures';
import { browserOrSkip, screenshotPath } from './browser';
import { compact, extractPdfText } from './pdf-text';

const words = (s: string): string => s.replace(/\s+/g, ' ').trim();

/** A screenshot of the PDF's first page as Chromium's viewer shows it; otherwise why not. */
async function viewerScreenshot(browser: Browser, pdf: string, out: string): Promise<true | string> {
  const page = await browser.newPage({ viewport: { width: 794, height: 1123 } });
  try {
    await page.goto(`${pathToFileURL(pdf).href}#toolbar=0&navpanes=0&view=Fit`).catch(() => undefined);
    let viewer;
    for (let i = 0; i < 100 && !viewer; i++) {
      viewer = page.frames().find((f) => f.url().startsWith('chrome-extension://'));
      if (!viewer) await page.waitForTimeout(100);
    }
    if (!viewer) return 'this Chromium has no PDF viewer';
    // The viewer shows its pages once the document is loaded (its sizer becomes visible).
    // A function, not a string: the viewer's Content-Security-Policy forbids eval. (No DOM types in this tsconfig.)
    type Viewer = { querySelector(s: string): { shadowRoot: { querySelector(s: string): { style: { display: string } } | null } | null } | null };
    await viewer.waitForFunction(
      () => {
        const sizer = (globalThis as unknown as { document: Viewer }).document.querySelector('pdf-viewer')?.shadowRoot?.querySelector('#sizer');
        return sizer !== null && sizer !== undefined && sizer.style.display !== 'none';
      },
      null,
      { timeout: 30_000 },
    );
    await page.waitForTimeout(500);
    await page.screenshot({ path: out });
    return true;
  } catch (err) {
    return `its PDF viewer did not show the document (${(err as Error).message.split('\n')[0]})`;
  } finally {
    await page.close();
  }
}

describe('the PDF report', () => {
  const dir = tempDir('slicewise-pdf-');

  test('page 1 is the one-page summary; the details follow; personal data stays masked', async (t) => {
    const browser = await browserOrSkip(t);
    if (!browser) return;
    const loan = loanRun();
    const path = join(dir, 'loan.pdf');
    const result = await exportPdf(loan.report, path, { browser });
    const bytes = readFileSync(path);
    assert.equal(result.bytes, bytes.length);
    assert.equal(bytes.subarray(0, 5).toString(), '%PDF-');
    const { pages } = extractPdfText(bytes);
    t.diagnostic(`${pages.length} pages, ${bytes.length} bytes`);
    assert.ok(pages.length >= 3, `${pages.length} pages`);
    const first = words(pages[0]!);
    for (const s of [
      'CHECK-UP OF NOV 27, 2026, 2:42 AM UTC',
      'What we found in loan-applications',
      summaryLine(loan.report),
      'What needs attention first',
      'Key figures',
      'Right calls (accuracy) 72% 70% – 75%',
      'Personal data in this report:',
    ]) {
      assert.ok(first.includes(s), `page 1 has "${s}"\n${first}`);
    }
    const doc = buildExportDocument(loan.report);
    assert.equal(doc.top.length, 6);
    for (const f of doc.top) assert.ok(first.includes(words(f.headline)), `page 1 has the headline of ${f.id}`);
    assert.ok(doc.moreLine && first.includes(doc.moreLine), 'how many more are in the details');
    assert.deepEqual(
      doc.top.map((f) => f.headline),
      loan.report.findings!.filter((f) => f.status === 'issue').slice(0, 6).map((f) => textFor(f).headline(f)),
      'the most serious first, in the app’s order',
    );
    assert.ok(!first.includes('Why it matters') && !first.toUpperCase().includes('WHY IT MATTERS'), 'no details on the summary page');
    const second = words(pages[1]!);
    // (Text order follows the PDF's drawing order, so only presence is checked.)
    assert.ok(second.includes('Data quality Problems in the data itself'), second.slice(0, 200));
    assert.ok(second.toUpperCase().includes('WHY IT MATTERS'));
    const all = words(pages.join('\n'));
    // A long fingerprint wraps inside its table cell: compare without whitespace.
    assert.ok(compact(all).includes(loan.report.source.sha256), 'provenance: the file’s fingerprint');
    assert.ok(all.includes('Checks that passed'));
    assert.ok(all.includes('1 / ') && all.includes(`${pages.length} / ${pages.length}`), 'page numbers in the footer');
    const leaked = valuesOf(loan.table, 'email').filter((v) => all.includes(v));
    assert.deepEqual(leaked, []);

    const shot = screenshotPath('export-pdf-page1');
    const viewed = await viewerScreenshot(browser, path, shot);
    if (viewed === true) t.diagnostic(`first PDF page (Chromium's viewer): ${shot}`);
    else {
      // The summary as it is printed (A4 width, print styles) instead.
      const page = await browser.newPage({ viewport: { width: A4_CONTENT_WIDTH_PX, height: 1000 } });
      await page.emulateMedia({ media: 'print' });
      await page.setContent(htmlFor(loan.report));
      await page.locator('#summary').screenshot({ path: shot });
      await page.close();
      t.diagnostic(`summary page at A4 width, because ${viewed}: ${shot}`);
    }
    assert.ok(existsSync(shot));
  });

  test('without Playwright (an installed CLI): the browser’s own --print-to-pdf gives the same summary page, charts drawn', async (t) => {
    let executable: string;
    try {
      executable = findChromium(null);
    } catch (err) {
      t.skip(`no Chromium executable here, so this check did not run: ${(err as Error).message}`);
      return;
    }
    const loan = loanRun();
    const bytes = await printWithChromeCli(executable, htmlFor(loan.report), 60_000);
    const { pages } = extractPdfText(bytes);
    const first = words(pages[0]!);
    assert.ok(first.includes(summaryLine(loan.report)) && first.includes('What needs attention first'), first.slice(0, 300));
    assert.ok(!first.toUpperCase().includes('WHY IT MATTERS'));
    // Axis names are drawn on the charts' canvases (Chromium prints canvas text as text): the charts were drawn.
    assert.ok(words(pages.join('\n')).includes('Number of rows'), 'charts drawn before printing');
    t.diagnostic(`${pages.length} pages, ${bytes.length} bytes via --print-to-pdf`);
  });

  test('without a browser: a typed error that says what to install, and no file', async () => {
    const out = join(dir, 'none.pdf');
    await assert.rejects(pdfFromHtml('<p>x</p>', out, { executablePath: join(dir, 'no-such-chrome') }), (err: unknown) => {
      assert.ok(err instanceof ChromiumUnavailableError, String(err));
      assert.equal(err.code, 'UNAVAILABLE');
      assert.match(err.message, /^A PDF needs a Chromium browser, and none was found\. Install Chromium or Google Chrome .*SLICEWISE_CHROMIUM_PATH/);
      assert.deepEqual(err.tried, [join(dir, 'no-such-chrome')]);
      return true;
    });
    assert.ok(!existsSync(out));
  });
});
