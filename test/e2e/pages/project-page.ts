import type { Locator, Page } from '@playwright/test';
import { dropFileOn } from './home-page';

/** A project: its datasets, a drop zone to add more, and Close project. */
export class ProjectPage {
  readonly root: Locator;
  readonly name: Locator;
  readonly datasets: Locator;
  readonly noDatasets: Locator;
  readonly dropZone: Locator;
  readonly closeButton: Locator;

  constructor(private readonly page: Page) {
    this.root = page.getByTestId('project-screen');
    this.name = this.root.getByTestId('project-name');
    this.datasets = this.root.getByTestId('dataset-open');
    this.noDatasets = this.root.getByTestId('no-datasets');
    this.dropZone = this.root.getByTestId('drop-zone');
    this.closeButton = page.getByTestId('close-project');
  }

  async openDataset(name: string): Promise<void> {
    await this.datasets.filter({ hasText: name }).click();
  }

  async dropFile(fileName: string): Promise<void> {
    await dropFileOn(this.page, this.dropZone, fileName, 'a\n1\n');
  }
}
