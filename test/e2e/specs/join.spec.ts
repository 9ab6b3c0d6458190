import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { writeJoinCsvs } from '../harness/csv-files';
import { expectAccessible } from '../harness/axe';
import { expect, test } from '../harness/fixtures';
import { screenshotPath } from '../harness/paths';
import { DatasetPage } from '../pages/dataset-page';
import { dropFileOn, HomePage } from '../pages/home-page';
import { JoinPage } from '../pages/join-page';
import { PreviewPage } from '../pages/preview-page';
import { ProjectPage } from '../pages/project-page';

test('adding predictions from a second file: the join check, a wrong key, then a new table beside the original', async ({ page, harness }) => {
  // Two imports, two join jobs and an accessibility scan in both themes: more than the default 30 s on a busy machine.
  test.setTimeout(90_000);
  const files = writeJoinCsvs(harness.tempDir);
  await harness.launch();
  await new HomePage(page).dropFile(await harness.provideFile(files.dataset));
  await new PreviewPage(page).toSummary.click();
  const dataset = new DatasetPage(page);
  await expect(dataset.name).toHaveText('applicants');

  // Drop the predictions file on the dataset's own drop zone: the check runs, nothing is saved.
  const zone = dataset.root.getByTestId('drop-zone');
  await expect(zone).toContainText('Add the model’s predictions from another file');
  await dropFileOn(page, zone, await harness.provideFile(files.predictions), 'a\n1\n');

  const check = new JoinPage(page);
  await expect(check.root).toHaveAttribute('data-state', 'ready');
  await expect(check.keys).toHaveText('Matching rows by applicant_id in both files');
  await expect(check.keyReason).toContainText('Both files have a column "applicant_id"');
  await expect(check.matched).toContainText('47 of 50 rows found their prediction');
  await expect(check.unmatchedLeft).toContainText('3 rows of applicants have no prediction');
  expect(await check.examples(check.unmatchedLeft)).toEqual(files.missing);
  await expect(check.unmatchedRight).toContainText('2 predictions in predictions.csv belong to no row');
  expect(await check.examples(check.unmatchedRight)).toEqual(files.unknown);
  await expect(check.duplicateRight).toContainText('1 row of predictions.csv repeats a value');
  await expect(check.duplicateRight).toContainText('The first of each was used.');
  expect(await check.examples(check.duplicateRight)).toEqual([files.repeated]);
  expect(await check.added.evaluateAll((els) => els.map((e) => e.getAttribute('data-as')))).toEqual(['score', 'decision']);
  await expect(check.rightKey).toHaveText('applicant_id');
  // The whole page in one window tall enough for it, so the sticky action bar sits at its end.
  await page.setViewportSize({ width: 1280, height: Number(await page.evaluate('document.documentElement.scrollHeight')) });
  await harness.screenshot('join-check');
  await expectAccessible(page, 'join check');
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.screenshot({ path: screenshotPath('join-check-dark'), animations: 'disabled' });
  await page.emulateMedia({ colorScheme: 'light' });
  await page.setViewportSize({ width: 1024, height: 700 });
  expect(await page.evaluate('document.documentElement.scrollWidth <= window.innerWidth')).toBe(true);
  await expect(check.accept).toBeInViewport();
  await page.screenshot({ path: screenshotPath('join-check-1024'), animations: 'disabled' });
  await page.setViewportSize({ width: 1280, height: 800 });

  // A key that shares nothing: explained, and only Cancel is offered; then back to the right key.
  await check.leftKey.selectOption('income');
  await check.recheck.click();
  await expect(check.noMatch).toBeVisible();
  await expect(check.matched).toContainText('0 of 50 rows');
  await expect(check.accept).toHaveCount(0);
  await expect(check.cancel).toBeEnabled();
  await page.screenshot({ path: screenshotPath('join-no-match'), animations: 'disabled' });
  await check.leftKey.selectOption('applicant_id');
  await check.recheck.click();
  await expect(check.matched).toContainText('47 of 50 rows found their prediction');
  await expect(check.keyReason).toHaveText('The key columns you chose.');

  // Accept: the new table opens at its preview, the notice says the original is kept.
  await check.accept.click();
  const preview = new PreviewPage(page);
  await expect(preview.summary).toHaveText('50 rows and 5 columns read from applicants.csv + predictions.csv.');
  expect((await preview.columns()).map((c) => c.name)).toEqual(['applicant_id', 'income', 'repaid', 'score', 'decision']);
  await expect(page.getByTestId('notice')).toContainText('A new table with the predictions was made. The original, applicants, is kept as it was.');

  const joins = harness.finishedJobs().filter((j) => j.kind === 'join');
  expect(joins.map((j) => [j.status, j.datasetId !== undefined])).toEqual([
    ['succeeded', false],
    ['succeeded', false],
    ['succeeded', false],
    ['succeeded', true],
  ]);

  // Both tables are in the project.
  await preview.root.getByTestId('back-to-project').click();
  const project = new ProjectPage(page);
  await expect(project.datasets).toHaveCount(2);
  await expect(project.datasets.filter({ hasText: 'applicants + predictions.csv' })).toHaveCount(1);
  await expect(project.datasets.nth(0)).toContainText('applicants');
  await expect(project.datasets.filter({ hasText: '50 rows · 3 columns' })).toHaveCount(1);
  await expect(project.datasets.filter({ hasText: '50 rows · 5 columns' })).toHaveCount(1);
});

test('a file that shares no column with the dataset reads as an error; cancelling saves nothing', async ({ page, harness }) => {
  const files = writeJoinCsvs(harness.tempDir);
  const unrelated = join(harness.tempDir, 'unrelated.csv');
  writeFileSync(unrelated, 'code,label\nA1,x\nA2,y\nA3,z\n');
  await harness.launch();
  await new HomePage(page).dropFile(await harness.provideFile(files.dataset));
  await new PreviewPage(page).toSummary.click();
  const dataset = new DatasetPage(page);
  const zone = dataset.root.getByTestId('drop-zone');

  await dropFileOn(page, zone, await harness.provideFile(unrelated), 'a\n1\n');
  const check = new JoinPage(page);
  await expect(check.root.getByTestId('error-panel')).toContainText('No column of unrelated.csv shares values');
  await expect(check.accept).toHaveCount(0);
  await check.cancel.click();
  await expect(page.getByTestId('notice')).toContainText('No predictions were added. Nothing was saved.');

  // The app keeps working: the right file checks fine, and Cancel leaves the project as it was.
  await dropFileOn(page, zone, await harness.provideFile(files.predictions), 'a\n1\n');
  await expect(check.matched).toContainText('47 of 50');
  await check.cancel.click();
  await expect(dataset.root).toBeVisible();
  await dataset.backToProject.click();
  await expect(new ProjectPage(page).datasets).toHaveCount(1);
  expect(harness.finishedJobs().filter((j) => j.kind === 'join').map((j) => j.status)).toEqual(['failed', 'succeeded']);
});
