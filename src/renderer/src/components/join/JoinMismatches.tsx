import type { JoinReport } from '../../../../shared/join/join-tables';
import { en } from '../../text/en';

interface Props {
  report: JoinReport;
  datasetName: string;
  fileName: string;
}

function Examples({ values, testId }: { values: string[]; testId: string }) {
  if (values.length === 0) return null;
  return (
    <p className="join-problem__examples">
      <span className="muted">{en.join.examplesLabel}</span>
      <span className="chips" data-testid={testId}>
        {values.map((v, i) => (
          <code key={i} className="chip">
            {v === '' ? en.join.missingKey : v}
          </code>
        ))}
      </span>
    </p>
  );
}

/** What did not match on each side, and which keys repeat, each with a few example values. */
export function JoinMismatches({ report, datasetName, fileName }: Props) {
  const { unmatchedLeft, unmatchedRight, duplicateLeft, duplicateRight, examples } = report;
  const clean = unmatchedLeft + unmatchedRight + duplicateLeft + duplicateRight === 0;
  return (
    <section className="panel" aria-labelledby="join-problems-heading" data-testid="join-problems">
      <h2 id="join-problems-heading" className="panel__title">
        {en.join.problemsHeading}
      </h2>
      {clean ? (
        <p data-testid="join-all-matched">{en.join.allMatched}</p>
      ) : (
        <ul className="join-problems">
          {unmatchedLeft > 0 ? (
            <li className="join-problem" data-testid="join-unmatched-left" data-count={unmatchedLeft}>
              <p>{en.join.unmatchedLeft(unmatchedLeft, datasetName)}</p>
              <Examples values={examples.unmatchedLeft} testId="join-unmatched-left-examples" />
            </li>
          ) : null}
          {unmatchedRight > 0 ? (
            <li className="join-problem" data-testid="join-unmatched-right" data-count={unmatchedRight}>
              <p>{en.join.unmatchedRight(unmatchedRight, fileName)}</p>
              <Examples values={examples.unmatchedRight} testId="join-unmatched-right-examples" />
            </li>
          ) : null}
          {duplicateRight > 0 ? (
            <li className="join-problem" data-testid="join-duplicate-right" data-count={duplicateRight}>
              <p>{en.join.duplicateRight(duplicateRight, fileName)}</p>
              <Examples values={examples.duplicateRight} testId="join-duplicate-right-examples" />
            </li>
          ) : null}
          {duplicateLeft > 0 ? (
            <li className="join-problem" data-testid="join-duplicate-left" data-count={duplicateLeft}>
              <p>{en.join.duplicateLeft(duplicateLeft, datasetName)}</p>
            </li>
          ) : null}
        </ul>
      )}
    </section>
  );
}
