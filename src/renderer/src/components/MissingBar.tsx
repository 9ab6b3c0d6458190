/**
 * A small inline bar showing the share of empty cells. Decorative: the number beside it carries
 * the meaning, so the bar is hidden from screen readers and never the only signal.
 */
export function MissingBar({ share }: { share: number }) {
  const pct = Math.max(0, Math.min(1, share)) * 100;
  // A tiny share still gets a visible sliver so "some" never looks like "none".
  const width = pct === 0 ? 0 : Math.max(pct, 2);
  return (
    <span className="missing-bar" aria-hidden="true">
      <span className="missing-bar__fill" style={{ width: `${width}%` }} />
    </span>
  );
}
