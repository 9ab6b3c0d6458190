/**
 * The window stays responsive during a 1M-row check-up: the renderer's main thread is watched with
 * a long-task observer (tasks over 50 ms) from the click on "Run the check-up" until the progress
 * screen gives way to the report, and the longest task is printed (target ≤ 100 ms). Drawing the
 * report afterwards (a part per frame, charts one per task) is measured and printed separately,
 * apart from the report's transfer into the page, which here is the harness's and not the app's. The 1M-row file is the benchmark's
 * generator's (bench/generate.ts, seeded), written by a child process so its memory stays out of
 * the test's process, where the app's services run.
 */
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '../harness/fixtures';
import { repoRoot } from '../harness/paths';
import { CheckupPage } from '../pages/checkup-page';
import { DatasetPage } from '../pages/dataset-page';
import { HomePage } from '../pages/home-page';
import { PreviewPage } from '../pages/preview-page';
import { ReportPage } from '../pages/report-page';
import { RolesPage } from '../pages/roles-page';

const ROWS = 1_000_000;

test('a 1M-row check-up keeps the window responsive: the longest main-thread task is measured and printed', async ({ page, harness }) => {
  test.setTimeout(420_000);
  const csv = join(harness.tempDir, 'model-output-1m.csv');
  const script = join(harness.tempDir, 'generate.mts');
  writeFileSync(script, `import { generate } from ${JSON.stringify(join(repoRoot, 'bench', 'generate.ts'))};\nawait generate({ rows: ${ROWS}, csv: ${JSON.stringify(csv)}, seed: 1 });\n`);
  const made = spawnSync(process.execPath, ['--import', 'tsx', script], { cwd: repoRoot, stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8' });
  expect(made.status, made.stderr).toBe(0);

  // The e2e code is type-checked without the DOM library, so the page's side is written as text.
  await page.addInitScript(`
    window.__longTasks = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) window.__longTasks.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: 'longtask', buffered: true });
    // When the report screen first appears, the check-up's part ends; when its summary appears,
    // the report has arrived and its drawing begins.
    new MutationObserver((_, observer) => {
      if (!window.__reportAt && document.querySelector('[data-testid="report-screen"]')) window.__reportAt = performance.now();
      if (document.querySelector('[data-testid="summary-line"]')) {
        window.__reportDataAt = performance.now();
        observer.disconnect();
      }
    }).observe(document, { childList: true, subtree: true });
  `);
  await harness.launch();
  await new HomePage(page).dropFile(await harness.provideFile(csv));
  const preview = new PreviewPage(page);
  await expect(preview.summary).toContainText('1,000,000 rows', { timeout: 180_000 });
  await preview.next.click();
  await new RolesPage(page).save.click();

  const mark = async (): Promise<number> => (await page.evaluate('performance.now()')) as number;
  const longest = async (from: number, to: number): Promise<{ max: number; count: number }> =>
    (await page.evaluate(`(() => {
      const tasks = window.__longTasks.filter((t) => t.start >= ${from} && t.start < ${to});
      return { max: tasks.reduce((m, t) => Math.max(m, t.duration), 0), count: tasks.length };
    })()`)) as { max: number; count: number };

  const start = await mark();
  await new DatasetPage(page).root.getByTestId('run-checkup').click();
  await expect(new CheckupPage(page).root).toBeVisible();
  const report = new ReportPage(page);
  await expect(report.root).toBeVisible({ timeout: 300_000 });
  const reportShown = (await page.evaluate('window.__reportAt')) as number;
  await expect(report.summaryLine).toBeVisible({ timeout: 60_000 });
  const reportArrived = (await page.evaluate('window.__reportDataAt')) as number;
  await page.waitForTimeout(1500); // let the report's charts draw
  const drawn = await mark();

  const during = await longest(start, reportShown);
  // Between the two: the report crossing into the page. Here that is the test harness's binding
  // (Playwright's own serializer, ~0.2 s for this 1 MB report); in the app it is Electron's IPC.
  const receiving = await longest(reportShown, reportArrived);
  const drawing = await longest(reportArrived, drawn);
  const seconds = ((reportShown - start) / 1000).toFixed(1);
  console.log(
    `renderer longest main-thread task during a ${ROWS.toLocaleString('en-US')}-row check-up (${seconds} s): ${Math.round(during.max)} ms over ${during.count} long tasks (target ≤ 100 ms: ${during.max <= 100 ? 'met' : 'NOT met'}); drawing the report afterwards: ${Math.round(drawing.max)} ms (${drawing.max <= 100 ? 'met' : 'NOT met'}); receiving it through the test harness: ${Math.round(receiving.max)} ms`,
  );
  test.info().annotations.push({ type: 'longest-task-ms', description: String(Math.round(during.max)) });
  // A loaded test machine adds scheduling delay; a task of a second would be a real regression
  // (work moved onto the window's thread, or every chart of the report drawn at once).
  expect(during.max).toBeLessThan(1000);
  expect(drawing.max).toBeLessThan(1000);
});
