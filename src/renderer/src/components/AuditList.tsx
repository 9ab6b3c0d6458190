import { request } from '../api/client';
import { en } from '../text/en';
import { formatDateTime } from '../text/format';
import { RequestFallback } from './RequestFallback';
import { useRequest } from './useRequest';

/** The project's audit trail, newest first: what was imported, changed, run and exported, and when. */
export function AuditList({ projectId }: { projectId: string }) {
  const entries = useRequest(() => request('listAudit', { projectId, limit: 200 }));
  return (
    <section className="panel" aria-labelledby="audit-heading" data-testid="audit-list">
      <h2 id="audit-heading" className="panel__title">
        {en.audit.heading}
      </h2>
      <p className="panel__intro">{en.audit.intro}</p>
      {!entries.value ? (
        <RequestFallback state={entries} loading={en.audit.loading} />
      ) : entries.value.length === 0 ? (
        <p className="empty-inline">{en.audit.none}</p>
      ) : (
        <ol className="audit-list">
          {entries.value.map((e) => (
            <li key={e.id} className="audit-item" data-testid="audit-item" data-action={e.action}>
              <time className="audit-item__when muted" dateTime={e.at}>
                {formatDateTime(e.at)}
              </time>
              <span className="audit-item__action">{en.audit.actions[e.action]}</span>
              <span className="audit-item__summary">{e.summary}</span>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
