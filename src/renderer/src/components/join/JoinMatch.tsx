import type { JoinReport } from '../../../../shared/join/join-tables';
import { en } from '../../text/en';

interface Props {
  report: JoinReport;
}

/** Which columns match the rows, why, and how many dataset rows found their prediction. */
export function JoinMatch({ report }: Props) {
  const { keys, matched, leftRows } = report;
  const share = leftRows > 0 ? matched / leftRows : 0;
  const pct = share > 0 && share < 0.01 ? '< 1%' : `${Math.floor(share * 100)}%`;
  return (
    <section className="panel panel--raised join-match" aria-labelledby="join-key-heading" data-testid="join-match">
      <h2 id="join-key-heading" className="panel__title">
        {en.join.keyHeading}
      </h2>
      <p className="join-match__key" data-testid="join-keys" data-left={keys.left} data-right={keys.right}>
        {keys.left === keys.right ? en.join.keySame(keys.left) : en.join.keyDifferent(keys.left, keys.right)}
      </p>
      <p className="muted" data-testid="join-key-reason">
        {report.keyReason}
      </p>
      <p className="join-match__figure" data-testid="join-matched" data-matched={matched} data-rows={leftRows}>
        {en.join.matchedLine(matched, leftRows)}
        <span className="join-match__share">{en.join.matchedShare(pct)}</span>
      </p>
      <div className="join-match__bar" aria-hidden="true">
        <div className="join-match__fill" style={{ width: `${Math.round(share * 100)}%` }} />
      </div>
    </section>
  );
}
