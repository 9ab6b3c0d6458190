/**
 * A newcomer's whole journey on every shipped example (resources/examples/examples.json, the first
 * batches; a later batch is covered by changes.spec): drop the file → preview → roles (the app's
 * guesses, accepted) → check-up → report → Explore: a column, a group, a slice, the cut-off slider
 * → flagged rows → back → export the HTML report. Every screen is screenshotted and checked with
 * axe-core (WCAG 2.1 A/AA, no serious or critical violations): in the light and the dark theme on
 * the first example, in the light theme on the others.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expectAccessible, type Theme } from '../harness/axe';
import { expect, test, type Page } from '../harness/fixtures';
import { repoRoot } from '../harness/paths';
import { DatasetPage } from '../pages/dataset-page';
import { ExplorePage } from '../pages/explore-page';
import { HomePage } from '../pages/home-page';
import { PreviewPage } from '../pages/preview-page';
import { ReportPage } from '../pages/report-page';
import { RolesPage } from '../pages/roles-page';

interface ExampleEntry {
  id: string;
  fileName: string;
  laterBatchOf?: string;
}

const examplesDir = join(repoRoot, 'resources', 'examples');
const examples = (JSON.parse(readFileSync(join(examplesDir, 'examples.json'), 'utf8')) as ExampleEntry[]).filter((e) => !e.laterBatchOf);

/**
 * Screenshot and run axe (contrast differs by theme). The themes are the same CSS on every example,
 * so the first example is looked at in both themes and the others in the light one (each example
 * still has its own screens: a multiclass or regression report is laid out differently).
 */
async function look(page: Page, harness: { screenshot(name: string): Promise<void> }, name: string, themes: readonly Theme[]): Promise<void> {
  for (const scheme of themes) {
    await page.emulateMedia({ colorScheme: scheme });
    await harness.screenshot(`journey-${name}-${scheme}`);
  }
  await page.emulateMedia({ colorScheme: 'light' });
  await expectAccessible(page, name, { themes });
}

for (const example of examples) {
  test(`a newcomer's journey on the "${example.id}" example, every screen looked at, no serious accessibility problem`, async ({ page, harness }) => {
    test.setTimeout(300_000);
    const themes = example === examples[0] ? (['light', 'dark'] as const) : (['light'] as const);
    await harness.launch();
    const home = new HomePage(page);
    await expect(home.examples.first()).toBeVisible();
    // The home screen is the same for every example: looked at once.
    if (example === examples[0]) await look(page, harness, 'home', themes);

    await home.dropFile(await harness.provideFile(join(examplesDir, example.fileName)));
    const preview = new PreviewPage(page);
    await expect(preview.summary).toContainText(example.fileName, { timeout: 60_000 });
    await look(page, harness, `${example.id}-preview`, themes);
    await preview.next.click();

    const roles = new RolesPage(page);
    await expect(roles.save).toBeVisible();
    await look(page, harness, `${example.id}-roles`, themes);
    await roles.save.click();

    const dataset = new DatasetPage(page);
    await expect(dataset.root.getByTestId('run-checkup')).toBeVisible();
    if (example === examples[0]) await look(page, harness, 'dataset', themes);
    await dataset.root.getByTestId('run-checkup').click();
    const report = new ReportPage(page);
    await expect(report.summaryLine).toBeVisible({ timeout: 120_000 });
    await expect(report.cards.first()).toBeVisible();
    await look(page, harness, `${example.id}-report`, themes);

    await report.root.getByTestId('open-explore').click();
    const explore = new ExplorePage(page);
    await expect(explore.profile).toBeVisible({ timeout: 60_000 });
    await look(page, harness, `${example.id}-explore-columns`, themes);

    await explore.tab('groups').click();
    await expect(explore.panel).toHaveAttribute('data-tab', 'groups');
    await look(page, harness, `${example.id}-explore-groups`, themes);

    await explore.tab('slices').click();
    await expect(explore.panel).toHaveAttribute('data-tab', 'slices');
    if (await explore.slice.count()) await expect(explore.root.getByTestId('explore-rows')).toBeVisible({ timeout: 60_000 });
    await look(page, harness, `${example.id}-explore-slices`, themes);

    await explore.tab('threshold').click();
    await expect(explore.panel).toHaveAttribute('data-tab', 'threshold');
    const slider = explore.root.getByTestId('threshold-slider');
    if (await slider.count()) {
      // Moving the cut-off changes what the model would decide.
      const before = await explore.root.getByTestId('threshold-confusion').textContent();
      await slider.focus();
      for (let i = 0; i < 20; i++) await page.keyboard.press('ArrowRight');
      await expect(explore.root.getByTestId('threshold-confusion')).not.toHaveText(before ?? '');
    }
    await look(page, harness, `${example.id}-explore-threshold`, themes);

    await explore.tab('flagged').click();
    await expect(explore.panel).toHaveAttribute('data-tab', 'flagged');
    await expect(explore.root.getByTestId('explore-rows').or(explore.panel.locator('.report-section__clear'))).toBeVisible({ timeout: 60_000 });
    await look(page, harness, `${example.id}-explore-flagged`, themes);

    await explore.back.click();
    const html = join(harness.tempDir, `${example.id}.html`);
    harness.dialogs.answerSavePath(html);
    await report.root.getByTestId('export-html').click();
    await expect(report.root.getByTestId('export-result')).toContainText(`Saved to ${html}.`, { timeout: 60_000 });
    expect(existsSync(html)).toBe(true);
  });
}
