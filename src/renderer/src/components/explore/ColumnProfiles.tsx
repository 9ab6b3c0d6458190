import { useId, useState } from 'react';
import type { DatasetSummary } from '../../../../shared/domain';
import type { ColumnProfile } from '../../../../shared/profile/column-profile';
import { formatNumber } from '../../../../shared/text/format';
import { request } from '../../api/client';
import { en } from '../../text/en';
import { formatCount } from '../../text/format';
import { FindingChartView } from '../report/FindingChartView';
import { TableWrap } from '../TableWrap';
import { TypeTag } from '../TypeTag';
import { useRequest } from '../useRequest';
import { Loading } from './Loading';

const w = en.explore;

/** Column by column: what is missing, how the values spread, unusual values, a chart and examples. */
export function ColumnProfiles({ projectId, dataset }: { projectId: string; dataset: DatasetSummary }) {
  const state = useRequest(() => request('getColumnProfiles', { projectId, datasetId: dataset.id }));
  const [chosen, setChosen] = useState(0);
  const pickerId = useId();
  const profiles = state.value;
  if (!profiles) return <Loading error={state.error} reload={state.reload} />;
  const p = profiles[Math.min(chosen, profiles.length - 1)];
  return (
    <div className="explore-columns" data-testid="column-profiles">
      <p className="panel__intro">{w.columnsIntro}</p>
      <div className="explore-field">
        <label htmlFor={pickerId}>{w.columnPicker}</label>
        <select id={pickerId} value={chosen} onChange={(e) => setChosen(Number(e.target.value))} data-testid="profile-column">
          {profiles.map((c, i) => (
            <option key={c.name} value={i}>
              {c.name}
            </option>
          ))}
        </select>
      </div>
      {p ? <Profile profile={p} /> : null}
    </div>
  );
}

function Profile({ profile: p }: { profile: ColumnProfile }) {
  const isDate = p.kind === 'date' || p.kind === 'datetime';
  const show = (v: number): string => (isDate ? new Date(v).toISOString().slice(0, p.kind === 'date' ? 10 : 16).replace('T', ' ') : formatNumber(v));
  const facts: [string, string][] = [
    [w.rows, formatCount(p.rows)],
    [w.missing, w.missingOf(p.missing, p.rows)],
    [w.distinct, formatCount(p.distinct)],
  ];
  if (p.numbers) {
    const n = p.numbers;
    facts.push([w.smallest, show(n.min)], [w.quarter, show(n.q1)], [w.middle, show(n.median)], [w.threeQuarters, show(n.q3)], [w.largest, show(n.max)]);
    if (!isDate) facts.push([w.average, show(n.mean)]);
  }
  const numeric = p.kind === 'integer' || p.kind === 'decimal';
  if (numeric && p.numbers) facts.push([w.unusual, p.outliers ? w.unusualValue(p.outliers.below, p.outliers.above, show(p.outliers.lower), show(p.outliers.upper)) : w.noFences]);
  return (
    <section className="explore-profile" aria-labelledby="profile-heading" data-testid="column-profile" data-column={p.name}>
      <h3 id="profile-heading" className="key-figures__title">
        {p.name} <TypeTag type={p.kind} />
      </h3>
      <div className="explore-profile__grid">
        <TableWrap label={w.facts}>
          <table className="metric-table" data-testid="profile-facts">
            <caption className="visually-hidden">{w.facts}</caption>
            <tbody>
              {facts.map(([k, v]) => (
                <tr key={k}>
                  <th scope="row">{k}</th>
                  <td className="num">{v}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
        <div>
          {p.distinct === 0 ? <p className="muted">{w.noValues}</p> : p.chart ? <FindingChartView chart={p.chart} /> : <p className="muted">{w.noChartText}</p>}
        </div>
      </div>
      {numeric && p.outliers ? <p className="muted">{w.unusualRule(p.outliers.k)}</p> : null}
      {p.top.length > 0 ? (
        <TableWrap label={w.commonValues}>
          <table className="metric-table" data-testid="profile-top">
            <caption className="explore-caption">{w.commonValues}</caption>
            <thead>
              <tr>
                <th scope="col">{w.value}</th>
                <th scope="col" className="num">
                  {w.count}
                </th>
              </tr>
            </thead>
            <tbody>
              {p.top.map((t) => (
                <tr key={t.value}>
                  <th scope="row" className="explore-value">{t.value}</th>
                  <td className="num">{formatCount(t.count)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      ) : null}
      {p.otherCount > 0 && p.top.length > 0 ? <p className="muted">{w.otherValues(p.otherCount)}</p> : null}
      {p.examples.length > 0 ? (
        <p data-testid="profile-examples">
          <strong>{w.examples}: </strong>
          {p.examples.map((e, i) => (
            <span key={i}>
              {i > 0 ? ', ' : ''}
              <code className="explore-value">{e}</code>
            </span>
          ))}
        </p>
      ) : null}
    </section>
  );
}
