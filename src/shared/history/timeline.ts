/**
 * The project's history as a timeline: for every run, the few numbers an owner watches over time
 * (accuracy, ROC AUC, calibration error, the largest fairness gap, the share of columns that
 * drifted). Read from the same report JSON the app and the CLI write; a number a run could not
 * compute stays null (a gap in the line), never 0.
 */
import type { CheckReport } from '../report/check-report';
import { metricValue } from '../report/metric-value';

export const TIMELINE_METRICS = ['accuracy', 'roc_auc', 'ece', 'worst_dp_ratio', 'worst_dp_difference', 'share_drifted'] as const;
export type TimelineMetric = (typeof TIMELINE_METRICS)[number];

/** Whether a higher value is better (for "dropped" vs "rose" in words and rules). */
export const HIGHER_IS_BETTER: Record<TimelineMetric, boolean> = {
  accuracy: true,
  roc_auc: true,
  ece: false,
  worst_dp_ratio: true,
  worst_dp_difference: false,
  share_drifted: false,
};

export interface TimelinePoint {
  runId: number;
  at: string;
  /** The dataset the run looked at, by name (a new batch each month shows as a new name). */
  dataset: string;
  values: Record<TimelineMetric, number | null>;
  /** Where the worst fairness gap was ("sex+age_group"), when there was one. */
  worstFairnessKey: string | null;
  /**
   * What kind of run it was: a check-up measures the model's numbers, a comparison of two batches
   * measures drift. Rules only judge runs of the kind that measures their number. Absent: treated
   * as measuring everything.
   */
  kind?: 'checkup' | 'compare';
}

/** Whether a run of this point's kind measures the metric at all. */
export function measures(point: TimelinePoint, metric: TimelineMetric): boolean {
  return point.kind === undefined || (point.kind === 'compare') === (metric === 'share_drifted');
}

/** The parts of a report the timeline reads (a check-up report, or a drift comparison's). */
export type TimelineReport = Pick<CheckReport, 'performance' | 'calibration' | 'fairness'> & {
  run?: { id: number | null; started_at: string } | undefined;
  dataset?: { name: string } | undefined;
  drift?: { share_drifted?: number | null } | null | undefined;
};

export function timelinePoint(report: TimelineReport, fallback: { runId: number; at: string; dataset: string }): TimelinePoint {
  let worstRatio: number | null = null;
  let worstDiff: number | null = null;
  let worstKey: string | null = null;
  for (const [key, section] of Object.entries(report.fairness ?? {})) {
    const s = section as Record<string, unknown>;
    const ratio = metricValue(s.demographic_parity_ratio);
    const diff = metricValue(s.demographic_parity_difference);
    if (ratio !== null && (worstRatio === null || ratio < worstRatio)) {
      worstRatio = ratio;
      worstKey = key;
    }
    if (diff !== null && (worstDiff === null || diff > worstDiff)) worstDiff = diff;
  }
  return {
    runId: report.run?.id ?? fallback.runId,
    at: report.run?.started_at ?? fallback.at,
    dataset: report.dataset?.name ?? fallback.dataset,
    values: {
      accuracy: metricValue(report.performance?.accuracy),
      roc_auc: metricValue(report.performance?.roc_auc),
      ece: metricValue(report.calibration?.ece),
      worst_dp_ratio: worstRatio,
      worst_dp_difference: worstDiff,
      share_drifted: metricValue(report.drift?.share_drifted),
    },
    worstFairnessKey: worstKey,
    kind: report.drift ? 'compare' : 'checkup',
  };
}

/** Oldest first. */
export function buildTimeline(points: readonly TimelinePoint[]): TimelinePoint[] {
  return [...points].sort((a, b) => a.at.localeCompare(b.at) || a.runId - b.runId);
}
