import type { Finding } from '../../../../shared/findings/types';
import { formatCount } from '../../../../shared/text/format';
import { glossaryIdForMetric } from '../../../../shared/text/en/glossary';
import { en } from '../../text/en';
import { LearnLink } from '../learn/LearnLink';
import { confidenceText } from './report-view';

/** Chips shown before "and N more": enough to recognise, few enough to read. */
const SHOWN = 10;

function Chips({ items, kind, testId }: { items: string[]; kind: 'column' | 'value'; testId: string }) {
  return (
    <dd className="chips" data-testid={testId}>
      {items.slice(0, SHOWN).map((item, i) => (
        <code key={i} className={kind === 'value' ? 'chip chip--value' : 'chip'}>
          {item}
        </code>
      ))}
      {items.length > SHOWN ? <span className="chips__more">{en.report.more(items.length - SHOWN)}</span> : null}
    </dd>
  );
}

/** The glossary entry behind "how sure we are": the finding's interval method (Wilson, DeLong…), else likely ranges in general. */
function sureTerm(f: Finding): string {
  const method = f.confidence.interval?.method;
  return (method ? glossaryIdForMetric(method) : null) ?? 'confidence-interval';
}

/** How sure we are, and what the finding is about: columns, example rows, example values (all as text, never HTML). */
export function FindingFacts({ finding }: { finding: Finding }) {
  const rows = finding.rows;
  return (
    <dl className="finding__facts">
      <div>
        <dt className="finding__label">
          {en.report.sure} <LearnLink term={sureTerm(finding)} name={en.report.sure.toLowerCase()} />
        </dt>
        <dd data-testid="finding-confidence">{confidenceText(finding)}</dd>
      </div>
      {finding.columns.length > 0 ? (
        <div>
          <dt className="finding__label">{en.report.columns}</dt>
          <Chips items={finding.columns} kind="column" testId="finding-columns" />
        </div>
      ) : null}
      {rows && rows.count > 0 && rows.examples.length > 0 ? (
        <div>
          <dt className="finding__label">{en.report.rows(formatCount(rows.count))}</dt>
          <dd data-testid="finding-rows">{en.report.rowExamples(rows.examples.slice(0, SHOWN).map(formatCount).join(', '), rows.count > SHOWN)}</dd>
        </div>
      ) : null}
      {finding.examples && finding.examples.length > 0 ? (
        <div>
          <dt className="finding__label">{en.report.examples}</dt>
          <Chips items={finding.examples} kind="value" testId="finding-examples" />
        </div>
      ) : null}
    </dl>
  );
}
