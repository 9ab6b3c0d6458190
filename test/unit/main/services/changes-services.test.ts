/**
 * "What changed?" through the router, as the app's compare and model-comparison screens call it:
 * the example and its later batch in one project, a drift comparison, a model comparison, and the
 * errors a person can run into.
 */
import assert from 'node:assert/strict';
import { after, describe, test } from 'node:test';
import type { AuditEntry, ProjectInfo, RunSummary } from '../../../../src/shared/domain';
import type { StoredModelComparison } from '../../../../src/shared/models/document';
import type { DriftReport } from '../../../../src/shared/report/drift-report';
import type { TimelinePoint } from '../../../../src/shared/history/timeline';
import { testServices } from '../../helpers/services';

describe('comparing datasets and models through the router', () => {
  const { services, call, finished } = testServices();
  after(() => services.shutdown());

  let project: ProjectInfo;
  let first = 0;
  let later = 0;

  test('the later batch is added to the example project, not to a new one', async () => {
    const opened = await call<{ project: ProjectInfo; jobId: string }>('openExample', { exampleId: 'loan-applications' });
    project = opened.project;
    first = (await finished(opened.jobId)).datasetId!;
    const added = await call<{ project: ProjectInfo; jobId: string }>('openExample', { exampleId: 'loan-applications-2026', projectId: project.id });
    assert.equal(added.project.id, project.id);
    later = (await finished(added.jobId)).datasetId!;
    const info = await call<ProjectInfo>('getProject', { projectId: project.id });
    assert.deepEqual(info.datasets.map((d) => [d.source.fileName, d.rows]), [['loan-applications.csv', 2024], ['loan-applications-2026.csv', 1506]]);
  });

  test('a comparison runs as a job, is stored as a run of the current dataset, and reads back as its drift report', async () => {
    const { jobId } = await call<{ jobId: string }>('startCompare', { projectId: project.id, referenceId: first, currentId: later });
    const done = await finished(jobId);
    assert.equal(done.status, 'succeeded', done.error?.message);
    assert.equal(done.kind, 'compare');
    assert.equal(done.datasetId, later);
    const report = await call<DriftReport>('getDriftReport', { projectId: project.id, runId: done.runId });
    assert.equal(report.kind, 'drift');
    assert.equal(report.reference.rows, 2024);
    assert.equal(report.current.rows, 1506);
    const region = report.drift.columns.find((c) => c.name === 'region')!;
    assert.equal(region.drifted, true);
    assert.equal(region.severity, 'major');
    assert.ok(region.new_categories.some((c) => c.value === 'Online'));
    assert.equal(report.drift.columns.find((c) => c.name === 'sex')!.drifted, false);
    const runs = await call<RunSummary[]>('listRuns', { projectId: project.id, datasetId: later });
    assert.deepEqual(runs.map((r) => r.kind), ['compare']);
    // A comparison is not a check-up: asking for it as one says so.
    const wrong = await services.router.handle('getModelComparison', { projectId: project.id, runId: done.runId });
    assert.match(!wrong.ok ? wrong.error.message : '', /not a comparison of two models/);
  });

  test('two models on the later batch: stored, reread, with the planted age 60+ loss in the recommendation', async () => {
    const models = { a: 'vendor_decision', b: 'vendor_decision_v2', scoreA: 'vendor_score', scoreB: 'vendor_score_v2' };
    const { jobId } = await call<{ jobId: string }>('startModelComparison', { projectId: project.id, datasetId: later, models });
    const done = await finished(jobId);
    assert.equal(done.status, 'succeeded', done.error?.message);
    assert.equal(done.kind, 'models');
    const stored = await call<StoredModelComparison>('getModelComparison', { projectId: project.id, runId: done.runId });
    assert.equal(stored.dataset.id, later);
    const c = stored.comparison;
    assert.deepEqual(c.models, { a: 'vendor_decision', b: 'vendor_decision_v2', score_a: 'vendor_score', score_b: 'vendor_score_v2' });
    assert.equal(c.rows + c.excluded_rows, 1506);
    assert.equal(c.verdict, 'b-better');
    const old = c.groups.find((g) => g.column === 'age' && g.group === '60+')!;
    assert.equal(old.worse, true);
    assert.match(c.recommendation, /better overall .* but worse for age = 60\+/);
    const audit = await call<AuditEntry[]>('listAudit', { projectId: project.id, limit: 1 });
    assert.equal(audit[0]!.summary, 'Compared models vendor_decision and vendor_decision_v2 on loan-applications-2026');
  });

  test('bad choices are refused with what and where; nothing is stored', async () => {
    const same = await services.router.handle('startCompare', { projectId: project.id, referenceId: first, currentId: first });
    assert.match(!same.ok ? same.error.message : '', /two different datasets/);
    const missing = await services.router.handle('startCompare', { projectId: project.id, referenceId: first, currentId: 999 });
    assert.equal(!missing.ok && missing.error.code, 'NOT_FOUND');
    const before = (await call<RunSummary[]>('listRuns', { projectId: project.id })).length;
    const { jobId } = await call<{ jobId: string }>('startModelComparison', { projectId: project.id, datasetId: later, models: { a: 'vendor_decision', b: 'no_such_column' } });
    const failed = await finished(jobId);
    assert.equal(failed.status, 'failed');
    assert.match(failed.error!.message, /no column called "no_such_column"/);
    const itself = await call<{ jobId: string }>('startModelComparison', { projectId: project.id, datasetId: later, models: { a: 'vendor_decision', b: 'vendor_decision' } });
    assert.match((await finished(itself.jobId)).error!.message, /two different columns/);
    assert.equal((await call<RunSummary[]>('listRuns', { projectId: project.id })).length, before);
  });

  test('the timeline shows the comparison\'s drift share next to check-ups', async () => {
    const timeline = await call<{ points: TimelinePoint[] }>('getTimeline', { projectId: project.id });
    assert.equal(timeline.points.length, 1, 'the comparison is on the timeline; a model comparison is not');
    assert.ok(timeline.points[0]!.values.share_drifted! > 0);
  });
});
