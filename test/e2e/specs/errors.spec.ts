import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '../harness/fixtures';
import { fixturePath } from '../harness/paths';
import { DatasetPage } from '../pages/dataset-page';
import { HomePage } from '../pages/home-page';
import { ImportPage } from '../pages/import-page';

test('a file with an unclosed quote shows a readable error naming the line, and the app keeps working', async ({ page, harness }) => {
  await harness.launch();
  const home = new HomePage(page);
  await home.dropFile(await harness.provideFile(fixturePath('unclosed-quote.csv')));

  const failed = new ImportPage(page);
  await expect(failed.failedScreen).toBeVisible();
  await expect(failed.failedScreen.getByRole('heading', { name: 'This file could not be read' }).last()).toBeVisible();
  await expect(failed.errorMessage).toContainText('unclosed-quote.csv');
  await expect(failed.errorMessage).toContainText('line 4');
  await expect(failed.errorMessage).toContainText('closing quote');
  await expect(failed.errorLine).toHaveText('Where: line 4 of unclosed-quote.csv');
  expect(harness.finishedJobs().map((j) => [j.status, j.error?.code])).toEqual([['failed', 'PARSE_ERROR']]);
  await harness.screenshot('import-error');

  // Back home: the project made for the broken file is not left in the recent list.
  await failed.tryAnother.click();
  await expect(home.root).toBeVisible();
  await expect(home.recentEmpty).toBeVisible();

  // And a good file still imports.
  await home.dropFile(await harness.provideFile(fixturePath('patients.csv')));
  await expect(new DatasetPage(page).rows).toHaveText('12');
});

test('a file with rows of the wrong length says which lines, and a good file imports afterwards', async ({ page, harness }) => {
  await harness.launch();
  const home = new HomePage(page);
  // setInputFiles gives the page a File; the harness maps its name to the real path.
  await harness.provideFile(fixturePath('ragged-rows.csv'));
  await home.fileInput.setInputFiles(fixturePath('ragged-rows.csv'));

  const failed = new ImportPage(page);
  await expect(failed.errorMessage).toContainText('ragged-rows.csv');
  await expect(failed.errorMessage).toContainText('2 lines do not have 3 values like the header');
  await expect(failed.errorMessage).toContainText('4, 7');
  await expect(failed.errorLine).toContainText('line 4');

  await failed.tryAnother.click();
  await home.fileInput.setInputFiles(fixturePath('patients.csv'));
  await expect(home.notice).toContainText('could not tell where this file is');
  await harness.provideFile(fixturePath('patients.csv'));
  await home.fileInput.setInputFiles(fixturePath('patients.csv'));
  await expect(new DatasetPage(page).columns).toHaveText('5');
});

test('a file type Slicewise cannot read yet is refused before any work, in plain words', async ({ page, harness }) => {
  const path = join(harness.tempDir, 'budget.xlsx');
  writeFileSync(path, 'PK\u0003\u0004 not really a spreadsheet');
  await harness.launch();
  await new HomePage(page).dropFile(await harness.provideFile(path));

  const failed = new ImportPage(page);
  await expect(failed.errorMessage).toContainText('budget.xlsx is a .xlsx');
  await expect(failed.errorMessage).toContainText('CSV and TSV');
  expect(harness.finishedJobs()).toEqual([]);
  await failed.tryAnother.click();
  await expect(new HomePage(page).recentEmpty).toBeVisible();
});

test('a recent project whose file was deleted is shown as missing and can be forgotten', async ({ page, harness }) => {
  await harness.launch();
  const home = new HomePage(page);
  await home.dropFile(await harness.provideFile(fixturePath('patients.csv')));
  const dataset = new DatasetPage(page);
  await expect(dataset.rows).toHaveText('12');
  await dataset.closeProject.click();

  rmSync(join(harness.projectsDir, 'patients.slicewise'));
  await harness.restart();

  const item = home.recentItem('patients');
  await expect(item.getByTestId('recent-missing')).toHaveText('File not found');
  await expect(item.getByTestId('recent-open')).toHaveCount(0);
  await harness.screenshot('home-recent-missing');
  await item.getByTestId('recent-forget').click();
  await expect(home.recentEmpty).toBeVisible();
});
