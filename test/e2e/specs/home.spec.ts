import { renameSync } from 'node:fs';
import { expect, test } from '../harness/fixtures';
import { fixturePath } from '../harness/paths';
import { DatasetPage } from '../pages/dataset-page';
import { HomePage } from '../pages/home-page';
import { PreviewPage } from '../pages/preview-page';
import { ProjectPage } from '../pages/project-page';
import { ReportPage } from '../pages/report-page';

test.describe('first launch', () => {
  test('shows the home screen with a designed empty state, and nothing leaves the machine', async ({ page, harness }) => {
    await harness.launch();
    const home = new HomePage(page);

    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Check a spreadsheet');
    await expect(home.dropZone).toContainText('Drop a spreadsheet here');
    await expect(home.recentEmpty).toContainText('No projects yet');
    await expect(home.recentItems).toHaveCount(0);
    await expect(page).toHaveTitle('Slicewise');
    await harness.screenshot('home-empty');

    // The page was served from 127.0.0.1 only; nothing tried to reach another host.
    expect(harness.requests.length).toBeGreaterThan(0);
    for (const url of harness.requests) expect(new URL(url).hostname).toBe('127.0.0.1');
    expect(harness.blocked).toEqual([]);
  });

  test('works by keyboard, fits a small window, and has a dark theme', async ({ page, harness }) => {
    await harness.launch();
    // The screen's heading has focus when it opens, so the first Tab lands on the main action.
    await expect(page.getByRole('heading', { level: 1 })).toBeFocused();
    await page.keyboard.press('Tab');
    await expect(page.getByTestId('choose-file')).toBeFocused();
    await harness.screenshot('home-keyboard-focus');
    await page.keyboard.press('Shift+Tab');
    await expect(page.getByTestId('open-project-file')).toBeFocused();
    await page.keyboard.press('Shift+Tab');
    await expect(page.getByTestId('learn-open')).toBeFocused();
    await page.keyboard.press('Shift+Tab');
    await expect(page.getByRole('link', { name: 'Skip to content' })).toBeFocused();

    await page.evaluate('document.activeElement && document.activeElement.blur()');
    await page.setViewportSize({ width: 1024, height: 700 });
    await harness.screenshot('home-empty-1024');
    // Nothing overflows sideways at the smallest supported window size.
    expect(await page.evaluate('document.documentElement.scrollWidth <= window.innerWidth')).toBe(true);

    await page.emulateMedia({ colorScheme: 'dark' });
    await harness.screenshot('home-empty-dark');
  });
});

test.describe('recent projects', () => {
  test('each shows its last check-up’s headline and when it ran, after a relaunch too; a moved file still shows as missing', async ({ page, harness }) => {
    test.setTimeout(90_000);
    await harness.launch();
    const home = new HomePage(page);
    await home.dropFile(await harness.provideFile(fixturePath('patients.csv')));
    await new PreviewPage(page).toSummary.click();
    const dataset = new DatasetPage(page);
    await dataset.closeProject.click();
    const item = home.recentItem('patients');
    await expect(item.getByTestId('recent-headline')).toHaveText('No check-up yet');

    await item.getByTestId('recent-open').click();
    await new ProjectPage(page).openDataset('patients');
    await dataset.root.getByTestId('run-checkup').click();
    const report = new ReportPage(page);
    await expect(report.summaryLine).toHaveText(/^(\d+ things? needs?|Nothing needs) your attention, \d+ checks? passed\.$/, { timeout: 30_000 });
    const summary = await report.summaryLine.innerText();
    const issues = (await report.summaryLine.getAttribute('data-issues')) ?? '';
    await report.back.click();
    await dataset.closeProject.click();

    // The same words as the report's own summary line, and when the check-up ran.
    const headline = item.getByTestId('recent-headline');
    await expect(headline.getByTestId('recent-summary')).toHaveText(summary);
    await expect(headline.getByTestId('recent-run-when')).toHaveText(/^Last check-up \w{3} \d{1,2}, \d{4}/);
    await expect(headline).toHaveAttribute('data-issues', issues);

    // After a relaunch the list comes from the settings alone, and still says it.
    await harness.restart();
    await expect(item.getByTestId('recent-summary')).toHaveText(summary);
    await expect(item.getByTestId('recent-open')).toHaveAccessibleDescription(new RegExp(`^${summary.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} Last check-up .* Last opened `));
    await harness.screenshot('home-recent-headline');

    // A project file moved away shows as before: "File not found", nothing to open.
    const path = harness.services.settings.get().recentProjects[0]!.path;
    renameSync(path, `${path}.moved`);
    await harness.restart();
    await expect(item.getByTestId('recent-missing')).toHaveText('File not found');
    await expect(item.getByTestId('recent-open')).toHaveCount(0);
    await expect(item.getByTestId('recent-headline')).toHaveCount(0);
  });
});
