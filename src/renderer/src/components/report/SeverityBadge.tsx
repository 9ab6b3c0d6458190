import type { Finding } from '../../../../shared/findings/types';
import { en } from '../../text/en';

/** How serious a finding is: an icon AND a word (never colour alone); "Not enough data" when it cannot say. */
export function SeverityBadge({ finding }: { finding: Finding }) {
  if (finding.status === 'not-enough-data') {
    return (
      <span className="severity severity--unknown" data-testid="severity" data-severity="not-enough-data">
        <span aria-hidden="true">?</span> {en.report.notEnoughBadge}
      </span>
    );
  }
  const word = en.report.severity[finding.severity];
  return (
    <span className={`severity severity--${finding.severity}`} data-testid="severity" data-severity={finding.severity}>
      <span aria-hidden="true">{en.report.severityIcon[finding.severity]}</span>
      <span className="visually-hidden">{en.report.severityPrefix}</span> {word}
    </span>
  );
}
