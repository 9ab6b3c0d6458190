/**
 * Accessibility of the screens of "what changed?", checked with axe-core (WCAG 2.1 A and AA rules)
 * in both themes: a project with its changes panel, a comparison of two batches, a comparison of
 * two models, and the history (journey.spec.ts checks home, preview, roles, report and Explore on
 * every example). Charts are canvases with an aria-label (ECharts'
 * description), so axe sees their text alternative, not their pixels.
 */
import { expectAccessible } from '../harness/axe';
import { expect, test } from '../harness/fixtures';
import { ChangesPanel, DriftPage, HistoryPage, ModelsPage } from '../pages/changes-pages';
import { DatasetPage } from '../pages/dataset-page';
import { HomePage } from '../pages/home-page';
import { PreviewPage } from '../pages/preview-page';
import { ReportPage } from '../pages/report-page';
import { RolesPage } from '../pages/roles-page';

test('the main screens have no serious or critical accessibility problems (axe-core, WCAG 2.1 AA)', async ({ page, harness }) => {
  test.setTimeout(240_000);
  await harness.launch();
  const home = new HomePage(page);
  await expect(home.examples.first()).toBeVisible();

  await home.examples.first().click();
  await new PreviewPage(page).next.click();
  await expect(new RolesPage(page).save).toBeVisible();
  await new RolesPage(page).save.click();
  await new DatasetPage(page).root.getByTestId('run-checkup').click();
  const report = new ReportPage(page);
  await expect(report.summaryLine).toBeVisible({ timeout: 60_000 });
  await report.back.click();
  await new DatasetPage(page).backToProject.click();

  const changes = new ChangesPanel(page);
  await changes.addLaterBatch.click();
  await new PreviewPage(page).toSummary.click();
  await new DatasetPage(page).backToProject.click();
  await expect(changes.compareStart).toBeEnabled();
  await expectAccessible(page, 'project');

  await changes.compareStart.click();
  const drift = new DriftPage(page);
  await expect(drift.summary).toBeVisible({ timeout: 60_000 });
  await expectAccessible(page, 'drift');
  await drift.back.click();

  await changes.modelsDataset.selectOption({ label: 'loan-applications-2026' });
  await changes.modelB.selectOption('vendor_decision_v2');
  await changes.modelsStart.click();
  const models = new ModelsPage(page);
  await expect(models.recommendation).toBeVisible({ timeout: 60_000 });
  await expectAccessible(page, 'models');
  await models.back.click();

  await changes.openHistory.click();
  await expect(new HistoryPage(page).rows.first()).toBeVisible();
  await expectAccessible(page, 'history');
});
