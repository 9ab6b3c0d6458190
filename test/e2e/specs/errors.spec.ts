import { copyFileSync, existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expectAccessible } from '../harness/axe';
import { expect, test } from '../harness/fixtures';
import { fixturePath, formatFixturePath } from '../harness/paths';
import { ProjectPage } from '../pages/project-page';
import { HomePage } from '../pages/home-page';
import { ImportPage } from '../pages/import-page';
import { PreviewPage } from '../pages/preview-page';

test('a file with an unclosed quote shows a readable error naming the line, and the app keeps working', async ({ page, harness }) => {
  await harness.launch();
  const home = new HomePage(page);
  await home.dropFile(await harness.provideFile(fixturePath('unclosed-quote.csv')));

  const failed = new ImportPage(page);
  await expect(failed.failedScreen).toBeVisible();
  await expect(failed.failedScreen.getByRole('heading', { name: 'This file could not be read' }).last()).toBeVisible();
  await expect(failed.errorMessage).toContainText('unclosed-quote.csv');
  await expect(failed.errorMessage).toContainText('line 4');
  await expect(failed.errorMessage).toContainText('closing quote');
  await expect(failed.errorLine).toHaveText('Where: line 4 of unclosed-quote.csv');
  expect(harness.finishedJobs().map((j) => [j.status, j.error?.code])).toEqual([['failed', 'PARSE_ERROR']]);
  await harness.screenshot('import-error');
  await expectAccessible(page, 'import failed');

  // Back home: the project made for the broken file is not left in the recent list.
  await failed.tryAnother.click();
  await expect(home.root).toBeVisible();
  await expect(home.recentEmpty).toBeVisible();

  // And a good file still imports.
  await home.dropFile(await harness.provideFile(fixturePath('patients.csv')));
  await expect(new PreviewPage(page).summary).toContainText('12 rows and 5 columns');
});

test('rows of the wrong length: the error names the lines and offers to keep or skip them; Keep reads the file with a note', async ({ page, harness }) => {
  await harness.launch();
  const home = new HomePage(page);
  // setInputFiles gives the page a File; the harness maps its name to the real path.
  await harness.provideFile(fixturePath('ragged-rows.csv'));
  await home.fileInput.setInputFiles(fixturePath('ragged-rows.csv'));

  const failed = new ImportPage(page);
  await expect(failed.errorMessage).toContainText('ragged-rows.csv');
  await expect(failed.errorMessage).toContainText('2 lines do not have 3 values like the header');
  await expect(failed.errorMessage).toContainText('4, 7');
  await expect(failed.errorLine).toContainText('line 4');
  await expect(failed.raggedChoice).toContainText('choose what happens to the 2 lines that do not match the header');
  await expect(failed.keepLines).toHaveText('Keep those lines (fill the gaps)');
  await expect(failed.skipLines).toHaveText('Skip those lines');
  await harness.screenshot('ragged-choice');
  await expectAccessible(page, 'ragged rows choice');

  // Keep: the same file is read again with the choice, into a project of the same name.
  await failed.keepLines.click();
  const preview = new PreviewPage(page);
  await expect(preview.summary).toHaveText('7 rows and 3 columns read from ragged-rows.csv.');
  await expect(preview.notes).toContainText(['2 lines with the wrong number of values were kept']);
  // Line 4 ("Cy,41") is row 3: its missing city is shown as empty.
  expect(await preview.cells(3)).toEqual(['Cy', '41', 'empty']);
  expect(harness.finishedJobs().map((j) => j.status)).toEqual(['failed', 'succeeded']);
  expect(readdirSync(harness.projectsDir).filter((f) => f.endsWith('.slicewise'))).toEqual(['ragged-rows.slicewise']);

  // A file the person picked without a known path is explained, not lost.
  await preview.root.getByTestId('close-project').click();
  await home.fileInput.setInputFiles(fixturePath('patients.csv'));
  await expect(home.notice).toContainText('could not tell where this file is');
});

test('Skip leaves the lines of the wrong length out, into the project the file was dropped on', async ({ page, harness }) => {
  await harness.launch();
  await new HomePage(page).dropFile(await harness.provideFile(fixturePath('patients.csv')));
  const preview = new PreviewPage(page);
  await expect(preview.summary).toContainText('12 rows');
  await preview.root.getByTestId('back-to-project').click();
  await new ProjectPage(page).dropFile(await harness.provideFile(fixturePath('ragged-rows.csv')));

  const failed = new ImportPage(page);
  await failed.skipLines.click();
  await expect(preview.summary).toHaveText('5 rows and 3 columns read from ragged-rows.csv.');
  await expect(preview.notes).toContainText(['2 lines with the wrong number of values were skipped']);
  await preview.root.getByTestId('back-to-project').click();
  await expect(new ProjectPage(page).datasets).toHaveCount(2);
});

test('a file in no format Slicewise reads (a PDF, unknown bytes) gets a readable message, and the app keeps working', async ({ page, harness }) => {
  const pdf = join(harness.tempDir, 'statement.pdf');
  writeFileSync(pdf, '%PDF-1.7\n%\u00e2\u00e3\u00cf\u00d3\n1 0 obj << /Type /Catalog >> endobj\n');
  const unknown = join(harness.tempDir, 'export.bin');
  copyFileSync(formatFixturePath('unknown.bin'), unknown);
  await harness.launch();
  const home = new HomePage(page);
  const failed = new ImportPage(page);

  await home.dropFile(await harness.provideFile(unknown));
  await expect(failed.errorMessage).toContainText('export.bin is not in a format Slicewise reads');
  await expect(failed.errorMessage).toContainText('Excel workbooks (.xlsx)');
  await expect(failed.raggedChoice).toHaveCount(0);
  await failed.tryAnother.click();
  await expect(home.recentEmpty).toBeVisible();

  await home.dropFile(await harness.provideFile(pdf));
  await expect(failed.errorMessage).toContainText('statement.pdf is not a table Slicewise can read: it looks like a PDF document');
  await failed.tryAnother.click();
  await expect(home.recentEmpty).toBeVisible();

  // Nothing was left behind, and a good file still imports.
  expect(readdirSync(harness.projectsDir).filter((f) => f.endsWith('.slicewise'))).toEqual([]);
  await home.dropFile(await harness.provideFile(fixturePath('patients.csv')));
  await expect(new PreviewPage(page).summary).toContainText('12 rows and 5 columns');
});

test('a recent project whose file was deleted is shown as missing and can be forgotten', async ({ page, harness }) => {
  await harness.launch();
  const home = new HomePage(page);
  await home.dropFile(await harness.provideFile(fixturePath('patients.csv')));
  await expect(new PreviewPage(page).summary).toContainText('12 rows');
  await page.getByTestId('close-project').click();

  rmSync(join(harness.projectsDir, 'patients.slicewise'));
  await harness.restart();

  const item = home.recentItem('patients');
  await expect(item.getByTestId('recent-missing')).toHaveText('File not found');
  await expect(item.getByTestId('recent-open')).toHaveCount(0);
  await harness.screenshot('home-recent-missing');
  await item.getByTestId('recent-forget').click();
  await expect(home.recentEmpty).toBeVisible();
});

test('a damaged project file is refused and left as it is; what is readable is recovered into a new file', async ({ page, harness }) => {
  await harness.launch();
  const home = new HomePage(page);
  await home.dropFile(await harness.provideFile(fixturePath('patients.csv')));
  await expect(new PreviewPage(page).summary).toContainText('12 rows');
  await page.getByTestId('close-project').click();

  // Damage the file: scribble over the start of a page past the header, as a failing disk would.
  // (Over a page's unused space it would change nothing SQLite reads, and nothing would be lost.)
  const file = join(harness.projectsDir, 'patients.slicewise');
  const bytes = readFileSync(file);
  const pageSize = bytes.readUInt16BE(16) === 1 ? 65_536 : bytes.readUInt16BE(16);
  const page3 = Math.max(1, Math.floor(bytes.length / 3 / pageSize)) * pageSize;
  bytes.fill(0x5a, page3, page3 + 4096);
  writeFileSync(file, bytes);
  const damaged = Buffer.from(bytes);

  await home.openRecent('patients');
  await expect(home.notice).toContainText('That project could not be opened');
  expect(readFileSync(file).equals(damaged)).toBe(true);
  await harness.screenshot('recover-offer');
  // The same offer when the file is picked with "Open a project file…" (main names the file it refused).
  await page.getByTestId('notice').getByRole('button', { name: 'Dismiss' }).click();
  harness.dialogs.answerProjectFile(file);
  await page.getByTestId('open-project-file').click();
  await expect(home.notice).toContainText('That project could not be opened');
  await page.getByTestId('recover-project').click();
  const project = new ProjectPage(page);
  await expect(project.name).toBeVisible();
  await expect(page.getByTestId('notice')).toContainText('Recovered into a new project file');
  expect(existsSync(join(harness.projectsDir, 'patients (recovered).slicewise'))).toBe(true);
  expect(readFileSync(file).equals(damaged), 'the damaged file is never changed').toBe(true);
});
