/**
 * Deleting a check-up and a dataset: each asks first, in words that say exactly what will be lost,
 * in an accessible modal dialog (Escape cancels, focus starts on Cancel and comes back), and the
 * screen follows what was deleted. The project file stays whole.
 */
import { writeCountedCsv } from '../harness/csv-files';
import { expectAccessible } from '../harness/axe';
import { expect, test, type Page } from '../harness/fixtures';
import { fixturePath } from '../harness/paths';
import { DatasetPage } from '../pages/dataset-page';
import { HomePage } from '../pages/home-page';
import { PreviewPage } from '../pages/preview-page';
import { ProjectPage } from '../pages/project-page';
import { ReportPage } from '../pages/report-page';

async function runCheckup(page: Page, dataset: DatasetPage): Promise<void> {
  await dataset.root.getByTestId('run-checkup').click();
  const report = new ReportPage(page);
  await expect(report.summaryLine).toBeVisible({ timeout: 30_000 });
  await report.back.click();
}

test('delete a check-up after confirming, cancel deleting the dataset, then delete it', async ({ page, harness }) => {
  test.setTimeout(120_000);
  await harness.launch();
  await new HomePage(page).dropFile(await harness.provideFile(fixturePath('patients.csv')));
  const preview = new PreviewPage(page);
  await preview.toSummary.click();
  const dataset = new DatasetPage(page);
  // A second dataset, which must come through untouched.
  await dataset.backToProject.click();
  const project = new ProjectPage(page);
  await project.dropFile(await harness.provideFile(writeCountedCsv(harness.tempDir, 'more.csv', 40).path));
  await preview.toSummary.click();
  await runCheckup(page, dataset);
  await dataset.backToProject.click();
  await project.openDataset('patients');
  await expect(dataset.name).toHaveText('patients');
  await runCheckup(page, dataset);
  await runCheckup(page, dataset);
  const runs = dataset.root.getByTestId('run-item');
  await expect(runs).toHaveCount(2);

  // --- one check-up: the question names it and what goes with it; focus starts on Cancel.
  const older = runs.nth(1);
  const olderId = await older.getAttribute('data-run-id');
  await older.getByTestId('run-delete').click();
  const runDialog = page.getByRole('alertdialog');
  await expect(runDialog).toBeVisible();
  await expect(runDialog).toHaveAccessibleName(/^Delete the check-up of \w{3} \d{1,2}, \d{4}.*\?$/);
  await expect(runDialog).toHaveAccessibleDescription(/Its report will be deleted: .* This cannot be undone\.$/);
  await expect(runDialog.getByTestId('confirm-cancel')).toBeFocused();
  await expectAccessible(page, 'delete a check-up');
  await harness.screenshot('delete-run-confirm');
  await runDialog.getByTestId('confirm-delete').click();
  await expect(runDialog).toHaveCount(0);
  await expect(runs).toHaveCount(1);
  await expect(dataset.root.locator(`[data-testid="run-item"][data-run-id="${olderId}"]`)).toHaveCount(0);
  await expect(dataset.root.getByTestId('run-deleted')).toHaveText(/^The check-up of .* was deleted\.$/);
  // The control that opened it is gone: focus lands on the list's heading, not on the page's end.
  await expect(dataset.root.getByRole('heading', { name: 'Earlier check-ups' })).toBeFocused();

  // --- the dataset, cancelled with Escape: nothing happens, focus returns to the button.
  const deleteDataset = dataset.root.getByTestId('delete-dataset');
  await deleteDataset.click();
  const datasetDialog = page.getByRole('alertdialog');
  await expect(datasetDialog).toHaveAccessibleName('Delete patients and its 1 check-up?');
  await expect(datasetDialog.getByTestId('delete-dataset-lost')).toContainText('the 12 rows read from the file');
  await expect(datasetDialog.getByTestId('delete-dataset-lost')).toContainText('1 check-up with its report');
  await expect(datasetDialog).toContainText('Your file patients.csv on this computer is not touched.');
  await expect(datasetDialog).toContainText('This cannot be undone.');
  await page.keyboard.press('Escape');
  await expect(datasetDialog).toHaveCount(0);
  await expect(deleteDataset).toBeFocused();
  await expect(dataset.name).toHaveText('patients');
  await expect(runs).toHaveCount(1);

  // --- and deleted: back to the project, with a notice saying what went.
  await deleteDataset.click();
  await expect(datasetDialog.getByTestId('confirm-cancel')).toBeFocused();
  await expectAccessible(page, 'delete a dataset');
  await page.emulateMedia({ colorScheme: 'dark' });
  await harness.screenshot('delete-dataset-confirm-dark');
  await page.emulateMedia({ colorScheme: 'light' });
  await harness.screenshot('delete-dataset-confirm');
  await datasetDialog.getByTestId('confirm-delete').click();

  await expect(project.root).toBeVisible();
  await expect(page.getByTestId('notice')).toContainText('Deleted patients and its 1 check-up.');
  await expect(project.datasets).toHaveCount(1);
  await expect(project.datasets.first()).toContainText('more');
  await expect(project.root.getByTestId('audit-item').first()).toHaveText(/Deleted dataset patients \(12 rows\) and its 1 run$/);
  await expect(project.root.getByTestId('audit-item').nth(1)).toContainText(`Deleted check-up ${olderId} of patients (`);
  await harness.screenshot('delete-dataset-done');

  // The file is whole: every reference points at something; only the other dataset and its check-up are left.
  const projectId = (await project.root.getAttribute('data-project-id'))!;
  const db = harness.services.projects.get(projectId).db;
  expect(db.pragma('foreign_key_check')).toEqual([]);
  expect(db.prepare("SELECT d.name, count(r.id) AS runs FROM datasets d LEFT JOIN runs r ON r.dataset_id = d.id GROUP BY d.id").all()).toEqual([{ name: 'more', runs: 1 }]);

  // The other dataset's check-up still opens.
  await project.openDataset('more');
  await expect(runs).toHaveCount(1);
  await runs.first().getByTestId('run-open').click();
  await expect(new ReportPage(page).summaryLine).toBeVisible();
});
