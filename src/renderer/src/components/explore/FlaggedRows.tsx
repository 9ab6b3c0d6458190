import { useId, useMemo, useState } from 'react';
import { isRowFinding } from '../../../../shared/export/flagged-rows';
import type { CheckReport } from '../../../../shared/report/check-report';
import { textFor } from '../../../../shared/text/en';
import { request } from '../../api/client';
import { en } from '../../text/en';
import { useRequest } from '../useRequest';
import { Loading } from './Loading';
import { RowsTable } from './RowsTable';

const w = en.explore;

/** The data filtered to the rows the check-up flagged: every one, or one finding's. */
export function FlaggedRows({ projectId, runId, report, initialFinding }: { projectId: string; runId: number; report: CheckReport; initialFinding?: string | undefined }) {
  const findings = useMemo(() => (report.findings ?? []).filter(isRowFinding), [report]);
  const [chosen, setChosen] = useState<string>(initialFinding && findings.some((f) => f.id === initialFinding) ? initialFinding : '');
  const pickerId = useId();
  if (findings.length === 0) return <p className="report-section__clear">{w.noFlagged}</p>;
  const label = chosen === '' ? w.allFlagged : textFor(findings.find((f) => f.id === chosen)!).title;
  return (
    <div data-testid="flagged-rows">
      <p className="panel__intro">{w.flaggedIntro}</p>
      <div className="explore-field">
        <label htmlFor={pickerId}>{w.flaggedPicker}</label>
        <select id={pickerId} value={chosen} onChange={(e) => setChosen(e.target.value)} data-testid="flagged-finding">
          <option value="">{w.allFlagged}</option>
          {findings.map((f) => (
            <option key={f.id} value={f.id}>
              {w.findingOption(textFor(f).title, f.rows?.count ?? null)}
            </option>
          ))}
        </select>
      </div>
      <FindingRows key={chosen} projectId={projectId} runId={runId} findingId={chosen === '' ? undefined : chosen} label={label} />
    </div>
  );
}

function FindingRows({ projectId, runId, findingId, label }: { projectId: string; runId: number; findingId: string | undefined; label: string }) {
  const state = useRequest(() => request('getFindingRows', { projectId, runId, ...(findingId !== undefined ? { findingId } : {}) }));
  return state.value ? <RowsTable rows={state.value} label={label} /> : <Loading error={state.error} reload={state.reload} />;
}
