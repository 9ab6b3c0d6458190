import { useId, type ReactNode } from 'react';
import { en } from '../../text/en';

interface Props {
  /** The question; a fieldset legend when the answer is a group of choices, else a label. */
  question: string;
  /** Label mode: the id of the single control the question labels. */
  controlId?: string;
  guess?: ReactNode;
  why: string;
  children: (describedBy: string) => ReactNode;
  testId: string;
}

/** One question of the roles form: the question, Slicewise's guess and reason, why it is asked, the answer. */
export function RoleQuestion({ question, controlId, guess, why, children, testId }: Props) {
  const id = useId();
  const describedBy = guess ? `${id}-guess ${id}-why` : `${id}-why`;
  const body = (
    <>
      {guess ? (
        <p id={`${id}-guess`} className="role-q__guess" data-testid="role-guess">
          <span className="role-q__badge">{en.roles.guessLabel}</span> {guess}
        </p>
      ) : null}
      <div className="role-q__answer">{children(describedBy)}</div>
      <p id={`${id}-why`} className="role-q__why">
        <strong>{en.roles.whyLabel}</strong> {why}
      </p>
    </>
  );
  if (controlId) {
    return (
      <div className="role-q" data-testid={testId}>
        <label htmlFor={controlId} className="role-q__question">
          {question}
        </label>
        {body}
      </div>
    );
  }
  return (
    <fieldset className="role-q" data-testid={testId}>
      <legend className="role-q__question">{question}</legend>
      {body}
    </fieldset>
  );
}

/** A column picker with a "None" choice. */
export function ColumnSelect({ id, value, columns, noneLabel, onChange, describedBy, testId }: {
  id: string;
  value: string | null;
  columns: readonly string[];
  noneLabel: string;
  onChange: (column: string | null) => void;
  describedBy: string;
  testId: string;
}) {
  return (
    <select id={id} className="field__control" value={value ?? ''} onChange={(e) => onChange(e.target.value === '' ? null : e.target.value)} aria-describedby={describedBy} data-testid={testId}>
      <option value="">{noneLabel}</option>
      {columns.map((c) => (
        <option key={c} value={c}>
          {c}
        </option>
      ))}
    </select>
  );
}

/** "repaid. Its name suggests …" — the guessed answer and the reason for it. */
export function guessText(value: string | null, reason: string | undefined): string {
  const answer = value ?? en.roles.none;
  return reason ? `${answer}. ${reason}` : `${answer}.`;
}
