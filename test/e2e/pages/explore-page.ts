import type { Locator, Page } from '@playwright/test';

/** The Explore screen: tabs over column profiles, groups, weak slices, the cut-off and flagged rows. */
export class ExplorePage {
  readonly root: Locator;
  readonly panel: Locator;
  readonly back: Locator;
  readonly profile: Locator;
  readonly profileColumn: Locator;
  readonly rows: Locator;
  readonly rowsCount: Locator;
  readonly flaggedFinding: Locator;
  readonly slice: Locator;
  readonly sliceMetrics: Locator;

  constructor(page: Page) {
    this.root = page.getByTestId('explore-screen');
    this.panel = this.root.getByTestId('explore-panel');
    this.back = this.root.getByTestId('explore-back');
    this.profile = this.root.getByTestId('column-profile');
    this.profileColumn = this.root.getByTestId('profile-column');
    this.rows = this.root.getByTestId('explore-row');
    this.rowsCount = this.root.getByTestId('explore-rows-count');
    this.flaggedFinding = this.root.getByTestId('flagged-finding');
    this.slice = this.root.getByTestId('explore-slice');
    this.sliceMetrics = this.root.getByTestId('slice-metrics');
  }

  tab(key: 'columns' | 'groups' | 'slices' | 'threshold' | 'flagged'): Locator {
    return this.root.getByTestId(`explore-tab-${key}`);
  }

  /** The facts table of the column profile, as { fact: value }. */
  async facts(): Promise<Record<string, string>> {
    const pairs = await this.root.getByTestId('profile-facts').locator('tr').evaluateAll((trs) => trs.map((tr) => [tr.querySelector('th')?.textContent ?? '', tr.querySelector('td')?.textContent ?? '']));
    return Object.fromEntries(pairs);
  }
}
