import { useId } from 'react';
import type { LastRunSummary, RecentProject } from '../../../shared/domain';
import { en } from '../text/en';
import { formatDateTime } from '../text/format';

interface Props {
  projects: RecentProject[] | undefined;
  onOpen: (path: string) => void;
  onForget: (path: string) => void;
  disabled: boolean;
}

/**
 * The headline of a project's newest check-up (the report's own summary line) and when it ran;
 * nothing when it is not known (an entry from an older version, until the project is opened).
 */
function LastRun({ lastRun, id }: { lastRun: LastRunSummary | null | undefined; id: string }) {
  if (lastRun === undefined) return null;
  if (lastRun === null) {
    return (
      <span id={id} className="recent-item__run recent-item__run--none" data-testid="recent-headline" data-run="none">
        {en.home.noCheckup}
      </span>
    );
  }
  return (
    <span id={id} className="recent-item__run" data-testid="recent-headline" data-run={lastRun.runId} data-issues={lastRun.issues} data-passed={lastRun.passed}>
      <span data-testid="recent-summary">{en.report.summary(lastRun.issues, lastRun.passed)}</span>{' '}
      <span className="recent-item__meta" data-testid="recent-run-when">
        {en.home.lastCheckup(formatDateTime(lastRun.at))}
      </span>
    </span>
  );
}

/** Recent projects, newest first, each with its last check-up's headline; a project whose file is gone is shown as such and can be forgotten. */
export function RecentProjectList({ projects, onOpen, onForget, disabled }: Props) {
  const ids = useId();
  if (projects === undefined) {
    return (
      <p className="muted" aria-busy="true" data-testid="recent-loading">
        {en.home.recentLoading}
      </p>
    );
  }
  if (projects.length === 0) {
    return (
      <div className="empty-state" data-testid="recent-empty">
        <svg className="empty-state__art" viewBox="0 0 64 48" width="64" height="48" aria-hidden="true">
          <rect x="6" y="10" width="52" height="32" rx="4" fill="none" stroke="currentColor" strokeWidth="2" />
          <path d="M6 16h52M14 24h20M14 31h28" stroke="currentColor" strokeWidth="2" strokeLinecap="round" />
        </svg>
        <p className="empty-state__title">{en.home.recentEmptyTitle}</p>
        <p className="empty-state__body">{en.home.recentEmptyBody}</p>
      </div>
    );
  }
  return (
    <ul className="recent-list" data-testid="recent-list">
      {projects.map((p, i) => (
        <li key={p.path} className={`recent-item${p.exists ? '' : ' recent-item--missing'}`} data-testid="recent-item" data-exists={p.exists}>
          {p.exists ? (
            <button
              type="button"
              className="recent-item__open"
              onClick={() => onOpen(p.path)}
              disabled={disabled}
              aria-label={en.home.openProject(p.name)}
              aria-describedby={p.lastRun !== undefined ? `${ids}-${i}-run ${ids}-${i}-opened` : `${ids}-${i}-opened`}
              data-testid="recent-open"
            >
              <span className="recent-item__name">{p.name}</span>
              <LastRun lastRun={p.lastRun} id={`${ids}-${i}-run`} />
              <span id={`${ids}-${i}-opened`} className="recent-item__meta">
                {en.home.lastOpened(formatDateTime(p.lastOpenedAt))}
              </span>
            </button>
          ) : (
            <div className="recent-item__open recent-item__open--static">
              <span className="recent-item__name">{p.name}</span>
              <span className="recent-item__meta">
                <span className="tag tag--warning" data-testid="recent-missing">
                  {en.home.missingFile}
                </span>{' '}
                {en.home.missingFileHint}
              </span>
            </div>
          )}
          {!p.exists ? (
            <button
              type="button"
              className="button button--quiet"
              onClick={() => onForget(p.path)}
              aria-label={en.home.forgetLabel(p.name)}
              data-testid="recent-forget"
            >
              {en.home.forget}
            </button>
          ) : null}
        </li>
      ))}
    </ul>
  );
}
