import type { Finding } from '../../../../shared/findings/types';
import { textFor } from '../../../../shared/text/en';
import { glossaryIdForCheck } from '../../../../shared/text/en/glossary';
import { en } from '../../text/en';
import { LearnLink } from '../learn/LearnLink';
import { FindingChartView } from './FindingChartView';
import { FindingDetails } from './FindingDetails';
import { FindingFacts } from './FindingFacts';
import { SeverityBadge } from './SeverityBadge';

/**
 * One finding: how serious, the headline with its numbers, its chart, why it matters, what to do,
 * how sure we are, what it is about, and (on request) the exact figures. Every sentence comes
 * from textFor(finding) — the same words the CLI prints.
 */
export function FindingCard({ finding }: { finding: Finding }) {
  const text = textFor(finding);
  const headingId = `finding-${finding.id.replace(/[^A-Za-z0-9_-]/g, '_')}`;
  const why = text.why(finding);
  const action = text.action(finding);
  return (
    <article
      className={`finding finding--${finding.status === 'not-enough-data' ? 'unknown' : finding.severity}`}
      aria-labelledby={headingId}
      data-testid="finding-card"
      data-finding-id={finding.id}
      data-check={finding.check}
      data-severity={finding.severity}
    >
      <header className="finding__head">
        <SeverityBadge finding={finding} />
        <span className="finding__title">{text.title}</span>
        <LearnLink term={glossaryIdForCheck(finding.check)} />
      </header>
      <h3 id={headingId} className="finding__headline" data-testid="finding-headline">
        {text.headline(finding)}
      </h3>
      {/* Two columns: the words and the chart; without a chart, the words and the facts. */}
      <div className="finding__body">
        <div className="finding__texts">
          {why ? (
            <section>
              <h4 className="finding__label">{en.report.why}</h4>
              <p data-testid="finding-why">{why}</p>
            </section>
          ) : null}
          {action ? (
            <section>
              <h4 className="finding__label">{en.report.action}</h4>
              <p data-testid="finding-action">{action}</p>
            </section>
          ) : null}
          {finding.chart ? <FindingFacts finding={finding} /> : null}
        </div>
        {finding.chart ? <FindingChartView chart={finding.chart} /> : <FindingFacts finding={finding} />}
      </div>
      <FindingDetails finding={finding} learnMore={text.learnMore} />
    </article>
  );
}
