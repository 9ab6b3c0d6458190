/**
 * The Explore screen's requests through the router: column profiles of the example, and the rows
 * behind a finding, a weak slice and every flagged row — checked against the example's CSV and the
 * findings' own counts.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import type { ProjectInfo } from '../../../../src/shared/domain';
import type { ColumnProfile } from '../../../../src/shared/profile/column-profile';
import type { ExploreRows } from '../../../../src/shared/profile/explore-rows';
import type { CheckReport } from '../../../../src/shared/report/check-report';
import { REPO_ROOT, testServices } from '../../helpers/services';

const CSV = readFileSync(join(REPO_ROOT, 'resources/examples/loan-applications.csv'), 'utf8').split(/\r?\n/).filter((l) => l !== '');
const HEADER = CSV[0]!.split(',');
// The example has no quoted commas in its first columns; a cell by row (0-based) and column name.
const cell = (row: number, column: string): string => CSV[row + 1]!.split(',')[HEADER.indexOf(column)]!;

describe('exploring a check-up through the router', () => {
  const { services, call, finished } = testServices();
  after(() => services.shutdown());
  let project: ProjectInfo;
  let datasetId = 0;
  let runId = 0;
  let report: CheckReport;

  test('the example is imported and checked', async () => {
    const opened = await call<{ project: ProjectInfo; jobId: string }>('openExample', { exampleId: 'loan-applications' });
    project = opened.project;
    datasetId = (await finished(opened.jobId)).datasetId!;
    const run = await finished((await call<{ jobId: string }>('startCheckup', { projectId: project.id, datasetId })).jobId);
    assert.equal(run.status, 'succeeded', run.error?.message);
    runId = run.runId!;
    report = await call<CheckReport>('getReport', { projectId: project.id, runId });
  });

  test('column profiles agree with the file: missing income cells, the region spellings, ages beyond the fences', async () => {
    const profiles = await call<ColumnProfile[]>('getColumnProfiles', { projectId: project.id, datasetId });
    assert.deepEqual(profiles.map((p) => p.name), HEADER);
    const income = profiles.find((p) => p.name === 'annual_income')!;
    const missingInFile = CSV.slice(1).filter((_, r) => ['', 'NA', 'N/A', '?', 'unknown'].includes(cell(r, 'annual_income'))).length;
    assert.ok(income.missing >= missingInFile - 1 && income.missing > 100, `missing ${income.missing}`);
    const region = profiles.find((p) => p.name === 'region')!;
    assert.equal(region.top[0]?.value, 'North');
    assert.equal(region.top.reduce((a, t) => a + t.count, 0) + region.otherCount + region.missing, 2024);
    const age = profiles.find((p) => p.name === 'age')!;
    assert.ok(age.outliers, 'age has fences');
    // The outliers check found the same ages beyond the same fences.
    const ageFinding = report.findings!.find((f) => f.id === 'quality.outliers:age')!;
    assert.equal(age.outliers.below + age.outliers.above, ageFinding.rows!.count);
    // Asked again, the kept profiles answer (the same objects' content).
    assert.deepEqual(await call<ColumnProfile[]>('getColumnProfiles', { projectId: project.id, datasetId }), profiles);
  });

  test("a finding's rows: all of them, with its reason and the row's cells as in the file", async () => {
    const dup = await call<ExploreRows>('getFindingRows', { projectId: project.id, runId, findingId: 'quality.duplicate-rows:rows' });
    assert.equal(dup.total, 24);
    assert.equal(dup.complete, true);
    assert.equal(dup.rows.length, 24);
    assert.deepEqual(dup.columns, HEADER);
    const first = dup.rows[0]!;
    assert.match(first.reasons.join(' '), /duplicate/i);
    assert.equal(first.cells[HEADER.indexOf('application_id')], cell(first.row, 'application_id'));
  });

  test("a weak slice's rows are the slice's size, and every row meets its conditions", async () => {
    const index = report.slices!.findIndex((s) => (s as { conditions: { op: string }[] }).conditions.every((c) => c.op === '='));
    const slice = report.slices![index === -1 ? 0 : index] as { size: number; description: string; conditions: { column: string; op: string; value: unknown }[] };
    const rows = await call<ExploreRows>('getFindingRows', { projectId: project.id, runId, sliceIndex: index === -1 ? 0 : index });
    assert.equal(rows.total, slice.size);
    assert.equal(rows.rows[0]!.reasons[0], slice.description);
    for (const r of rows.rows) {
      for (const c of slice.conditions.filter((x) => x.op === '=')) assert.equal(r.cells[HEADER.indexOf(c.column)], String(c.value));
    }
  });

  test('every flagged row at once, capped, with all its reasons; unknown finding and slice are clear errors', async () => {
    const all = await call<ExploreRows>('getFindingRows', { projectId: project.id, runId });
    assert.ok(all.total >= 24 && all.rows.length === Math.min(all.total, all.limit));
    assert.ok(all.rows.every((r, i) => i === 0 || r.row > all.rows[i - 1]!.row));
    assert.ok(all.rows.some((r) => r.reasons.length > 1), 'a row flagged twice lists both reasons');
    const missing = await services.router.handle('getFindingRows', { projectId: project.id, runId, findingId: 'no.such:finding' });
    assert.equal(missing.ok ? '' : missing.error.code, 'NOT_FOUND');
    const slice = await services.router.handle('getFindingRows', { projectId: project.id, runId, sliceIndex: 9999 });
    assert.match(slice.ok ? '' : slice.error.message, /no slice number 10,?000|no slice number 10000/);
    const both = await services.router.handle('getFindingRows', { projectId: project.id, runId, findingId: 'x', sliceIndex: 0 });
    assert.equal(both.ok ? '' : both.error.code, 'INVALID_REQUEST');
  });
});
