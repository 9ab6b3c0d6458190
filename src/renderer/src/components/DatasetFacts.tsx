import type { DatasetSummary } from '../../../shared/domain';
import { en } from '../text/en';
import { formatCount, formatDateTime } from '../text/format';

/** The headline facts about a dataset: its size, where it came from and when it was read. */
export function DatasetFacts({ dataset }: { dataset: DatasetSummary }) {
  return (
    <dl className="facts" data-testid="dataset-facts">
      <div className="fact fact--big">
        <dt>{en.dataset.rows}</dt>
        <dd data-testid="dataset-rows" data-value={dataset.rows}>
          {formatCount(dataset.rows)}
        </dd>
      </div>
      <div className="fact fact--big">
        <dt>{en.dataset.columns}</dt>
        <dd data-testid="dataset-columns" data-value={dataset.columns.length}>
          {formatCount(dataset.columns.length)}
        </dd>
      </div>
      <div className="fact">
        <dt>{en.dataset.source}</dt>
        <dd data-testid="dataset-file" className="fact__file">
          {dataset.source.fileName}
        </dd>
      </div>
      <div className="fact">
        <dt>{en.dataset.size}</dt>
        <dd data-testid="dataset-size">{en.units.bytes(dataset.source.sizeBytes)}</dd>
      </div>
      <div className="fact">
        <dt>{en.dataset.imported}</dt>
        <dd data-testid="dataset-imported">
          {formatDateTime(dataset.importedAt)}
          <span className="fact__sub">{en.dataset.importTook(en.units.seconds(dataset.importMs))}</span>
        </dd>
      </div>
    </dl>
  );
}
