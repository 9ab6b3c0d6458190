import { useDeferredValue, useId, useMemo, useState } from 'react';
import { buildThresholdCostChart } from '../../../../shared/charts';
import { costCurve, formatCutoff, readCosts, type AvailableThresholdData } from '../../../../shared/explore/threshold-view';
import { formatCount, formatNumber } from '../../../../shared/text/format';
import { exploreWords as x } from '../../text/en-explore';
import { EChart } from '../charts/EChart';

interface Props {
  data: AvailableThresholdData;
  index: number;
  dark: boolean;
  onJump: (index: number) => void;
}

/** One cost box with its label, what the mistake is, and what is wrong with what was typed. */
function CostBox({ label, hint, value, error: found, onChange, testId }: { label: string; hint: string; value: string; error: string | undefined; onChange: (v: string) => void; testId: string }) {
  const id = useId();
  // An empty box is only wrong once the person has been there (or typed in it).
  const [visited, setVisited] = useState(false);
  const error = visited || value.trim() !== '' ? found : undefined;
  const hintId = useId();
  const errorId = useId();
  return (
    <div className="cost-box">
      <label htmlFor={id}>{label}</label>
      <span id={hintId} className="muted cost-box__hint">
        {hint}
      </span>
      <input
        id={id}
        type="text"
        inputMode="decimal"
        autoComplete="off"
        value={value}
        onChange={(e) => onChange(e.target.value)}
        onBlur={() => setVisited(true)}
        aria-invalid={error !== undefined}
        aria-describedby={error ? `${hintId} ${errorId}` : hintId}
        data-testid={testId}
      />
      {error ? (
        <span id={errorId} className="cost-box__error" data-testid={`${testId}-error`}>
          {error}
        </span>
      ) : null}
    </div>
  );
}

/**
 * The optional costs: what a wrong "yes" and a missed "yes" cost the person. With both given, the
 * total at the cut-off, the cheapest cut-off with a button to move there, and the cost curve.
 */
export function ThresholdCosts({ data, index, dark, onJump }: Props) {
  const p = data.positiveClass;
  const [fpText, setFpText] = useState('');
  const [fnText, setFnText] = useState('');
  const input = readCosts(fpText, fnText);
  const costs = input.state === 'ok' ? input.costs : null;
  const costFp = costs?.fp ?? null;
  const costFn = costs?.fn ?? null;
  const curve = useMemo(() => (costFp === null || costFn === null ? null : costCurve(data.rows, { fp: costFp, fn: costFn })), [data, costFp, costFn]);
  // The sentences follow the slider at once; the chart may lag a frame behind.
  const lateIndex = useDeferredValue(index);
  const chart = useMemo(
    () => (curve ? buildThresholdCostChart({ title: x.costChartCaption, thresholds: data.thresholds, totals: curve.totals, cheapestIndex: curve.cheapestIndex, currentIndex: lateIndex }, { dark }) : null),
    [curve, data, lateIndex, dark],
  );
  const row = data.rows[index]!;
  const t = formatCutoff(row.threshold);

  return (
    <section className="threshold-explorer__part" aria-labelledby="threshold-cost-heading">
      <h3 id="threshold-cost-heading">{x.costHeading}</h3>
      <p className="panel__intro">{x.costIntro}</p>
      <div className="cost-form">
        <CostBox label={x.costFp(p)} hint={x.costFpHint(p)} value={fpText} onChange={setFpText} error={input.state === 'invalid' ? input.fp : undefined} testId="cost-fp" />
        <CostBox label={x.costFn(p)} hint={x.costFnHint(p)} value={fnText} onChange={setFnText} error={input.state === 'invalid' ? input.fn : undefined} testId="cost-fn" />
      </div>
      {input.state === 'invalid' && input.both ? (
        <p className="cost-box__error" data-testid="cost-error">
          {input.both}
        </p>
      ) : null}
      {curve && costs ? (
        <div className="threshold-cost" data-testid="threshold-cost">
          <p>{x.costNow(t, formatNumber(curve.totals[index]!), formatCount(row.fp), formatNumber(costs.fp), formatCount(row.fn), formatNumber(costs.fn))}</p>
          {curve.tied.includes(index) ? (
            <p data-testid="threshold-cost-cheapest">
              <strong>{x.atCheapest}</strong>
            </p>
          ) : (
            <p data-testid="threshold-cost-cheapest">
              <strong>
                {x.cheapest(formatCutoff(data.thresholds[curve.cheapestIndex]!), formatNumber(curve.cheapestTotal), formatNumber(curve.totals[index]! - curve.cheapestTotal))}
              </strong>{' '}
              {curve.tied.length > 1 ? x.cheapestTied(curve.tied.length) : null}{' '}
              <button type="button" className="button button--secondary" onClick={() => onJump(curve.cheapestIndex)} data-testid="threshold-cost-jump">
                {x.jump(formatCutoff(data.thresholds[curve.cheapestIndex]!))}
              </button>
            </p>
          )}
          {chart ? <EChart option={chart.option} height={chart.height} caption={x.costChartCaption} testId="threshold-cost-chart" /> : null}
          <p className="muted">{x.costCaveat}</p>
        </div>
      ) : null}
    </section>
  );
}
