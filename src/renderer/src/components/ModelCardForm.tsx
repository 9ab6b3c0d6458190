import { useId, useState, type FormEvent } from 'react';
import type { ModelCardText } from '../../../shared/model-card/text-schema';
import { asErrorData, request } from '../api/client';
import { en } from '../text/en';
import { RequestFallback } from './RequestFallback';
import { useRequest } from './useRequest';

const FIELDS: readonly (keyof ModelCardText)[] = ['owner', 'intendedUse', 'outOfScope', 'dataDescription', 'limitations'];

/** What the person writes for the model card; saved in the project (and audited). */
export function ModelCardForm({ projectId }: { projectId: string }) {
  const loaded = useRequest(() => request('getModelCardText', { projectId }));
  const [status, setStatus] = useState<{ tone: 'info' | 'error'; message: string } | null>(null);
  const id = useId();
  const text = loaded.value;
  const setText = (t: ModelCardText): void => loaded.set(t);
  if (!text) return <RequestFallback state={loaded} loading={en.modelCard.loading} />;
  const save = async (e: FormEvent) => {
    e.preventDefault();
    try {
      setText(await request('setModelCardText', { projectId, text }));
      setStatus({ tone: 'info', message: en.modelCard.saved });
    } catch (err) {
      setStatus({ tone: 'error', message: asErrorData(err).message });
    }
  };
  return (
    <section className="panel" aria-labelledby={`${id}-heading`} data-testid="model-card-form">
      <h2 id={`${id}-heading`} className="panel__title">
        {en.modelCard.heading}
      </h2>
      <p className="panel__intro">{en.modelCard.intro}</p>
      <form className="model-card-form" onSubmit={save}>
        {FIELDS.map((f) => (
          <div key={f} className="model-card-form__field">
            <label htmlFor={`${id}-${f}`}>{en.modelCard.fields[f].label}</label>
            <textarea
              id={`${id}-${f}`}
              rows={f === 'owner' ? 1 : 3}
              value={text[f]}
              placeholder={en.modelCard.fields[f].placeholder}
              onChange={(e) => setText({ ...text, [f]: e.target.value })}
              data-testid={`model-card-${f}`}
            />
          </div>
        ))}
        <div>
          <button type="submit" className="button" data-testid="model-card-save">
            {en.modelCard.save}
          </button>
        </div>
        {status ? (
          <p className={status.tone === 'error' ? 'notice notice--error' : 'muted'} role={status.tone === 'error' ? 'alert' : 'status'} data-testid="model-card-status">
            {status.message}
          </p>
        ) : null}
      </form>
    </section>
  );
}
