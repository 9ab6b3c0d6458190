/**
 * "What changed?" as a person does it: the loan example, then its later batch in the same
 * project, a check-up of each, a comparison of the two batches, a comparison of the vendor's model
 * with the retrained one, and the history with its rules. What the screens show is checked against
 * what resources/examples/README.md says was planted.
 */
import { expect, test, type Page } from '../harness/fixtures';
import { screenshotPath } from '../harness/paths';
import { ChangesPanel, DriftPage, HistoryPage, ModelsPage } from '../pages/changes-pages';
import { DatasetPage } from '../pages/dataset-page';
import { HomePage } from '../pages/home-page';
import { PreviewPage } from '../pages/preview-page';
import { ReportPage } from '../pages/report-page';
import { RolesPage } from '../pages/roles-page';

/** From a fresh import's preview: confirm the roles, run the check-up, and return to the project. */
async function checkUpAndReturn(page: Page): Promise<ReportPage> {
  await new PreviewPage(page).next.click();
  await new RolesPage(page).save.click();
  const dataset = new DatasetPage(page);
  await dataset.root.getByTestId('run-checkup').click();
  const report = new ReportPage(page);
  await expect(report.summaryLine).toBeVisible({ timeout: 60_000 });
  return report;
}

async function backToProject(page: Page, report: ReportPage): Promise<void> {
  await report.back.click();
  await new DatasetPage(page).backToProject.click();
  await expect(page.getByTestId('project-screen')).toBeVisible();
}

async function chartsDrawn(root: ReturnType<Page['getByTestId']>): Promise<void> {
  // ECharts draws on a canvas inside each chart box; a drawn chart has a sized canvas.
  for (const canvas of await root.locator('[data-testid="chart-canvas"] canvas').all()) {
    const box = await canvas.boundingBox();
    expect(box && box.width > 100 && box.height > 60).toBe(true);
  }
}

test('two batches and two models: what changed, which model is better, and the history that warns', async ({ page, harness }) => {
  test.setTimeout(240_000);
  await harness.launch();
  await new HomePage(page).examples.first().click();
  // The outcome is 1/0 and the vendor answers approved/declined: the roles screen asks which
  // answer means "1", with the app's match preselected.
  await new PreviewPage(page).next.click();
  const mapping = page.getByTestId('role-prediction-positive');
  await expect(mapping).toContainText('Which of the model’s answers means “1”?');
  await expect(mapping.locator('input[value="approved"]')).toBeChecked();
  await page.getByTestId('roles-back').click();
  await backToProject(page, await checkUpAndReturn(page));

  const changes = new ChangesPanel(page);
  await expect(changes.root.getByTestId('compare-need-two')).toBeVisible();
  await changes.addLaterBatch.click();
  const second = await checkUpAndReturn(page);
  // The later batch's check-up fires the default rule: accuracy fell more than 5 points from the first run.
  await expect(second.root.locator('[data-finding-id="history.rule:drop:accuracy:0.05:first"]')).toBeVisible();
  await backToProject(page, second);
  await expect(changes.addLaterBatch).toHaveCount(0);

  // Compare the batches: the new region and the income shift change; sex does not.
  await changes.compareStart.click();
  const drift = new DriftPage(page);
  await expect(drift.summary).toHaveText(/^2 of 11 columns changed \(18%\)\./, { timeout: 60_000 });
  await expect(drift.row('region')).toHaveAttribute('data-drifted', 'true');
  await expect(drift.row('annual_income')).toHaveAttribute('data-drifted', 'true');
  await expect(drift.row('sex')).toHaveAttribute('data-drifted', 'false');
  await expect(drift.columnChart).toHaveAttribute('data-column', 'region');
  await drift.row('annual_income').getByRole('button').click();
  await expect(drift.columnChart).toHaveAttribute('data-column', 'annual_income');
  await expect(drift.root.locator('[data-testid="performance-row"][data-scope="overall"][data-metric="accuracy"]')).toHaveAttribute('data-worse', 'true');
  await chartsDrawn(drift.root);
  await drift.root.screenshot({ path: screenshotPath('changes-drift'), animations: 'disabled' });
  await drift.back.click();

  // Compare the vendor's model with the retrained one on the 2026 batch.
  await changes.modelsDataset.selectOption({ label: 'loan-applications-2026' });
  await changes.modelA.selectOption('vendor_decision');
  await changes.modelB.selectOption('vendor_decision_v2');
  await changes.scoreA.selectOption('vendor_score');
  await changes.scoreB.selectOption('vendor_score_v2');
  await changes.modelsStart.click();
  const models = new ModelsPage(page);
  await expect(models.recommendation).toHaveText(/better overall .* but worse for age = 60\+/, { timeout: 60_000 });
  await expect(models.group('age=60+')).toHaveAttribute('data-worse', 'true');
  await expect(models.group('sex=female')).toHaveAttribute('data-worse', 'false');
  await models.root.screenshot({ path: screenshotPath('changes-models'), animations: 'disabled' });
  await models.back.click();
  await expect(changes.comparisons).toHaveCount(2);
  await changes.root.screenshot({ path: screenshotPath('changes-panel'), animations: 'disabled' });

  // History: two check-ups and one comparison; the accuracy rule fired, the drift rule held (18% < 30%).
  await changes.openHistory.click();
  const history = new HistoryPage(page);
  await expect(history.rows).toHaveCount(3);
  await expect(history.rule('drop:accuracy:0.05:first')).toHaveAttribute('data-state', 'fired');
  await expect(history.rule('above:share_drifted:0.3')).toHaveAttribute('data-state', 'held');
  await chartsDrawn(history.root);
  // Add "warn when the lowest selection-rate ratio is below 0.8"; a percent where 0–1 is asked for is refused.
  await history.metric.selectOption('worst_dp_ratio');
  await history.kind.selectOption('below');
  await history.value.fill('80');
  await expect(history.add).toBeDisabled();
  await history.value.fill('0.8');
  await history.add.click();
  await expect(history.rule('below:worst_dp_ratio:0.8')).toHaveAttribute('data-state', 'fired');
  await history.save.click();
  await expect(history.status).toHaveText(/Rules saved/);
  await history.root.screenshot({ path: screenshotPath('changes-history'), animations: 'disabled' });

  // The rules were kept: back and in again.
  await history.back.click();
  await changes.openHistory.click();
  await expect(history.rules).toHaveCount(3);
});
