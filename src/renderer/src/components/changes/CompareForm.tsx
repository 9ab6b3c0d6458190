import { useState } from 'react';
import type { DatasetSummary } from '../../../../shared/domain';
import { en } from '../../text/en';
import { SelectField } from './Field';

interface Props {
  datasets: readonly DatasetSummary[];
  busy: boolean;
  onCompare: (referenceId: number, currentId: number) => void;
}

/** Choose a reference batch and a current batch; by default the oldest and the newest. */
export function CompareForm({ datasets, busy, onCompare }: Props) {
  const w = en.changes;
  const [reference, setReference] = useState(String(datasets[0]?.id ?? ''));
  const [current, setCurrent] = useState(String(datasets.at(-1)?.id ?? ''));
  const same = reference === current;
  return (
    <section className="changes-block" aria-labelledby="compare-heading" data-testid="compare-form">
      <h3 id="compare-heading" className="changes-block__title">
        {w.compareHeading}
      </h3>
      <p className="muted">{w.compareIntro}</p>
      {datasets.length < 2 ? (
        <p className="empty-inline" data-testid="compare-need-two">
          {w.needTwo}
        </p>
      ) : (
        <form
          className="changes-form"
          onSubmit={(e) => {
            e.preventDefault();
            if (!same) onCompare(Number(reference), Number(current));
          }}
        >
          <div className="changes-pair">
          <SelectField label={w.reference} value={reference} onChange={setReference} testId="compare-reference">
            {datasets.map((d) => (
              <option key={d.id} value={d.id}>
                {d.name}
              </option>
            ))}
          </SelectField>
          <SelectField label={w.current} value={current} onChange={setCurrent} testId="compare-current">
            {datasets.map((d) => (
              <option key={d.id} value={d.id}>
                {d.name}
              </option>
            ))}
          </SelectField>
          </div>
          <div className="changes-form__actions">
            <button type="submit" className="button button--primary" disabled={busy || same} data-testid="compare-start">
              {w.compare}
            </button>
            {same ? (
              <span className="muted" role="status">
                {w.sameDataset}
              </span>
            ) : null}
          </div>
        </form>
      )}
    </section>
  );
}
