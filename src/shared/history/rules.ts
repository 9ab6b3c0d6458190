/**
 * Alert rules a person sets on a project ("warn me when…"), evaluated on every new run against
 * the timeline. Each rule that fires becomes a finding with the evidence behind it; a rule that
 * cannot be judged (the number was not measured) says so instead of firing or passing.
 *   - drop:  the metric got worse by more than `by` from the first run (or the previous one)
 *   - below / above: the metric crossed a fixed limit
 * "Consider retraining" is raised when a performance rule fires on two runs in a row, or when a
 * performance drop and drift fire together.
 */
import { z } from 'zod';
import type { Finding } from '../findings/types';
import { HIGHER_IS_BETTER, TIMELINE_METRICS, type TimelineMetric, type TimelinePoint } from './timeline';

const metric = z.enum(TIMELINE_METRICS);

export const alertRuleSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('drop'), metric, by: z.number().positive().max(1), from: z.enum(['first', 'previous']).default('first') }).strict(),
  z.object({ kind: z.literal('below'), metric, value: z.number() }).strict(),
  z.object({ kind: z.literal('above'), metric, value: z.number() }).strict(),
]);
export type AlertRule = z.infer<typeof alertRuleSchema>;
export const alertRulesSchema = z.array(alertRuleSchema).max(50);

/**
 * The rules in force until the person sets their own: changes over time only (accuracy down more
 * than 5 points from the first run; more than 30% of columns drifting). A fixed fairness limit is
 * offered (SUGGESTED_ALERT_RULES) but not on by default: every check-up already reports gaps
 * between groups, and a default rule would only repeat that finding.
 */
export const DEFAULT_ALERT_RULES: AlertRule[] = [
  { kind: 'drop', metric: 'accuracy', by: 0.05, from: 'first' },
  { kind: 'above', metric: 'share_drifted', value: 0.3 },
];

/** The three rules the product brief names, for the rules editor to offer. */
export const SUGGESTED_ALERT_RULES: AlertRule[] = [
  { kind: 'drop', metric: 'accuracy', by: 0.05, from: 'first' },
  { kind: 'below', metric: 'worst_dp_ratio', value: 0.8 },
  { kind: 'above', metric: 'share_drifted', value: 0.3 },
];

export const RULE_CHECK = 'history.rule';
export const RETRAIN_CHECK = 'history.retrain';

export interface RuleResult {
  rule: AlertRule;
  /** 'fired' | 'held' | 'unknown' (the number was not measured in this run or the baseline). */
  state: 'fired' | 'held' | 'unknown';
  current: number | null;
  baseline: number | null;
  /** Change from the baseline in the metric's bad direction (drop rules), else null. */
  worsened: number | null;
}

const PERFORMANCE: ReadonlySet<TimelineMetric> = new Set(['accuracy', 'roc_auc', 'ece']);

export function ruleKey(r: AlertRule): string {
  return r.kind === 'drop' ? `drop:${r.metric}:${r.by}:${r.from}` : `${r.kind}:${r.metric}:${r.value}`;
}

/** Evaluates every rule for the newest point of the timeline (oldest first). */
export function evaluateRules(timeline: readonly TimelinePoint[], rules: readonly AlertRule[]): RuleResult[] {
  const current = timeline.at(-1);
  if (!current) return [];
  return rules.map((rule) => {
    const now = current.values[rule.metric];
    if (rule.kind === 'drop') {
      const base = rule.from === 'first' ? timeline[0] : timeline.at(-2);
      const baseline = base && base !== current ? base.values[rule.metric] : null;
      if (now === null || baseline === null) return { rule, state: 'unknown', current: now, baseline, worsened: null };
      const worsened = HIGHER_IS_BETTER[rule.metric] ? baseline - now : now - baseline;
      // A tiny tolerance so "exactly 5 points" is not decided by floating-point noise.
      return { rule, state: worsened > rule.by + 1e-12 ? 'fired' : 'held', current: now, baseline, worsened };
    }
    if (now === null) return { rule, state: 'unknown', current: now, baseline: null, worsened: null };
    const fired = rule.kind === 'below' ? now < rule.value : now > rule.value;
    return { rule, state: fired ? 'fired' : 'held', current: now, baseline: null, worsened: null };
  });
}

/** Findings for the newest run: one per rule that fired (or could not be judged), and "consider retraining" when the evidence adds up. */
export function ruleFindings(timeline: readonly TimelinePoint[], rules: readonly AlertRule[]): Finding[] {
  const results = evaluateRules(timeline, rules);
  const current = timeline.at(-1);
  if (!current) return [];
  const findings: Finding[] = [];
  for (const r of results) {
    if (r.state === 'held') continue;
    // A rule on a number no run has measured yet (drift before any comparison) has nothing to watch: no finding.
    if (r.state === 'unknown' && timeline.every((p) => p.values[r.rule.metric] === null)) continue;
    // The first run is the baseline of a "worse than" rule: nothing to compare with yet.
    if (r.rule.kind === 'drop' && timeline.length < 2) continue;
    findings.push({
      id: `${RULE_CHECK}:${ruleKey(r.rule)}`,
      check: RULE_CHECK,
      category: 'drift',
      status: r.state === 'fired' ? 'issue' : 'not-enough-data',
      severity: r.state === 'fired' ? (PERFORMANCE.has(r.rule.metric) || r.rule.metric === 'worst_dp_ratio' ? 'high' : 'medium') : 'info',
      severityRule: 'A rule you set fired: on the model’s performance or fairness → high; on drift → medium',
      columns: [],
      numbers: {
        kind: r.rule.kind,
        metric: r.rule.metric,
        limit: r.rule.kind === 'drop' ? r.rule.by : r.rule.value,
        from: r.rule.kind === 'drop' ? r.rule.from : null,
        current: r.current,
        baseline: r.baseline,
        worsened: r.worsened,
        runs: timeline.length,
        fairness_key: r.rule.metric === 'worst_dp_ratio' || r.rule.metric === 'worst_dp_difference' ? current.worstFairnessKey : null,
      },
      confidence: { sampleSize: timeline.length, kind: r.state === 'fired' ? 'exact' : 'not-enough-data' },
      chart: {
        kind: 'bars',
        title: r.rule.metric,
        // One bar per run that measured it ("run 3 (loans-june)"); runs that did not are left out.
        labels: timeline.flatMap((p, i) => (p.values[r.rule.metric] === null ? [] : [`run ${i + 1} (${p.dataset})`])),
        values: timeline.flatMap((p) => (p.values[r.rule.metric] === null ? [] : [p.values[r.rule.metric]!])),
        unit: 'share',
        highlight: current.values[r.rule.metric] === null ? [] : [timeline.filter((p) => p.values[r.rule.metric] !== null).length - 1],
      },
    });
  }
  // Consider retraining: performance fired now and on the previous run too, or together with drift.
  const firedNow = results.filter((r) => r.state === 'fired');
  const perfNow = firedNow.filter((r) => PERFORMANCE.has(r.rule.metric));
  const driftNow = firedNow.some((r) => r.rule.metric === 'share_drifted');
  const perfBefore = timeline.length >= 2 ? evaluateRules(timeline.slice(0, -1), rules).some((r) => r.state === 'fired' && PERFORMANCE.has(r.rule.metric)) : false;
  if (perfNow.length && (perfBefore || driftNow)) {
    findings.push({
      id: `${RETRAIN_CHECK}:model`,
      check: RETRAIN_CHECK,
      category: 'drift',
      status: 'issue',
      severity: 'high',
      severityRule: 'Performance rules fired on two runs in a row, or together with a drift rule → high',
      columns: [],
      numbers: {
        metrics: perfNow.map((r) => r.rule.metric).join(', '),
        two_runs_in_a_row: perfBefore,
        with_drift: driftNow,
        runs: timeline.length,
      },
      confidence: { sampleSize: timeline.length, kind: 'exact' },
    });
  }
  return findings;
}
