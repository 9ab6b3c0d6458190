import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test } from 'node:test';
import { EchartsUnavailableError, findEchartsScript, loadEchartsScript } from '../../../../src/main/export/echarts-script';

test('finds node_modules/echarts/dist/echarts.min.js above this folder and reads it once', () => {
  const path = findEchartsScript();
  assert.ok(path?.endsWith(join('node_modules', 'echarts', 'dist', 'echarts.min.js')), String(path));
  const a = loadEchartsScript();
  assert.ok(a.length > 500_000 && a.includes('echarts'));
  assert.equal(loadEchartsScript(), a);
});

test('a missing library is a typed error that says where it looked and what to do', () => {
  assert.throws(
    () => loadEchartsScript({ path: '/nowhere/echarts.min.js' }),
    (err: unknown) => err instanceof EchartsUnavailableError && err.code === 'NOT_FOUND' && /\/nowhere\/echarts\.min\.js/.test(err.message) && /SLICEWISE_ECHARTS_PATH/.test(err.message),
  );
});
