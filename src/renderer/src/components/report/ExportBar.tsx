import { useId, useState } from 'react';
import type { ExportOutcome } from '../../../../shared/domain';
import { asErrorData, request } from '../../api/client';
import { en } from '../../text/en';

type Format = Extract<ExportOutcome, { status: 'written' }>['format'];
const FORMATS: readonly Format[] = ['pdf', 'html', 'md', 'json', 'csv'];

/**
 * Export this report: one button per format, personal data masked unless the person ticks the
 * box for this export; the result says where the file went and what was masked.
 */
export function ExportBar({ projectId, runId }: { projectId: string; runId: number }) {
  const [include, setInclude] = useState(false);
  const [busy, setBusy] = useState<Format | null>(null);
  const [result, setResult] = useState<{ tone: 'info' | 'error'; text: string } | null>(null);
  const boxId = useId();
  const run = async (format: Format): Promise<void> => {
    setBusy(format);
    setResult(null);
    try {
      const out = await request('exportRun', { projectId, runId, format, personalData: include ? 'include' : 'mask' });
      if (out.status === 'written') setResult({ tone: 'info', text: `${en.exports.written(out.path)} ${out.statement} ${out.notes.join(' ')}`.trim() });
    } catch (err) {
      setResult({ tone: 'error', text: `${en.exports.failed}: ${asErrorData(err).message}` });
    } finally {
      setBusy(null);
    }
  };
  const card = async (): Promise<void> => {
    setBusy('html');
    setResult(null);
    try {
      const out = await request('exportModelCard', { projectId, runId, format: 'html' });
      if (out.status === 'written') setResult({ tone: 'info', text: `${en.exports.written(out.path)} ${out.statement}` });
    } catch (err) {
      setResult({ tone: 'error', text: `${en.exports.failed}: ${asErrorData(err).message}` });
    } finally {
      setBusy(null);
    }
  };
  return (
    <section className="export-bar" aria-labelledby="export-heading" data-testid="export-bar">
      <h2 id="export-heading" className="export-bar__title">
        {en.exports.heading}
      </h2>
      <div className="export-bar__buttons">
        <button type="button" className="button button--secondary" disabled={busy !== null} onClick={() => void card()} data-testid="export-card">
          {en.modelCard.exportButton}
        </button>
        {FORMATS.map((f) => (
          <button key={f} type="button" className="button button--secondary" disabled={busy !== null} onClick={() => void run(f)} data-testid={`export-${f}`}>
            {busy === f ? en.exports.working : en.exports.formats[f]}
          </button>
        ))}
      </div>
      <label className="export-bar__personal" htmlFor={boxId}>
        <input id={boxId} type="checkbox" checked={include} onChange={(e) => setInclude(e.target.checked)} data-testid="export-include-personal" />{' '}
        {en.exports.includePersonal}
      </label>
      {result ? (
        <p className={result.tone === 'error' ? 'notice notice--error' : 'muted'} role={result.tone === 'error' ? 'alert' : 'status'} data-testid="export-result">
          {result.text}
        </p>
      ) : null}
    </section>
  );
}
