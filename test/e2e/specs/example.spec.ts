import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '../harness/fixtures';
import { repoRoot, screenshotPath } from '../harness/paths';
import { DatasetPage } from '../pages/dataset-page';
import { HomePage } from '../pages/home-page';
import { PreviewPage } from '../pages/preview-page';
import { ProjectPage } from '../pages/project-page';
import { RolesPage } from '../pages/roles-page';

interface ExampleEntry {
  id: string;
  title: string;
  fileName: string;
}

test('"Try an example": preview, the roles screen pre-filled with the guess, a change saved and still there after a relaunch', async ({ page, harness }) => {
  // Import, a relaunch and a second import: more than the default 30 s on a busy 2-core machine.
  test.setTimeout(90_000);
  const examplesDir = join(repoRoot, 'resources', 'examples');
  const examples = JSON.parse(readFileSync(join(examplesDir, 'examples.json'), 'utf8')) as ExampleEntry[];
  const [example] = examples;
  if (!example) throw new Error('resources/examples/examples.json lists no example');
  // The example has no quoted line breaks, so lines minus the header are its rows.
  const lines = readFileSync(join(examplesDir, example.fileName), 'utf8').split(/\r?\n/).filter((l) => l !== '');
  const header = (lines[0] ?? '').split(',');

  await harness.launch();
  const home = new HomePage(page);
  // Every shipped example is offered (the first example and its later batch).
  await expect(home.examples).toHaveCount(examples.length);
  await home.examples.first().click();

  // Step 1: the preview.
  const preview = new PreviewPage(page);
  await expect(preview.summary).toHaveText(`${(lines.length - 1).toLocaleString('en-US')} rows and ${header.length} columns read from ${example.fileName}.`);
  expect((await preview.columns()).map((c) => c.name)).toEqual(header);
  expect(await preview.cells(1)).toEqual((lines[1] ?? '').split(','));
  await expect(page.locator('.app-header__context')).toHaveText(example.title);
  await preview.next.click();

  // Step 2: the roles, pre-filled with the guess.
  const roles = new RolesPage(page);
  await expect(roles.state).toHaveAttribute('data-confirmed', 'false');
  await expect(roles.target).toHaveValue('repaid');
  await expect(roles.task('binary')).toBeChecked();
  expect(await roles.positiveChosen()).toBe('1');
  await expect(roles.noModel).not.toBeChecked();
  await expect(roles.prediction).toHaveValue('vendor_decision');
  await expect(roles.score).toHaveValue('vendor_score');
  expect(await roles.sensitiveChosen()).toEqual({ sex: 'sex', age: 'age' });
  await expect(roles.root.getByTestId('role-target').getByTestId('role-guess')).toContainText('repaid');
  await expect(roles.useOf('application_id')).toHaveValue('id');
  await page.setViewportSize({ width: 1024, height: 700 });
  await harness.screenshot('roles');
  expect(await page.evaluate('document.documentElement.scrollWidth <= window.innerWidth')).toBe(true);
  await page.emulateMedia({ colorScheme: 'dark' });
  await harness.screenshot('roles-dark');
  await page.emulateMedia({ colorScheme: 'light' });
  await page.setViewportSize({ width: 1280, height: 800 });

  // A choice that makes no sense is refused with main's words, and the form stays.
  await roles.noModel.check();
  await roles.noModel.uncheck();
  await roles.target.selectOption('vendor_score');
  await roles.save.click();
  await expect(roles.problems).toContainText('three different columns');
  await expect(roles.root).toBeVisible();
  await roles.save.scrollIntoViewIfNeeded();
  await page.screenshot({ path: screenshotPath('roles-problem'), animations: 'disabled' });

  // Change: the region is also about people (nationality-like "something else"), age is not.
  await roles.target.selectOption('repaid');
  await roles.root.locator('input[data-testid="positive-option"][value="1"]').check();
  await roles.sensitive('age').getByTestId('sensitive-check').uncheck();
  await roles.sensitive('region').getByTestId('sensitive-check').check();
  await roles.save.click();

  const dataset = new DatasetPage(page);
  await expect(dataset.root).toBeVisible();
  await expect(page.getByTestId('notice')).toContainText('Roles saved');
  await expect(dataset.rows).toHaveAttribute('data-value', String(lines.length - 1));
  expect((await dataset.readColumns()).map((c) => c.name)).toEqual(header);
  await harness.screenshot('example-summary');

  // Relaunch, reopen: the saved answers are there.
  await harness.restart();
  await home.openRecent(example.title);
  await new ProjectPage(page).openDataset(example.fileName.replace(/\.csv$/, ''));
  await dataset.root.getByTestId('open-roles').click();
  await expect(roles.state).toHaveAttribute('data-confirmed', 'true');
  await expect(roles.target).toHaveValue('repaid');
  await expect(roles.prediction).toHaveValue('vendor_decision');
  expect(await roles.positiveChosen()).toBe('1');
  expect(await roles.sensitiveChosen()).toEqual({ sex: 'sex', region: 'other' });
});
