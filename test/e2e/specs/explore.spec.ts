/**
 * The Explore screen on the loan example: a column's profile agrees with the check-up, the flagged
 * rows of a finding are all there with their reasons, a weak slice shows its rows and numbers, the
 * groups tab compares groups, and the tabs work from the keyboard.
 */
import { expect, test } from '../harness/fixtures';
import { screenshotPath } from '../harness/paths';
import { DatasetPage } from '../pages/dataset-page';
import { ExplorePage } from '../pages/explore-page';
import { HomePage } from '../pages/home-page';
import { PreviewPage } from '../pages/preview-page';
import { ReportPage } from '../pages/report-page';
import { RolesPage } from '../pages/roles-page';

test('exploring the example: column profiles, flagged rows, a weak slice and its rows, groups, keyboard tabs', async ({ page, harness }) => {
  test.setTimeout(180_000);
  await harness.launch();
  await new HomePage(page).examples.first().click();
  await new PreviewPage(page).next.click();
  await new RolesPage(page).save.click();
  await new DatasetPage(page).root.getByTestId('run-checkup').click();
  const report = new ReportPage(page);
  await expect(report.summaryLine).toBeVisible({ timeout: 60_000 });

  // The guided tour walks through the planted problems, outlining each one's card.
  await report.root.getByTestId('start-tour').click();
  const tour = page.getByTestId('tour');
  await expect(tour).toContainText('Step 1 of 8');
  await expect(page.locator('#tour-title')).toBeFocused();
  await expect(report.root.getByTestId('report-summary')).toHaveClass(/tour-highlight/);
  await page.getByTestId('tour-next').click();
  await expect(tour).toContainText('gives the answer away');
  await expect(report.card('quality.target-leakage:sent_to_collections')).toHaveClass(/tour-highlight/);
  await page.getByTestId('tour-next').click();
  await page.getByTestId('tour-next').click();
  await expect(report.card('fairness.groups:sex')).toHaveClass(/tour-highlight/);
  await expect(report.card('quality.target-leakage:sent_to_collections')).not.toHaveClass(/tour-highlight/);
  // What the person sees: the viewport, with the step's card outlined beside the tour panel.
  await page.screenshot({ path: screenshotPath('tour'), animations: 'disabled' });
  await page.keyboard.press('Escape');
  await expect(tour).toHaveCount(0);
  await expect(report.root.getByTestId('start-tour')).toBeFocused();

  await report.root.getByTestId('open-explore').click();

  const explore = new ExplorePage(page);
  await expect(explore.root.locator('h1')).toBeFocused();
  // Columns: the first column's profile, then age — the seven impossible ages are its unusual values.
  await expect(explore.profile).toBeVisible({ timeout: 30_000 });
  await explore.profileColumn.selectOption('age');
  await expect(explore.profile).toHaveAttribute('data-column', 'age');
  const facts = await explore.facts();
  expect(facts['Rows']).toBe('2,024');
  expect(facts['Unusual values']).toMatch(/^7 \(/);
  expect(await report.drawnPixels(explore.profile.getByTestId('finding-chart'))).toBeGreaterThan(500);
  await harness.screenshot('explore-columns');

  // Flagged rows: the 24 duplicate rows, each with its reason.
  await explore.tab('flagged').click();
  await expect(explore.rows.first()).toBeVisible({ timeout: 30_000 });
  await explore.flaggedFinding.selectOption({ label: 'Duplicate rows (24 rows)' });
  await expect(explore.rowsCount).toHaveText('24 rows. ');
  await expect(explore.rows).toHaveCount(24);
  await expect(explore.rows.first().locator('td').first()).toContainText(/Duplicate rows/);
  await harness.screenshot('explore-flagged');

  // A weak slice: its numbers and exactly its rows.
  await explore.tab('slices').click();
  await expect(explore.sliceMetrics).toBeVisible();
  const size = Number((await explore.sliceMetrics.textContent())!.match(/^([\d,]+) rows/)![1]!.replace(/,/g, ''));
  await expect(explore.rows).toHaveCount(Math.min(size, 100), { timeout: 30_000 });
  await expect(explore.root.getByTestId('explore-rows')).toHaveAttribute('data-total', String(size));
  await harness.screenshot('explore-slices');

  // Groups: the fairness comparison, one sensitive column at a time.
  await explore.tab('groups').click();
  await expect(explore.root.getByTestId('fairness-key')).toBeVisible();
  await harness.screenshot('explore-groups');

  // The cut-off: starts at the model's own 0.50; moving it changes every count and the groups' rates; costs find the cheapest cut-off.
  await explore.tab('threshold').click();
  const slider = explore.root.getByTestId('threshold-slider');
  await expect(slider).toHaveValue('50');
  const confusion = explore.root.getByTestId('threshold-confusion');
  const groups = explore.root.getByTestId('threshold-groups');
  const before = { confusion: await confusion.textContent(), groups: await groups.textContent() };
  await slider.focus();
  for (let i = 0; i < 10; i++) await page.keyboard.press('ArrowRight');
  await expect(slider).toHaveValue('60');
  await expect(confusion).not.toHaveText(before.confusion ?? '');
  await expect(groups).not.toHaveText(before.groups ?? '');
  await explore.root.getByTestId('cost-fp').fill('5000');
  await explore.root.getByTestId('cost-fn').fill('300');
  await expect(explore.root.getByTestId('threshold-cost')).toBeVisible();
  await explore.root.getByTestId('threshold-cost-jump').click();
  await expect(slider).not.toHaveValue('60');
  await explore.root.getByTestId('cost-fp').fill('-3');
  await expect(explore.root.getByTestId('cost-fp-error')).toBeVisible();
  await harness.screenshot('explore-threshold');

  // Keyboard: the tabs are one stop; arrows move between them.
  await explore.tab('groups').focus();
  await page.keyboard.press('ArrowRight');
  await expect(explore.tab('slices')).toBeFocused();
  await expect(explore.panel).toHaveAttribute('data-tab', 'slices');
  await page.keyboard.press('End');
  await expect(explore.panel).toHaveAttribute('data-tab', 'flagged');

  await explore.back.click();
  await expect(report.summaryLine).toBeVisible();
});
