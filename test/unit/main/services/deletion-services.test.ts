/**
 * Deleting runs and datasets, and the recent list's headline of each project's newest check-up,
 * through the router as the renderer calls them, with the real worker pool: refusals while a job
 * uses the data, what the recent list remembers across a relaunch, and that listing never opens a
 * project file.
 */
import assert from 'node:assert/strict';
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { createAppServices, type AppServices } from '../../../../src/main/app-services';
import { jobUses } from '../../../../src/main/services/deletion-service';
import type { AuditEntry, DatasetDeletion, ProjectInfo, RecentProject, RunDeletion, RunSummary } from '../../../../src/shared/domain';
import type { CheckReport } from '../../../../src/shared/report/check-report';
import type { TimelinePoint } from '../../../../src/shared/history/timeline';
import { REPO_ROOT, testServices } from '../../helpers/services';

function writeCsv(path: string, rows: number): string {
  const lines = ['id,region,amount,approved,predicted,score'];
  for (let i = 1; i <= rows; i++) lines.push(`${i},${['north', 'south', 'east'][i % 3]},${(i * 17) % 500},${i % 3 === 0 ? 'no' : 'yes'},${i % 4 === 0 ? 'no' : 'yes'},${((i * 7) % 100) / 100}`);
  writeFileSync(path, `${lines.join('\n')}\n`);
  return path;
}

describe('deleting runs and datasets, and the recent list’s headline', () => {
  const { dir, services, call, finished } = testServices();
  after(() => services.shutdown());
  const refused = async (name: string, input: unknown): Promise<string> => {
    const r = await services.router.handle(name, input);
    assert.equal(r.ok, false, `${name} should have been refused`);
    return r.ok ? '' : r.error.message;
  };
  const recentEntry = async (path: string): Promise<RecentProject> => (await call<RecentProject[]>('listRecentProjects', {})).find((r) => r.path === path)!;

  let project: ProjectInfo;
  let first = 0;
  let second = 0;
  const checkups: number[] = [];

  const checkup = async (datasetId: number): Promise<number> => {
    const { jobId } = await call<{ jobId: string }>('startCheckup', { projectId: project.id, datasetId });
    const done = await finished(jobId);
    assert.equal(done.status, 'succeeded', done.error?.message);
    return done.runId!;
  };

  test('a new project has no check-up yet; each finished check-up becomes its headline, with the report’s counts', async () => {
    project = await call<ProjectInfo>('createProject', { name: 'Loans' });
    assert.equal((await recentEntry(project.path)).lastRun, null);
    for (const [name, rows] of [['first.csv', 150], ['second.csv', 90]] as const) {
      const { jobId } = await call<{ jobId: string }>('importDataFile', { projectId: project.id, path: writeCsv(join(dir, name), rows) });
      const id = (await finished(jobId)).datasetId!;
      if (name === 'first.csv') first = id;
      else second = id;
    }
    checkups.push(await checkup(first), await checkup(first), await checkup(second));
    const last = (await recentEntry(project.path)).lastRun!;
    assert.equal(last.runId, checkups[2]);
    const report = await call<CheckReport>('getReport', { projectId: project.id, runId: checkups[2] });
    assert.deepEqual([last.issues, last.passed, last.notEnoughData], [report.summary!.issues, report.summary!.passed, report.summary!.not_enough_data]);
    assert.equal(last.at, report.run?.finished_at);
  });

  test('deleting is refused while a job uses that dataset or run, with a clear message; nothing is deleted', async () => {
    const { jobId } = await call<{ jobId: string }>('startCheckup', { projectId: project.id, datasetId: first });
    assert.match(await refused('deleteDataset', { projectId: project.id, datasetId: first }), /^first was not deleted: a check-up is still using it\. Wait for it to finish, or cancel it/);
    const done = await finished(jobId);
    checkups.push(done.runId!);
    assert.equal((await call<DatasetDeletion>('previewDeleteDataset', { projectId: project.id, datasetId: first })).checkups, 3);
    // A job that reads a run (as an export does) holds that run only.
    const path = services.projects.info(project.id).path;
    const exporting = { kind: 'export', input: { projectPath: path, runId: checkups[0], format: 'json' } };
    assert.equal(jobUses(exporting, path, { datasets: new Set(), runs: new Set([checkups[0]!]) }), true);
    assert.equal(jobUses(exporting, path, { datasets: new Set([first]), runs: new Set([checkups[1]!]) }), false);
    const none = { datasets: new Set<number>(), runs: new Set<number>() };
    assert.equal(jobUses({ kind: 'checkup', input: { projectPath: `${path}x`, datasetId: first } }, path, { ...none, datasets: new Set([first]) }), false, 'another project');
    assert.equal(jobUses({ kind: 'compare', input: { projectPath: path, referenceId: first, currentId: second } }, path, { ...none, datasets: new Set([first]) }), true, 'a comparison against it');
    assert.equal(jobUses({ kind: 'checkup', input: { projectPath: path, datasetId: second } }, path, { ...none, datasets: new Set([first]) }), false, 'a check-up of another dataset');
    // An import holds the project's write lock for its whole write: the deletion would have to wait on the main thread.
    assert.equal(jobUses({ kind: 'import-file', input: { projectPath: path, filePath: '/x.csv' } }, path, none), true);
  });

  test('deleting the newest check-up: gone from the list, the timeline and the headline; audited', async () => {
    const newest = checkups.at(-1)!;
    const removed = await call<RunDeletion>('deleteRun', { projectId: project.id, runId: newest });
    assert.equal(removed.kind, 'checkup');
    assert.equal(removed.datasetId, first);
    assert.ok(!(await call<RunSummary[]>('listRuns', { projectId: project.id })).some((r) => r.id === newest));
    const timeline = await call<{ points: TimelinePoint[] }>('getTimeline', { projectId: project.id });
    assert.ok(!timeline.points.some((p) => p.runId === newest));
    // The headline is the newest check-up left (the second dataset's).
    assert.equal((await recentEntry(project.path)).lastRun!.runId, checkups[2]);
    const audit = await call<AuditEntry[]>('listAudit', { projectId: project.id, limit: 1 });
    assert.equal(audit[0]!.action, 'delete');
    assert.match(audit[0]!.summary, new RegExp(`^Deleted check-up ${newest} of first \\(\\d+ findings\\)$`));
    assert.match(await refused('deleteRun', { projectId: project.id, runId: newest }), /no check-up number/);
    assert.match(await refused('deleteRun', { projectId: project.id, runId: 0 }), /refused/);
  });

  test('deleting a dataset: its runs and comparisons go, the other dataset stays whole, the file checks clean', async () => {
    const { jobId } = await call<{ jobId: string }>('startCompare', { projectId: project.id, referenceId: first, currentId: second });
    const compareRun = (await finished(jobId)).runId!;
    const preview = await call<DatasetDeletion>('previewDeleteDataset', { projectId: project.id, datasetId: first });
    assert.deepEqual([preview.name, preview.rows, preview.checkups, preview.comparisons], ['first', 150, 2, 1]);
    assert.ok(preview.runIds.includes(compareRun), 'the comparison of second against first goes with first');

    const done = await call<DatasetDeletion>('deleteDataset', { projectId: project.id, datasetId: first });
    assert.deepEqual(done, preview);
    const info = await call<ProjectInfo>('getProject', { projectId: project.id });
    assert.deepEqual(info.datasets.map((d) => d.name), ['second']);
    assert.deepEqual((await call<RunSummary[]>('listRuns', { projectId: project.id })).map((r) => r.id), [checkups[2]]);
    const db = services.projects.get(project.id).db;
    assert.deepEqual(db.pragma('foreign_key_check'), []);
    assert.equal((await call<AuditEntry[]>('listAudit', { projectId: project.id, limit: 1 }))[0]!.summary, 'Deleted dataset first (150 rows) and its 3 runs');
    assert.equal((await refused('getDataset', { projectId: project.id, datasetId: first })).length > 0, true);
    assert.equal((await recentEntry(project.path)).lastRun!.runId, checkups[2]);

    await call<DatasetDeletion>('deleteDataset', { projectId: project.id, datasetId: second });
    assert.equal((await recentEntry(project.path)).lastRun, null, 'no check-up left');
  });

  test('the headline is kept across a relaunch without opening project files; a moved file still shows as missing', async () => {
    const other = await call<ProjectInfo>('createProject', { name: 'Other' });
    const { jobId } = await call<{ jobId: string }>('importDataFile', { projectId: other.id, path: writeCsv(join(dir, 'other.csv'), 60) });
    const runId = await (async () => {
      const datasetId = (await finished(jobId)).datasetId!;
      const started = await call<{ jobId: string }>('startCheckup', { projectId: other.id, datasetId });
      return (await finished(started.jobId)).runId!;
    })();
    await call('closeProject', { projectId: other.id });
    await call('closeProject', { projectId: project.id });

    const again: AppServices = createAppServices({
      appVersion: '1.2.3',
      host: 'browser-harness',
      userDataDir: join(dir, 'user'),
      projectsDir: join(dir, 'projects'),
      resourcesDir: join(REPO_ROOT, 'resources'),
      dialogs: { chooseProjectFile: async () => null, chooseDataFile: async () => null, chooseSavePath: async () => null },
      events: { emit: () => {} },
      workers: 1,
    });
    try {
      // Moved away: listing reads only the settings, so the headline is still known, and the entry says the file is gone.
      renameSync(other.path, `${other.path}.moved`);
      const r = await again.router.handle('listRecentProjects', {});
      const list = (r.ok ? r.value : []) as RecentProject[];
      const entry = list.find((e) => e.path === other.path)!;
      assert.equal(entry.exists, false);
      assert.equal(entry.lastRun!.runId, runId);
      assert.equal(list.find((e) => e.path === project.path)!.lastRun, null);
    } finally {
      await again.shutdown();
    }
  });

  test('an entry recorded before headlines were kept has none until the project is opened', async () => {
    const settingsFile = join(dir, 'older', 'settings.json');
    const fresh = testServices();
    const made = await fresh.call<ProjectInfo>('createProject', { name: 'Older' });
    await fresh.call('closeProject', { projectId: made.id });
    await fresh.services.shutdown();
    // Written by an older version: no lastRun at all.
    mkdirSync(join(dir, 'older'), { recursive: true });
    writeFileSync(settingsFile, JSON.stringify({ recentProjects: [{ path: made.path, name: 'Older', lastOpenedAt: '2026-01-01T00:00:00.000Z' }] }));
    const older = createAppServices({
      appVersion: '1.2.3',
      host: 'browser-harness',
      userDataDir: join(dir, 'older'),
      projectsDir: join(dir, 'projects'),
      resourcesDir: join(REPO_ROOT, 'resources'),
      dialogs: { chooseProjectFile: async () => null, chooseDataFile: async () => null, chooseSavePath: async () => null },
      events: { emit: () => {} },
      workers: 1,
    });
    try {
      const listed = await older.router.handle('listRecentProjects', {});
      assert.equal(listed.ok && 'lastRun' in (listed.value as RecentProject[])[0]!, false);
      await older.router.handle('openProject', { path: made.path });
      const opened = await older.router.handle('listRecentProjects', {});
      assert.equal(opened.ok && (opened.value as RecentProject[])[0]!.lastRun, null);
    } finally {
      await older.shutdown();
    }
  });
});
