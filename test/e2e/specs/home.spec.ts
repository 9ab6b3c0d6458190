import { expect, test } from '../harness/fixtures';
import { HomePage } from '../pages/home-page';

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
