import { SEVERITIES } from '../../../../shared/findings/types';
import type { CheckReport } from '../../../../shared/report/check-report';
import { sectionName } from '../../../../shared/export/report-words-en';
import { en } from '../../text/en';
import type { ReportSection } from './report-view';

interface Props {
  report: CheckReport;
  sections: ReportSection[];
  passedCount: number;
}

/** The first thing on the report: how many things need attention, how many checks passed, and the way to each section. */
export function ReportSummary({ report, sections, passedCount }: Props) {
  const summary = report.summary ?? { issues: 0, passed: passedCount, not_enough_data: 0, by_severity: {} };
  const severities = SEVERITIES.filter((s) => (summary.by_severity[s] ?? 0) > 0);
  return (
    <section className="panel panel--raised report-summary" aria-labelledby="report-summary-line" data-testid="report-summary">
      <p id="report-summary-line" className="report-summary__line" data-testid="summary-line" data-issues={summary.issues} data-passed={summary.passed}>
        {en.report.summary(summary.issues, summary.passed)}
      </p>
      {summary.not_enough_data > 0 ? <p className="muted">{en.report.notEnough(summary.not_enough_data)}</p> : null}
      {severities.length > 0 ? (
        <ul className="severity-counts" aria-label={en.report.bySeverityLabel}>
          {severities.map((s) => (
            <li key={s} className={`severity severity--${s}`} data-testid="severity-count" data-severity={s}>
              <span aria-hidden="true">{en.report.severityIcon[s]}</span> {summary.by_severity[s]} {en.report.severity[s].toLowerCase()}
            </li>
          ))}
        </ul>
      ) : null}
      <nav aria-label={en.report.contentsLabel}>
        <ul className="report-contents">
          {sections.map((s) => (
            <li key={s.category}>
              <a href={`#section-${s.category}`}>{sectionName(s.category)}</a> <span className="muted">· {en.report.sectionCount(s.findings.length)}</span>
            </li>
          ))}
          {passedCount > 0 ? (
            <li>
              <a href="#section-passed">{en.report.passedHeading}</a> <span className="muted">· {passedCount}</span>
            </li>
          ) : null}
        </ul>
      </nav>
    </section>
  );
}
