import type { ImportChoices } from '../../../shared/import-choices';
import { en } from '../text/en';

type Encoding = NonNullable<ImportChoices['encoding']>;
const OFFERED: readonly Encoding[] = ['utf-8', 'windows-1252'];

/** For a text file not read as UTF-8: say how it was read and offer the other common encodings. */
export function EncodingChoice({ encoding, onReadAgain, disabled }: { encoding: string; onReadAgain: (choices: ImportChoices) => void; disabled: boolean }) {
  const words = (e: string): string => en.preview.encodings[e] ?? e;
  return (
    <section className="panel choice-panel" aria-labelledby="encoding-title" data-testid="encoding-choice">
      <h2 id="encoding-title" className="panel__title">
        {en.preview.encodingHeading}
      </h2>
      <p className="panel__intro">{en.preview.encodingIntro(words(encoding))}</p>
      <div className="choice-buttons">
        {OFFERED.filter((e) => e !== encoding).map((e) => (
          <button key={e} type="button" className="button button--secondary" onClick={() => onReadAgain({ encoding: e })} disabled={disabled} data-testid={`read-as-${e}`}>
            {en.preview.readAs(words(e))}
          </button>
        ))}
      </div>
    </section>
  );
}
