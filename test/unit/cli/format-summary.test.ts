import assert from 'node:assert/strict';
import { test } from 'node:test';
import { formatCheckSummary } from '../../../src/cli/format-summary';
import { DEFAULT_CHECK_OPTIONS } from '../../../src/shared/checks/options';
import type { DatasetSummary } from '../../../src/shared/domain';
import type { CheckReport } from '../../../src/shared/report/check-report';
import type { DatasetRoles } from '../../../src/shared/roles/dataset-roles';

const dataset = { source: { fileName: 'photos.csv' }, rows: 2, columns: [] } as unknown as DatasetSummary;
const reportWith = (r: Partial<DatasetRoles>): CheckReport =>
  ({
    run: {
      id: 1,
      started_at: '',
      finished_at: null,
      options: DEFAULT_CHECK_OPTIONS,
      roles: { target: 'true_label', prediction: 'predicted_label', score: null, classScores: {}, positiveClass: null, task: 'multiclass', sensitive: {}, ids: [], timestamps: [], ignored: [], ...r },
    },
    summary: { issues: 0, passed: 1, not_enough_data: 0, by_severity: {} },
    findings: [],
  }) as unknown as CheckReport;

test('the roles line names the per-class score columns instead of "score (none)"', () => {
  const text = formatCheckSummary(dataset, reportWith({ classScores: { deer: 'score_deer', fox: 'score_fox' } }));
  assert.match(text, /Roles: outcome true_label, prediction predicted_label, scores per class score_deer, score_fox\n/);
  assert.doesNotMatch(text, /score \(none\)/);
});

test('one score column, or none at all, reads as before', () => {
  assert.match(formatCheckSummary(dataset, reportWith({ score: 'p' })), /, score p\n/);
  assert.match(formatCheckSummary(dataset, reportWith({})), /, score \(none\)\n/);
});
