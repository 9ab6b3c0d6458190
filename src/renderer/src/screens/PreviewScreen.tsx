import type { ReactNode } from 'react';
import type { DatasetSummary, ProjectInfo } from '../../../shared/domain';
import type { ImportChoices } from '../../../shared/import-choices';
import type { ImportSource } from '../app-state';
import { AppHeader } from '../components/AppHeader';
import { CloseProjectButton, BackLink } from '../components/ProjectNav';
import { EncodingChoice } from '../components/EncodingChoice';
import { DataGrid } from '../components/grid/DataGrid';
import { ImportNotes } from '../components/ImportNotes';
import { SheetChooser } from '../components/SheetChooser';
import { useFocusOnMount } from '../components/useFocusOnMount';
import { en } from '../text/en';
import { formatCount } from '../text/format';

interface Props {
  project: ProjectInfo;
  dataset: DatasetSummary;
  source: ImportSource | undefined;
  busy: boolean;
  notice: ReactNode;
  onReadAgain: (choices: ImportChoices) => void;
  onNext: () => void;
  onSummary: () => void;
  onBack: () => void;
  onCloseProject: () => void;
}

const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

/** Step 1 after an import: what was read, anything to know about it, and the data itself. */
export function PreviewScreen({ project, dataset, source, busy, notice, onReadAgain, onNext, onSummary, onBack, onCloseProject }: Props) {
  const heading = useFocusOnMount<HTMLHeadingElement>();
  const options = dataset.importOptions;
  const canReadAgain = source?.path !== undefined;
  const sheets = Array.isArray(options.sheets) ? options.sheets : [];
  const headerRow = typeof options.headerRow === 'number' ? options.headerRow : 1;
  const sheet = str(options.sheet);
  const encoding = str(options.encoding);
  const showSheets = options.format === 'xlsx' && sheet !== undefined && (sheets.length > 1 || headerRow !== 1);
  const showEncoding = options.format === 'csv' && canReadAgain && encoding !== undefined && encoding !== 'utf-8';

  return (
    <div className="screen" data-testid="preview-screen" data-dataset-id={dataset.id}>
      <AppHeader
        context={project.name}
        actions={<CloseProjectButton onClick={onCloseProject} disabled={busy} />}
      />
      <main id="main" className="page page--wide">
        <BackLink onClick={onBack} testId="back-to-project">
          {en.preview.back(project.name)}
        </BackLink>
        <div className="page-head">
          <div className="page-head__text">
            <p className="eyebrow">{en.preview.eyebrow}</p>
            <h1 ref={heading} tabIndex={-1} className="page-head__title">
              {en.preview.heading}
            </h1>
            <p className="muted" data-testid="preview-summary">
              {en.preview.summary(formatCount(dataset.rows), formatCount(dataset.columns.length), dataset.source.fileName)}
            </p>
          </div>
          <div className="page-head__actions">
            <button type="button" className="button button--secondary" onClick={onSummary} disabled={busy} data-testid="preview-to-summary">
              {en.preview.toSummary}
            </button>
            <button type="button" className="button button--primary" onClick={onNext} disabled={busy} data-testid="preview-next">
              {en.preview.next}
              <span aria-hidden="true">→</span>
            </button>
          </div>
        </div>
        {notice}
        <ImportNotes notes={dataset.notes} />
        {showSheets || showEncoding ? (
          <div className="choice-row">
            {showSheets ? (
              <SheetChooser
                key={`${sheet}-${headerRow}`}
                sheets={sheets}
                sheet={sheet}
                headerRow={headerRow}
                headerRowSaid={dataset.notes.some((n) => n.includes(`row ${headerRow}`))}
                onReadAgain={canReadAgain ? onReadAgain : undefined} disabled={busy} />
            ) : null}
            {showEncoding ? <EncodingChoice encoding={encoding} onReadAgain={onReadAgain} disabled={busy} /> : null}
          </div>
        ) : null}
        <section className="panel panel--grid" aria-labelledby="grid-heading">
          <h2 id="grid-heading" className="panel__title">
            {en.preview.gridHeading}
          </h2>
          <DataGrid key={dataset.id} projectId={project.id} dataset={dataset} />
        </section>
      </main>
    </div>
  );
}
