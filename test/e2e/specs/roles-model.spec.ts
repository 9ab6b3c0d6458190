/** The roles screen's questions about the model's columns: one score column per class, editable. */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { listDatasets } from '../../../src/main/store/datasets';
import { getRoles } from '../../../src/main/store/roles';
import { ProjectDb } from '../../../src/main/store/project-db';
import { expect, test } from '../harness/fixtures';
import { HomePage } from '../pages/home-page';
import { PreviewPage } from '../pages/preview-page';
import { RolesPage } from '../pages/roles-page';

test('a multiclass result file: each class’s score column is guessed and can be changed before saving', async ({ page, harness }) => {
  const classes = ['cat', 'dog', 'bird'];
  const lines = ['label,predicted,proba_cat,proba_dog,proba_bird,other_dog'];
  for (let i = 0; i < 60; i++) {
    const label = classes[i % 3]!;
    const p = [0.2, 0.2, 0.2];
    p[i % 3] = 0.6;
    lines.push(`${label},${label},${p[0]},${p[1]},${p[2]},${(0.3 + (i % 5) / 10).toFixed(1)}`);
  }
  const file = join(harness.tempDir, 'pets.csv');
  writeFileSync(file, `${lines.join('\n')}\n`);
  await harness.launch();
  await new HomePage(page).dropFile(await harness.provideFile(file));
  await new PreviewPage(page).next.click();
  const roles = new RolesPage(page);
  const selects = roles.root.getByTestId('class-score-select');
  await expect(selects).toHaveCount(3);
  await expect(selects.nth(1)).toHaveValue('proba_dog');
  await selects.nth(1).selectOption('other_dog');
  await roles.save.click();
  await expect(page.getByTestId('dataset-screen')).toBeVisible();
  // What the project file stores is the person's choice.
  const project = ProjectDb.open(join(harness.projectsDir, 'pets.slicewise'), { appVersion: 'test' });
  try {
    const datasetId = listDatasets(project.db)[0]!.id;
    expect(getRoles(project.db, datasetId).roles.classScores).toEqual({ cat: 'proba_cat', dog: 'other_dog', bird: 'proba_bird' });
  } finally {
    project.close();
  }
});
