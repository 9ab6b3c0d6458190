import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import vm from 'node:vm';
import { EchartsUnavailableError, findEchartsScript, loadEchartsScript, REPORT_ECHARTS_PARTS, reportEchartsBundle } from '../../../../src/main/export/echarts-script';
import { tempDir } from '../../helpers/temp';

const REPO = join(import.meta.dirname, '../../../..');

/** What a script defines as window.echarts, run in a bare context (no DOM needed to load it). */
function echartsGlobal(source: string): Record<string, unknown> {
  const context: Record<string, unknown> = {};
  vm.createContext(context);
  vm.runInContext(source, context);
  return context.echarts as Record<string, unknown>;
}

test('finds node_modules/echarts/dist/echarts.min.js above this folder (the full build)', () => {
  const path = findEchartsScript();
  assert.ok(path?.endsWith(join('node_modules', 'echarts', 'dist', 'echarts.min.js')), String(path));
  const full = loadEchartsScript({ slim: false });
  assert.equal(full, readFileSync(path!, 'utf8'));
  assert.equal(typeof echartsGlobal(full).init, 'function');
});

test('the report inlines a slim build: about half the full one, with the licence notice, read (or built) once', () => {
  const slim = loadEchartsScript();
  const full = loadEchartsScript({ slim: false });
  assert.ok(slim.length > 300_000 && slim.length < full.length * 0.7, `${slim.length} bytes, the full build ${full.length}`);
  assert.match(slim, /^\/\*!\n\* Apache ECharts .*Apache License, Version 2\.0/s);
  assert.equal(loadEchartsScript(), slim, 'the same string: kept in memory');
  const echarts = echartsGlobal(slim);
  for (const fn of ['init', 'getInstanceByDom', 'dispose']) assert.equal(typeof echarts[fn], 'function', fn);
  assert.equal(echarts.version, JSON.parse(readFileSync(join(REPO, 'node_modules/echarts/package.json'), 'utf8')).version);
  // Cached on disk: a second build for the same versions is a read.
  assert.equal(reportEchartsBundle(REPO), slim);
});

test('the slim build has the same parts the app registers for the same chart builders', () => {
  const setup = readFileSync(join(REPO, 'src/renderer/src/components/charts/echarts-setup.ts'), 'utf8');
  const used = setup.match(/echarts\.use\(\[([^\]]*)\]\)/)![1]!.split(',').map((s) => s.trim()).filter(Boolean).sort();
  const ours = [...REPORT_ECHARTS_PARTS.charts, ...REPORT_ECHARTS_PARTS.components, ...REPORT_ECHARTS_PARTS.renderers].sort();
  assert.deepEqual(ours, used);
});

test('an explicit path is used as it is (no slim build); without echarts or esbuild there is no slim build', () => {
  const path = findEchartsScript()!;
  assert.equal(loadEchartsScript({ path }), readFileSync(path, 'utf8'));
  assert.equal(reportEchartsBundle(tempDir('slicewise-no-echarts-')), null);
});

test('a missing library is a typed error that says where it looked and what to do', () => {
  assert.throws(
    () => loadEchartsScript({ path: '/nowhere/echarts.min.js' }),
    (err: unknown) => err instanceof EchartsUnavailableError && err.code === 'UNAVAILABLE' && /\/nowhere\/echarts\.min\.js/.test(err.message) && /SLICEWISE_ECHARTS_PATH/.test(err.message),
  );
});
