import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { chosenPath, DATA_FILTERS, PROJECT_FILTERS } from '../../../src/main/dialog-choices';
import { createQuitGuard } from '../../../src/main/quit-guard';

const tick = () => new Promise((r) => setTimeout(r, 0));

describe('createQuitGuard', () => {
  test('holds the quit until the services have shut down, then quits once', async () => {
    const log: string[] = [];
    let finish: () => void = () => {};
    const guard = createQuitGuard({
      shutdown: () => new Promise<void>((r) => (finish = () => (log.push('shutdown'), r()))),
      quit: () => log.push('quit'),
    });
    let prevented = 0;
    const event = { preventDefault: () => prevented++ };
    guard(event);
    guard(event); // a second quit while shutting down is held too, without a second shutdown
    assert.equal(prevented, 2);
    await tick();
    assert.deepEqual(log, []);
    finish();
    await tick();
    await tick();
    assert.deepEqual(log, ['shutdown', 'quit']);
    guard(event); // the real quit goes through
    assert.equal(prevented, 2);
  });

  test('a failing or hanging shutdown still quits', async () => {
    const errors: unknown[] = [];
    let quits = 0;
    createQuitGuard({ shutdown: () => Promise.reject(new Error('disk full')), quit: () => quits++, onError: (e) => errors.push(e) })({ preventDefault() {} });
    createQuitGuard({ shutdown: () => new Promise<void>(() => {}), quit: () => quits++, timeoutMs: 5 })({ preventDefault() {} });
    await new Promise((r) => setTimeout(r, 30));
    assert.equal(quits, 2);
    assert.equal(errors.length, 1);
  });
});

describe('dialog choices', () => {
  test('filters: projects are *.slicewise; data files csv/tsv/txt, then all files', () => {
    assert.deepEqual(PROJECT_FILTERS, [{ name: 'Slicewise projects', extensions: ['slicewise'] }]);
    assert.deepEqual(DATA_FILTERS.map((f) => f.extensions), [['csv', 'tsv', 'txt'], ['*']]);
  });

  test('chosenPath: null when cancelled', () => {
    assert.equal(chosenPath({ canceled: true, filePaths: ['/x'] }), null);
    assert.equal(chosenPath({ canceled: false, filePaths: [] }), null);
    assert.equal(chosenPath({ canceled: false, filePaths: ['/a.csv', '/b.csv'] }), '/a.csv');
  });
});
