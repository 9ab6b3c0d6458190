import type { ReactNode } from 'react';
import type { SlicewiseErrorData } from '../../../shared/errors';
import { en } from '../text/en';

interface Props {
  title: string;
  intro?: string;
  error: SlicewiseErrorData;
  children?: ReactNode;
}

/** A readable error: what happened in plain words, where in the file, and what to do next. */
export function ErrorPanel({ title, intro, error, children }: Props) {
  const line = error.location?.line;
  return (
    <section className="error-panel" role="alert" aria-labelledby="error-panel-title" data-testid="error-panel" data-error-code={error.code}>
      <h2 id="error-panel-title" className="error-panel__title">
        <span className="error-panel__icon" aria-hidden="true">!</span>
        {title}
      </h2>
      {intro ? <p>{intro}</p> : null}
      <p className="error-panel__message" data-testid="error-message">
        {error.message}
      </p>
      {line !== undefined ? (
        <p className="error-panel__where" data-testid="error-line">
          {en.importFailed.where(line, error.location?.file)}
        </p>
      ) : null}
      {children}
    </section>
  );
}
