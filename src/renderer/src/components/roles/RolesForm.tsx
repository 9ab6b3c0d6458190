import { useState, type FormEvent } from 'react';
import type { DatasetRoles, RolesState } from '../../../../shared/roles/dataset-roles';
import type { SlicewiseErrorData } from '../../../../shared/errors';
import { en } from '../../text/en';
import { ModelQuestions } from './ModelQuestions';
import { OtherColumnsQuestion } from './OtherColumnsQuestion';
import { OutcomeQuestions } from './OutcomeQuestions';
import { draftFromState, rolesFromDraft } from './roles-draft';
import { SensitiveQuestion } from './SensitiveQuestion';

interface Props {
  state: RolesState;
  columns: readonly string[];
  /** Resolves when saved; rejects with the problems main found. */
  onSave: (roles: DatasetRoles) => Promise<void>;
}

/** The problems main listed, one per line (details.problems), or its message as one. */
function problemsOf(error: SlicewiseErrorData): string[] {
  const details = error.details;
  if (typeof details === 'object' && details !== null && 'problems' in details && Array.isArray(details.problems)) {
    const list = details.problems.filter((p): p is string => typeof p === 'string');
    if (list.length > 0) return list;
  }
  return [error.message];
}

/** The roles questions as one form, pre-filled with the guess (or the saved answers), in four parts. */
export function RolesForm({ state, columns, onSave }: Props) {
  const [draft, setDraft] = useState(() => draftFromState(state));
  const [saving, setSaving] = useState(false);
  const [problems, setProblems] = useState<{ title: string; items: string[] }>();

  const submit = (e: FormEvent): void => {
    e.preventDefault();
    setSaving(true);
    setProblems(undefined);
    onSave(rolesFromDraft(draft)).catch((err: SlicewiseErrorData) => {
      setProblems({ title: err.code === 'INVALID_REQUEST' ? en.roles.problemsTitle : en.roles.saveFailed, items: problemsOf(err) });
      setSaving(false);
    });
  };

  const parts = { state, draft, columns, onChange: setDraft };
  return (
    <form className="roles-form" onSubmit={submit} noValidate data-testid="roles-form">
      <section className="panel roles-part" aria-labelledby="roles-outcome">
        <h2 id="roles-outcome" className="panel__title">
          {en.roles.outcomeSection}
        </h2>
        <OutcomeQuestions {...parts} />
      </section>
      <section className="panel roles-part" aria-labelledby="roles-model">
        <h2 id="roles-model" className="panel__title">
          {en.roles.modelSection}
        </h2>
        <ModelQuestions {...parts} />
      </section>
      <section className="panel roles-part" aria-labelledby="roles-people">
        <h2 id="roles-people" className="panel__title">
          {en.roles.peopleSection}
        </h2>
        <SensitiveQuestion {...parts} />
      </section>
      <section className="panel roles-part" aria-labelledby="roles-columns">
        <h2 id="roles-columns" className="panel__title">
          {en.roles.columnsSection}
        </h2>
        <OtherColumnsQuestion {...parts} />
      </section>
      <div className="roles-save">
        {problems ? (
          <div className="roles-problems" role="alert" data-testid="roles-problems">
            <p className="roles-problems__title">
              <span className="error-panel__icon" aria-hidden="true">
                !
              </span>
              {problems.title}
            </p>
            <ul>
              {problems.items.map((p) => (
                <li key={p}>{p}</li>
              ))}
            </ul>
          </div>
        ) : null}
        <button type="submit" className="button button--primary button--large" disabled={saving} data-testid="save-roles">
          {saving ? en.roles.saving : en.roles.save}
        </button>
      </div>
    </form>
  );
}
