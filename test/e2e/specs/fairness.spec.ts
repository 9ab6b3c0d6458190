import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '../harness/fixtures';
import { repoRoot, screenshotPath } from '../harness/paths';
import { HomePage } from '../pages/home-page';
import { PreviewPage } from '../pages/preview-page';
import { ReportPage } from '../pages/report-page';
import { RolesPage } from '../pages/roles-page';
import { DatasetPage } from '../pages/dataset-page';
import { CheckupPage } from '../pages/checkup-page';

/** Rows and "approved" decisions per sex, counted from the example's text, independently of the app. */
function approvalsBySex(): Map<string, { rows: number; approved: number }> {
  const [header, ...lines] = readFileSync(join(repoRoot, 'resources/examples/loan-applications.csv'), 'utf8').trimEnd().split('\n');
  const names = header!.split(',');
  const sex = names.indexOf('sex');
  const decision = names.indexOf('vendor_decision');
  const out = new Map<string, { rows: number; approved: number }>();
  for (const line of lines) {
    const cells = line.split(',');
    const g = out.get(cells[sex]!) ?? { rows: 0, approved: 0 };
    g.rows++;
    if (cells[decision] === 'approved') g.approved++;
    out.set(cells[sex]!, g);
  }
  return out;
}

test('fairness and weak slices on the example: groups with ranges, gaps with chance, the cut-off view, and a slice of my own', async ({ page, harness }) => {
  test.setTimeout(120_000);
  await harness.launch();
  await new HomePage(page).examples.first().click();
  await new PreviewPage(page).next.click();
  await new RolesPage(page).save.click();
  await new DatasetPage(page).root.getByTestId('run-checkup').click();
  const report = new ReportPage(page);
  await expect(report.summaryLine).toBeVisible({ timeout: 30_000 });

  const panel = report.section('fairness').getByTestId('fairness-panel');
  await expect(panel).toBeVisible();
  await panel.getByTestId('fairness-key').selectOption({ label: 'sex' });
  const view = panel.getByTestId('fairness-key-view');
  await expect(view).toHaveAttribute('data-key', 'sex');
  // Each group's rows and selection rate match an independent count of the file.
  for (const [sex, c] of approvalsBySex()) {
    const row = view.locator(`[data-testid="group-row"][data-group="${sex}"]`);
    await expect(row).toContainText(c.rows.toLocaleString('en-US'));
    await expect(row).toContainText(`${Math.round((100 * c.approved) / c.rows)}%`);
  }
  await expect(view.getByTestId('disparity-row')).toHaveCount(5);
  await expect(view.locator('[data-disparity="demographic_parity_ratio"] [data-testid="disparity-chance"]')).toContainText(/Unlikely to be chance \(p [<=] /);
  expect(await report.drawnPixels(view.getByTestId('fairness-chart'))).toBeGreaterThan(2000);
  await panel.screenshot({ path: screenshotPath('fairness-panel'), animations: 'disabled' });

  // The intersection: small groups say "not enough data to say" and are listed as left out.
  await panel.getByTestId('fairness-key').selectOption({ label: 'age × sex' });
  await expect(view).toHaveAttribute('data-key', 'age+sex');
  await expect(view.locator('[data-testid="group-row"][data-small="true"]').first()).toContainText('not enough data to say');
  await expect(view.getByTestId('excluded-groups')).toContainText('non-binary');

  // The measure changes the chart; the cut-off slider changes each group's rates.
  await view.getByTestId('fairness-measure').getByText('Right overall (accuracy)').click();
  const threshold = view.getByTestId('threshold-view');
  const before = await threshold.getByTestId('threshold-table').innerText();
  await threshold.getByTestId('threshold-slider').fill('80');
  await expect(threshold.getByTestId('threshold-value')).toHaveText('Cut-off: 80%');
  expect(await threshold.getByTestId('threshold-table').innerText()).not.toEqual(before);
  expect(await report.drawnPixels(threshold.getByTestId('threshold-chart'))).toBeGreaterThan(2000);
  await threshold.screenshot({ path: screenshotPath('fairness-threshold'), animations: 'disabled' });

  // Weak slices: the table, each with chance; then a slice of my own, checked in a new run.
  const slices = report.section('slices').getByTestId('slices-panel');
  await expect(slices.getByTestId('slice-row').first()).toBeVisible();
  await slices.screenshot({ path: screenshotPath('slices-panel'), animations: 'disabled' });
  await slices.getByTestId('custom-slice-input').fill('age >= 60 & region = North');
  await slices.getByTestId('custom-slice-add').click();
  await expect(new CheckupPage(page).root.or(report.root)).toBeVisible();
  const mine = report.section('slices').getByTestId('custom-slice');
  await expect(mine).toHaveCount(1, { timeout: 30_000 });
  await expect(mine).toHaveAttribute('data-ok', 'true');
  await expect(mine).toContainText(/\d+ rows/);
  // A slice naming a column that does not exist says so, with a suggestion, and the app goes on.
  await report.section('slices').getByTestId('custom-slice-input').fill('agee >= 60');
  await report.section('slices').getByTestId('custom-slice-add').click();
  const bad = report.root.locator('[data-testid="custom-slice"][data-ok="false"]');
  await expect(bad).toHaveCount(1, { timeout: 30_000 });
  await expect(bad).toContainText(/agee/);

  // Share it: the save dialog's answer gets a self-contained web page, personal data masked and said so.
  const saved = join(harness.tempDir, 'loans-report.html');
  harness.dialogs.answerSavePath(saved);
  await report.root.getByTestId('export-html').click();
  await expect(report.root.getByTestId('export-result')).toContainText(`Saved to ${saved}.`);
  await expect(report.root.getByTestId('export-result')).toContainText('masked');
  expect(readFileSync(saved, 'utf8')).toMatch(/^<!doctype html>/i);
  expect(harness.dialogs.suggested.at(-1)).toMatch(/check-up \d+\.html$/);
  await report.root.getByTestId('export-bar').screenshot({ path: screenshotPath('export-bar'), animations: 'disabled' });
});
