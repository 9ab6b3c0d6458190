/**
 * The project's history for the timeline and the alert rules: one point per finished check-up
 * (any dataset of the project, oldest first), read from each run's stored evidence.
 */
import { DEFAULT_ALERT_RULES, alertRulesSchema, type AlertRule } from '../../shared/history/rules';
import { buildTimeline, timelinePoint, type TimelinePoint } from '../../shared/history/timeline';
import { getSetting } from './audit';
import type { Db } from './sqlite';

export const ALERT_RULES_SETTING = 'alertRules';

/** A timeline point from a run's evidence (the report's sections, before the report is built). */
export function pointFromEvidence(evidence: Record<string, Record<string, unknown>>, run: { runId: number; at: string; dataset: string }): TimelinePoint {
  const perf = evidence['model.performance'];
  const cal = evidence['model.calibration'];
  const fair = evidence['fairness.groups'];
  return timelinePoint(
    {
      performance: perf && perf.task !== null ? perf : null,
      calibration: cal && cal.available ? cal : null,
      fairness: fair?.available ? ((fair.by as Record<string, unknown> | undefined) ?? null) : null,
      drift: (evidence['drift.dataset'] as { share_drifted?: number | null } | undefined) ?? null,
    },
    run,
  );
}

export function projectTimeline(db: Db): TimelinePoint[] {
  const rows = db
    .prepare(
      `SELECT r.id, r.started_at, r.results, d.name AS dataset FROM runs r LEFT JOIN datasets d ON d.id = r.dataset_id
       WHERE r.status = 'succeeded' AND r.kind IN ('checkup', 'compare') ORDER BY r.started_at, r.id`,
    )
    .all() as { id: number; started_at: string; results: string | null; dataset: string | null }[];
  return buildTimeline(
    rows.map((r) => {
      const results = r.results ? (JSON.parse(r.results) as { evidence?: Record<string, Record<string, unknown>> }) : {};
      return pointFromEvidence(results.evidence ?? {}, { runId: r.id, at: r.started_at, dataset: r.dataset ?? '' });
    }),
  );
}

/** The rules in force: the person's, or the defaults when they never set any. */
export function alertRules(db: Db): { rules: AlertRule[]; defaults: boolean } {
  const stored = getSetting<unknown>(db, ALERT_RULES_SETTING);
  if (stored === undefined) return { rules: DEFAULT_ALERT_RULES, defaults: true };
  const parsed = alertRulesSchema.safeParse(stored);
  return parsed.success ? { rules: parsed.data, defaults: false } : { rules: DEFAULT_ALERT_RULES, defaults: true };
}
