import type { Locator, Page } from '@playwright/test';

/** The import progress screen and the import-failed screen. */
export class ImportPage {
  readonly progressScreen: Locator;
  readonly stage: Locator;
  readonly rows: Locator;
  readonly progressBar: Locator;
  readonly cancelButton: Locator;
  readonly failedScreen: Locator;
  readonly errorMessage: Locator;
  readonly errorLine: Locator;
  readonly tryAnother: Locator;
  readonly raggedChoice: Locator;
  readonly keepLines: Locator;
  readonly skipLines: Locator;

  constructor(page: Page) {
    this.progressScreen = page.getByTestId('import-screen');
    this.stage = this.progressScreen.getByTestId('import-stage');
    this.rows = this.progressScreen.getByTestId('import-rows');
    this.progressBar = this.progressScreen.getByTestId('progress-bar');
    this.cancelButton = this.progressScreen.getByTestId('cancel-import');
    this.failedScreen = page.getByTestId('import-failed-screen');
    this.errorMessage = this.failedScreen.getByTestId('error-message');
    this.errorLine = this.failedScreen.getByTestId('error-line');
    this.tryAnother = this.failedScreen.getByTestId('try-another-file');
    this.raggedChoice = this.failedScreen.getByTestId('ragged-choice');
    this.keepLines = this.failedScreen.getByTestId('ragged-keep');
    this.skipLines = this.failedScreen.getByTestId('ragged-skip');
  }
}
