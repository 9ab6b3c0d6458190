/**
 * "Would this fit?" before a job starts: the estimates, and through the router a computer with
 * little memory refusing an import and a check-up with a clear message, nothing started or saved.
 */
import assert from 'node:assert/strict';
import { after, describe, test } from 'node:test';
import { checkupEstimate, ensureFits, importEstimate, tableBytes } from '../../../../src/main/services/memory-check';
import type { ProjectInfo } from '../../../../src/shared/domain';
import { testServices } from '../../helpers/services';

test('estimates: 9 bytes a number cell, 4 a text cell; an import 3× a text file, 10× a packed one; a check-up 5× its table', () => {
  const columns = [{ storage: 'number' as const }, { storage: 'codes' as const }, { storage: 'number' as const }];
  assert.equal(tableBytes(1000, columns), 1000 * (9 + 4 + 9));
  assert.equal(checkupEstimate(1000, columns), 5 * 22_000);
  assert.equal(importEstimate(100, 'a.csv'), 300);
  assert.equal(importEstimate(100, 'a.PARQUET'), 1000);
  assert.equal(importEstimate(100, 'book.xlsx'), 1000);
});

test('ensureFits allows up to 85% of the memory and refuses beyond, saying how much and what to do', () => {
  const gib = 1024 ** 3;
  assert.doesNotThrow(() => ensureFits('x', 8.5 * gib, 10 * gib));
  assert.throws(
    () => ensureFits('The check-up of loans', 9 * gib, 10 * gib),
    (err: { code?: string; message?: string }) =>
      err.code === 'TOO_LARGE' && /The check-up of loans would need about 9\.0 GB of memory, and this computer has 10\.0 GB in all\. Nothing was started\./.test(err.message ?? ''),
  );
});

describe('a computer with too little memory', () => {
  // Enough for the example's import (3 × 0.3 MB = 0.9 MB of the 0.94 MB usable) but not its check-up (5 × a 0.24 MB table).
  const { services, call, finished } = testServices({}, { totalMemory: 1.1 * 1024 ** 2 });
  after(() => services.shutdown());

  test('the check-up is refused before it starts, with the numbers; no run is saved', async () => {
    const opened = await call<{ project: ProjectInfo; jobId: string }>('openExample', { exampleId: 'loan-applications' });
    const done = await finished(opened.jobId);
    assert.equal(done.status, 'succeeded', done.error?.message);
    const r = await services.router.handle('startCheckup', { projectId: opened.project.id, datasetId: done.datasetId });
    assert.equal(r.ok ? '' : r.error.code, 'TOO_LARGE');
    assert.match(r.ok ? '' : r.error.message, /^The check-up of loan-applications would need about 0\.0 GB of memory/);
    assert.deepEqual(await call('listRuns', { projectId: opened.project.id }), []);
    assert.equal(services.pool.jobs().length, 0);
  });

  test('an import that would not fit is refused before it starts; the project keeps what it had', async () => {
    const { services: small, call: smallCall } = testServices({}, { totalMemory: 100 * 1024 });
    try {
      const project = await smallCall<ProjectInfo>('createProject', { name: 'tiny' });
      const r = await small.router.handle('openExample', { exampleId: 'loan-applications', projectId: project.id });
      assert.equal(r.ok ? '' : r.error.code, 'TOO_LARGE');
      assert.match(r.ok ? '' : r.error.message, /^Importing loan-applications\.csv would need about/);
      assert.deepEqual((await smallCall<ProjectInfo>('getProject', { projectId: project.id })).datasets, []);
    } finally {
      await small.shutdown();
    }
  });
});
