/**
 * Which rows a virtual grid shows for a scroll position, and where. Browsers cap an element's
 * height (about 33 million pixels in Chromium), so past MAX_BODY_PX the scroll range is scaled:
 * the scrollbar maps proportionally onto the rows, and the rows on screen are placed exactly.
 */
import type { ColumnKind, ColumnSummary } from '../../../../shared/domain';

export const ROW_PX = 32;
export const HEAD_PX = 58;
export const MAX_BODY_PX = 10_000_000;
const OVERSCAN = 8;

export interface VisibleRows {
  /** Height of the scrollable body. */
  bodyPx: number;
  first: number;
  last: number;
  /**
   * Rows sit at (i - base) × ROW_PX inside a window moved down by `windowTop`. `base` changes only
   * every BASE_STEP rows, so while scrolling only the window moves and rows already on screen keep
   * their props (and are not rendered again).
   */
  base: number;
  windowTop: number;
}

const BASE_STEP = 4096;

/** `scrollTop` of the scroller and `viewPx` its height (the sticky header covers HEAD_PX of it). */
export function visibleRows(rowCount: number, scrollTop: number, viewPx: number): VisibleRows {
  const fullPx = rowCount * ROW_PX;
  const bodyPx = Math.min(fullPx, MAX_BODY_PX);
  const bodyView = Math.max(ROW_PX, viewPx - HEAD_PX);
  const maxScroll = Math.max(0, bodyPx - bodyView);
  const top = Math.min(Math.max(0, scrollTop), maxScroll);
  // Where the top of the view is among all rows, in unscaled pixels.
  const virtualTop = fullPx === bodyPx || maxScroll === 0 ? top : (top / maxScroll) * (fullPx - bodyView);
  const first = Math.max(0, Math.floor(virtualTop / ROW_PX) - OVERSCAN);
  const last = Math.min(rowCount - 1, Math.ceil((virtualTop + bodyView) / ROW_PX) + OVERSCAN);
  const base = Math.floor(first / BASE_STEP) * BASE_STEP;
  // Row i's top in the body is top + i·ROW_PX − virtualTop; the window carries everything but (i − base)·ROW_PX.
  return { bodyPx, first, last, base, windowTop: top - virtualTop + base * ROW_PX };
}

const NUMERIC: ReadonlySet<ColumnKind> = new Set(['integer', 'decimal']);
export const isNumeric = (kind: ColumnKind): boolean => NUMERIC.has(kind);

/** Column widths in pixels: room for the name and the type's words, within sensible bounds. */
export function columnWidths(columns: readonly ColumnSummary[], typeWord: (kind: ColumnKind) => string, rowCount: number): { rowNumber: number; columns: number[] } {
  const rowNumber = Math.max(56, 20 + String(rowCount).length * 9);
  const widths = columns.map((c) => {
    const forName = c.name.length * 8.4;
    const forType = typeWord(c.type).length * 7 + 52;
    return Math.round(Math.min(280, Math.max(120, forName + 28, forType)));
  });
  return { rowNumber, columns: widths };
}
