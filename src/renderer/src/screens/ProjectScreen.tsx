import type { ReactNode } from 'react';
import type { ProjectInfo } from '../../../shared/domain';
import { AppHeader } from '../components/AppHeader';
import { CloseProjectButton } from '../components/ProjectNav';
import { AuditList } from '../components/AuditList';
import { ChangesPanel, type ChangesHandlers } from '../components/changes/ChangesPanel';
import { DropZone } from '../components/DropZone';
import { ModelCardForm } from '../components/ModelCardForm';
import { useFocusOnMount } from '../components/useFocusOnMount';
import { en } from '../text/en';
import { formatCount, formatDateTime } from '../text/format';

interface Props {
  project: ProjectInfo;
  busy: boolean;
  notice: ReactNode;
  onOpenDataset: (datasetId: number) => void;
  onFile: (file: File) => void;
  onClose: () => void;
  changes: ChangesHandlers;
}

/** A project: the data it holds, and a place to add more. */
export function ProjectScreen({ project, busy, notice, onOpenDataset, onFile, onClose, changes }: Props) {
  const heading = useFocusOnMount<HTMLHeadingElement>();
  return (
    <div className="screen" data-testid="project-screen" data-project-id={project.id}>
      <AppHeader
        context={project.name}
        actions={<CloseProjectButton onClick={onClose} disabled={busy} />}
      />
      <main id="main" className="page">
        <p className="eyebrow">{en.project.label}</p>
        <h1 ref={heading} tabIndex={-1} className="page__title" data-testid="project-name">
          {project.name}
        </h1>
        <p className="muted path" title={project.path}>
          {en.project.savedAt(project.path)}
        </p>
        {notice}
        <section className="panel" aria-labelledby="datasets-heading">
          <h2 id="datasets-heading" className="panel__title">
            {en.project.datasetsHeading}
          </h2>
          {project.datasets.length === 0 ? (
            <p className="empty-inline" data-testid="no-datasets">
              {en.project.noDatasets}
            </p>
          ) : (
            <ul className="dataset-list" data-testid="dataset-list">
              {project.datasets.map((d) => (
                <li key={d.id}>
                  <button
                    type="button"
                    className="dataset-card"
                    onClick={() => onOpenDataset(d.id)}
                    aria-label={en.project.openDataset(d.name)}
                    data-testid="dataset-open"
                    data-dataset-id={d.id}
                  >
                    <span className="dataset-card__name">{d.name}</span>
                    <span className="dataset-card__meta">
                      {en.project.datasetCard(formatCount(d.rows), formatCount(d.columns.length))}
                    </span>
                    <span className="dataset-card__meta">
                      {d.source.fileName} · {formatDateTime(d.importedAt)}
                    </span>
                  </button>
                </li>
              ))}
            </ul>
          )}
        </section>
        <DropZone size="small" onFile={onFile} disabled={busy} />
        {project.datasets.length > 0 ? <ChangesPanel project={project} busy={busy} handlers={changes} /> : null}
        {project.datasets.length > 0 ? <ModelCardForm projectId={project.id} /> : null}
        {project.datasets.length > 0 ? <AuditList projectId={project.id} /> : null}
      </main>
    </div>
  );
}
