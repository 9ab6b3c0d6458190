/**
 * Where the main window opens: the size and place it had last time, moved back onto a screen
 * that still exists (a laptop undocked from its monitor must not open the app off-screen).
 * Pure, so the clamping is unit-tested; window.ts only reads displays and saves bounds.
 */
export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface WindowState extends Rect {
  maximized: boolean;
}

export const MIN_WINDOW_SIZE = { width: 1024, height: 700 } as const;
export const DEFAULT_WINDOW_SIZE = { width: 1280, height: 820 } as const;

/** Less of the window than this on any screen and it counts as lost. */
const MIN_VISIBLE = { width: 160, height: 80 } as const;

const isFiniteRect = (r: Rect): boolean => [r.x, r.y, r.width, r.height].every(Number.isFinite);

function overlap(a: Rect, b: Rect): { width: number; height: number } {
  const width = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const height = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  return { width: Math.max(0, width), height: Math.max(0, height) };
}

const clamp = (value: number, lo: number, hi: number): number => Math.min(Math.max(value, lo), Math.max(lo, hi));

function centeredOn(area: Rect, size: { width: number; height: number }): Rect {
  const width = Math.min(size.width, area.width);
  const height = Math.min(size.height, area.height);
  return {
    x: Math.round(area.x + (area.width - width) / 2),
    y: Math.round(area.y + (area.height - height) / 2),
    width,
    height,
  };
}

/**
 * @param saved what SettingsStore.windowBounds held (undefined on first launch)
 * @param workAreas the displays' work areas (screen minus taskbar/dock), primary display first
 */
export function clampBounds(saved: WindowState | undefined, workAreas: readonly Rect[]): WindowState {
  const primary = workAreas[0] ?? { x: 0, y: 0, ...DEFAULT_WINDOW_SIZE };
  if (!saved || !isFiniteRect(saved)) return { ...centeredOn(primary, DEFAULT_WINDOW_SIZE), maximized: false };

  const wanted = {
    x: Math.round(saved.x),
    y: Math.round(saved.y),
    width: Math.round(Math.max(saved.width, MIN_WINDOW_SIZE.width)),
    height: Math.round(Math.max(saved.height, MIN_WINDOW_SIZE.height)),
  };

  // The screen that shows most of the window is where it belongs.
  let best: Rect | undefined;
  let bestArea = 0;
  for (const area of workAreas) {
    const o = overlap(wanted, area);
    if (o.width >= MIN_VISIBLE.width && o.height >= MIN_VISIBLE.height && o.width * o.height > bestArea) {
      best = area;
      bestArea = o.width * o.height;
    }
  }
  const maximized = saved.maximized === true;
  if (!best) return { ...centeredOn(primary, wanted), maximized };

  const width = Math.min(wanted.width, best.width);
  const height = Math.min(wanted.height, best.height);
  return {
    x: clamp(wanted.x, best.x, best.x + best.width - width),
    y: clamp(wanted.y, best.y, best.y + best.height - height),
    width,
    height,
    maximized,
  };
}
