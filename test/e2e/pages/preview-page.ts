import type { Locator, Page } from '@playwright/test';

/** Step 1 after an import: notes, read-again choices and the virtual data grid. */
export class PreviewPage {
  readonly root: Locator;
  readonly summary: Locator;
  readonly notes: Locator;
  readonly grid: Locator;
  readonly gridColumns: Locator;
  readonly gridRows: Locator;
  readonly next: Locator;
  readonly toSummary: Locator;
  readonly sheetChooser: Locator;
  readonly sheetSelect: Locator;
  readonly headerRowNote: Locator;
  readonly readAgain: Locator;

  constructor(page: Page) {
    this.root = page.getByTestId('preview-screen');
    this.summary = this.root.getByTestId('preview-summary');
    this.notes = this.root.getByTestId('dataset-note');
    this.grid = this.root.getByTestId('data-grid');
    this.gridColumns = this.grid.getByTestId('grid-column');
    this.gridRows = this.grid.getByTestId('grid-row');
    this.next = this.root.getByTestId('preview-next');
    this.toSummary = this.root.getByTestId('preview-to-summary');
    this.sheetChooser = this.root.getByTestId('sheet-chooser');
    this.sheetSelect = this.root.getByTestId('sheet-select');
    this.headerRowNote = this.root.getByTestId('header-row-note');
    this.readAgain = this.root.getByTestId('read-again');
  }

  /** The grid row for a 1-based row number (only present while it is on screen). */
  row(n: number): Locator {
    return this.grid.locator(`[data-testid="grid-row"][data-row="${n}"]`);
  }

  /** The cells of a loaded row, as the page shows them ("empty" for a missing value). */
  async cells(n: number): Promise<string[]> {
    const loaded = this.grid.locator(`[data-testid="grid-row"][data-row="${n}"]:not([aria-busy])`);
    await loaded.waitFor();
    return (await loaded.getByRole('cell').allInnerTexts()).map((t) => t.trim());
  }

  /** Each column's name and detected kind (data-type), from the sticky header. */
  async columns(): Promise<{ name: string; type: string }[]> {
    const out: { name: string; type: string }[] = [];
    for (const col of await this.gridColumns.all()) {
      out.push({ name: (await col.locator('.data-grid__colname').innerText()).trim(), type: (await col.getAttribute('data-type')) ?? '' });
    }
    return out;
  }
}
