/**
 * Hand-made reports for what real runs do not produce yet: fairness, slices and drift findings,
 * a category this version has no words for, and findings about a personal-data column with
 * chart labels, groups and quoted values.
 */
import type { Finding, FindingCategory } from '../../../../src/shared/findings/types';
import type { CheckReport } from '../../../../src/shared/report/check-report';

export function finding(partial: Partial<Finding> & Pick<Finding, 'id' | 'check' | 'category'>): Finding {
  return {
    status: 'issue',
    severity: 'medium',
    severityRule: 'A made-up rule → medium.',
    columns: [],
    numbers: {},
    confidence: { sampleSize: 100, kind: 'exact' },
    ...partial,
  };
}

export function reportWith(findings: Finding[], extra: Partial<CheckReport> = {}): CheckReport {
  const bySeverity: Record<string, number> = {};
  for (const f of findings) if (f.status === 'issue') bySeverity[f.severity] = (bySeverity[f.severity] ?? 0) + 1;
  return {
    schema_version: '0.2.0',
    generated_by: { app: 'slicewise', version: '0.1.0-test' },
    generated_at: '2026-11-27T03:00:00.000Z',
    source: { file_name: 'people.csv', size_bytes: 1234, modified_at: '2026-11-01T10:00:00.000Z', sha256: 'ab'.repeat(32) },
    dataset: { name: 'people', rows: 100, columns: [{ name: 'email', type: 'text', missing: 0, missing_share: 0, distinct: 100 }] },
    run: {
      id: 3,
      started_at: '2026-11-27T02:59:00.000Z',
      finished_at: '2026-11-27T02:59:02.000Z',
      roles: { target: null, prediction: null, score: null, classScores: {}, positiveClass: null, task: null, sensitive: {}, ids: [], timestamps: [], ignored: [] },
      options: {} as never,
    },
    summary: {
      issues: findings.filter((f) => f.status === 'issue').length,
      passed: findings.filter((f) => f.status === 'passed').length,
      not_enough_data: findings.filter((f) => f.status === 'not-enough-data').length,
      by_severity: bySeverity,
    },
    findings,
    ...extra,
  };
}

/** One issue per category, including ones other engineers are adding now, and one this version does not know. */
export function everyCategoryReport(): CheckReport {
  const categories: string[] = ['quality', 'privacy', 'performance', 'calibration', 'fairness', 'slices', 'drift', 'tomorrow'];
  return reportWith(
    categories.map((c, i) =>
      finding({
        id: `${c}.made-up:x`,
        check: `${c}.made-up`,
        category: c as FindingCategory,
        severity: (['critical', 'high', 'medium', 'low'] as const)[i % 4]!,
        columns: ['region'],
        groups: c === 'fairness' || c === 'slices' ? ['region = North', 'age 60+'] : undefined,
        numbers: { gap: 0.12, group: 'North' },
        chart: c === 'fairness' ? { kind: 'intervals', title: `Rates by group (${c})`, labels: ['North', 'South'], values: [0.4, null], lower: [0.3, null], upper: [0.5, null], unit: 'share' } : undefined,
      }),
    ),
  );
}
