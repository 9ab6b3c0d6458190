import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '../harness/fixtures';
import { repoRoot } from '../harness/paths';
import { DatasetPage } from '../pages/dataset-page';
import { HomePage } from '../pages/home-page';

interface ExampleEntry {
  id: string;
  title: string;
  fileName: string;
}

test('"Try an example" opens the shipped example and shows its summary', async ({ page, harness }) => {
  const examplesDir = join(repoRoot, 'resources', 'examples');
  const [example] = JSON.parse(readFileSync(join(examplesDir, 'examples.json'), 'utf8')) as ExampleEntry[];
  if (!example) throw new Error('resources/examples/examples.json lists no example');
  // The example has no quoted line breaks, so lines minus the header are its rows.
  const lines = readFileSync(join(examplesDir, example.fileName), 'utf8').split(/\r?\n/).filter((l) => l !== '');
  const header = (lines[0] ?? '').split(',');

  await harness.launch();
  const home = new HomePage(page);
  await expect(home.examples).toHaveCount(1);
  await home.examples.first().click();

  const dataset = new DatasetPage(page);
  await expect(dataset.root).toBeVisible();
  await expect(dataset.rows).toHaveAttribute('data-value', String(lines.length - 1));
  await expect(dataset.rows).toHaveText((lines.length - 1).toLocaleString('en-US'));
  await expect(dataset.columns).toHaveText(String(header.length));
  await expect(dataset.file).toHaveText(example.fileName);
  expect((await dataset.readColumns()).map((c) => c.name)).toEqual(header);
  await expect(page.locator('.app-header__context')).toHaveText(example.title);
  await harness.screenshot('example-summary');

  await page.setViewportSize({ width: 1024, height: 700 });
  await harness.screenshot('example-summary-1024');
  expect(await page.evaluate('document.documentElement.scrollWidth <= window.innerWidth')).toBe(true);
  await page.emulateMedia({ colorScheme: 'dark' });
  await harness.screenshot('example-summary-dark');
});
