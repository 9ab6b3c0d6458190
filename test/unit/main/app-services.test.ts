import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { createAppServices } from '../../../src/main/app-services';
import type { AuditEntry, ProjectInfo } from '../../../src/shared/domain';
import type { RolesState } from '../../../src/shared/roles/dataset-roles';
import type { CheckReport } from '../../../src/shared/report/check-report';
import { REPO_ROOT, testServices } from '../helpers/services';

const ROOT = REPO_ROOT;

describe('app services through the router (what the renderer calls)', () => {
  let chosenData: string | null = null;
  const { dir, services, events, call, finished } = testServices({ chooseDataFile: async () => chosenData });
  after(() => services.shutdown());

  test('app info lists the shipped example; no example is opened unless the host asks for one', async () => {
    const info = await call<{ version: string; examples: { id: string; laterBatchOf?: string }[]; startWithExample: string | null }>('getAppInfo', {});
    assert.equal(info.version, '1.2.3');
    assert.deepEqual(info.examples.map((e) => e.id), ['loan-applications', 'loan-applications-2026', 'photo-labels', 'house-prices']);
    assert.equal(info.examples[1]!.laterBatchOf, 'loan-applications');
    assert.equal(info.startWithExample, null);
  });

  test('first launch (no recent projects) offers the example once; later launches do not', async () => {
    const fresh = join(dir, 'first-launch');
    const make = () =>
      createAppServices({
        appVersion: '1', host: 'electron', userDataDir: fresh, projectsDir: fresh, resourcesDir: join(ROOT, 'resources'),
        dialogs: { chooseProjectFile: async () => null, chooseDataFile: async () => null, chooseSavePath: async () => null }, events: { emit: () => {} }, workers: 1,
        firstLaunchExample: 'loan-applications',
      });
    const first = make();
    const a = await first.router.handle('getAppInfo', {});
    const b = await first.router.handle('getAppInfo', {});
    assert.equal(a.ok && (a.value as { startWithExample: string | null }).startWithExample, 'loan-applications');
    assert.equal(b.ok && (b.value as { startWithExample: string | null }).startWithExample, null, 'once per start');
    first.projects.create('Someone worked here');
    await first.shutdown();
    const later = make();
    const c = await later.router.handle('getAppInfo', {});
    assert.equal(c.ok && (c.value as { startWithExample: string | null }).startWithExample, null, 'not once there are recent projects');
    await later.shutdown();
  });

  test('the example imports end to end: events, stored summary, recent list', async () => {
    const { project, jobId } = await call<{ project: ProjectInfo; jobId: string }>('openExample', { exampleId: 'loan-applications' });
    const done = await finished(jobId);
    assert.equal(done.status, 'succeeded');
    assert.ok(events.some((e) => e.name === 'jobProgress' && (e.payload as { jobId: string }).jobId === jobId));
    const ds = await call<{ rows: number; columns: { name: string; missing: number }[] }>('getDataset', {
      projectId: project.id,
      datasetId: done.datasetId,
    });
    assert.equal(ds.rows, 2024);
    assert.equal(ds.columns.length, 18);
    assert.equal(ds.columns.find((c) => c.name === 'annual_income')!.missing, 69);
    const recent = await call<{ path: string; exists: boolean }[]>('listRecentProjects', {});
    assert.equal(recent[0]!.path, project.path);
    assert.equal(recent[0]!.exists, true);
  });

  test('roles: the guess, a refused set of roles (with reasons), confirmed roles kept', async () => {
    const { project, jobId } = await call<{ project: ProjectInfo; jobId: string }>('openExample', { exampleId: 'loan-applications' });
    const done = await finished(jobId);
    const ids = { projectId: project.id, datasetId: done.datasetId! };
    const state = await call<RolesState>('getRoles', ids);
    assert.equal(state.confirmed, false);
    assert.equal(state.roles.target, 'repaid');
    assert.equal(state.roles.positiveClass, '1');
    assert.equal(state.roles.sensitive.sex, 'sex');
    assert.equal(state.profiles.length, 18);

    const bad = await services.router.handle('setRoles', { ...ids, roles: { ...state.roles, target: 'no_such_column', positiveClass: 'maybe' } });
    assert.equal(!bad.ok && bad.error.code, 'INVALID_REQUEST');
    assert.match(!bad.ok ? bad.error.message : '', /no column called "no_such_column"/);
    const wrongPositive = await services.router.handle('setRoles', { ...ids, roles: { ...state.roles, positiveClass: 'maybe' } });
    assert.match(!wrongPositive.ok ? wrongPositive.error.message : '', /"maybe" does not appear in "repaid"/);

    const mine = { ...state.roles, sensitive: { ...state.roles.sensitive, region: 'other' } };
    await call('setRoles', { ...ids, roles: mine });
    const after = await call<RolesState>('getRoles', ids);
    assert.equal(after.confirmed, true);
    assert.deepEqual(after.roles, mine);

    // The audit trail: the import, then the change of roles (refused attempts leave no line).
    const audit = await call<AuditEntry[]>('listAudit', { projectId: project.id });
    assert.deepEqual(audit.map((a) => a.action), ['roles', 'import']);
    assert.equal(audit[0]!.summary, 'Roles confirmed: sensitive added: region');
    assert.deepEqual(audit[0]!.details.after, mine);
    assert.equal(audit[1]!.summary, 'Imported loan-applications.csv (2,024 rows × 18 columns)');
    assert.equal(audit[1]!.datasetId, ids.datasetId);
    await call('setRoles', { ...ids, roles: { ...mine, target: 'vendor_decision', prediction: null, positiveClass: 'approved' } });
    const again = await call<AuditEntry[]>('listAudit', { projectId: project.id, limit: 1 });
    assert.equal(again.length, 1);
    assert.equal(again[0]!.summary, 'Roles changed: outcome repaid → vendor_decision; prediction vendor_decision → (none); positive value 1 → approved');
  });

  test('a check-up on the example: stored run, report with performance and calibration matching an independent count', async () => {
    const { project, jobId } = await call<{ project: ProjectInfo; jobId: string }>('openExample', { exampleId: 'loan-applications' });
    const imported = await finished(jobId);
    const start = await call<{ jobId: string }>('startCheckup', { projectId: project.id, datasetId: imported.datasetId });
    const done = await finished(start.jobId);
    assert.equal(done.status, 'succeeded', done.error?.message);
    assert.equal(done.kind, 'checkup');
    const report = await call<CheckReport>('getReport', { projectId: project.id, runId: done.runId });

    // Independent count straight from the CSV text.
    const lines = readFileSync(join(ROOT, 'resources/examples/loan-applications.csv'), 'utf8').trim().split('\n').slice(1);
    let tp = 0, tn = 0, fp = 0, fn = 0;
    for (const line of lines) {
      const cells = line.split(',');
      const repaid = cells.at(-3) === '1';
      const approved = cells.at(-1) === 'approved';
      if (repaid && approved) tp++;
      else if (!repaid && !approved) tn++;
      else if (approved) fp++;
      else fn++;
    }
    const perf = report.performance as { confusion: Record<string, number>; accuracy: { value: number; interval: { lower: number; upper: number } }; roc_auc: { value: number } };
    assert.deepEqual(perf.confusion, { tn, fp, fn, tp });
    assert.equal(perf.accuracy.value, (tp + tn) / lines.length);
    assert.ok(perf.accuracy.interval.lower < perf.accuracy.value && perf.accuracy.value < perf.accuracy.interval.upper);
    assert.ok(perf.roc_auc.value > 0.6 && perf.roc_auc.value < 0.8, `AUC ${perf.roc_auc.value}`);
    const cal = report.calibration as { ece: { value: number }; bins: { count: number }[] };
    assert.equal(cal.bins.length, 10);
    assert.equal(cal.bins.reduce((a, b) => a + b.count, 0), lines.length);
    assert.ok(cal.ece.value > 0.05, 'the planted miscalibration is found');
    assert.ok(report.findings!.some((f) => f.check === 'model.calibration' && f.status === 'issue'));
    assert.equal(report.run!.roles.target, 'repaid');
    const runs = await call<{ id: number }[]>('listRuns', { projectId: project.id });
    assert.equal(runs[0]!.id, done.runId);
    const [audit] = await call<AuditEntry[]>('listAudit', { projectId: project.id });
    assert.equal(audit!.action, 'run');
    assert.equal(audit!.runId, done.runId);
    assert.equal(audit!.summary, `Check-up ${done.runId} of loan-applications: ${report.summary!.issues} findings to look at`);
  });

  test('history: each check-up adds a timeline point; the alert rules set on the project fire on the next run and are audited', async () => {
    const { project, jobId } = await call<{ project: ProjectInfo; jobId: string }>('openExample', { exampleId: 'loan-applications' });
    const imported = await finished(jobId);
    const ids = { projectId: project.id, datasetId: imported.datasetId };
    const before = await call<{ points: unknown[]; defaults: boolean }>('getTimeline', { projectId: project.id });
    assert.deepEqual(before.points, []);
    assert.equal(before.defaults, true);
    const first = await finished((await call<{ jobId: string }>('startCheckup', ids)).jobId);
    const firstReport = await call<CheckReport>('getReport', { projectId: project.id, runId: first.runId });
    // The default rules cannot fire on a first run with no drift comparison: no issue from them.
    assert.equal(firstReport.findings!.filter((f) => f.check.startsWith('history.') && f.status === 'issue').length, 0);

    const bad = await services.router.handle('setAlertRules', { projectId: project.id, rules: [{ kind: 'below', metric: 'precision', value: 0.9 }] });
    assert.equal(!bad.ok && bad.error.code, 'INVALID_REQUEST');
    await call('setAlertRules', { projectId: project.id, rules: [{ kind: 'below', metric: 'accuracy', value: 0.9 }] });
    const second = await finished((await call<{ jobId: string }>('startCheckup', ids)).jobId);
    const report = await call<CheckReport>('getReport', { projectId: project.id, runId: second.runId });
    const fired = report.findings!.find((f) => f.id === 'history.rule:below:accuracy:0.9')!;
    assert.equal(fired.status, 'issue');
    assert.equal(fired.numbers.current, (report.performance as { accuracy: { value: number } }).accuracy.value);

    const timeline = await call<{ points: { runId: number; values: { accuracy: number | null } }[]; defaults: boolean }>('getTimeline', { projectId: project.id });
    assert.equal(timeline.defaults, false);
    assert.deepEqual(timeline.points.map((p) => p.runId), [first.runId, second.runId]);
    assert.equal(timeline.points[1]!.values.accuracy, fired.numbers.current);
    const audit = await call<AuditEntry[]>('listAudit', { projectId: project.id });
    assert.deepEqual(audit.map((a) => a.action), ['run', 'settings', 'run', 'import']);
  });

  test('a predictions file joins onto a dataset: a report first, then a new dataset; the original stays', async () => {
    const p = await call<ProjectInfo>('createProject', { name: 'Join' });
    const dataFile = join(dir, 'applicants.csv');
    const predFile = join(dir, 'predictions.csv');
    writeFileSync(dataFile, 'applicant_id,income,repaid\nA1,100,1\nA2,200,0\nA3,300,1\nA4,400,0\n');
    writeFileSync(predFile, 'applicant_id,score\nA2,0.3\nA1,0.8\nA1,0.7\nA9,0.5\n');
    const imported = await finished((await call<{ jobId: string }>('importDataFile', { projectId: p.id, path: dataFile })).jobId);
    const base = { projectId: p.id, datasetId: imported.datasetId!, path: predFile };

    const preview = await finished((await call<{ jobId: string }>('joinPredictions', { ...base, accept: false })).jobId);
    assert.equal(preview.status, 'succeeded', preview.error?.message);
    assert.deepEqual(preview.joinReport!.keys, { left: 'applicant_id', right: 'applicant_id' });
    assert.equal(preview.joinReport!.matched, 2);
    assert.equal(preview.joinReport!.unmatchedLeft, 2);
    assert.equal(preview.joinReport!.unmatchedRight, 1);
    assert.equal(preview.joinReport!.duplicateRight, 1);
    assert.equal(preview.datasetId, undefined, 'a preview saves nothing');
    assert.equal((await call<ProjectInfo>('getProject', { projectId: p.id })).datasets.length, 1);

    const accepted = await finished((await call<{ jobId: string }>('joinPredictions', { ...base, accept: true })).jobId);
    assert.equal(accepted.status, 'succeeded', accepted.error?.message);
    const joined = await call<{ rows: number; columns: { name: string; missing: number }[]; notes: string[] }>('getDataset', { projectId: p.id, datasetId: accepted.datasetId });
    assert.equal(joined.rows, 4);
    assert.deepEqual(joined.columns.map((c) => c.name), ['applicant_id', 'income', 'repaid', 'score']);
    assert.equal(joined.columns[3]!.missing, 2);
    assert.match(joined.notes.join(' '), /2 of 4 rows matched/);
    const rows = await call<{ rows: (string | null)[][] }>('getRows', { projectId: p.id, datasetId: accepted.datasetId, offset: 0, limit: 4 });
    assert.deepEqual(rows.rows.map((r) => r[3]), ['0.8', '0.3', null, null]);
    assert.equal((await call<ProjectInfo>('getProject', { projectId: p.id })).datasets.length, 2);

    const wrongKey = await finished((await call<{ jobId: string }>('joinPredictions', { ...base, keys: { left: 'income', right: 'nope' }, accept: true })).jobId);
    assert.equal(wrongKey.status, 'failed');
    assert.match(wrongKey.error!.message, /no column called "nope"/);
  });

  test('rows for the preview come back as text, from any part of the dataset', async () => {
    const p = await call<ProjectInfo>('createProject', { name: 'Rows' });
    const { jobId } = await call<{ jobId: string }>('importDataFile', { projectId: p.id, path: join(ROOT, 'test/fixtures/csv/small.csv') });
    const done = await finished(jobId);
    const page = await call<{ offset: number; rows: (string | null)[][] }>('getRows', { projectId: p.id, datasetId: done.datasetId, offset: 1, limit: 10 });
    assert.deepEqual(page, { offset: 1, rows: [['2', null, 'Paris', '0.1'], ['3', null, null, '0.5'], ['4', '51', 'Nice', null]] });
    const beyond = await call<{ rows: unknown[] }>('getRows', { projectId: p.id, datasetId: done.datasetId, offset: 100, limit: 10 });
    assert.deepEqual(beyond.rows, []);
  });

  test('reopening a project shows the same summary without importing again', async () => {
    const created = await call<ProjectInfo>('createProject', { name: 'Reopen me' });
    const { jobId } = await call<{ jobId: string }>('importDataFile', { projectId: created.id, path: join(ROOT, 'test/fixtures/csv/small.csv') });
    assert.equal((await finished(jobId)).status, 'succeeded');
    const first = await call<ProjectInfo>('getProject', { projectId: created.id });
    await call('closeProject', { projectId: created.id });
    const jobsBefore = events.filter((e) => e.name === 'jobFinished').length;
    const reopened = await call<ProjectInfo>('openProject', { path: created.path });
    assert.deepEqual(reopened.datasets, first.datasets);
    assert.equal(events.filter((e) => e.name === 'jobFinished').length, jobsBefore, 'no job ran');
  });

  test('a malformed file fails with a readable message; the project keeps what it had', async () => {
    const p = await call<ProjectInfo>('createProject', { name: 'Bad input' });
    const { jobId } = await call<{ jobId: string }>('importDataFile', { projectId: p.id, path: join(ROOT, 'test/fixtures/csv/unclosed-quote.csv') });
    const done = await finished(jobId);
    assert.equal(done.status, 'failed');
    assert.equal(done.error?.code, 'PARSE_ERROR');
    assert.match(done.error!.message, /unclosed-quote\.csv.*line 3/);
    assert.deepEqual((await call<ProjectInfo>('getProject', { projectId: p.id })).datasets, []);
  });

  test('a file that is not there is refused up front; a format we do not read fails with the list of formats', async () => {
    const p = await call<ProjectInfo>('createProject', { name: 'Refusals' });
    const missing = await services.router.handle('importDataFile', { projectId: p.id, path: join(dir, 'nope.csv') });
    assert.equal(!missing.ok && missing.error.code, 'NOT_FOUND');
    const pdf = join(dir, 'report.pdf');
    writeFileSync(pdf, '%PDF-1.7\n%âãÏÓ\n1 0 obj\n');
    const { jobId } = await call<{ jobId: string }>('importDataFile', { projectId: p.id, path: pdf });
    const done = await finished(jobId);
    assert.equal(done.status, 'failed');
    assert.match(done.error!.message, /report\.pdf/);
    assert.match(done.error!.message, /PDF/);
    const notProject = await services.router.handle('openProject', { path: join(ROOT, 'package.json') });
    assert.equal(!notProject.ok && notProject.error.code, 'PROJECT_UNREADABLE');
  });

  test('Excel, Parquet and JSON files import through the same request', async () => {
    const p = await call<ProjectInfo>('createProject', { name: 'Formats' });
    const formats = join(ROOT, 'test/fixtures/formats');
    const files = ['report.xlsx', 'mixed.parquet', 'people.json', 'dict.arrow'];
    assert.deepEqual(readdirSync(formats).filter((f) => files.includes(f)).sort(), [...files].sort());
    for (const file of files) {
      const { jobId } = await call<{ jobId: string }>('importDataFile', { projectId: p.id, path: join(formats, file) });
      const done = await finished(jobId);
      assert.equal(done.status, 'succeeded', `${file}: ${done.error?.message}`);
      const ds = await call<{ rows: number; importOptions: { format: string } }>('getDataset', { projectId: p.id, datasetId: done.datasetId });
      assert.ok(ds.rows > 0, file);
      assert.equal(ds.importOptions.format, { xlsx: 'xlsx', parquet: 'parquet', json: 'json', arrow: 'arrow' }[file.split('.').pop()!]);
    }
  });

  test('the data-file dialog answer is passed through; cancel is null', async () => {
    chosenData = '/some/where.csv';
    assert.deepEqual(await call('chooseDataFile', {}), { path: '/some/where.csv' });
    chosenData = null;
    assert.equal(await call('chooseDataFile', {}), null);
  });

  test('discardProject deletes an empty project file, and refuses one that holds data', async () => {
    const empty = await call<ProjectInfo>('createProject', { name: 'Made for a failed import' });
    assert.ok(existsSync(empty.path));
    await call('discardProject', { projectId: empty.id });
    assert.ok(!existsSync(empty.path));
    assert.ok(!(await call<{ path: string }[]>('listRecentProjects', {})).some((r) => r.path === empty.path));

    const full = await call<ProjectInfo>('createProject', { name: 'Has data' });
    const { jobId } = await call<{ jobId: string }>('importDataFile', { projectId: full.id, path: join(ROOT, 'test/fixtures/csv/small.csv') });
    await finished(jobId);
    const refused = await services.router.handle('discardProject', { projectId: full.id });
    assert.equal(!refused.ok && refused.error.code, 'INVALID_REQUEST');
    assert.match(!refused.ok ? refused.error.message : '', /holds data, so it was not deleted/);
    assert.ok(existsSync(full.path));
  });

  test('new projects get unique, safe file names', async () => {
    const a = await call<ProjectInfo>('createProject', { name: 'Q3/sales: "final"?' });
    const b = await call<ProjectInfo>('createProject', { name: 'Q3/sales: "final"?' });
    assert.match(a.path, /Q3 sales final\.slicewise$/);
    assert.match(b.path, /Q3 sales final 2\.slicewise$/);
    assert.equal(a.name, 'Q3/sales: "final"?');
  });
});
