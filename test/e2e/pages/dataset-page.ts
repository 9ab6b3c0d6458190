import type { Locator, Page } from '@playwright/test';

export interface ColumnRow {
  name: string;
  /** The detected kind (data-type) and the words shown for it. */
  type: string;
  typeText: string;
  missing: number;
  missingText: string;
  share: string;
}

/** The dataset summary: headline facts and the table of columns. */
export class DatasetPage {
  readonly root: Locator;
  readonly name: Locator;
  readonly rows: Locator;
  readonly columns: Locator;
  readonly file: Locator;
  readonly columnRows: Locator;
  readonly backToProject: Locator;
  readonly closeProject: Locator;

  constructor(page: Page) {
    this.root = page.getByTestId('dataset-screen');
    this.name = this.root.getByTestId('dataset-name');
    this.rows = this.root.getByTestId('dataset-rows');
    this.columns = this.root.getByTestId('dataset-columns');
    this.file = this.root.getByTestId('dataset-file');
    this.columnRows = this.root.getByTestId('column-row');
    this.backToProject = this.root.getByTestId('back-to-project');
    this.closeProject = page.getByTestId('close-project');
  }

  /** The column table as data, read from the page. */
  async readColumns(): Promise<ColumnRow[]> {
    const out: ColumnRow[] = [];
    for (const row of await this.columnRows.all()) {
      const missingCell = row.getByTestId('column-missing');
      out.push({
        name: (await row.getByTestId('column-name').innerText()).trim(),
        type: (await row.getByTestId('column-type').getAttribute('data-type')) ?? '',
        typeText: (await row.getByTestId('column-type').locator('.type-tag__word').innerText()).trim(),
        missing: Number(await missingCell.getAttribute('data-missing')),
        missingText: (await missingCell.innerText()).trim(),
        share: (await row.getByTestId('column-missing-share').innerText()).trim(),
      });
    }
    return out;
  }
}
