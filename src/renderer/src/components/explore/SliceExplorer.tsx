import { useId, useMemo, useState } from 'react';
import type { SliceEvidence } from '../../../../shared/checks/slices/slices-check';
import type { FindingChart } from '../../../../shared/findings/types';
import type { CheckReport } from '../../../../shared/report/check-report';
import { formatNumber, formatShare } from '../../../../shared/text/format';
import { request } from '../../api/client';
import { en } from '../../text/en';
import { FindingChartView } from '../report/FindingChartView';
import { SlicesPanel } from '../report/SlicesPanel';
import { useRequest } from '../useRequest';
import { Loading } from './Loading';
import { RowsTable } from './RowsTable';

const w = en.explore;

const isSlice = (v: unknown): v is SliceEvidence => typeof v === 'object' && v !== null && Array.isArray((v as SliceEvidence).conditions) && typeof (v as SliceEvidence).size === 'number';

/**
 * The weak slices (the report's table and the field to add one's own), then one slice up close:
 * how often the model is wrong in it and elsewhere, with their ranges, and its rows.
 */
export function SliceExplorer({ projectId, runId, report, onAddSlice }: { projectId: string; runId: number; report: CheckReport; onAddSlice?: ((definition: string) => void) | undefined }) {
  const slices = useMemo(() => ((report.slices ?? []) as unknown[]).map((s, index) => ({ s, index })).filter((x): x is { s: SliceEvidence; index: number } => isSlice(x.s)), [report]);
  const [chosen, setChosen] = useState(0);
  const pickerId = useId();
  // A share of rows wrong for labels; a mean (log loss, absolute error) otherwise.
  const share = (report.slices_summary?.error_kind ?? 'misclassification') === 'misclassification';
  const picked = slices[Math.min(chosen, slices.length - 1)];
  return (
    <div data-testid="slice-explorer">
      <p className="panel__intro">{w.slicesIntro}</p>
      <SlicesPanel report={report} onAddSlice={onAddSlice} />
      {picked ? (
        <section className="explore-slice" aria-labelledby="slice-rows-heading">
          <h3 id="slice-rows-heading" className="key-figures__title">
            {w.sliceChosen(picked.s.description)}
          </h3>
          <div className="explore-field">
            <label htmlFor={pickerId}>{w.sliceColumn}</label>
            <select id={pickerId} value={chosen} onChange={(e) => setChosen(Number(e.target.value))} data-testid="explore-slice">
              {slices.map((x, i) => (
                <option key={x.index} value={i}>
                  {x.s.description}
                </option>
              ))}
            </select>
          </div>
          <SliceUpClose key={picked.index} projectId={projectId} runId={runId} slice={picked.s} index={picked.index} share={share} />
        </section>
      ) : (
        <p className="report-section__clear">{w.noSlices}</p>
      )}
    </div>
  );
}

function SliceUpClose({ projectId, runId, slice, index, share }: { projectId: string; runId: number; slice: SliceEvidence; index: number; share: boolean }) {
  const state = useRequest(() => request('getFindingRows', { projectId, runId, sliceIndex: index }));
  const show = (v: number | null): string => (v === null ? '—' : share ? formatShare(v) : formatNumber(v));
  const chart: FindingChart = {
    kind: 'intervals',
    title: w.sliceChartTitle,
    labels: [w.inSlice, w.elsewhere],
    values: [slice.error.value, slice.error_outside.value],
    lower: [slice.error.interval?.lower ?? null, slice.error_outside.interval?.lower ?? null],
    upper: [slice.error.interval?.upper ?? null, slice.error_outside.interval?.upper ?? null],
    unit: share ? 'share' : 'number',
    highlight: [0],
  };
  return (
    <>
      <p data-testid="slice-metrics">{w.sliceMetrics(slice.size, show(slice.error.value), show(slice.error_outside.value))}</p>
      <FindingChartView chart={chart} />
      {state.value ? <RowsTable rows={state.value} label={slice.description} /> : <Loading error={state.error} reload={state.reload} />}
    </>
  );
}
