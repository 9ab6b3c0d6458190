import { useEffect, useState } from 'react';

/**
 * How many of `total` parts of a long screen to show: the `first` at once, then one more per
 * frame, so a big report (a million rows: hundreds of groups, slices and charts) never holds the
 * window's thread for one long task while it appears — the summary is there at once, and the
 * window answers clicks and keys between sections. Starts again when `key` (the content) changes.
 */
export function useRevealed(total: number, key: unknown, first = 1): number {
  const [state, setState] = useState({ key, shown: first });
  // New content starts again from its first parts, in this render (not one render late, which
  // would draw as many parts as the old content had reached, all at once).
  const shown = state.key === key ? state.shown : first;
  if (state.key !== key) setState({ key, shown: first });
  useEffect(() => {
    if (shown >= total) return;
    const frame = requestAnimationFrame(() => setState((s) => (s.key === key ? { key, shown: s.shown + 1 } : s)));
    return () => cancelAnimationFrame(frame);
  }, [key, shown, total]);
  return Math.min(shown, total);
}
