/**
 * Learn: the glossary is reachable from the header on every screen and from the numbers of the
 * report; an entry shows its plain words, a worked example on the person's own data (checked here
 * against counts taken from the example file itself, independently of the app), when it misleads
 * and the exact definition; the index can be searched; Escape closes it and gives focus back; Tab
 * stays inside; no serious accessibility problem in the open window; light, dark and 1024×700.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expectAccessible } from '../harness/axe';
import { expect, test } from '../harness/fixtures';
import { repoRoot, screenshotPath } from '../harness/paths';
import { DatasetPage } from '../pages/dataset-page';
import { HomePage } from '../pages/home-page';
import { GlossaryDialog } from '../pages/learn-page';
import { PreviewPage } from '../pages/preview-page';
import { ReportPage } from '../pages/report-page';
import { RolesPage } from '../pages/roles-page';

/** Right calls of the vendor's decision in the shipped example, counted from the file: approved and repaid, or declined and not. */
function rightCalls(): { right: number; rows: number } {
  const [header, ...lines] = readFileSync(join(repoRoot, 'resources/examples/loan-applications.csv'), 'utf8').trimEnd().split('\n');
  const names = header!.split(',');
  const repaid = names.indexOf('repaid');
  const decision = names.indexOf('vendor_decision');
  let right = 0;
  for (const line of lines) {
    const cells = line.split(',');
    if ((cells[decision] === 'approved') === (cells[repaid] === '1')) right++;
  }
  return { right, rows: lines.length };
}

const count = (n: number): string => n.toLocaleString('en-US');

test('learn: from a number to its glossary entry, worked out on my own data', async ({ page, harness }) => {
  test.setTimeout(150_000);
  await harness.launch();
  const glossary = new GlossaryDialog(page);
  const home = new HomePage(page);

  // On the home screen, with no report yet: the index opens, and says there is nothing to work on.
  await expect(home.examples.first()).toBeVisible();
  await glossary.openButton.click();
  await expect(glossary.root).toBeVisible();
  await expect(glossary.search).toBeFocused();
  await glossary.item('accuracy').click();
  await expect(glossary.example).toHaveAttribute('data-worked', 'false');
  await expect(glossary.example).toContainText('Open a check-up report');
  await harness.screenshot('learn-home');
  await page.emulateMedia({ colorScheme: 'dark' });
  await harness.screenshot('learn-home-dark');
  await page.emulateMedia({ colorScheme: 'light' });
  await page.keyboard.press('Escape');
  await expect(glossary.root).toHaveCount(0);
  await expect(glossary.openButton).toBeFocused();

  // The check-up of the example.
  await home.examples.first().click();
  await new PreviewPage(page).next.click();
  await new RolesPage(page).save.click();
  await new DatasetPage(page).root.getByTestId('run-checkup').click();
  const report = new ReportPage(page);
  await expect(report.summaryLine).toBeVisible({ timeout: 60_000 });

  // The ⓘ beside accuracy, by keyboard.
  const accuracyRow = report.keyFigures.locator('[data-metric="accuracy"]');
  const link = GlossaryDialog.link(accuracyRow, 'accuracy');
  await expect(link).toHaveAccessibleName('Learn about accuracy');
  await link.focus();
  await page.keyboard.press('Enter');
  await expect(glossary.root).toBeVisible();
  await expect(glossary.entry).toHaveAttribute('data-term', 'accuracy');
  await expect(glossary.root.getByRole('heading', { name: 'Right calls', exact: true })).toBeFocused();

  // The worked example carries the report's real numbers: the share the metric table shows, and
  // the right calls and rows counted from the file itself.
  const { right, rows } = rightCalls();
  const shown = (await accuracyRow.getByTestId('metric-value').innerText()).trim();
  expect(shown).toBe(`${Math.round((100 * right) / rows)}%`);
  await expect(glossary.example).toHaveAttribute('data-worked', 'true');
  await expect(glossary.example).toContainText(`right on ${count(right)} of ${count(rows)} rows`);
  await expect(glossary.example).toContainText(`${count(right)} ÷ ${count(rows)} = ${shown}`);
  await expect(glossary.misleads).toContainText('one outcome is much more common');
  await expect(glossary.definition.locator('p')).toBeHidden();
  await glossary.definition.locator('summary').click();
  await expect(glossary.definition).toContainText('(TP + TN) ÷ (TP + TN + FP + FN)');

  // Tab stays inside the window.
  for (let i = 0; i < 12; i++) {
    await page.keyboard.press('Tab');
    expect(await glossary.holdsFocus(), `Tab ${i + 1} left the glossary`).toBe(true);
  }
  await page.keyboard.press('Shift+Tab');
  expect(await glossary.holdsFocus()).toBe(true);

  await expectAccessible(page, 'glossary', { include: '[data-testid="glossary-dialog"]' });
  await page.setViewportSize({ width: 1024, height: 700 });
  const box = await glossary.root.boundingBox();
  expect(box && box.width <= 1024 && box.height <= 700 && box.x >= 0 && box.y >= 0, `glossary box ${JSON.stringify(box)}`).toBe(true);
  await page.screenshot({ path: screenshotPath('learn-entry-1024'), animations: 'disabled' });
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.screenshot({ path: screenshotPath('learn-entry-dark'), animations: 'disabled' });
  await page.emulateMedia({ colorScheme: 'light' });

  // A related entry, then a search of the index.
  await glossary.root.locator('[data-testid="glossary-related"][data-term="balanced-accuracy"]').click();
  await expect(glossary.entry).toHaveAttribute('data-term', 'balanced-accuracy');
  await expect(glossary.example).toContainText('plain accuracy');
  await glossary.search.fill('four fifths');
  await expect(glossary.count).toHaveText(/^\d+ entr(y|ies)$/);
  await expect(glossary.items.first()).toHaveAttribute('data-term', 'four-fifths-rule');
  await glossary.items.first().click();
  await expect(glossary.entry).toHaveAttribute('data-term', 'four-fifths-rule');
  await expect(glossary.example).toContainText('four-fifths of that is');
  await glossary.search.fill('zzzz');
  await expect(glossary.count).toContainText('Nothing matches');
  await expect(glossary.items).toHaveCount(0);
  await glossary.search.fill('');
  await page.screenshot({ path: screenshotPath('learn-search-1024'), animations: 'disabled' });

  // Escape closes it and gives focus back to the link that opened it.
  await page.keyboard.press('Escape');
  await expect(glossary.root).toHaveCount(0);
  await expect(link).toBeFocused();
  await page.setViewportSize({ width: 1280, height: 800 });

  // From a finding's check, and from "how sure we are".
  const duplicates = report.card('quality.duplicate-rows:rows');
  await GlossaryDialog.link(duplicates, 'quality.duplicate-rows').first().click();
  await expect(glossary.entry).toHaveAttribute('data-term', 'quality.duplicate-rows');
  await expect(glossary.example).toContainText(`÷ ${count(rows)} =`);
  await glossary.close.click();
  await expect(glossary.root).toHaveCount(0);
  const performance = report.card('model.performance:overall');
  await performance.getByTestId('finding-confidence').scrollIntoViewIfNeeded();
  await performance.locator('dt [data-testid="learn-link"]').click();
  await expect(glossary.entry).toHaveAttribute('data-term', 'delong-test');
  await expect(glossary.example).toContainText('DeLong');
  await page.keyboard.press('Escape');

  // The links beside the numbers, as they look (key figures, the group tables, the weak spots).
  await report.keyFigures.screenshot({ path: screenshotPath('learn-links-key-figures'), animations: 'disabled' });
  await page.getByTestId('disparity-table').screenshot({ path: screenshotPath('learn-links-gaps'), animations: 'disabled' });
  await page.getByTestId('group-table').screenshot({ path: screenshotPath('learn-links-groups'), animations: 'disabled' });
  await page.getByTestId('slice-table').screenshot({ path: screenshotPath('learn-links-slices'), animations: 'disabled' });

  // Every learn link on the report leads to an entry that exists.
  const terms = await report.root.getByTestId('learn-link').evaluateAll((els) => [...new Set(els.map((e) => e.getAttribute('data-term') ?? ''))]);
  expect(terms.length).toBeGreaterThan(15);
  expect(terms).not.toContain('');

  // The header's Learn button on the report opens the index with examples from this report.
  await glossary.openButton.click();
  await glossary.search.fill('demographic parity difference');
  await glossary.item('demographic-parity-difference').click();
  await expect(glossary.example).toHaveAttribute('data-worked', 'true');
  await expect(glossary.example).toContainText('points');
  await page.screenshot({ path: screenshotPath('learn-report-index'), animations: 'disabled' });
  await page.keyboard.press('Escape');
  await expect(glossary.openButton).toBeFocused();
});
