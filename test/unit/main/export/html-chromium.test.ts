/**
 * The exported HTML in a real browser: opened from disk with no network, every chart drawn on its
 * canvas, nothing requested but the file itself, no script errors; readable with JavaScript off;
 * hostile data stays text. Screenshots go to test-results/screenshots/export-html*.png.
 */
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, test } from 'node:test';
import type { Browser, Page } from '@playwright/test';
import { exportHtml } from '../../../../src/main/export/export-run';
import { tempDir } from '../../helpers/temp';
import { hostileRun, loanRun, SCRIPT_COLUMN, summaryLine } from '../../shared/export/fixtures';
import { browserOrSkip, screenshotPath } from './browser';

interface Opened {
  page: Page;
  requests: string[];
  problems: string[];
  dialogs: string[];
  ms: number;
}

async function open(browser: Browser, path: string, javaScriptEnabled = true): Promise<Opened> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, javaScriptEnabled });
  const page = await context.newPage();
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
    assert.equal(await page.getAttribute('html', 'data-charts-ready'), String(boxes));
    // Each container holds a canvas with something drawn on it (not a blank rectangle).
    const drawn = await page.$$eval('[data-chart]', (els) =>
      els.map((el) => {
        const canvas = el.querySelector('canvas');
        if (!canvas || canvas.width === 0 || canvas.height === 0) return 0;
        const data = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height).data;
        let inked = 0;
        for (let i = 3; i < data.length; i += 4) if (data[i]! > 0) inked++;
        return inked;
      }),
    );
    assert.equal(drawn.length, boxes);
    assert.ok(drawn.every((n) => n > 500), `pixels drawn per chart: ${drawn.join(', ')}`);
    assert.deepEqual(requests, [pathToFileURL(path).href], 'only the file itself was loaded');
    assert.deepEqual(problems, []);
    t.diagnostic(`opened and drew ${boxes} charts in ${ms} ms (file: ${(await import('node:fs')).statSync(path).size} bytes)`);
    await page.screenshot({ path: screenshotPath('export-html') });
    await page.locator('article[data-check="quality.inconsistent-spellings"]').screenshot({ path: screenshotPath('export-html-finding') });
    await page.context().close();
  });

  test('reads whole with JavaScript off: the words and numbers are HTML, the charts’ content is in words', async (t) => {
    const browser = await browserOrSkip(t);
    if (!browser) return;
    const path = join(dir, 'loan-nojs.html');
    await exportHtml(loanRun().report, path);
    const { page } = await open(browser, path, false);
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
