import { expect, test } from '../harness/fixtures';
import { fixturePath } from '../harness/paths';
import { DatasetPage } from '../pages/dataset-page';
import { HomePage } from '../pages/home-page';
import { PreviewPage } from '../pages/preview-page';
import { ProjectPage } from '../pages/project-page';

test('menu commands: import data, close, open project, cancelled dialogs', async ({ page, harness }) => {
  await harness.launch();
  const home = new HomePage(page);
  const dataset = new DatasetPage(page);
  const project = new ProjectPage(page);
  const preview = new PreviewPage(page);

  // File › Import data… with nothing open makes a project for the file.
  harness.dialogs.answerDataFile(fixturePath('patients.csv'));
  await harness.menu('import-data');
  await preview.toSummary.click();
  await expect(dataset.rows).toHaveText('12');
  const projectPath = harness.services.settings.get().recentProjects[0]?.path;
  expect(projectPath).toMatch(/patients\.slicewise$/);

  // File › Import data… inside a project adds to it.
  harness.dialogs.answerDataFile(fixturePath('patients.csv'));
  await harness.menu('import-data');
  await expect(preview.root).toHaveAttribute('data-dataset-id', '2');

  // File › Close returns home.
  await harness.menu('close-project');
  await expect(home.root).toBeVisible();

  // File › Open project…, cancelled, changes nothing; then chosen, opens it.
  await harness.menu('open-project');
  await expect.poll(() => harness.dialogs.shown.projectFile).toBe(1);
  await expect(home.root).toBeVisible();
  harness.dialogs.answerProjectFile(projectPath ?? '');
  await harness.menu('open-project');
  await expect(project.name).toHaveText('patients');
  await expect(project.datasets).toHaveCount(2);

  // File › New project goes back home, closing the current one.
  await harness.menu('new-project');
  await expect(home.root).toBeVisible();
  expect(harness.finishedJobs().map((j) => j.status)).toEqual(['succeeded', 'succeeded']);
});
