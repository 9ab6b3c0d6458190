import type { Locator, Page } from '@playwright/test';

/** The join check: how a predictions file's rows match a dataset, before its columns are added. */
export class JoinPage {
  readonly root: Locator;
  readonly keys: Locator;
  readonly keyReason: Locator;
  readonly matched: Locator;
  readonly unmatchedLeft: Locator;
  readonly unmatchedRight: Locator;
  readonly duplicateRight: Locator;
  readonly added: Locator;
  readonly leftKey: Locator;
  readonly rightKey: Locator;
  readonly recheck: Locator;
  readonly noMatch: Locator;
  readonly accept: Locator;
  readonly cancel: Locator;

  constructor(page: Page) {
    this.root = page.getByTestId('join-screen');
    this.keys = this.root.getByTestId('join-keys');
    this.keyReason = this.root.getByTestId('join-key-reason');
    this.matched = this.root.getByTestId('join-matched');
    this.unmatchedLeft = this.root.getByTestId('join-unmatched-left');
    this.unmatchedRight = this.root.getByTestId('join-unmatched-right');
    this.duplicateRight = this.root.getByTestId('join-duplicate-right');
    this.added = this.root.getByTestId('join-added-column');
    this.leftKey = this.root.getByTestId('join-left-key');
    this.rightKey = this.root.getByTestId('join-right-key');
    this.recheck = this.root.getByTestId('join-recheck');
    this.noMatch = this.root.getByTestId('join-no-match');
    this.accept = this.root.getByTestId('join-accept');
    this.cancel = this.root.getByTestId('join-cancel');
  }

  /** The example values shown in one of the "did not match" items. */
  async examples(item: Locator): Promise<string[]> {
    return (await item.locator('.chip').allInnerTexts()).map((t) => t.trim());
  }
}
