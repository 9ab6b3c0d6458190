/** A determinate progress bar; the percentage is also written out, so it never relies on colour. */
export function ProgressBar({ fraction, label }: { fraction: number; label: string }) {
  const pct = Math.round(Math.max(0, Math.min(1, fraction)) * 100);
  return (
    <div
      className="progress"
      role="progressbar"
      aria-label={label}
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={pct}
      data-testid="progress-bar"
      data-fraction={fraction.toFixed(3)}
    >
      <div className="progress__fill" style={{ width: `${pct}%` }} />
    </div>
  );
}
