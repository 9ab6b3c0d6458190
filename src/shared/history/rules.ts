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
import { HIGHER_IS_BETTER, TIMELINE_METRICS, measures, type TimelineMetric, type TimelinePoint } from './timeline';

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

/** One rule on `points` (oldest first, all of a kind that measures its number), judged at the last one. */
function evaluateRule(points: readonly TimelinePoint[], rule: AlertRule): RuleResult {
  const current = points.at(-1);
  const now = current ? current.values[rule.metric] : null;
  if (rule.kind === 'drop') {
    // The baseline is the first (or the previous) run that measured the number.
    const earlier = points.slice(0, -1).filter((p) => p.values[rule.metric] !== null);
    const base = rule.from === 'first' ? earlier[0] : earlier.at(-1);
    const baseline = base ? base.values[rule.metric] : null;
    if (now === null || baseline === null) return { rule, state: 'unknown', current: now, baseline, worsened: null };
    const worsened = HIGHER_IS_BETTER[rule.metric] ? baseline - now : now - baseline;
    // A tiny tolerance so "exactly 5 points" is not decided by floating-point noise.
    return { rule, state: worsened > rule.by + 1e-12 ? 'fired' : 'held', current: now, baseline, worsened };
  }
  if (now === null) return { rule, state: 'unknown', current: now, baseline: null, worsened: null };
  const fired = rule.kind === 'below' ? now < rule.value : now > rule.value;
  return { rule, state: fired ? 'fired' : 'held', current: now, baseline: null, worsened: null };
}

/**
 * Evaluates the rules for the newest point of the timeline (oldest first). A rule on a number the
 * newest run's kind does not measure (accuracy on a comparison of batches, drift on a check-up) is
 * left out: that run has nothing to say about it.
 */
export function evaluateRules(timeline: readonly TimelinePoint[], rules: readonly AlertRule[]): RuleResult[] {
  const current = timeline.at(-1);
  if (!current) return [];
  return rules.filter((r) => measures(current, r.metric)).map((r) => evaluateRule(timeline.filter((p) => measures(p, r.metric)), r));
}

/** Every rule as it stands on the newest run that measures its number (for showing rules next to the history). */
export function latestRuleStates(timeline: readonly TimelinePoint[], rules: readonly AlertRule[]): RuleResult[] {
  return rules.map((r) => evaluateRule(timeline.filter((p) => measures(p, r.metric)), r));
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
  // Consider retraining: a performance rule fired on the newest check-up and on the one before, or
  // together with the newest comparison's drift rule. Raised by the run that completes the evidence.
  const firedNow = results.some((r) => r.state === 'fired' && (PERFORMANCE.has(r.rule.metric) || r.rule.metric === 'share_drifted'));
  const perfRules = rules.filter((r) => PERFORMANCE.has(r.metric));
  const latest = latestRuleStates(timeline, rules).filter((r) => r.state === 'fired');
  const perfNow = latest.filter((r) => PERFORMANCE.has(r.rule.metric));
  const driftNow = latest.some((r) => r.rule.metric === 'share_drifted');
  const checkups = timeline.filter((p) => measures(p, 'accuracy'));
  const perfBefore = checkups.length >= 2 ? latestRuleStates(checkups.slice(0, -1), perfRules).some((r) => r.state === 'fired') : false;
  if (firedNow && perfNow.length && (perfBefore || driftNow)) {
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
