import { useId } from 'react';
import type { RolesState } from '../../../../shared/roles/dataset-roles';
import { en } from '../../text/en';
import { isModelColumn, type RolesDraft } from './roles-draft';
import { RoleQuestion } from './RoleQuestion';

interface Props {
  state: RolesState;
  draft: RolesDraft;
  columns: readonly string[];
  onChange: (next: RolesDraft) => void;
}

const KINDS = Object.keys(en.roles.kinds);

/** Which columns describe people in protected ways, and what each describes (sex, age, race, …). */
export function SensitiveQuestion({ state, draft, columns, onChange }: Props) {
  const id = useId();
  const reasons = new Map(state.guess.columns.filter((c) => c.role === 'sensitive').map((c) => [c.column, c.reason]));
  const guessed = [...reasons.keys()];
  const chosen = Object.keys(draft.sensitive);
  const toggle = (column: string, on: boolean): void => {
    const sensitive = { ...draft.sensitive };
    if (on) sensitive[column] = state.guess.columns.find((c) => c.column === column)?.sensitiveKind ?? 'other';
    else delete sensitive[column];
    onChange({ ...draft, sensitive });
  };
  const setKind = (column: string, kind: string): void => onChange({ ...draft, sensitive: { ...draft.sensitive, [column]: kind } });
  const candidates = columns.filter((c) => isModelColumn(draft, c) === null);

  return (
    <RoleQuestion question={en.roles.sensitive.label} guess={guessed.length > 0 ? `${guessed.join(', ')}.` : `${en.roles.none}.`} why={en.roles.sensitive.why} testId="role-sensitive">
      {(describedBy) => (
        <>
          <ul className="sensitive-list" aria-describedby={describedBy}>
            {candidates.map((c, i) => {
              const on = draft.sensitive[c] !== undefined;
              const kind = draft.sensitive[c] ?? 'other';
              return (
                <li key={c} className={`sensitive-item${on ? ' sensitive-item--on' : ''}`} data-testid="sensitive-item" data-column={c}>
                  <label className="choice">
                    <input type="checkbox" checked={on} onChange={(e) => toggle(c, e.target.checked)} data-testid="sensitive-check" />
                    <span className="choice__value">{c}</span>
                  </label>
                  {on ? (
                    <select
                      className="field__control field__control--small"
                      value={kind}
                      onChange={(e) => setKind(c, e.target.value)}
                      aria-label={en.roles.sensitive.kindLabel(c)}
                      id={`${id}-kind-${i}`}
                      data-testid="sensitive-kind"
                    >
                      {(KINDS.includes(kind) ? KINDS : [...KINDS, kind]).map((k) => (
                        <option key={k} value={k}>
                          {en.roles.kinds[k] ?? k}
                        </option>
                      ))}
                    </select>
                  ) : null}
                  {reasons.get(c) ? <span className="sensitive-item__reason">{reasons.get(c)}</span> : null}
                </li>
              );
            })}
          </ul>
          {chosen.length === 0 ? <p className="muted">{en.roles.sensitive.nothing}</p> : null}
        </>
      )}
    </RoleQuestion>
  );
}
