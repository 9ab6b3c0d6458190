import { useId, useState, type FormEvent } from 'react';
import type { ColumnSummary } from '../../../../shared/domain';
import type { JoinKeys } from '../../../../shared/join/join-tables';
import { en } from '../../text/en';

interface Props {
  columns: readonly ColumnSummary[];
  keys: JoinKeys;
  datasetName: string;
  fileName: string;
  disabled: boolean;
  onCheck: (keys: JoinKeys) => void;
}

/**
 * Lets the person pick the dataset's matching column and check again. The predictions file's
 * column stays the guessed one: the report does not list that file's columns.
 */
export function JoinKeyChooser({ columns, keys, datasetName, fileName, disabled, onCheck }: Props) {
  const [left, setLeft] = useState(keys.left);
  const id = useId();
  const submit = (e: FormEvent): void => {
    e.preventDefault();
    if (left !== keys.left) onCheck({ left, right: keys.right });
  };
  return (
    <section className="panel join-keys" aria-labelledby={`${id}-title`} data-testid="join-key-chooser">
      <h2 id={`${id}-title`} className="panel__title">
        {en.join.changeKeyHeading}
      </h2>
      <p className="panel__intro">{en.join.changeKeyIntro(keys.right)}</p>
      <form className="choice-form" onSubmit={submit}>
        <label className="field">
          <span className="field__label">{en.join.leftKeyLabel(datasetName)}</span>
          <select className="field__control" value={left} onChange={(e) => setLeft(e.target.value)} disabled={disabled} data-testid="join-left-key">
            {columns.map((c) => (
              <option key={c.name} value={c.name}>
                {c.name}
              </option>
            ))}
          </select>
        </label>
        <span className="join-keys__equals" aria-hidden="true">
          =
        </span>
        <div className="field">
          <span className="field__label" id={`${id}-right`}>
            {en.join.rightKeyLabel(fileName)}
          </span>
          <output className="join-keys__fixed" aria-labelledby={`${id}-right`} data-testid="join-right-key">
            {keys.right}
          </output>
        </div>
        <button type="submit" className="button button--secondary" disabled={disabled || left === keys.left} data-testid="join-recheck">
          {en.join.recheck}
        </button>
      </form>
    </section>
  );
}
