import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { listDatasets } from '../../../src/main/store/datasets';
import { ProjectDb } from '../../../src/main/store/project-db';
import { writeCountedCsv } from '../harness/csv-files';
import { expect, test } from '../harness/fixtures';
import { fixturePath } from '../harness/paths';
import { DatasetPage } from '../pages/dataset-page';
import { HomePage } from '../pages/home-page';
import { PreviewPage } from '../pages/preview-page';
import { ProjectPage } from '../pages/project-page';

/**
 * patients.csv, counted by hand (see test/fixtures/README.md). Which kind each column is detected
 * as belongs to the import engine's tests; here the page must show what the project file stores.
 */
const PATIENTS = {
  rows: 12,
  columns: [
    { name: 'id', missing: 0, missingText: 'none', share: '0%' },
    { name: 'age', missing: 2, missingText: '2', share: '16.7%' },
    { name: 'region', missing: 1, missingText: '1', share: '8.3%' },
    { name: 'income', missing: 3, missingText: '3', share: '25.0%' },
    { name: 'comment', missing: 12, missingText: '12', share: 'all' },
  ],
};

test('dropping a CSV shows progress, then its summary, and stores it in the project file', async ({ page, harness }) => {
  await harness.launch();
  const home = new HomePage(page);
  const name = await harness.provideFile(fixturePath('patients.csv'));

  await home.dropFile(name);

  // First the preview: what was read, row by row, with each column's kind in the sticky header.
  const preview = new PreviewPage(page);
  await expect(preview.summary).toHaveText('12 rows and 5 columns read from patients.csv.');
  expect((await preview.columns()).map((c) => c.name)).toEqual(PATIENTS.columns.map((c) => c.name));
  expect(await preview.cells(2)).toEqual(['2', 'empty', 'South', '48000', 'empty']);
  await expect(preview.gridRows).toHaveCount(12);
  await preview.toSummary.click();

  const dataset = new DatasetPage(page);
  await expect(dataset.root).toBeVisible();
  await expect(dataset.name).toHaveText('patients');
  await expect(dataset.rows).toHaveText('12');
  await expect(dataset.columns).toHaveText('5');
  await expect(dataset.file).toHaveText('patients.csv');
  const shown = await dataset.readColumns();
  expect(shown.map(({ name, missing, missingText, share }) => ({ name, missing, missingText, share }))).toEqual(PATIENTS.columns);
  expect(shown.find((c) => c.name === 'comment')?.type).toBe('empty');
  await harness.screenshot('dataset-summary');

  // Progress reached the page, and exactly one import ran, successfully.
  const [job] = harness.finishedJobs();
  expect(harness.finishedJobs()).toHaveLength(1);
  expect(job?.status).toBe('succeeded');
  expect(harness.events.some((e) => e.name === 'jobProgress' && e.payload.jobId === job?.jobId)).toBe(true);

  // The dataset is in the .slicewise file itself, read back with the store's own code.
  const files = readdirSync(harness.projectsDir).filter((f) => f.endsWith('.slicewise'));
  expect(files).toEqual(['patients.slicewise']);
  const db = ProjectDb.open(join(harness.projectsDir, 'patients.slicewise'), { appVersion: 'e2e-check' });
  try {
    const [stored, ...others] = listDatasets(db.db);
    expect(others).toEqual([]);
    expect(stored?.rows).toBe(PATIENTS.rows);
    // What the page shows is what the file holds: names, kinds (in words) and missing counts.
    expect(stored?.columns.map((c) => ({ name: c.name, type: c.type, missing: c.missing }))).toEqual(
      shown.map((c) => ({ name: c.name, type: c.type, missing: c.missing })),
    );
    // Each kind is put in words, never shown as the raw code.
    for (const c of shown) expect(c.typeText).toMatch(/^[A-Z]/);
  } finally {
    db.close();
  }
});

test('choosing a file with the picker imports it; big numbers get thousands separators', async ({ page, harness }) => {
  const csv = writeCountedCsv(harness.tempDir, 'measurements.csv', 12_345);
  await harness.launch();
  const home = new HomePage(page);
  await harness.provideFile(csv.path);

  await home.fileInput.setInputFiles(csv.path);
  await new PreviewPage(page).toSummary.click();

  const dataset = new DatasetPage(page);
  await expect(dataset.rows).toHaveText('12,345');
  await expect(dataset.columns).toHaveText('4');
  const columns = await dataset.readColumns();
  expect(columns.map((c) => [c.name, c.missing])).toEqual(csv.columns.map((n) => [n, csv.missing[n]]));
  expect(columns.find((c) => c.name === 'score')?.missingText).toBe('1,763');
  expect(columns.find((c) => c.name === 'note')?.share).toBe('1.0%');
});

test('reopening a project after a relaunch shows the same summary without reading the file again', async ({ page, harness }) => {
  await harness.launch();
  await new HomePage(page).dropFile(await harness.provideFile(fixturePath('patients.csv')));
  await new PreviewPage(page).toSummary.click();
  const dataset = new DatasetPage(page);
  await expect(dataset.rows).toHaveText('12');
  const before = await dataset.readColumns();
  expect(harness.finishedJobs()).toHaveLength(1);

  await harness.restart();
  const home = new HomePage(page);
  await expect(home.recentItems).toHaveCount(1);
  await expect(home.recentItem('patients')).toContainText('Last opened');
  await harness.screenshot('home-recent');

  await home.openRecent('patients');
  const project = new ProjectPage(page);
  await expect(project.name).toHaveText('patients');
  await expect(project.datasets).toHaveCount(1);
  await expect(project.datasets.first()).toContainText('12 rows · 5 columns');
  await harness.screenshot('project');

  await project.openDataset('patients');
  await expect(dataset.rows).toHaveText('12');
  await expect(dataset.columns).toHaveText('5');
  expect(await dataset.readColumns()).toEqual(before);
  // No import job ran after the relaunch: the summary came from the project file.
  expect(harness.finishedJobs()).toHaveLength(1);
  expect(harness.events.filter((e) => e.name === 'jobProgress').every((e) => e.payload.jobId === harness.finishedJobs()[0]?.jobId)).toBe(true);

  // Closing the project goes home, where it is still listed.
  await dataset.closeProject.click();
  await expect(home.recentItem('patients')).toBeVisible();
});

test('a second file can be added to an open project', async ({ page, harness }) => {
  const csv = writeCountedCsv(harness.tempDir, 'more.csv', 40);
  await harness.launch();
  await new HomePage(page).dropFile(await harness.provideFile(fixturePath('patients.csv')));
  const preview = new PreviewPage(page);
  await preview.toSummary.click();
  const dataset = new DatasetPage(page);
  await expect(dataset.rows).toHaveText('12');
  await dataset.backToProject.click();

  const project = new ProjectPage(page);
  await project.dropFile(await harness.provideFile(csv.path));
  await expect(preview.summary).toContainText('40 rows and 4 columns read from more.csv');
  await preview.toSummary.click();
  await expect(dataset.name).toHaveText('more');
  await expect(dataset.rows).toHaveText('40');
  await dataset.backToProject.click();
  await expect(project.datasets).toHaveCount(2);
  // Both went into the same project file; no second project was made.
  expect(readdirSync(harness.projectsDir).filter((f) => f.endsWith('.slicewise'))).toEqual(['patients.slicewise']);
});
