import { useId, useMemo, useState } from 'react';
import { formatCutoff, GROUP_MEASURES, groupsAt, sensitiveKeys, type Gap, type GroupMeasure, type Rate } from '../../../../shared/explore/threshold-view';
import type { CheckReport } from '../../../../shared/report/check-report';
import { formatCount, formatShare } from '../../../../shared/text/format';
import { exploreWords as x } from '../../text/en-explore';
import { TableWrap } from '../TableWrap';

interface Props {
  report: CheckReport;
  positiveClass: string;
  threshold: number;
}

/** A gap between two shares in percentage points: "52", "3.5" (one decimal only under 10). */
const points = (v: number): string => {
  const pts = v * 100;
  return pts < 10 ? String(Number(pts.toFixed(1))) : pts.toFixed(0);
};

function RateCell({ rate }: { rate: Rate }) {
  return (
    <td className="num">
      {rate.value === null ? (
        <span className="metric-table__reason">
          {x.undefinedValue}: {rate.reason}
        </span>
      ) : (
        formatShare(rate.value)
      )}
    </td>
  );
}

/**
 * Every group's rates at the cut-off for one sensitive column (or intersection): a table where
 * small groups are greyed AND marked "Left out" with the reason, then the largest gaps and the
 * ratio of the lowest to the highest share predicted positive.
 */
export function ThresholdGroups({ report, positiveClass: p, threshold }: Props) {
  const keys = useMemo(() => sensitiveKeys(report).filter((k) => k.hasThresholds), [report]);
  const [chosen, setChosen] = useState<string | null>(null);
  const selectId = useId();
  const selected = keys.find((k) => k.key === chosen) ?? keys[0];
  const view = selected ? groupsAt(report, selected.key, threshold) : null;
  const t = formatCutoff(threshold);
  const measureName = (m: GroupMeasure): string => x.groupMeasures[m](p);

  const gapLine = (m: GroupMeasure, gap: Gap): string => {
    if (gap.value === null || gap.high === null || gap.low === null || !view?.available) return x.gapUnknown(measureName(m), gap.reason ?? '');
    if (gap.value === 0) return x.noGap(measureName(m));
    const rateOf = (name: string): string => {
      const g = view.groups.find((row) => row.group === name);
      return g?.included && g.rates[m].value !== null ? formatShare(g.rates[m].value) : '–';
    };
    return x.gap(measureName(m), points(gap.value), gap.high, rateOf(gap.high), gap.low, rateOf(gap.low));
  };

  return (
    <section className="threshold-explorer__part" aria-labelledby="threshold-groups-heading">
      <h3 id="threshold-groups-heading">{x.groupsHeading}</h3>
      {!selected ? (
        <p className="muted" data-testid="threshold-no-groups">
          {x.noGroups}
        </p>
      ) : (
        <>
          <p className="panel__intro">{x.groupsIntro}</p>
          <div className="threshold-controls__row">
            <label htmlFor={selectId}>{x.compareBy}</label>
            <select id={selectId} value={selected.key} onChange={(e) => setChosen(e.target.value)} data-testid="threshold-group-key">
              {keys.map((k) => (
                <option key={k.key} value={k.key}>
                  {x.keyLabel(k.columns)}
                </option>
              ))}
            </select>
          </div>
          {view && !view.available ? (
            <p className="muted" data-testid="threshold-no-groups">
              {view.reason}
            </p>
          ) : null}
          {view?.available ? (
            <>
              <TableWrap label={x.tableLabels.groups}>
                <table className="metric-table threshold-groups" data-testid="threshold-groups">
                  <caption className="muted">{x.groupsCaption(x.keyLabel(view.columns), t)}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{x.groupHeader}</th>
                      <th scope="col" className="num">
                        {x.rowsHeader}
                      </th>
                      {GROUP_MEASURES.map((m) => (
                        <th key={m} scope="col" className="num">
                          {measureName(m)}
                        </th>
                      ))}
                    </tr>
                  </thead>
                  <tbody>
                    {view.groups.map((g) => (
                      <tr key={g.group} className={g.included ? undefined : 'threshold-groups__left-out'} data-testid="threshold-group" data-group={g.group} data-included={g.included}>
                        <th scope="row">{g.group}</th>
                        <td className="num">{g.count === null ? '–' : formatCount(g.count)}</td>
                        {g.included ? (
                          GROUP_MEASURES.map((m) => <RateCell key={m} rate={g.rates[m]} />)
                        ) : (
                          <td colSpan={GROUP_MEASURES.length}>
                            <span className="threshold-groups__tag">{x.leftOut}</span> {g.reason}
                          </td>
                        )}
                      </tr>
                    ))}
                  </tbody>
                </table>
              </TableWrap>
              {view.groups.some((g) => !g.included) ? <p className="muted">{x.leftOutNote}</p> : null}
              <h4 className="threshold-explorer__subheading">{x.gapsHeading}</h4>
              <ul className="threshold-gaps" data-testid="threshold-gaps">
                {GROUP_MEASURES.map((m) => (
                  <li key={m} data-measure={m}>
                    {gapLine(m, view.gaps[m])}
                  </li>
                ))}
                <li data-testid="threshold-parity-ratio">
                  {view.parityRatio.value === null || view.parityRatio.high === null || view.parityRatio.low === null
                    ? x.ratioUnknown(view.parityRatio.reason ?? '')
                    : x.ratio(view.parityRatio.value.toFixed(2), view.parityRatio.low, view.parityRatio.high)}
                </li>
              </ul>
            </>
          ) : null}
        </>
      )}
    </section>
  );
}
