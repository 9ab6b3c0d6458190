import { useEffect, type ReactNode } from 'react';
import { request } from '../api/client';
import { AppHeader } from '../components/AppHeader';
import { DropZone } from '../components/DropZone';
import { ExampleList } from '../components/ExampleList';
import { RecentProjectList } from '../components/RecentProjectList';
import { useFocusOnMount } from '../components/useFocusOnMount';
import { useRequest } from '../components/useRequest';
import { en } from '../text/en';

interface Props {
  busy: boolean;
  onFile: (file: File) => void;
  onOpenRecent: (path: string) => void;
  onOpenExample: (id: string) => void;
  onChooseProject: () => void;
  notice: ReactNode;
}

/** The first screen: drop a file, reopen a recent project, or try an example. */
export function HomeScreen({ busy, onFile, onOpenRecent, onOpenExample, onChooseProject, notice }: Props) {
  const heading = useFocusOnMount<HTMLHeadingElement>();
  const recent = useRequest(() => request('listRecentProjects', {}));
  const info = useRequest(() => request('getAppInfo', {}));
  // First launch: main offers the shipped example once, so the app opens on something useful.
  const startWith = info.value?.startWithExample ?? null;
  useEffect(() => {
    if (startWith && !busy) onOpenExample(startWith);
    // Only when main offers it (once per app start).
  }, [startWith]);

  const forget = (path: string): void => {
    request('forgetRecentProject', { path }).then(recent.set, () => recent.reload());
  };

  return (
    <div className="screen" data-testid="home-screen">
      <AppHeader
        actions={
          <button type="button" className="button button--quiet" onClick={onChooseProject} disabled={busy} data-testid="open-project-file">
            {en.home.openProjectFile}
          </button>
        }
      />
      <main id="main" className="page page--home">
        <div className="hero">
          <h1 ref={heading} tabIndex={-1} className="hero__title">
            {en.home.heading}
          </h1>
          <p className="hero__tagline">{en.app.tagline}</p>
        </div>
        {notice}
        <DropZone size="large" onFile={onFile} disabled={busy} />
        <div className="home-columns">
          <section className="panel" aria-labelledby="recent-heading" data-testid="recent-section">
            <h2 id="recent-heading" className="panel__title">
              {en.home.recentHeading}
            </h2>
            {recent.error ? (
              <p className="muted">
                {recent.error.message}{' '}
                <button type="button" className="link-button" onClick={recent.reload}>
                  {en.errors.retry}
                </button>
              </p>
            ) : (
              <RecentProjectList projects={recent.value} onOpen={onOpenRecent} onForget={forget} disabled={busy} />
            )}
          </section>
          <section className="panel" aria-labelledby="examples-heading" data-testid="examples-section">
            <h2 id="examples-heading" className="panel__title">
              {en.home.examplesHeading}
            </h2>
            <p className="panel__intro">{en.home.examplesBody}</p>
            {info.error ? <p className="muted">{info.error.message}</p> : null}
            <ExampleList examples={info.value?.examples} onOpen={onOpenExample} disabled={busy} />
          </section>
        </div>
      </main>
    </div>
  );
}
