/**
 * A target-leakage suspect as a finding (quality.target-leakage). Yes/no and class outcomes keep
 * the numbers they always had (auc, agreement, nearCopy); amounts carry Spearman, Pearson and the
 * rebuild (reconstructed share, factor); a product names both columns. `strength` orders findings
 * of the same severity: the AUC, the larger |correlation|, or the rebuilt share.
 */
import type { Finding, Severity } from '../../findings/types';
import { pct, qualityFinding } from './common';
import { NEAR_COPY_AGREEMENT, RECONSTRUCT_SHARE, RECONSTRUCT_TOLERANCE, type ColumnLeak } from './leakage-common';

const TARGET_LEAKAGE = 'quality.target-leakage';

export interface LeakOptions {
  leakageAuc: number;
  leakageCorrelation: number;
}

function severityRule(task: 'binary' | 'multiclass' | 'regression', o: LeakOptions): string {
  if (task === 'regression') {
    return (
      `The outcome is within ${pct(RECONSTRUCT_TOLERANCE)} of the column times a fixed factor in ${pct(RECONSTRUCT_SHARE)} or more of the rows → critical; ` +
      `|Spearman| or |Pearson| with the outcome ${o.leakageCorrelation} or more, or two columns whose product is within ${pct(RECONSTRUCT_TOLERANCE)} of the outcome (times a fixed factor) in ${pct(RECONSTRUCT_SHARE)} or more of the rows → high.`
    );
  }
  const copy = task === 'binary' ? 'Equal to the outcome' : 'Equal to the class (after matching values)';
  return `${copy} in ${pct(NEAR_COPY_AGREEMENT)} or more of the rows → critical; on its own tells the ${task === 'binary' ? 'outcomes' : 'classes'} apart with AUC ${o.leakageAuc} or more → high.`;
}

export function leakFinding(leak: ColumnLeak, severity: Severity, task: 'binary' | 'multiclass' | 'regression', target: string, o: LeakOptions): Finding {
  const common = { severity, severityRule: severityRule(task, o), sampleSize: leak.rows };
  if (task !== 'regression') {
    const nearCopy = severity === 'critical';
    return qualityFinding(TARGET_LEAKAGE, leak.column, {
      ...common,
      columns: [leak.column, target],
      numbers: { auc: leak.auc, agreement: leak.agreement, nearCopy, method: leak.method, rows: leak.rows, threshold: o.leakageAuc, target, task, strength: leak.auc },
    });
  }
  const rebuilt = { reconstructed: leak.reconstructed ?? null, factor: leak.factor ?? null, tolerance: RECONSTRUCT_TOLERANCE, rows: leak.rows, target, task };
  if (leak.method === 'product') {
    return qualityFinding(TARGET_LEAKAGE, `${leak.column}×${leak.partner ?? ''}`, {
      ...common,
      columns: [leak.column, leak.partner ?? '', target],
      numbers: { ...rebuilt, method: 'product', nearCopy: false, partner: leak.partner ?? null, threshold: RECONSTRUCT_SHARE, strength: leak.reconstructed ?? null },
    });
  }
  const strength = Math.max(Math.abs(leak.spearman ?? 0), Math.abs(leak.pearson ?? 0));
  return qualityFinding(TARGET_LEAKAGE, leak.column, {
    ...common,
    columns: [leak.column, target],
    numbers: { ...rebuilt, method: 'correlation', nearCopy: severity === 'critical', spearman: leak.spearman ?? null, pearson: leak.pearson ?? null, threshold: o.leakageCorrelation, strength },
  });
}
