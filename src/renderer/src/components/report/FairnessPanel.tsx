import { useId, useMemo, useState } from 'react';
import { buildGroupCurvesChart, buildIntervalsChart } from '../../../../shared/charts';
import type { CheckReport } from '../../../../shared/report/check-report';
import { formatCount, formatShare } from '../../../../shared/text/format';
import { en } from '../../text/en';
import { LearnLink } from '../learn/LearnLink';
import { EChart } from '../charts/EChart';
import { useDarkTheme } from '../charts/useDarkTheme';
import { DisparityTable } from './DisparityTable';
import { GroupTable } from './GroupTable';
import { fairnessKeys, groupChart, measuresFor, thresholdRows, type GroupMeasure, type KeyEvidence } from './fairness-view';
import { TableWrap } from '../TableWrap';

const w = en.fairness;

/**
 * The fairness section's explorer: pick a sensitive column (or intersection) and a measure; see
 * each group's value with its likely range, the gaps with "could it be chance?", every group's
 * figures, and how the rates move with the cut-off.
 */
export function FairnessPanel({ report }: { report: CheckReport }) {
  const keys = useMemo(() => fairnessKeys(report), [report]);
  const [keyName, setKeyName] = useState<string | null>(null);
  const selected = keys.find((k) => k.key === keyName) ?? keys[0];
  const selectId = useId();
  if (!selected) {
    const reason = typeof report.fairness_summary?.reason === 'string' ? report.fairness_summary.reason : null;
    return reason ? (
      <p className="muted" data-testid="fairness-not-measured">
        {w.notMeasured} {reason}
      </p>
    ) : null;
  }
  return (
    <section className="fairness-panel" aria-labelledby="fairness-panel-heading" data-testid="fairness-panel">
      <h3 id="fairness-panel-heading" className="key-figures__title">
        {w.heading} <LearnLink term="fairness.groups" />
      </h3>
      <p className="panel__intro">{w.intro}</p>
      <div className="fairness-panel__controls">
        <label htmlFor={selectId}>{w.compareBy}</label>
        <select id={selectId} value={selected.key} onChange={(e) => setKeyName(e.target.value)} data-testid="fairness-key">
          {keys.map((k) => (
            <option key={k.key} value={k.key}>
              {w.keyLabel(k.evidence.columns)}
            </option>
          ))}
        </select>
      </div>
      <KeyView key={selected.key} evidence={selected.evidence} />
      <WorstIntersection report={report} />
      <p className="fairness-panel__caveat muted">{w.caveat}</p>
    </section>
  );
}

function KeyView({ evidence }: { evidence: KeyEvidence }) {
  const dark = useDarkTheme();
  const measures = measuresFor(evidence);
  const [measure, setMeasure] = useState<GroupMeasure>(measures[0]!);
  const chart = useMemo(
    () => buildIntervalsChart(groupChart(evidence, measure, w.measures[measure], w.referenceLine), { dark }),
    [evidence, measure, dark],
  );
  return (
    <div data-testid="fairness-key-view" data-key={evidence.columns.join('+')}>
      <p className="muted">{w.referenceNote(evidence.reference_group, evidence.reference_chosen_by)}</p>
      {measures.length > 1 ? (
        <fieldset className="segmented" data-testid="fairness-measure">
          <legend>{w.measure}</legend>
          {measures.map((m) => (
            <label key={m} className="segmented__option">
              <input type="radio" name={`measure-${evidence.columns.join('+')}`} value={m} checked={m === measure} onChange={() => setMeasure(m)} />
              <span>{w.measures[m]}</span>
            </label>
          ))}
        </fieldset>
      ) : null}
      <EChart option={chart.option} height={chart.height} caption={w.measures[measure]} testId="fairness-chart" />
      <DisparityTable evidence={evidence} />
      {evidence.excluded_groups.length ? (
        <p className="muted" data-testid="excluded-groups">
          {w.excluded(evidence.excluded_groups.join(', '))}
        </p>
      ) : null}
      <GroupTable evidence={evidence} measures={measures} />
      {evidence.thresholds ? <ThresholdView evidence={evidence} /> : null}
    </div>
  );
}

function ThresholdView({ evidence }: { evidence: KeyEvidence }) {
  const dark = useDarkTheme();
  const values = evidence.thresholds!.values;
  const [index, setIndex] = useState(() => Math.max(0, values.findIndex((v) => v >= 0.5)));
  const [measure, setMeasure] = useState<'selection_rate' | 'tpr' | 'fpr'>('selection_rate');
  const sliderId = useId();
  const t = values[index] ?? 0.5;
  const rows = thresholdRows(evidence, index);
  const chart = useMemo(
    () =>
      buildGroupCurvesChart(
        {
          title: w.thresholdChartCaption(w.measures[measure]),
          x: values,
          groups: evidence.thresholds!.groups.map((g) => ({ name: g.group, y: g[measure] })),
          yLabel: w.measures[measure],
          marker: t,
        },
        { dark },
      ),
    [evidence, values, measure, t, dark],
  );
  const pct = (v: number | null): string => (v === null ? w.notEnough : formatShare(v));
  return (
    <section className="threshold-view" aria-labelledby="threshold-heading" data-testid="threshold-view">
      <h4 id="threshold-heading">
        {w.thresholdHeading} <LearnLink term="threshold" />
      </h4>
      <p className="panel__intro">{w.thresholdIntro}</p>
      <div className="threshold-view__controls">
        <label htmlFor={sliderId}>{w.thresholdLabel}</label>
        <input
          id={sliderId}
          type="range"
          min={0}
          max={values.length - 1}
          step={1}
          value={index}
          onChange={(e) => setIndex(Number(e.target.value))}
          aria-valuetext={w.thresholdValue(formatShare(t))}
          data-testid="threshold-slider"
        />
        <output htmlFor={sliderId} data-testid="threshold-value">
          {w.thresholdValue(formatShare(t))}
        </output>
      </div>
      <fieldset className="segmented">
        <legend>{w.measure}</legend>
        {(['selection_rate', 'tpr', 'fpr'] as const).map((m) => (
          <label key={m} className="segmented__option">
            <input type="radio" name={`threshold-measure-${evidence.columns.join('+')}`} value={m} checked={m === measure} onChange={() => setMeasure(m)} />
            <span>{w.measures[m]}</span>
          </label>
        ))}
      </fieldset>
      <EChart option={chart.option} height={chart.height} caption={w.thresholdChartCaption(w.measures[measure])} testId="threshold-chart" />
      <TableWrap label={en.tables.threshold}>
        <table className="metric-table" data-testid="threshold-table">
          <caption className="muted">{w.thresholdTableCaption(formatShare(t))}</caption>
          <thead>
            <tr>
              <th scope="col">{w.groupHeader}</th>
              <th scope="col" className="num">{w.short.selection_rate}</th>
              <th scope="col" className="num">{w.short.tpr}</th>
              <th scope="col" className="num">{w.short.fpr}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.group} data-testid="threshold-row" data-group={r.group}>
                <th scope="row">{r.group}</th>
                <td className="num">{pct(r.selection_rate)}</td>
                <td className="num">{pct(r.tpr)}</td>
                <td className="num">{pct(r.fpr)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableWrap>
    </section>
  );
}

function WorstIntersection({ report }: { report: CheckReport }) {
  const worst = report.fairness_summary?.worst_intersection as { key?: string; group?: string; count?: number; metric?: string; value?: { value: number | null } } | undefined;
  if (!worst?.group || !worst.key || worst.value?.value === null || worst.value?.value === undefined) return null;
  const value = worst.metric === 'mae' ? `${en.fairness.measures.mae} ${worst.value.value.toFixed(2)}` : `${en.fairness.measures.accuracy.toLowerCase()} ${formatShare(worst.value.value)}`;
  return (
    <p data-testid="worst-intersection">
      {w.worstIntersection(`${worst.group}${worst.count !== undefined ? ` (${formatCount(worst.count)} rows)` : ''}`, worst.key.split('+').join(' × '), value)}
    </p>
  );
}
