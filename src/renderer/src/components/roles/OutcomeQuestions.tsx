import { useId } from 'react';
import type { RolesState } from '../../../../shared/roles/dataset-roles';
import type { Task } from '../../../../shared/roles/guess-roles';
import { en } from '../../text/en';
import { withTarget, withTask, type RolesDraft } from './roles-draft';
import { ColumnSelect, guessText, RoleQuestion } from './RoleQuestion';

interface Props {
  state: RolesState;
  draft: RolesDraft;
  columns: readonly string[];
  onChange: (next: RolesDraft) => void;
}

const TASKS: readonly Task[] = ['binary', 'multiclass', 'regression'];

/** What really happened: which column, what kind of outcome, and which outcome counts as positive. */
export function OutcomeQuestions({ state, draft, columns, onChange }: Props) {
  const id = useId();
  const { guess, profiles } = state;
  const values = profiles.find((p) => p.name === draft.target)?.values ?? [];
  return (
    <>
      <RoleQuestion
        question={en.roles.target.label}
        controlId={`${id}-target`}
        guess={guessText(guess.target, guess.reasons.target)}
        why={en.roles.target.why}
        testId="role-target"
      >
        {(describedBy) => (
          <ColumnSelect
            id={`${id}-target`}
            value={draft.target}
            columns={columns}
            noneLabel={en.roles.target.none}
            onChange={(c) => onChange(withTarget(draft, c, profiles))}
            describedBy={describedBy}
            testId="target-select"
          />
        )}
      </RoleQuestion>
      {draft.target !== null ? (
        <RoleQuestion question={en.roles.task.label} guess={guess.task ? guessText(en.roles.task.options[guess.task], guess.reasons.task) : undefined} why={en.roles.task.why} testId="role-task">
          {(describedBy) => (
            <div className="choice-list" role="radiogroup" aria-describedby={describedBy}>
              {TASKS.map((t) => (
                <label key={t} className="choice">
                  <input type="radio" name={`${id}-task`} value={t} checked={draft.task === t} onChange={() => onChange(withTask(draft, t, profiles))} data-testid={`task-${t}`} />
                  <span>{en.roles.task.options[t]}</span>
                </label>
              ))}
            </div>
          )}
        </RoleQuestion>
      ) : null}
      {draft.target !== null && draft.task === 'binary' ? (
        <RoleQuestion
          question={en.roles.positive.label}
          guess={guess.target === draft.target && guess.reasons.positiveClass ? guess.reasons.positiveClass : undefined}
          why={en.roles.positive.why}
          testId="role-positive"
        >
          {(describedBy) =>
            values.length > 0 ? (
              <div className="choice-list choice-list--inline" role="radiogroup" aria-describedby={describedBy}>
                {values.map((v) => (
                  <label key={v} className="choice">
                    <input type="radio" name={`${id}-positive`} value={v} checked={draft.positiveClass === v} onChange={() => onChange({ ...draft, positiveClass: v })} data-testid="positive-option" />
                    <span className="choice__value">{v}</span>
                  </label>
                ))}
              </div>
            ) : (
              <label className="field">
                <span className="field__label">{en.roles.positive.typeLabel}</span>
                <span className="muted">{en.roles.positive.noValues}</span>
                <input className="field__control" value={draft.positiveClass ?? ''} onChange={(e) => onChange({ ...draft, positiveClass: e.target.value || null })} aria-describedby={describedBy} data-testid="positive-input" />
              </label>
            )
          }
        </RoleQuestion>
      ) : null}
    </>
  );
}
