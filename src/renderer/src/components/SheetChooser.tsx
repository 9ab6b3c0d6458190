import { useId, useState, type FormEvent } from 'react';
import type { ImportChoices } from '../../../shared/import-choices';
import { en } from '../text/en';

interface Props {
  sheets: readonly string[];
  sheet: string;
  headerRow: number;
  /** True when the import notes already say where the column names were. */
  headerRowSaid: boolean;
  /** Absent when the file's path is unknown (then the panel only explains). */
  onReadAgain: ((choices: ImportChoices) => void) | undefined;
  disabled: boolean;
}

/** For a workbook: which sheet was read and where its column names were, with a way to change both. */
export function SheetChooser({ sheets, sheet, headerRow, headerRowSaid, onReadAgain, disabled }: Props) {
  const [chosen, setChosen] = useState(sheet);
  const [row, setRow] = useState(String(headerRow));
  const id = useId();
  const rowNumber = Number(row);
  const validRow = Number.isInteger(rowNumber) && rowNumber >= 1 && rowNumber <= 10_000;
  const changed = chosen !== sheet || rowNumber !== headerRow;

  const submit = (e: FormEvent): void => {
    e.preventDefault();
    if (!onReadAgain || !validRow || !changed) return;
    // A new sheet finds its own header row unless the person changed the row too.
    onReadAgain({ sheet: chosen, ...(rowNumber !== headerRow || chosen === sheet ? { headerRow: rowNumber } : {}) });
  };

  return (
    <section className="panel choice-panel" aria-labelledby={`${id}-title`} data-testid="sheet-chooser">
      <h2 id={`${id}-title`} className="panel__title">
        {en.preview.sheetHeading}
      </h2>
      {sheets.length > 1 ? <p className="panel__intro">{en.preview.sheetIntro(sheet)}</p> : null}
      {headerRow !== 1 && !headerRowSaid ? (
        <p className="choice-panel__fact" data-testid="header-row-note">
          {en.preview.headerRow(headerRow)}
        </p>
      ) : null}
      {onReadAgain ? (
        <form className="choice-form" onSubmit={submit}>
          {sheets.length > 1 ? (
            <label className="field">
              <span className="field__label">{en.preview.sheetLabel}</span>
              <select className="field__control" value={chosen} onChange={(e) => setChosen(e.target.value)} data-testid="sheet-select" disabled={disabled}>
                {sheets.map((s) => (
                  <option key={s} value={s}>
                    {s}
                  </option>
                ))}
              </select>
            </label>
          ) : null}
          <label className="field field--narrow">
            <span className="field__label">{en.preview.headerRowLabel}</span>
            <input
              className="field__control"
              type="number"
              min={1}
              max={10_000}
              value={row}
              onChange={(e) => setRow(e.target.value)}
              aria-invalid={!validRow || undefined}
              data-testid="header-row-input"
              disabled={disabled}
            />
          </label>
          <button type="submit" className="button button--secondary" disabled={disabled || !validRow || !changed} data-testid="read-again">
            {en.preview.readAgain}
          </button>
          <p className="choice-form__note muted">{en.preview.readAgainNote}</p>
        </form>
      ) : null}
    </section>
  );
}
