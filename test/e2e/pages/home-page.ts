import type { Locator, Page } from '@playwright/test';

/** The home screen: drop zone, recent projects, examples. */
export class HomePage {
  readonly root: Locator;
  readonly dropZone: Locator;
  readonly fileInput: Locator;
  readonly recentEmpty: Locator;
  readonly recentItems: Locator;
  readonly examples: Locator;
  readonly notice: Locator;

  constructor(private readonly page: Page) {
    this.root = page.getByTestId('home-screen');
    this.dropZone = this.root.getByTestId('drop-zone');
    this.fileInput = this.root.getByTestId('file-input');
    this.recentEmpty = this.root.getByTestId('recent-empty');
    this.recentItems = this.root.getByTestId('recent-item');
    this.examples = this.root.getByTestId('example-open');
    this.notice = page.getByTestId('notice');
  }

  recentItem(name: string): Locator {
    return this.recentItems.filter({ hasText: name });
  }

  async openRecent(name: string): Promise<void> {
    await this.recentItem(name).getByTestId('recent-open').click();
  }

  /** Drops a file the way a person does: a DataTransfer holding a File, dispatched on the zone. */
  async dropFile(fileName: string, content = 'a\n1\n'): Promise<void> {
    await dropFileOn(this.page, this.dropZone, fileName, content);
  }
}

/**
 * Dispatches dragenter/dragover/drop with a DataTransfer built in the page. Only the name matters
 * to the app (the harness maps it to the real path), so the File's content is a stand-in.
 */
export async function dropFileOn(page: Page, zone: Locator, fileName: string, content: string): Promise<void> {
  const dataTransfer = await page.evaluateHandle(
    `(() => { const dt = new DataTransfer(); dt.items.add(new File([${JSON.stringify(content)}], ${JSON.stringify(fileName)}, { type: 'text/csv' })); return dt; })()`,
  );
  await zone.dispatchEvent('dragenter', { dataTransfer });
  await zone.dispatchEvent('dragover', { dataTransfer });
  await zone.dispatchEvent('drop', { dataTransfer });
  await dataTransfer.dispose();
}
