import { writeCountedCsv, writeLargeCsv } from '../harness/csv-files';
import { expect, test } from '../harness/fixtures';
import { fixturePath } from '../harness/paths';
import { HomePage } from '../pages/home-page';
import { ImportPage } from '../pages/import-page';
import { PreviewPage } from '../pages/preview-page';
import { ProjectPage } from '../pages/project-page';

/**
 * Big enough that the import is still running when Cancel is clicked, with a wide margin: the
 * import is cancelled early, so a bigger file costs only the time to write it (~0.3 s).
 */
const BIG_MB = 80;

test('cancelling a long import returns home with a note, and nothing is left behind', async ({ page, harness }) => {
  const big = writeLargeCsv(harness.tempDir, 'big-export.csv', BIG_MB);
  await harness.launch();
  const home = new HomePage(page);
  await home.dropFile(await harness.provideFile(big));

  const importing = new ImportPage(page);
  await expect(importing.progressScreen).toBeVisible();
  await expect(importing.rows).toContainText(/[\d,]+ rows so far/);
  await expect(importing.stage).toHaveText('Reading the file');
  await expect.poll(async () => Number(await importing.progressBar.getAttribute('aria-valuenow'))).toBeGreaterThan(0);
  await harness.screenshot('import-progress');

  await importing.cancelButton.click();
  await expect(home.root).toBeVisible();
  await expect(home.notice).toContainText('The import of big-export.csv was cancelled. Nothing was saved.');
  await expect(home.recentEmpty).toBeVisible();
  expect(harness.finishedJobs().map((j) => j.status)).toEqual(['cancelled']);
  await harness.screenshot('home-after-cancel');

  // The app still works: the next file imports.
  await home.dropFile(await harness.provideFile(fixturePath('patients.csv')));
  await expect(new PreviewPage(page).summary).toContainText('12 rows and 5 columns');
});

test('cancelling an import into an open project returns to that project unchanged', async ({ page, harness }) => {
  const small = writeCountedCsv(harness.tempDir, 'small.csv', 10);
  const big = writeLargeCsv(harness.tempDir, 'big-export.csv', BIG_MB);
  await harness.launch();
  await new HomePage(page).dropFile(await harness.provideFile(small.path));
  const preview = new PreviewPage(page);
  await expect(preview.summary).toContainText('10 rows');
  await preview.root.getByTestId('back-to-project').click();

  const project = new ProjectPage(page);
  await project.dropFile(await harness.provideFile(big));
  const importing = new ImportPage(page);
  await expect(importing.rows).toBeVisible();
  await importing.cancelButton.click();

  await expect(project.root).toBeVisible();
  await expect(project.root.getByTestId('notice')).toContainText('cancelled');
  await expect(project.datasets).toHaveCount(1);
});
