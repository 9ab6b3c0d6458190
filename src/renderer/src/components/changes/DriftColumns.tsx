import { useMemo, useState } from 'react';
import { buildOverlaidChart } from '../../../../shared/charts';
import type { ColumnDrift } from '../../../../shared/drift/types';
import { DRIFT_EXPLANATIONS } from '../../../../shared/drift/texts-en';
import { formatNumber, formatPsi, formatShare } from '../../../../shared/text/format';
import { en } from '../../text/en';
import { LearnLink } from '../learn/LearnLink';
import { EChart } from '../charts/EChart';
import { useDarkTheme } from '../charts/useDarkTheme';
import { TableWrap } from '../TableWrap';

const pValue = (p: number | null): string => (p === null ? '—' : p < 0.001 ? '< 0.001' : formatNumber(p, 2));

/** Every compared column (largest change first) with its test and verdict; choosing one shows both batches' distributions. */
export function DriftColumns({ columns, names }: { columns: readonly ColumnDrift[]; names: { reference: string; current: string } }) {
  const w = en.changes;
  const dark = useDarkTheme();
  const sorted = useMemo(() => [...columns].sort((a, b) => (b.effect ?? -1) - (a.effect ?? -1) || a.name.localeCompare(b.name)), [columns]);
  const [chosen, setChosen] = useState(sorted[0]?.name);
  const tests = useMemo(() => (['ks', 'chi2'] as const).filter((t) => columns.some((c) => c.test === t)), [columns]);
  const column = sorted.find((c) => c.name === chosen);
  const chart = useMemo(() => (column ? buildOverlaidChart(column.name, column.histogram, names, { dark }) : null), [column, names, dark]);
  return (
    <section className="report-section" aria-labelledby="drift-columns-heading" data-testid="drift-columns">
      <h2 id="drift-columns-heading" className="report-section__title">
        {w.columnsHeading}
      </h2>
      <TableWrap label={en.tables.driftColumns}>
        <table className="metric-table drift-table">
          <thead>
            <tr>
              <th scope="col">{w.columnHeader}</th>
              <th scope="col">{w.testHeader}</th>
              <th scope="col" className="num">{w.statisticHeader}</th>
              <th scope="col" className="num">
                {w.pHeader} <LearnLink term="p-value" />
              </th>
              <th scope="col" className="num">
                {w.psiHeader} <LearnLink term="psi" />
              </th>
              <th scope="col" className="num">{w.missingHeader}</th>
              <th scope="col">
                {w.verdictHeader} <LearnLink term="drift.column" />
              </th>
            </tr>
          </thead>
          <tbody>
            {sorted.map((c) => (
              <tr key={c.name} data-testid="drift-row" data-column={c.name} data-drifted={c.drifted ? 'true' : 'false'} aria-selected={c.name === chosen}>
                <th scope="row">
                  <button type="button" className="link-button" onClick={() => setChosen(c.name)} aria-label={w.showColumn(c.name)} aria-pressed={c.name === chosen}>
                    {c.name}
                  </button>
                </th>
                <td>{w.tests[c.test]}</td>
                <td className="num">{c.statistic === null ? '—' : formatNumber(c.statistic)}</td>
                <td className="num">{pValue(c.p_value)}</td>
                <td className="num">{formatPsi(c.effect)}</td>
                <td className="num nowrap">
                  {formatShare(c.missing_rate_ref)} → {formatShare(c.missing_rate_cur)}
                </td>
                <td title={DRIFT_EXPLANATIONS[c.explanation]}>
                  {c.drifted ? (
                    <strong className="drift-verdict drift-verdict--changed">▲ {w.verdicts.changed} ({c.severity})</strong>
                  ) : (
                    <span className={c.explanation === 'not-enough-data' ? 'muted' : undefined}>{w.verdicts[c.explanation]}</span>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableWrap>
      {/* The tests by name, once, below the table (a row keeps one button: its column). */}
      {tests.length ? (
        <p className="learn-charts muted">
          {en.learn.testsLearn}
          {tests.map((t) => (
            <LearnLink key={t} term={t === 'ks' ? 'ks-test' : 'chi-square-test'} variant="text">
              {w.tests[t]}
            </LearnLink>
          ))}
        </p>
      ) : null}
      {column && chart ? (
        <div className="drift-column" data-testid="drift-column-chart" data-column={column.name}>
          <h3 className="changes-block__title">{w.columnChartHeading(column.name)}</h3>
          <p className="muted">{DRIFT_EXPLANATIONS[column.explanation]}</p>
          <EChart option={chart.option} height={chart.height} testId="overlaid-chart" />
        </div>
      ) : null}
    </section>
  );
}
