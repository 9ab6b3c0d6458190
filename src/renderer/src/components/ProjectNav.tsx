import type { ReactNode } from 'react';
import { en } from '../text/en';

/** The header action every project screen has: close the project and go home. */
export function CloseProjectButton({ onClick, disabled = false }: { onClick: () => void; disabled?: boolean }) {
  return (
    <button type="button" className="button button--quiet" onClick={onClick} disabled={disabled} data-testid="close-project">
      {en.project.close}
    </button>
  );
}

/** The "← back to …" link at the top of a screen inside a project. */
export function BackLink({ onClick, testId, children }: { onClick: () => void; testId: string; children: ReactNode }) {
  return (
    <nav aria-label={en.dataset.breadcrumb} className="breadcrumb">
      <button type="button" className="link-button" onClick={onClick} data-testid={testId}>
        <span aria-hidden="true">← </span>
        {children}
      </button>
    </nav>
  );
}
