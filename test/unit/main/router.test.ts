import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { createRouter, type RequestHandlers } from '../../../src/main/router';
import { REQUEST_NAMES } from '../../../src/shared/contract';
import { SlicewiseError } from '../../../src/shared/errors';

function spyHandlers(): { handlers: RequestHandlers; calls: string[] } {
  const calls: string[] = [];
  const handlers = Object.fromEntries(
    REQUEST_NAMES.map((name) => [
      name,
      (input: unknown) => {
        calls.push(name);
        if (name === 'getDataset') throw new SlicewiseError({ code: 'NOT_FOUND', message: 'no dataset 7' });
        if (name === 'closeProject') throw new Error('disk on fire');
        return { handled: name, input };
      },
    ]),
  ) as unknown as RequestHandlers;
  return { handlers, calls };
}

const PID = '2b1e6f0a-3c4d-4e5f-8a9b-0c1d2e3f4a5b';

describe('router', () => {
  test('a valid request reaches its handler with the parsed input', async () => {
    const { handlers, calls } = spyHandlers();
    const r = await createRouter(handlers).handle('importDataFile', { projectId: PID, path: '/data/a.csv' });
    assert.deepEqual(r, { ok: true, value: { handled: 'importDataFile', input: { projectId: PID, path: '/data/a.csv' } } });
    assert.deepEqual(calls, ['importDataFile']);
  });

  const invalid: [string, unknown][] = [
    ['importDataFile', { projectId: 'not-a-uuid', path: '/a.csv' }],
    ['importDataFile', { projectId: PID }],
    ['importDataFile', { projectId: PID, path: 42 }],
    ['importDataFile', { projectId: PID, path: '/a.csv', extra: true }],
    ['importDataFile', { projectId: PID, path: '/a\0.csv' }],
    ['importDataFile', null],
    ['importDataFile', 'a string'],
    ['getDataset', { projectId: PID, datasetId: -1 }],
    ['getDataset', { projectId: PID, datasetId: 1.5 }],
    ['createProject', { name: '   ' }],
    ['createProject', { name: 'x'.repeat(500) }],
    ['getAppInfo', { sneaky: 1 }],
  ];
  for (const [name, input] of invalid) {
    test(`rejects ${name}(${JSON.stringify(input)?.slice(0, 60)}) before any work, with a typed error`, async () => {
      const { handlers, calls } = spyHandlers();
      const r = await createRouter(handlers).handle(name, input);
      assert.equal(r.ok, false);
      assert.equal(!r.ok && r.error.code, 'INVALID_REQUEST');
      assert.match(!r.ok ? r.error.message : '', new RegExp(`"${name}" was refused`));
      assert.ok(!r.ok && Array.isArray(r.error.details));
      assert.deepEqual(calls, [], 'the handler never ran');
    });
  }

  test('an unknown request name is refused', async () => {
    const { handlers, calls } = spyHandlers();
    for (const name of ['deleteEverything', '__proto__', 'constructor', 'toString']) {
      const r = await createRouter(handlers).handle(name, {});
      assert.equal(!r.ok && r.error.code, 'UNKNOWN_REQUEST', name);
    }
    assert.deepEqual(calls, []);
  });

  test('errors thrown by handlers come back as values: typed ones keep their code', async () => {
    const { handlers } = spyHandlers();
    const router = createRouter(handlers);
    const typed = await router.handle('getDataset', { projectId: PID, datasetId: 7 });
    assert.deepEqual(typed, { ok: false, error: { code: 'NOT_FOUND', message: 'no dataset 7' } });
    const plain = await router.handle('closeProject', { projectId: PID });
    assert.equal(!plain.ok && plain.error.code, 'INTERNAL');
    assert.match(!plain.ok ? plain.error.message : '', /disk on fire/);
  });
});
