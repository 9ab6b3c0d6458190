import type { Locator, Page } from '@playwright/test';

/** The project's "Changes over time" panel: compare batches, compare models, history. */
export class ChangesPanel {
  readonly root: Locator;
  readonly addLaterBatch: Locator;
  readonly compareStart: Locator;
  readonly modelsDataset: Locator;
  readonly modelA: Locator;
  readonly modelB: Locator;
  readonly scoreA: Locator;
  readonly scoreB: Locator;
  readonly modelsStart: Locator;
  readonly openHistory: Locator;
  readonly comparisons: Locator;

  constructor(page: Page) {
    this.root = page.getByTestId('changes-panel');
    this.addLaterBatch = this.root.getByTestId('add-later-batch');
    this.compareStart = this.root.getByTestId('compare-start');
    this.modelsDataset = this.root.getByTestId('models-dataset');
    this.modelA = this.root.getByTestId('models-a');
    this.modelB = this.root.getByTestId('models-b');
    this.scoreA = this.root.getByTestId('models-score-a');
    this.scoreB = this.root.getByTestId('models-score-b');
    this.modelsStart = this.root.getByTestId('models-start');
    this.openHistory = this.root.getByTestId('open-history');
    this.comparisons = this.root.getByTestId('comparison-item');
  }
}

/** A comparison of two batches. */
export class DriftPage {
  readonly root: Locator;
  readonly summary: Locator;
  readonly summaryChart: Locator;
  readonly rows: Locator;
  readonly columnChart: Locator;
  readonly performanceRows: Locator;
  readonly back: Locator;

  constructor(page: Page) {
    this.root = page.getByTestId('drift-screen');
    this.summary = this.root.getByTestId('drift-summary');
    this.summaryChart = this.root.getByTestId('drift-summary-chart');
    this.rows = this.root.getByTestId('drift-row');
    this.columnChart = this.root.getByTestId('drift-column-chart');
    this.performanceRows = this.root.getByTestId('performance-row');
    this.back = this.root.getByTestId('drift-back');
  }

  row(column: string): Locator {
    return this.root.locator(`[data-testid="drift-row"][data-column="${column}"]`);
  }
}

/** A comparison of two models. */
export class ModelsPage {
  readonly root: Locator;
  readonly recommendation: Locator;
  readonly groupRows: Locator;
  readonly back: Locator;

  constructor(page: Page) {
    this.root = page.getByTestId('models-screen');
    this.recommendation = this.root.getByTestId('models-recommendation');
    this.groupRows = this.root.getByTestId('models-group-row');
    this.back = this.root.getByTestId('models-back');
  }

  group(key: string): Locator {
    return this.root.locator(`[data-testid="models-group-row"][data-group="${key}"]`);
  }
}

/** The project's history: the timeline and the rules. */
export class HistoryPage {
  readonly root: Locator;
  readonly chart: Locator;
  readonly rows: Locator;
  readonly rules: Locator;
  readonly metric: Locator;
  readonly kind: Locator;
  readonly value: Locator;
  readonly add: Locator;
  readonly save: Locator;
  readonly status: Locator;
  readonly back: Locator;

  constructor(page: Page) {
    this.root = page.getByTestId('history-screen');
    this.chart = this.root.getByTestId('timeline-chart');
    this.rows = this.root.getByTestId('timeline-row');
    this.rules = this.root.getByTestId('rule-item');
    this.metric = this.root.getByTestId('rule-metric');
    this.kind = this.root.getByTestId('rule-kind');
    this.value = this.root.getByTestId('rule-value');
    this.add = this.root.getByTestId('rule-add');
    this.save = this.root.getByTestId('rules-save');
    this.status = this.root.getByTestId('rules-status');
    this.back = this.root.getByTestId('history-back');
  }

  rule(key: string): Locator {
    return this.root.locator(`[data-testid="rule-item"][data-rule="${key}"]`);
  }
}
