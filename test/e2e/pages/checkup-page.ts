import type { Locator, Page } from '@playwright/test';

/** The check-up progress screen. */
export class CheckupPage {
  readonly root: Locator;
  readonly stage: Locator;
  readonly stages: Locator;
  readonly progressBar: Locator;
  readonly cancelButton: Locator;

  constructor(page: Page) {
    this.root = page.getByTestId('checkup-screen');
    this.stage = this.root.getByTestId('checkup-stage');
    this.stages = this.root.getByTestId('checkup-stage-item');
    this.progressBar = this.root.getByTestId('progress-bar');
    this.cancelButton = this.root.getByTestId('cancel-checkup');
  }
}
