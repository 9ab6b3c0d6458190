import type { ReactNode } from 'react';
import type { DatasetDeletion, DatasetSummary, ProjectInfo } from '../../../shared/domain';
import { AppHeader } from '../components/AppHeader';
import { CloseProjectButton, BackLink } from '../components/ProjectNav';
import { ColumnTable } from '../components/ColumnTable';
import { DatasetFacts } from '../components/DatasetFacts';
import { DeleteDatasetButton } from '../components/DeleteDatasetButton';
import { DropZone } from '../components/DropZone';
import { ImportNotes } from '../components/ImportNotes';
import { RunList } from '../components/RunList';
import { useFocusOnMount } from '../components/useFocusOnMount';
import { en } from '../text/en';

interface Props {
  project: ProjectInfo;
  dataset: DatasetSummary;
  notice: ReactNode;
  onPreview: () => void;
  onRoles: () => void;
  onRunCheckup: () => void;
  onOpenRun: (runId: number) => void;
  onPredictionsFile: (file: File) => void;
  busy: boolean;
  onBack: () => void;
  onCloseProject: () => void;
  /** The dataset was deleted (after the person confirmed): leave this screen. */
  onDeleted: (deletion: DatasetDeletion) => void;
}

const predictionsDropWords = {
  title: en.join.dropTitle,
  hint: en.join.dropHint,
  dropNow: en.join.dropNow,
  fileInputLabel: en.join.fileInputLabel,
};

/** The words read as empty, quoted, each spelling once (case variants folded). */
function tokenList(tokens: string[]): string {
  const seen = new Set<string>();
  const quoted = tokens
    .filter((t) => t.trim() !== '' && !seen.has(t.toLowerCase()) && seen.add(t.toLowerCase()))
    .map((t) => `"${t}"`);
  return en.orList(quoted);
}

/** The first summary of a dataset: how big it is and, per column, what it holds and what is missing. */
export function DatasetScreen({ project, dataset, notice, onPreview, onRoles, onRunCheckup, onOpenRun, onPredictionsFile, busy, onBack, onCloseProject, onDeleted }: Props) {
  const heading = useFocusOnMount<HTMLHeadingElement>();
  const tokens = tokenList(dataset.importOptions.missingTokens);
  return (
    <div className="screen" data-testid="dataset-screen" data-dataset-id={dataset.id}>
      <AppHeader
        context={project.name}
        actions={<CloseProjectButton onClick={onCloseProject} />}
      />
      <main id="main" className="page">
        <BackLink onClick={onBack} testId="back-to-project">
          {en.dataset.back(project.name)}
        </BackLink>
        <div className="page-head">
          <h1 ref={heading} tabIndex={-1} className="page-head__title" data-testid="dataset-name">
            {dataset.name}
          </h1>
          <div className="page-head__actions">
            <button type="button" className="button button--secondary" onClick={onPreview} data-testid="open-preview">
              {en.dataset.previewData}
            </button>
            <button type="button" className="button button--secondary" onClick={onRoles} data-testid="open-roles">
              {en.dataset.reviewRoles}
            </button>
            <DeleteDatasetButton project={project} dataset={dataset} disabled={busy} onDeleted={onDeleted} />
          </div>
        </div>
        {notice}
        <section className="panel panel--raised checkup-call" aria-labelledby="checkup-call-heading">
          <div>
            <h2 id="checkup-call-heading" className="panel__title">
              {en.checkup.callHeading}
            </h2>
            <p className="panel__intro">{en.checkup.runHint}</p>
          </div>
          <button type="button" className="button button--primary button--big" onClick={onRunCheckup} disabled={busy} data-testid="run-checkup">
            {en.checkup.run}
          </button>
        </section>
        <DropZone size="small" onFile={onPredictionsFile} disabled={busy} words={predictionsDropWords} />
        <RunList projectId={project.id} datasetId={dataset.id} onOpen={onOpenRun} />
        <DatasetFacts dataset={dataset} />
        <ImportNotes notes={dataset.notes} />
        <section className="panel" aria-labelledby="columns-heading">
          <h2 id="columns-heading" className="panel__title">
            {en.dataset.columnsHeading}
          </h2>
          <p className="panel__intro">
            {en.dataset.columnsIntro} {tokens ? en.dataset.missingTokensNote(tokens) : null}
          </p>
          <ColumnTable columns={dataset.columns} rows={dataset.rows} />
        </section>
      </main>
    </div>
  );
}
