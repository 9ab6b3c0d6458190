import { useEffect, useState } from 'react';
import type { DatasetSummary } from '../../../../shared/domain';
import type { ModelChoice } from '../../../../shared/models/choice';
import type { RolesState } from '../../../../shared/roles/dataset-roles';
import { request } from '../../api/client';
import { en } from '../../text/en';
import { SelectField } from './Field';

interface Props {
  projectId: string;
  datasets: readonly DatasetSummary[];
  busy: boolean;
  onCompare: (datasetId: number, models: ModelChoice) => void;
}

/** Another column named like `base` ("vendor_decision" → "vendor_decision_v2"), or null. */
function sibling(columns: readonly string[], base: string | null): string | null {
  if (!base) return null;
  return columns.find((c) => c !== base && c.startsWith(base)) ?? null;
}

/**
 * Choose a dataset and two models' columns. The current model is the dataset's prediction (and
 * score) role; the new one is guessed from a column named like it ("…_v2").
 */
export function ModelsForm({ projectId, datasets, busy, onCompare }: Props) {
  const w = en.changes;
  const [datasetId, setDatasetId] = useState(datasets.at(-1)?.id ?? 0);
  const [roles, setRoles] = useState<RolesState | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [choice, setChoice] = useState<{ a: string; b: string; scoreA: string; scoreB: string }>({ a: '', b: '', scoreA: '', scoreB: '' });
  const dataset = datasets.find((d) => d.id === datasetId);
  const columns = dataset?.columns.map((c) => c.name) ?? [];

  useEffect(() => {
    let live = true;
    setRoles(null);
    setError(null);
    request('getRoles', { projectId, datasetId }).then(
      (state) => {
        if (!live) return;
        setRoles(state);
        const names = state.profiles.map((p) => p.name);
        const a = state.roles.prediction ?? '';
        const scoreA = state.roles.score ?? '';
        setChoice({ a, b: sibling(names, a) ?? '', scoreA, scoreB: sibling(names, scoreA) ?? '' });
      },
      (err: unknown) => live && setError(err instanceof Error ? err.message : String(err)),
    );
    return () => {
      live = false;
    };
  }, [projectId, datasetId]);

  const columnOptions = (optional: boolean) => (
    <>
      <option value="">{optional ? w.noScore : '—'}</option>
      {columns.map((c) => (
        <option key={c} value={c}>
          {c}
        </option>
      ))}
    </>
  );
  const same = choice.a !== '' && choice.a === choice.b;
  const ready = roles !== null && roles.roles.target !== null && choice.a !== '' && choice.b !== '' && !same;
  return (
    <section className="changes-block" aria-labelledby="models-heading" data-testid="models-form">
      <h3 id="models-heading" className="changes-block__title">
        {w.modelsHeading}
      </h3>
      <p className="muted">{w.modelsIntro}</p>
      <form
        className="changes-form"
        onSubmit={(e) => {
          e.preventDefault();
          if (ready) onCompare(datasetId, { a: choice.a, b: choice.b, scoreA: choice.scoreA || null, scoreB: choice.scoreB || null });
        }}
      >
        <SelectField label={w.dataset} value={String(datasetId)} onChange={(v) => setDatasetId(Number(v))} testId="models-dataset">
          {datasets.map((d) => (
            <option key={d.id} value={d.id}>
              {d.name}
            </option>
          ))}
        </SelectField>
        <div className="changes-pair">
        <SelectField label={w.modelA} value={choice.a} onChange={(a) => setChoice({ ...choice, a })} testId="models-a">
          {columnOptions(false)}
        </SelectField>
        <SelectField label={w.modelB} value={choice.b} onChange={(b) => setChoice({ ...choice, b })} testId="models-b">
          {columnOptions(false)}
        </SelectField>
        </div>
        <div className="changes-pair">
        <SelectField label={w.scoreA} value={choice.scoreA} onChange={(scoreA) => setChoice({ ...choice, scoreA })} testId="models-score-a">
          {columnOptions(true)}
        </SelectField>
        <SelectField label={w.scoreB} value={choice.scoreB} onChange={(scoreB) => setChoice({ ...choice, scoreB })} testId="models-score-b">
          {columnOptions(true)}
        </SelectField>
        </div>
        <div className="changes-form__actions">
          <button type="submit" className="button button--primary" disabled={busy || !ready} data-testid="models-start">
            {w.compareModels}
          </button>
          {error ? (
            <span className="muted" role="alert">
              {error}
            </span>
          ) : roles && roles.roles.target === null ? (
            <span className="muted" role="status" data-testid="models-no-target">
              {w.noTarget}
            </span>
          ) : same ? (
            <span className="muted" role="status">
              {w.sameModel}
            </span>
          ) : null}
        </div>
      </form>
    </section>
  );
}
