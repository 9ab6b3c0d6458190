import { useId, useState, type FormEvent } from 'react';
import type { SliceEvidence } from '../../../../shared/checks/slices/slices-check';
import type { CheckReport } from '../../../../shared/report/check-report';
import { formatCount, formatNumber, formatShare } from '../../../../shared/text/format';
import { en } from '../../text/en';
import { LearnLink } from '../learn/LearnLink';
import { formatP } from './fairness-view';
import { formatShareRange } from './report-view';
import { TableWrap } from '../TableWrap';

const w = en.fairness;

interface CustomEvidence {
  definition: string;
  parse_error: string | null;
  position?: number;
  description?: string;
  size?: number;
  error?: SliceEvidence['error'];
  error_outside?: SliceEvidence['error_outside'];
  lift?: number | null;
  p_value?: number;
  enough_data?: boolean;
}

const isSlice = (v: unknown): v is SliceEvidence => typeof v === 'object' && v !== null && typeof (v as SliceEvidence).description === 'string' && typeof (v as SliceEvidence).size === 'number';

function errorCell(e: SliceEvidence['error'] | undefined, kind: string) {
  if (!e || e.value === null) return <span className="muted">—</span>;
  const share = kind === 'misclassification';
  const value = share ? formatShare(e.value) : formatNumber(e.value);
  const range = e.interval ? (share ? formatShareRange(e.interval.lower, e.interval.upper) : `${formatNumber(e.interval.lower)} – ${formatNumber(e.interval.upper)}`) : null;
  return (
    <>
      {value}
      {range ? <span className="fairness-range muted"> ({range})</span> : null}
    </>
  );
}

/**
 * The weak slices the search found (significant after Benjamini–Hochberg), the person's own
 * slices, and a field to add one (it is checked in the next check-up, with the same numbers).
 */
export function SlicesPanel({ report, onAddSlice }: { report: CheckReport; onAddSlice?: ((definition: string) => void) | undefined }) {
  const summary = report.slices_summary ?? null;
  const slices = ((report.slices ?? []) as unknown[]).filter(isSlice);
  const custom = (Array.isArray(summary?.custom) ? summary.custom : []) as CustomEvidence[];
  const kind = typeof summary?.error_kind === 'string' ? summary.error_kind : 'misclassification';
  const [draft, setDraft] = useState('');
  const inputId = useId();
  if (!summary || report.slices === null) {
    return typeof summary?.reason === 'string' ? <p className="muted">{summary.reason}</p> : null;
  }
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (draft.trim() && onAddSlice) onAddSlice(draft.trim());
  };
  return (
    <section className="slices-panel" aria-labelledby="slices-panel-heading" data-testid="slices-panel">
      <h3 id="slices-panel-heading" className="key-figures__title">
        {w.slicesHeading} <LearnLink term="slices.weak" />
      </h3>
      <p className="panel__intro">{w.slicesIntro(formatCount(Number(summary.examined ?? 0)), formatShare(Number(summary.fdr ?? 0.05)))}</p>
      {slices.length === 0 ? (
        <p className="report-section__clear" data-testid="no-slices">
          {w.noSlices}
        </p>
      ) : (
        <>
          <SliceTable rows={slices} kind={kind} />
          <p className="muted">{w.sliceChanceNote}</p>
        </>
      )}
      <h4>
        {w.customHeading} <LearnLink term="slices.custom" />
      </h4>
      {custom.length ? (
        <ul className="custom-slices" data-testid="custom-slices">
          {custom.map((c, i) => (
            <li key={i} data-testid="custom-slice" data-ok={c.parse_error === null ? 'true' : 'false'}>
              <code>{c.definition}</code>:{' '}
              {c.parse_error !== null ? (
                <span className="notice--error-text" role="note">
                  {c.parse_error}
                </span>
              ) : (
                <span>
                  {formatCount(c.size ?? 0)} rows, {en.fairness.sliceError.toLowerCase()} {errorCell(c.error, kind)} vs {errorCell(c.error_outside, kind)} elsewhere
                  {c.p_value !== undefined ? ` (p ${formatP(c.p_value)})` : ''}
                  {c.enough_data === false ? ` — ${w.notEnough}` : ''}
                </span>
              )}
            </li>
          ))}
        </ul>
      ) : null}
      {onAddSlice ? (
        <form className="custom-slice-form" onSubmit={submit} data-testid="custom-slice-form">
          <label htmlFor={inputId}>{w.customLabel}</label>
          <p className="muted" id={`${inputId}-hint`}>
            {w.customIntro} {w.customNote}
          </p>
          <div className="custom-slice-form__row">
            <input id={inputId} type="text" value={draft} onChange={(e) => setDraft(e.target.value)} aria-describedby={`${inputId}-hint`} placeholder="age >= 60 & region = North" data-testid="custom-slice-input" />
            <button type="submit" className="button button--secondary" disabled={!draft.trim()} data-testid="custom-slice-add">
              {w.customAdd}
            </button>
          </div>
        </form>
      ) : null}
    </section>
  );
}

function SliceTable({ rows, kind }: { rows: SliceEvidence[]; kind: string }) {
  return (
    <TableWrap label={en.tables.slices}>
      <table className="metric-table" data-testid="slice-table">
        <thead>
          <tr>
            <th scope="col">{w.sliceHeader}</th>
            <th scope="col" className="num">
              {w.sliceRows} <LearnLink term="support" name={w.sliceRows.toLowerCase()} />
            </th>
            <th scope="col" className="num">
              {w.sliceError}
            </th>
            <th scope="col" className="num">
              {w.sliceOutside}
            </th>
            <th scope="col" className="num">
              {w.sliceLift} <LearnLink term="lift" />
            </th>
            <th scope="col">
              {w.sliceChance} <LearnLink term="q-value" />
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((s) => (
            <tr key={s.description} data-testid="slice-row" data-sensitive={s.sensitive ? 'true' : 'false'}>
              <th scope="row">
                {s.description}
                {s.sensitive ? (
                  <a className="slice-sensitive" href="#section-fairness">
                    {' '}
                    ({w.sliceSensitive})
                  </a>
                ) : null}
              </th>
              <td className="num">
                {formatCount(s.size)} <span className="muted">({formatShare(s.share)})</span>
              </td>
              <td className="num">{errorCell(s.error, kind)}</td>
              <td className="num">{errorCell(s.error_outside, kind)}</td>
              <td className="num">{s.lift === null ? '—' : `${formatNumber(s.lift, 2)}×`}</td>
              <td className="nowrap">{w.pq(formatP(s.p_value)!, formatP(s.q_value))}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableWrap>
  );
}
