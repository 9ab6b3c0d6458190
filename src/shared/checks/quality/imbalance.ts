/**
 * quality.class-imbalance — how rare the rarest outcome is (binary and multiclass targets).
 *
 * minority share = rows of the rarest class / rows with a target, with a Wilson score interval at
 * options.confidenceLevel. Binary: compared with imbalanceMedium (20%) and imbalanceHigh (5%).
 * Multiclass with K classes: the thresholds are scaled by 2/K (with 4 equal classes each has 25%,
 * which is "balanced"), i.e. the rarest class is compared with 2/K × the threshold.
 * Severity: below the scaled imbalanceHigh → high; below the scaled imbalanceMedium → medium;
 * a single class present → high (nothing to tell apart).
 */
import type { Finding } from '../../findings/types';
import { wilsonInterval } from '../../metrics/intervals';
import type { Check, CheckInput } from '../types';
import { columnByName, pct, qualityFinding } from './common';
import { cacheOf } from '../cache/check-cache';
import { targetClassesOf } from '../cache/shared-work';

export const CLASS_IMBALANCE = 'quality.class-imbalance';

export const classImbalanceCheck: Check = {
  id: CLASS_IMBALANCE,
  category: 'quality',
  run(input: CheckInput) {
    const { roles, options } = input;
    const col = columnByName(input.table, roles.target);
    if (!col || roles.ignored.includes(col.name) || (roles.task !== 'binary' && roles.task !== 'multiclass')) {
      return { evidence: { skipped: 'Needs an outcome column with classes (a yes/no or multi-class task).' }, findings: [] };
    }
    const classes = targetClassesOf(cacheOf(input), col);
    if (!classes || classes.present === 0) return { evidence: { skipped: 'The outcome column has no values, or too many to be classes.' }, findings: [] };
    const k = classes.labels.length;
    let minority = 0;
    let majority = 0;
    classes.counts.forEach((c, i) => {
      if (c < classes.counts[minority]!) minority = i;
      if (c > classes.counts[majority]!) majority = i;
    });
    const count = classes.counts[minority]!;
    const share = k < 2 ? 0 : count / classes.present;
    const scale = k > 2 ? 2 / k : 1;
    const medium = options.imbalanceMedium * scale;
    const high = options.imbalanceHigh * scale;
    const interval = wilsonInterval(k < 2 ? 0 : count, classes.present, options.confidenceLevel);
    const severity = k < 2 || share < high ? 'high' : share < medium ? 'medium' : null;
    const numbers = {
      minorityClass: k < 2 ? null : classes.labels[minority]!,
      minority: k < 2 ? 0 : count,
      majorityClass: classes.labels[majority]!,
      majority: classes.counts[majority]!,
      present: classes.present,
      share,
      lower: interval?.lower ?? null,
      upper: interval?.upper ?? null,
      classes: k,
      mediumThreshold: medium,
      highThreshold: high,
    };
    const chart = { kind: 'bars' as const, title: `Rows per value of ${col.name}`, labels: classes.labels, values: classes.counts, unit: 'count' as const };
    const base = { columns: [col.name], numbers, sampleSize: classes.present, interval, chart };
    const findings: Finding[] = [
      severity
        ? qualityFinding(CLASS_IMBALANCE, col.name, {
            ...base,
            severity,
            severityRule:
              k > 2
                ? `Rarest class below ${pct(high)} of the rows (${pct(options.imbalanceHigh)} scaled by 2/${k}) → high; below ${pct(medium)} → medium.`
                : `Rarer outcome below ${pct(high)} of the rows, or only one outcome → high; below ${pct(medium)} → medium.`,
          })
        : qualityFinding(CLASS_IMBALANCE, 'passed', { ...base, status: 'passed', severity: 'info', severityRule: 'Nothing found, so nothing to rank.' }),
    ];
    return { evidence: { classCounts: classes.labels.map((label, i) => ({ label, count: classes.counts[i]! })), ...numbers }, findings };
  },
};
