import type { ExampleInfo } from '../../../shared/domain';
import { en } from '../text/en';

interface Props {
  examples: ExampleInfo[] | undefined;
  onOpen: (id: string) => void;
  disabled: boolean;
}

/** The example datasets shipped with the app, each one click away. */
export function ExampleList({ examples, onOpen, disabled }: Props) {
  if (examples === undefined) return null;
  if (examples.length === 0) return <p className="muted">{en.home.examplesEmpty}</p>;
  return (
    <ul className="example-list" data-testid="example-list">
      {examples.map((ex) => (
        <li key={ex.id} className="example-card">
          <div>
            <p className="example-card__title">{ex.title}</p>
            <p className="example-card__body">{ex.description}</p>
          </div>
          <button
            type="button"
            className="button button--secondary"
            onClick={() => onOpen(ex.id)}
            disabled={disabled}
            aria-label={`${en.home.openExample}: ${ex.title}`}
            data-testid="example-open"
            data-example-id={ex.id}
          >
            {en.home.openExample}
          </button>
        </li>
      ))}
    </ul>
  );
}
