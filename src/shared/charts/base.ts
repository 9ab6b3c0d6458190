/**
 * What every chart shares: no animation (screenshots and tests are deterministic), an accessible
 * description, and tooltips drawn on the canvas ('richText') — HTML tooltips would inject inline
 * style attributes, which the app's Content-Security-Policy forbids.
 */
import { paletteFor, type ChartTheme } from './theme';
import type { ChartOption, ChartValue } from './types';

export function baseOption(theme: ChartTheme, description: string): ChartOption {
  const p = paletteFor(theme);
  return {
    animation: false,
    backgroundColor: 'transparent',
    aria: { enabled: true, label: { enabled: true, description } },
    textStyle: { color: p.text, fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif', fontSize: 12 },
    tooltip: tooltip(theme),
  };
}

/** Tooltips drawn on the canvas, in the theme's colours; `extra` adds e.g. trigger: 'axis'. */
export function tooltip(theme: ChartTheme, extra: ChartOption = {}): ChartOption {
  const p = paletteFor(theme);
  return {
    renderMode: 'richText',
    confine: true,
    backgroundColor: theme.dark ? '#252a34' : '#ffffff',
    borderColor: p.axis,
    textStyle: { color: p.text, fontSize: 12 },
    ...extra,
  };
}

/**
 * The plotting area, shrunk so that axis labels AND axis names stay inside the canvas
 * (ECharts 6 outer bounds; the older containLabel left rotated axis names outside).
 */
export function grid(margins: { top: number; right?: number; bottom?: number; left?: number }): ChartOption {
  return { left: margins.left ?? 4, right: margins.right ?? 16, top: margins.top, bottom: margins.bottom ?? 4, outerBoundsMode: 'same', outerBoundsContain: 'all' };
}

/** An axis with a name in plain words, along the middle of the axis, moved clear of the labels. */
export function axis(theme: ChartTheme, extra: ChartOption): ChartOption {
  const p = paletteFor(theme);
  return {
    nameLocation: 'middle',
    nameGap: 10,
    nameMoveOverlap: true,
    nameTextStyle: { color: p.muted, fontSize: 12 },
    axisLine: { lineStyle: { color: p.axis } },
    axisTick: { lineStyle: { color: p.axis } },
    axisLabel: { color: p.muted },
    splitLine: { lineStyle: { color: p.grid } },
    ...extra,
  };
}

export function legend(theme: ChartTheme, names: string[]): ChartOption {
  const p = paletteFor(theme);
  return { show: true, top: 0, left: 'center', data: names, textStyle: { color: p.text }, itemGap: 20 };
}

/** Rounds to 6 significant digits so snapshots do not depend on the last bits of a float. */
export function tidy(n: number): number {
  return Number.isFinite(n) ? Number(n.toPrecision(6)) : n;
}

export const asValues = (xs: readonly (number | null)[]): ChartValue[] => xs.map((x) => (x === null ? null : tidy(x)));
