import type { Locator, Page } from '@playwright/test';

/** Step 2: "What is in your file?" */
export class RolesPage {
  readonly root: Locator;
  readonly state: Locator;
  readonly target: Locator;
  readonly prediction: Locator;
  readonly score: Locator;
  readonly noModel: Locator;
  readonly positiveOptions: Locator;
  readonly sensitiveItems: Locator;
  readonly save: Locator;
  readonly problems: Locator;
  readonly back: Locator;

  constructor(page: Page) {
    this.root = page.getByTestId('roles-screen');
    this.state = this.root.getByTestId('roles-state');
    this.target = this.root.getByTestId('target-select');
    this.prediction = this.root.getByTestId('prediction-select');
    this.score = this.root.getByTestId('score-select');
    this.noModel = this.root.getByTestId('no-model');
    this.positiveOptions = this.root.getByTestId('positive-option');
    this.sensitiveItems = this.root.getByTestId('sensitive-item');
    this.save = this.root.getByTestId('save-roles');
    this.problems = this.root.getByTestId('roles-problems');
    this.back = this.root.getByTestId('roles-back');
  }

  task(kind: 'binary' | 'multiclass' | 'regression'): Locator {
    return this.root.getByTestId(`task-${kind}`);
  }

  sensitive(column: string): Locator {
    return this.sensitiveItems.and(this.root.locator(`[data-column="${column}"]`));
  }

  /** Sensitive columns ticked, with what each describes. */
  async sensitiveChosen(): Promise<Record<string, string>> {
    const out: Record<string, string> = {};
    for (const item of await this.sensitiveItems.all()) {
      if (!(await item.getByTestId('sensitive-check').isChecked())) continue;
      out[(await item.getAttribute('data-column')) ?? ''] = await item.getByTestId('sensitive-kind').inputValue();
    }
    return out;
  }

  async positiveChosen(): Promise<string | null> {
    for (const option of await this.positiveOptions.all()) if (await option.isChecked()) return option.inputValue();
    return null;
  }

  useOf(column: string): Locator {
    return this.root.locator(`[data-testid="use-row"][data-column="${column}"]`).getByTestId('use-select');
  }
}
