import type { Finding } from '../../../../shared/findings/types';
import { textFor } from '../../../../shared/text/en';
import { en } from '../../text/en';

/** "Checks that passed": what was checked and found fine, one headline each. */
export function PassedList({ findings }: { findings: Finding[] }) {
  if (findings.length === 0) return null;
  return (
    <section className="panel report-section" id="section-passed" aria-labelledby="passed-heading" data-testid="passed-section">
      <h2 id="passed-heading" className="report-section__title">
        <span className="passed-icon" aria-hidden="true">
          {en.report.passedIcon}
        </span>{' '}
        {en.report.passedHeading}
      </h2>
      <p className="panel__intro">{en.report.passedIntro}</p>
      <ul className="passed-list">
        {findings.map((f) => {
          const text = textFor(f);
          return (
            <li key={f.id} className="passed-item" data-testid="passed-item" data-finding-id={f.id} data-check={f.check}>
              <span className="passed-item__icon" aria-hidden="true">
                {en.report.passedIcon}
              </span>
              <span className="visually-hidden">{en.report.passedLabel}: </span>
              <span>
                <span className="passed-item__title">{text.title}: </span>
                {text.headline(f)}
              </span>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
