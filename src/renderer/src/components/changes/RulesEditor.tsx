import { useState } from 'react';
import { SUGGESTED_ALERT_RULES, latestRuleStates, ruleKey, type AlertRule } from '../../../../shared/history/rules';
import { TIMELINE_METRICS, type TimelineMetric, type TimelinePoint } from '../../../../shared/history/timeline';
import { asErrorData, request } from '../../api/client';
import { en } from '../../text/en';
import { isRatioMetric } from '../../text/en-changes';
import { SelectField } from './Field';

interface Props {
  projectId: string;
  points: readonly TimelinePoint[];
  rules: readonly AlertRule[];
  defaults: boolean;
  onSaved: (rules: AlertRule[]) => void;
}

type Kind = AlertRule['kind'];

/** The value as the person typed it (percent or 0–1) → the rule's number, or null when it is not a valid entry. */
function parseValue(text: string, metric: TimelineMetric): number | null {
  const v = Number(text.trim().replace(',', '.'));
  if (text.trim() === '' || !Number.isFinite(v)) return null;
  if (isRatioMetric(metric)) return v >= 0 && v <= 1 ? v : null;
  return v >= 0 && v <= 100 ? v / 100 : null;
}

/** The alert rules: each as a sentence with how it stands on the latest run, remove, add, suggested, save. */
export function RulesEditor({ projectId, points, rules: initial, defaults, onSaved }: Props) {
  const w = en.changes;
  const [rules, setRules] = useState<AlertRule[]>([...initial]);
  const [kind, setKind] = useState<Kind>('drop');
  const [metric, setMetric] = useState<TimelineMetric>('accuracy');
  const [from, setFrom] = useState<'first' | 'previous'>('first');
  const [value, setValue] = useState('5');
  const [status, setStatus] = useState<{ tone: 'info' | 'error'; text: string } | null>(null);
  const [saving, setSaving] = useState(false);
  const latest = new Map(latestRuleStates(points, rules).map((r) => [ruleKey(r.rule), r.state]));
  const parsed = parseValue(value, metric);
  const validDrop = kind !== 'drop' || (parsed !== null && parsed > 0);

  const add = (): void => {
    if (parsed === null || !validDrop) return;
    const rule: AlertRule = kind === 'drop' ? { kind, metric, by: parsed, from } : { kind, metric, value: parsed };
    if (rules.some((r) => ruleKey(r) === ruleKey(rule))) return;
    setRules([...rules, rule]);
    setStatus(null);
  };
  const save = async (): Promise<void> => {
    setSaving(true);
    try {
      const saved = await request('setAlertRules', { projectId, rules });
      setStatus({ tone: 'info', text: w.saved });
      onSaved(saved);
    } catch (err) {
      setStatus({ tone: 'error', text: `${w.saveFailed}: ${asErrorData(err).message}` });
    } finally {
      setSaving(false);
    }
  };

  return (
    <section className="panel" aria-labelledby="rules-heading" data-testid="rules-editor">
      <h2 id="rules-heading" className="panel__title">
        {w.rulesHeading}
      </h2>
      <p className="panel__intro">
        {w.rulesIntro} {defaults ? w.rulesDefaults : null}
      </p>
      {rules.length === 0 ? (
        <p className="empty-inline">{w.rulesNone}</p>
      ) : (
        <ul className="rule-list">
          {rules.map((r) => {
            const sentence = w.ruleSentence(r);
            const state = latest.get(ruleKey(r)) ?? 'unknown';
            return (
              <li key={ruleKey(r)} className={`rule-item rule-item--${state}`} data-testid="rule-item" data-rule={ruleKey(r)} data-state={state}>
                <span className="rule-item__text">{sentence.charAt(0).toUpperCase() + sentence.slice(1)}</span>
                <span className="rule-item__state">{state === 'fired' ? `▲ ${w.latestState.fired}` : w.latestState[state]}</span>
                <button type="button" className="button button--quiet" onClick={() => setRules(rules.filter((x) => ruleKey(x) !== ruleKey(r)))} aria-label={w.removeLabel(sentence)}>
                  {w.remove}
                </button>
              </li>
            );
          })}
        </ul>
      )}
      <form
        className="changes-form rule-form"
        aria-label={w.addHeading}
        onSubmit={(e) => {
          e.preventDefault();
          add();
        }}
      >
        <SelectField label={w.metric} value={metric} onChange={(m) => setMetric(m as TimelineMetric)} testId="rule-metric">
          {TIMELINE_METRICS.map((m) => (
            <option key={m} value={m}>
              {w.metricNames[m]}
            </option>
          ))}
        </SelectField>
        <SelectField label={w.kind} value={kind} onChange={(k) => setKind(k as Kind)} testId="rule-kind">
          {(['drop', 'below', 'above'] as const).map((k) => (
            <option key={k} value={k}>
              {w.kinds[k]}
            </option>
          ))}
        </SelectField>
        <label className="field">
          <span className="field__label">{w.valueLabel(metric, kind)}</span>
          <input className="field__control" inputMode="decimal" value={value} onChange={(e) => setValue(e.target.value)} aria-invalid={parsed === null || !validDrop} data-testid="rule-value" />
        </label>
        {kind === 'drop' ? (
          <SelectField label={w.from} value={from} onChange={(f) => setFrom(f as 'first' | 'previous')} testId="rule-from">
            <option value="first">{w.fromFirst}</option>
            <option value="previous">{w.fromPrevious}</option>
          </SelectField>
        ) : null}
        <div className="changes-form__actions">
          <button type="submit" className="button button--secondary" disabled={parsed === null || !validDrop} data-testid="rule-add">
            {w.add}
          </button>
          {parsed === null || !validDrop ? (
            <span className="muted" role="alert">
              {w.badValue(metric)}
            </span>
          ) : null}
        </div>
      </form>
      <div className="changes-form__actions">
        <button type="button" className="button button--quiet" onClick={() => setRules([...SUGGESTED_ALERT_RULES])} data-testid="rules-suggested">
          {w.useSuggested}
        </button>
        <button type="button" className="button button--primary" onClick={() => void save()} disabled={saving} data-testid="rules-save">
          {w.save}
        </button>
        {status ? (
          <span className={status.tone === 'error' ? 'notice-inline notice-inline--error' : 'muted'} role={status.tone === 'error' ? 'alert' : 'status'} data-testid="rules-status">
            {status.text}
          </span>
        ) : null}
      </div>
    </section>
  );
}
