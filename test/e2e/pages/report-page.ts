import type { Locator, Page } from '@playwright/test';

/** The report: summary, sections of finding cards, key figures, passed checks. */
export class ReportPage {
  readonly root: Locator;
  readonly summaryLine: Locator;
  readonly cards: Locator;
  readonly passed: Locator;
  readonly keyFigures: Locator;
  readonly back: Locator;

  constructor(private readonly page: Page) {
    this.root = page.getByTestId('report-screen');
    // The report appears a part per frame (ReportScreen, useRevealed); its summary line is taken
    // once every part is there, so what a test reads next (counts of cards…) is the whole report.
    this.summaryLine = this.root.locator('main[data-complete="true"]').getByTestId('summary-line');
    this.cards = this.root.getByTestId('finding-card');
    this.passed = this.root.getByTestId('passed-item');
    this.keyFigures = this.root.getByTestId('key-figures');
    this.back = this.root.getByTestId('report-back');
  }

  section(category: string): Locator {
    return this.root.locator(`[data-testid="report-section"][data-category="${category}"]`);
  }

  card(findingId: string): Locator {
    return this.root.locator(`[data-testid="finding-card"][data-finding-id="${findingId}"]`);
  }

  /** The finding ids shown as cards, in page order. */
  async cardIds(): Promise<string[]> {
    return (await this.cards.evaluateAll((els) => els.map((e) => e.getAttribute('data-finding-id') ?? ''))).filter(Boolean);
  }

  /**
   * How many pixels of a chart's canvases are drawn (not fully transparent): 0 means an empty chart.
   * Reads the canvas in the page; ECharts draws to a plain 2D canvas, so nothing is tainted.
   */
  async drawnPixels(chart: Locator): Promise<number> {
    // Charts are drawn when they come near the window (EChart.tsx): bring this one there first.
    await chart.scrollIntoViewIfNeeded();
    await chart.locator('canvas').first().waitFor();
    // ECharts may draw on several layered canvases (progressive series such as the heatmap get their own).
    const counts = await chart.locator('canvas').evaluateAll((els) => els.map((el) => {
      // The e2e code is type-checked without the DOM library: describe the little that is used.
      const c = el as unknown as { width: number; height: number; getContext(kind: '2d'): { getImageData(x: number, y: number, w: number, h: number): { data: ArrayLike<number> } } | null };
      const ctx = c.getContext('2d');
      if (!ctx || c.width === 0 || c.height === 0) return 0;
      const data = ctx.getImageData(0, 0, c.width, c.height).data;
      let drawn = 0;
      for (let i = 3; i < data.length; i += 4) if ((data[i] ?? 0) > 0) drawn++;
      return drawn;
    }));
    return counts.reduce((a, b) => a + b, 0);
  }
}
