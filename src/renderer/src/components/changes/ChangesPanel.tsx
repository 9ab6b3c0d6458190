import type { ExampleInfo, ProjectInfo } from '../../../../shared/domain';
import type { ModelChoice } from '../../../../shared/models/choice';
import { request } from '../../api/client';
import { en } from '../../text/en';
import { useRequest } from '../useRequest';
import { CompareForm } from './CompareForm';
import { ComparisonList } from './ComparisonList';
import { ModelsForm } from './ModelsForm';

export interface ChangesHandlers {
  onCompare: (referenceId: number, currentId: number) => void;
  onCompareModels: (datasetId: number, models: ModelChoice) => void;
  onOpenDrift: (runId: number) => void;
  onOpenModels: (runId: number) => void;
  onOpenHistory: () => void;
  onAddLaterBatch: (example: ExampleInfo) => void;
}

/** A shipped later batch of an example this project holds, not added yet. */
function laterBatchFor(project: ProjectInfo, examples: readonly ExampleInfo[]): ExampleInfo | undefined {
  const files = new Set(project.datasets.map((d) => d.source.fileName));
  return examples.find((e) => {
    const base = e.laterBatchOf ? examples.find((x) => x.id === e.laterBatchOf) : undefined;
    return base !== undefined && files.has(base.fileName) && !files.has(e.fileName);
  });
}

/** "Changes over time" on the project screen: compare batches, compare models, history. */
export function ChangesPanel({ project, busy, handlers }: { project: ProjectInfo; busy: boolean; handlers: ChangesHandlers }) {
  const w = en.changes;
  const info = useRequest(() => request('getAppInfo', {}));
  const later = info.value ? laterBatchFor(project, info.value.examples) : undefined;
  return (
    <section className="panel changes-panel" aria-labelledby="changes-heading" data-testid="changes-panel">
      <h2 id="changes-heading" className="panel__title">
        {w.panelHeading}
      </h2>
      <p className="panel__intro">{w.panelIntro}</p>
      {later ? (
        <p className="changes-later">
          <button type="button" className="button button--secondary" onClick={() => handlers.onAddLaterBatch(later)} disabled={busy} data-testid="add-later-batch">
            {w.laterBatch(later.title)}
          </button>{' '}
          <span className="muted">{w.laterBatchHint}</span>
        </p>
      ) : null}
      <div className="changes-grid">
        <CompareForm datasets={project.datasets} busy={busy} onCompare={handlers.onCompare} />
        <ModelsForm projectId={project.id} datasets={project.datasets} busy={busy} onCompare={handlers.onCompareModels} />
      </div>
      <section className="changes-block" aria-labelledby="history-heading">
        <h3 id="history-heading" className="changes-block__title">
          {w.historyHeading}
        </h3>
        <p className="muted">{w.historyIntro}</p>
        <button type="button" className="button button--secondary" onClick={handlers.onOpenHistory} data-testid="open-history">
          {w.openHistory}
        </button>
      </section>
      <ComparisonList project={project} onOpenDrift={handlers.onOpenDrift} onOpenModels={handlers.onOpenModels} />
    </section>
  );
}
