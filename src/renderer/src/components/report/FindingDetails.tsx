import type { Finding } from '../../../../shared/findings/types';
import { glossaryIdForCheck, glossaryIdForMetric } from '../../../../shared/text/en/glossary';
import { en } from '../../text/en';
import { LearnLink } from '../learn/LearnLink';
import { figureText } from './report-view';

/** "Exact figures and definition": every number behind the finding, the definition and the severity rule. */
export function FindingDetails({ finding, learnMore }: { finding: Finding; learnMore: string }) {
  const figures = Object.entries(finding.numbers);
  return (
    <details className="finding__details" data-testid="finding-details">
      <summary data-testid="finding-details-toggle">{en.report.details}</summary>
      <div className="finding__details-body">
        {figures.length > 0 ? (
          <table className="figures-table" data-testid="figures-table">
            <thead>
              <tr>
                <th scope="col">{en.report.figure}</th>
                <th scope="col">{en.report.value}</th>
              </tr>
            </thead>
            <tbody>
              {figures.map(([name, value]) => (
                <tr key={name}>
                  <th scope="row">
                    {name}
                    <LearnLink term={glossaryIdForMetric(name)} name={name} />
                  </th>
                  <td>{figureText(value)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : null}
        {learnMore ? (
          <div>
            <h4 className="finding__label">
              {en.report.definition} <LearnLink term={glossaryIdForCheck(finding.check)} />
            </h4>
            <p data-testid="finding-learn-more">{learnMore}</p>
          </div>
        ) : null}
        <div>
          <h4 className="finding__label">{en.report.severityRule}</h4>
          <p data-testid="finding-severity-rule">{finding.severityRule}</p>
        </div>
      </div>
    </details>
  );
}
