import type { Locator, Page } from '@playwright/test';

/** The glossary window ("Learn") and the links that open it. */
export class GlossaryDialog {
  readonly root: Locator;
  readonly search: Locator;
  readonly count: Locator;
  readonly items: Locator;
  readonly entry: Locator;
  readonly example: Locator;
  readonly misleads: Locator;
  readonly definition: Locator;
  readonly related: Locator;
  readonly close: Locator;
  readonly openButton: Locator;

  constructor(private readonly page: Page) {
    this.root = page.getByTestId('glossary-dialog');
    this.search = this.root.getByTestId('glossary-search');
    this.count = this.root.getByTestId('glossary-count');
    this.items = this.root.getByTestId('glossary-index-item');
    this.entry = this.root.getByTestId('glossary-entry');
    this.example = this.root.getByTestId('glossary-example');
    this.misleads = this.root.getByTestId('glossary-misleads');
    this.definition = this.root.getByTestId('glossary-definition');
    this.related = this.root.getByTestId('glossary-related');
    this.close = this.root.getByTestId('glossary-close');
    this.openButton = page.getByTestId('learn-open');
  }

  /** The learn link for a glossary entry inside `scope`. */
  static link(scope: Locator, term: string): Locator {
    return scope.locator(`[data-testid="learn-link"][data-term="${term}"]`);
  }

  item(term: string): Locator {
    return this.root.locator(`[data-testid="glossary-index-item"][data-term="${term}"]`);
  }

  /** Whether keyboard focus is inside the glossary window. */
  async holdsFocus(): Promise<boolean> {
    return (await this.page.evaluate("document.activeElement?.closest('[data-testid=\"glossary-dialog\"]') !== null")) as boolean;
  }
}
