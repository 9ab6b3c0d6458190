import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '../harness/fixtures';
import { fixturePath, formatFixturePath, screenshotPath } from '../harness/paths';
import { HomePage } from '../pages/home-page';
import { PreviewPage } from '../pages/preview-page';
import { RolesPage } from '../pages/roles-page';

test('a CSV: preview with types and empty cells, then the roles screen with the guess', async ({ page, harness }) => {
  await harness.launch();
  await new HomePage(page).dropFile(await harness.provideFile(fixturePath('patients.csv')));
  const preview = new PreviewPage(page);
  await expect(preview.summary).toHaveText('12 rows and 5 columns read from patients.csv.');
  expect(await preview.columns()).toEqual([
    { name: 'id', type: 'integer' },
    { name: 'age', type: 'integer' },
    { name: 'region', type: 'category' },
    { name: 'income', type: 'integer' },
    { name: 'comment', type: 'empty' },
  ]);
  expect(await preview.cells(4)).toEqual(['4', 'empty', 'West', '61000', 'empty']);
  await preview.next.click();

  const roles = new RolesPage(page);
  await expect(roles.state).toHaveAttribute('data-confirmed', 'false');
  // The guess: no outcome column, no model, and "age" describes people.
  await expect(roles.target).toHaveValue('');
  await expect(roles.noModel).toBeChecked();
  expect(await roles.sensitiveChosen()).toEqual({ age: 'age' });
});

test('an Excel workbook with title rows and several sheets: header row said, sheet chooser reads another sheet', async ({ page, harness }) => {
  await harness.launch();
  await new HomePage(page).dropFile(await harness.provideFile(formatFixturePath('report.xlsx')));
  const preview = new PreviewPage(page);
  await expect(preview.summary).toHaveText('20 rows and 6 columns read from report.xlsx.');
  // The header was on row 3: the notes say so (else the sheet panel would), and the row is pre-set.
  await expect(preview.notes.first()).toContainText('Read the sheet "Report"');
  await expect(preview.notes.filter({ hasText: 'on row 3' })).toHaveCount(1);
  await expect(preview.headerRowNote).toHaveCount(0);
  await expect(preview.root.getByTestId('header-row-input')).toHaveValue('3');
  expect((await preview.columns()).map((c) => c.name)).toEqual(['id', 'name', 'joined', 'amount', 'score', 'active']);
  expect((await preview.columns()).map((c) => c.type)).toEqual(['integer', 'category', 'date', 'decimal', 'integer', 'boolean']);
  expect((await preview.cells(1))[0]).toBe('1');
  await expect(preview.sheetSelect).toHaveValue('Report');
  await harness.screenshot('preview-xlsx');

  await preview.next.click();
  const roles = new RolesPage(page);
  await expect(roles.state).toHaveAttribute('data-confirmed', 'false');
  await expect(roles.target).toHaveValue('');
  await expect(roles.useOf('joined')).toHaveValue('timestamp');
  await roles.back.click();

  // Another sheet, into the same project.
  await preview.sheetSelect.selectOption('Lookup');
  await preview.readAgain.click();
  await expect(preview.summary).toHaveText('2 rows and 2 columns read from report.xlsx.');
  await expect(preview.sheetSelect).toHaveValue('Lookup');
  await preview.root.getByTestId('back-to-project').click();
  await expect(page.getByTestId('dataset-open')).toHaveCount(2);
});

test('a Parquet file: flat columns previewed, the nested one skipped with a note', async ({ page, harness }) => {
  await harness.launch();
  await new HomePage(page).dropFile(await harness.provideFile(formatFixturePath('mixed.parquet')));
  const preview = new PreviewPage(page);
  await expect(preview.summary).toHaveText('6 rows and 7 columns read from mixed.parquet.');
  await expect(preview.notes.first()).toContainText('skipped: tags (list)');
  expect((await preview.columns()).map((c) => c.name)).toEqual(['id', 'amount', 'name', 'flag', 'ts', 'day', 'big']);
  await expect(preview.gridRows).toHaveCount(6);
  await expect(preview.grid.locator('.cell-empty').first()).toHaveText('empty');
  await preview.next.click();
  const roles = new RolesPage(page);
  await expect(roles.state).toBeVisible();
  await expect(roles.noModel).toBeChecked();
  await expect(roles.useOf('ts')).toHaveValue('timestamp');
});

test('the preview scrolls by keyboard to the last row of a 200,000-row file, keeping only a window of rows in the page', async ({ page, harness }) => {
  const rows = 200_000;
  const lines = ['n,label,value'];
  for (let i = 1; i <= rows; i++) lines.push(`${i},item-${i % 1000},${i % 13 === 0 ? '' : (i * 0.5).toFixed(1)}`);
  const path = join(harness.tempDir, 'long.csv');
  writeFileSync(path, `${lines.join('\n')}\n`);

  await harness.launch();
  await new HomePage(page).dropFile(await harness.provideFile(path));
  const preview = new PreviewPage(page);
  await expect(preview.summary).toHaveText('200,000 rows and 3 columns read from long.csv.');
  await expect(preview.grid).toHaveAccessibleName('Preview of long: 200,000 rows and 3 columns');
  expect(await preview.cells(1)).toEqual(['1', 'item-1', '0.5']);
  await expect(preview.grid.getByRole('table')).toHaveAttribute('aria-rowcount', String(rows + 1));
  await harness.screenshot('preview');

  await preview.grid.focus();
  await page.keyboard.press('End');
  expect(await preview.cells(rows)).toEqual(['200000', 'item-0', '100000']);
  await expect(preview.row(rows)).toBeInViewport();
  // Row 199,992 is a multiple of 13: its value is missing, shown as "empty".
  expect(await preview.cells(199_992)).toEqual(['199992', 'item-992', 'empty']);
  expect(await preview.gridRows.count()).toBeLessThan(80);
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.screenshot({ path: screenshotPath('preview-end-dark'), animations: 'disabled' });
  await page.emulateMedia({ colorScheme: 'light' });

  await page.keyboard.press('Home');
  expect(await preview.cells(1)).toEqual(['1', 'item-1', '0.5']);
  await page.keyboard.press('PageDown');
  await expect(preview.row(1)).not.toBeInViewport();
});
