import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CHECKUP_STAGES } from '../../../src/shared/checks/registry';
import { writeCheckupCsv } from '../harness/csv-files';
import { expect, test, type Page } from '../harness/fixtures';
import { screenshotPath } from '../harness/paths';
import { DatasetPage } from '../pages/dataset-page';
import { CheckupPage } from '../pages/checkup-page';
import { HomePage } from '../pages/home-page';
import { PreviewPage } from '../pages/preview-page';
import { ProjectPage } from '../pages/project-page';
import { ReportPage } from '../pages/report-page';
import { RolesPage } from '../pages/roles-page';

/** The problems planted in the shipped example (resources/examples/README.md) and the cards that must show them. */
const PLANTED = [
  { id: 'quality.duplicate-rows:rows', section: 'quality', headline: /24 rows .* repeat an earlier row/, chart: false },
  { id: 'privacy.email:email', section: 'privacy', headline: /e-mail addresses/, chart: false },
  { id: 'privacy.phone:phone', section: 'privacy', headline: /phone numbers/, chart: false },
  { id: 'privacy.person-name:applicant_name', section: 'privacy', headline: /people's names/, chart: false },
  { id: 'privacy.personal-data:dataset', section: 'privacy', headline: /personal data/, chart: true },
  { id: 'quality.target-leakage:sent_to_collections', section: 'quality', headline: /sent_to_collections/, chart: false },
  { id: 'model.calibration:overall', section: 'calibration', headline: /When the model says \d+%/, chart: true },
  { id: 'quality.outliers:age', section: 'quality', headline: /far outside/, chart: true },
  { id: 'model.performance:overall', section: 'performance', headline: /right 72% of the time/, chart: true },
] as const;

async function settle(page: Page): Promise<void> {
  // Charts resize on the next frame after the viewport changes.
  await page.evaluate('new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)))');
}

test('the example: run the check-up, read the report, and reopen it after a relaunch', async ({ page, harness }) => {
  test.setTimeout(150_000);
  await harness.launch();
  const home = new HomePage(page);
  await home.examples.first().click();
  await new PreviewPage(page).next.click();
  const roles = new RolesPage(page);
  await expect(roles.target).toHaveValue('repaid');
  await roles.save.click();

  const dataset = new DatasetPage(page);
  await expect(dataset.root.getByTestId('no-runs')).toBeVisible();
  await dataset.root.getByTestId('run-checkup').click();

  const report = new ReportPage(page);
  await expect(report.summaryLine).toHaveText(/^\d+ things need your attention, \d+ checks passed\.$/, { timeout: 30_000 });
  const summaryText = await report.summaryLine.innerText();
  const issues = Number(await report.summaryLine.getAttribute('data-issues'));
  const passed = Number(await report.summaryLine.getAttribute('data-passed'));
  expect(issues).toBeGreaterThan(10);
  expect(await report.cards.count()).toBe(issues);

  for (const planted of PLANTED) {
    const card = report.card(planted.id);
    await expect(card, planted.id).toBeVisible();
    await expect(report.section(planted.section).locator(`[data-finding-id="${planted.id}"]`)).toHaveCount(1);
    await expect(card.getByTestId('finding-headline')).toHaveText(planted.headline);
    await expect(card.getByTestId('severity')).toHaveText(/(Critical|High|Medium|Low|Note)$/);
    await expect(card.getByTestId('finding-why')).not.toBeEmpty();
    await expect(card.getByTestId('finding-action')).not.toBeEmpty();
    await expect(card.getByTestId('finding-confidence')).not.toBeEmpty();
    if (planted.chart) expect(await report.drawnPixels(card.getByTestId('finding-chart')), `${planted.id} chart`).toBeGreaterThan(2000);
    else await expect(card.getByTestId('finding-chart')).toHaveCount(0);
  }
  // Every card has its words; every chart is drawn.
  for (const card of await report.cards.all()) await expect(card.getByTestId('finding-headline')).toHaveText(/\w.{10,}/);
  for (const chart of await report.root.getByTestId('finding-chart').all()) expect(await report.drawnPixels(chart)).toBeGreaterThan(2000);
  // Masked examples and column names are shown as text.
  await expect(report.card('privacy.email:email').getByTestId('finding-examples')).toContainText('@e******.com');
  await expect(report.card('privacy.email:email').getByTestId('finding-columns')).toHaveText('email');

  // Key figures: measures with ranges, an undefined one would show its reason; the ROC curve.
  await expect(report.keyFigures.locator('[data-metric="accuracy"] [data-testid="metric-value"]')).toHaveText('72%');
  await expect(report.keyFigures.locator('[data-metric="roc_auc"]')).toContainText('0.687');
  expect(await report.drawnPixels(report.keyFigures.getByTestId('roc-chart'))).toBeGreaterThan(2000);
  await expect(report.root.getByTestId('metric-reason')).toHaveCount(0);

  // Checks that passed, headline only.
  await expect(report.passed).toHaveCount(passed);
  await expect(report.root.locator('[data-testid="passed-item"][data-check="quality.conflicting-labels"]')).toHaveCount(1);

  await harness.screenshot('report');
  // The other views as the window shows them (a full 12,000-pixel page costs seconds each):
  // dark at the model's cards, where the charts are; 1024×700 at the top.
  await page.emulateMedia({ colorScheme: 'dark' });
  await report.card('model.performance:overall').evaluate((el) => (el as unknown as { scrollIntoView(): void }).scrollIntoView());
  await settle(page);
  await page.screenshot({ path: screenshotPath('report-dark'), animations: 'disabled' });
  await page.emulateMedia({ colorScheme: 'light' });
  await page.setViewportSize({ width: 1024, height: 700 });
  await page.evaluate('window.scrollTo(0, 0)');
  await settle(page);
  expect(await page.evaluate('document.documentElement.scrollWidth <= window.innerWidth')).toBe(true);
  await page.screenshot({ path: screenshotPath('report-1024'), animations: 'disabled' });

  // Exact figures, by keyboard.
  const calibration = report.card('model.calibration:overall');
  await calibration.getByTestId('finding-details-toggle').focus();
  await page.keyboard.press('Enter');
  await expect(calibration.getByTestId('figures-table')).toBeVisible();
  await expect(calibration.getByTestId('finding-learn-more')).toContainText('ECE');
  await expect(calibration.getByTestId('finding-severity-rule')).not.toBeEmpty();
  await calibration.screenshot({ path: screenshotPath('finding-expanded'), animations: 'disabled' });
  await page.setViewportSize({ width: 1280, height: 800 });
  const ids = await report.cardIds();

  // Back on the dataset, the run is listed; after a relaunch it opens the same report.
  await report.back.click();
  await expect(dataset.root.getByTestId('run-item')).toHaveCount(1);
  await harness.restart();
  await home.openRecent('Loan applications');
  // The project's audit trail: import, roles, check-up, newest first.
  const project = new ProjectPage(page);
  await expect(project.root.getByTestId('audit-item')).toHaveCount(3);
  expect(await project.root.getByTestId('audit-item').evaluateAll((els) => els.map((e) => e.getAttribute('data-action')))).toEqual(['run', 'roles', 'import']);
  await expect(project.root.locator('[data-testid="audit-item"][data-action="run"]')).toContainText(`${issues} findings to look at`);
  await harness.screenshot('project-audit');
  // What the model is for, written once for the model card.
  await project.root.getByTestId('model-card-intendedUse').fill('Rank applications for a human reviewer');
  await project.root.getByTestId('model-card-save').click();
  await expect(project.root.getByTestId('model-card-status')).toHaveText('Saved.');
  await project.openDataset('loan-applications');
  const run = dataset.root.getByTestId('run-item');
  await expect(run).toHaveCount(1);
  await expect(run.getByTestId('run-counts')).toHaveText(`${issues} to look at · ${passed} passed`);
  await run.getByTestId('run-open').click();
  await expect(report.summaryLine).toHaveText(summaryText);
  expect(await report.cardIds()).toEqual(ids);

  // The model card: the person's words with the measured results.
  const cardPath = join(harness.tempDir, 'model-card.html');
  harness.dialogs.answerSavePath(cardPath);
  await report.root.getByTestId('export-card').click();
  await expect(report.root.getByTestId('export-result')).toContainText(`Saved to ${cardPath}.`);
  const card = readFileSync(cardPath, 'utf8');
  expect(card).toContain('Rank applications for a human reviewer');
  expect(card).toContain('NIST AI Risk Management Framework');
});

test('cancelling a check-up on a large file returns to the dataset with a note, nothing saved', async ({ page, harness }) => {
  test.setTimeout(60_000);
  const path = writeCheckupCsv(harness.tempDir, 'churn.csv', 600_000);
  await harness.launch();
  await new HomePage(page).dropFile(await harness.provideFile(path));
  await new PreviewPage(page).toSummary.click({ timeout: 20_000 });
  const dataset = new DatasetPage(page);
  await dataset.root.getByTestId('run-checkup').click();

  const checkup = new CheckupPage(page);
  await expect(checkup.root).toBeVisible();
  // Loading, every stage of the check-up, saving.
  await expect(checkup.stages).toHaveCount(CHECKUP_STAGES.length + 2);
  await expect(checkup.root.locator('[data-state="now"]')).toHaveCount(1);
  // A step done and the bar moving, while the window still answers (this click and read happen during the run).
  await expect(checkup.root.locator('[data-state="done"]').first()).toBeVisible({ timeout: 20_000 });
  await expect.poll(async () => Number(await checkup.progressBar.getAttribute('aria-valuenow'))).toBeGreaterThan(0);
  await harness.screenshot('checkup-progress');
  await checkup.cancelButton.click();

  await expect(dataset.root).toBeVisible();
  await expect(page.getByTestId('notice')).toContainText('The check-up was cancelled. Nothing was saved.');
  await expect(dataset.root.getByTestId('no-runs')).toBeVisible();
  expect(harness.finishedJobs().filter((j) => j.kind === 'checkup').map((j) => j.status)).toEqual(['cancelled']);
});
