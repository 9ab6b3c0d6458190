import type { DatasetSummary, ProjectInfo } from '../../../shared/domain';
import { AppHeader } from '../components/AppHeader';
import { CloseProjectButton } from '../components/ProjectNav';
import { ErrorPanel } from '../components/ErrorPanel';
import { JoinAddedColumns } from '../components/join/JoinAddedColumns';
import { JoinKeyChooser } from '../components/join/JoinKeyChooser';
import { JoinMatch } from '../components/join/JoinMatch';
import { JoinMismatches } from '../components/join/JoinMismatches';
import { useJoinCheck } from '../components/join/useJoinCheck';
import { ProgressBar } from '../components/ProgressBar';
import { useFocusOnMount } from '../components/useFocusOnMount';
import { en } from '../text/en';

interface Props {
  project: ProjectInfo;
  dataset: DatasetSummary;
  path: string;
  fileName: string;
  onAccepted: (datasetId: number) => void;
  onCancel: () => void;
  onCloseProject: () => void;
}

/**
 * The join check: before a predictions file's columns are added to a dataset, how its rows match
 * (key, counts, what did not match, repeated keys, columns added), with a way to change the key.
 */
export function JoinScreen({ project, dataset, path, fileName, onAccepted, onCancel, onCloseProject }: Props) {
  const heading = useFocusOnMount<HTMLHeadingElement>();
  const join = useJoinCheck({ projectId: project.id, datasetId: dataset.id, path, onAccepted });
  const { report, error, running } = join;
  const noMatch = report !== undefined && report.matched === 0;
  const canAccept = report !== undefined && !noMatch && !error && !running;
  const cancel = (): void => {
    join.stop();
    onCancel();
  };

  return (
    <div className="screen" data-testid="join-screen" data-state={running ?? (error ? 'failed' : report ? 'ready' : 'idle')}>
      <AppHeader
        context={project.name}
        actions={<CloseProjectButton onClick={onCloseProject} disabled={running === 'accept'} />}
      />
      <main id="main" className="page page--join">
        <div className="page-head__text">
          <p className="eyebrow">{en.join.eyebrow}</p>
          <h1 ref={heading} tabIndex={-1} className="page-head__title" data-testid="join-heading">
            {en.join.heading(fileName)}
          </h1>
          <p className="muted">{en.join.intro(fileName, dataset.name)}</p>
        </div>
        <div className="join-status" aria-live="polite" data-testid="join-status">
          {running ? (
            <div className="join-status__running">
              <span>{running === 'accept' ? en.join.saving : en.join.checking(fileName)}</span>
              <ProgressBar fraction={join.fraction} label={en.join.progressLabel} />
            </div>
          ) : null}
        </div>
        {error ? (
          <ErrorPanel title={en.join.failedTitle} intro={en.join.failedIntro(fileName)} error={error}>
            <p className="muted">{en.join.failedHint}</p>
          </ErrorPanel>
        ) : null}
        {report ? (
          <>
            <JoinMatch report={report} />
            {noMatch ? (
              <section className="panel join-nomatch" role="alert" aria-labelledby="join-nomatch-heading" data-testid="join-no-match">
                <h2 id="join-nomatch-heading" className="panel__title">
                  {en.join.noMatchHeading}
                </h2>
                <p>{en.join.noMatchBody(report.keys.left, report.keys.right)}</p>
              </section>
            ) : null}
            {noMatch ? null : <JoinMismatches report={report} datasetName={dataset.name} fileName={fileName} />}
            {noMatch ? null : <JoinAddedColumns added={report.added} datasetName={dataset.name} />}
            <JoinKeyChooser
              key={report.keys.left}
              columns={dataset.columns}
              keys={report.keys}
              datasetName={dataset.name}
              fileName={fileName}
              disabled={running !== undefined}
              onCheck={join.check}
            />
          </>
        ) : null}
        <div className="join-actions">
          {noMatch || (error && !report) ? null : (
            <button type="button" className="button button--primary button--big" onClick={join.accept} disabled={!canAccept} data-testid="join-accept">
              {en.join.accept}
            </button>
          )}
          <button type="button" className="button button--secondary" onClick={cancel} disabled={running === 'accept'} data-testid="join-cancel">
            {en.join.cancel}
          </button>
        </div>
      </main>
    </div>
  );
}
