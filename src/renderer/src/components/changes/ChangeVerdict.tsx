import { en } from '../../text/en';

/** Worse (marked ▼, not only by colour), better, or no clear change — as a test or an interval decided it. */
export function ChangeVerdict({ worse, better }: { worse: boolean; better: boolean }) {
  const w = en.changes;
  if (worse) return <strong className="drift-verdict drift-verdict--changed">▼ {w.worse}</strong>;
  return better ? <>{w.better}</> : <span className="muted">{w.noClearChange}</span>;
}
