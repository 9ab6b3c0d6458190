import type { ReactNode } from 'react';
import { en } from '../text/en';
import { LearnButton } from './learn/LearnLink';

/** The bar along the top: the app's name, where you are, the glossary (Learn), and actions for the current project. */
export function AppHeader({ context, actions }: { context?: ReactNode; actions?: ReactNode }) {
  return (
    <header className="app-header">
      <div className="app-header__brand">
        <svg viewBox="0 0 24 24" width="22" height="22" aria-hidden="true" className="app-header__logo">
          <rect x="3" y="4" width="18" height="16" rx="3" fill="none" stroke="currentColor" strokeWidth="2" />
          <path d="M3 10h18M10 10v10" stroke="currentColor" strokeWidth="2" />
        </svg>
        <span className="app-header__name">{en.app.title}</span>
        {context ? (
          <>
            <span className="app-header__sep" aria-hidden="true">
              /
            </span>
            <span className="app-header__context">{context}</span>
          </>
        ) : null}
      </div>
      <div className="app-header__actions">
        <LearnButton />
        {actions}
      </div>
    </header>
  );
}
