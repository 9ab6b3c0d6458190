/**
 * The preload, run for real without Electron: it is bundled (as electron-vite does) and executed
 * in a fresh V8 context whose `require` offers only a fake 'electron' — exactly what a sandboxed
 * preload gets. This proves `window.slicewise` is the contract and nothing else, and that the
 * built preload needs no module a sandboxed preload cannot load.
 */
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { runInNewContext } from 'node:vm';
import { build } from 'esbuild';
import { EVENT_NAMES, eventChannel, eventMethodName, REQUEST_NAMES, requestChannel } from '../../../src/shared/contract';

const ROOT = join(import.meta.dirname, '../../..');
const BUILT_PRELOAD = join(ROOT, 'out/preload/index.cjs');

type Fn = (...args: unknown[]) => unknown;

function runPreload(code: string) {
  const exposed = new Map<string, unknown>();
  const invoked: [string, unknown][] = [];
  const listeners = new Map<string, Set<Fn>>();
  const required: string[] = [];
  let pathForFileImpl: (f: unknown) => string = () => '/home/ana/data.csv';
  const electron = {
    contextBridge: { exposeInMainWorld: (key: string, value: unknown) => exposed.set(key, value) },
    ipcRenderer: {
      invoke: async (channel: string, input: unknown) => {
        invoked.push([channel, input]);
        return { ok: true, value: channel };
      },
      on: (channel: string, fn: Fn) => listeners.set(channel, (listeners.get(channel) ?? new Set()).add(fn)),
      removeListener: (channel: string, fn: Fn) => listeners.get(channel)?.delete(fn),
      send: () => assert.fail('the preload must not use ipcRenderer.send'),
    },
    webUtils: { getPathForFile: (f: unknown) => pathForFileImpl(f) },
  };
  const sandboxRequire = (id: string): unknown => {
    required.push(id);
    if (id === 'electron') return electron;
    throw new Error(
      `module not found: ${id} (a sandboxed preload can only require 'electron'; bundle the rest in with ` +
        '`preload: { build: { externalizeDeps: false } }` in electron.vite.config.ts)',
    );
  };
  const module = { exports: {} };
  runInNewContext(`(function (exports, require, module) {\n${code}\n})`, { console })(module.exports, sandboxRequire, module);
  return { exposed, invoked, listeners, required, setPathForFile: (impl: (f: unknown) => string) => (pathForFileImpl = impl) };
}

async function bundleFromSource(): Promise<string> {
  const result = await build({
    entryPoints: [join(ROOT, 'src/preload/index.ts')],
    bundle: true,
    format: 'cjs',
    platform: 'browser',
    external: ['electron'],
    write: false,
    logLevel: 'silent',
  });
  return result.outputFiles[0]!.text;
}

describe('preload (bundled from source)', async () => {
  const run = runPreload(await bundleFromSource());
  const api = run.exposed.get('slicewise') as Record<string, Fn>;

  test('exposes one thing, window.slicewise, and requires only electron', () => {
    assert.deepEqual([...run.exposed.keys()], ['slicewise']);
    assert.deepEqual([...new Set(run.required)], ['electron']);
  });

  test("has exactly the contract's request and event methods, plus pathForFile", () => {
    const expected = [...REQUEST_NAMES, ...EVENT_NAMES.map(eventMethodName), 'pathForFile'].sort();
    assert.deepEqual(Object.keys(api).sort(), expected);
    for (const key of ['invoke', 'send', 'on', 'ipcRenderer', 'require', 'process']) assert.equal(key in api, false, key);
    assert.ok(Object.isFrozen(api));
  });

  test('each request goes to its own contract channel with the input untouched', async () => {
    for (const name of REQUEST_NAMES) {
      const input = { probe: name };
      assert.deepEqual(await api[name]!(input), { ok: true, value: requestChannel(name) });
      assert.deepEqual(run.invoked.at(-1), [requestChannel(name), input]);
    }
  });

  test('event listeners get the payload only (never the IPC event) and can unsubscribe', () => {
    for (const name of EVENT_NAMES) {
      const got: unknown[] = [];
      const unsubscribe = api[eventMethodName(name)]!((payload: unknown) => got.push(payload)) as () => void;
      const handlers = [...(run.listeners.get(eventChannel(name)) ?? [])];
      assert.equal(handlers.length, 1);
      handlers[0]!({ sender: 'the IPC event' }, { hello: name });
      assert.deepEqual(got, [{ hello: name }]);
      unsubscribe();
      assert.equal(run.listeners.get(eventChannel(name))?.size, 0);
    }
    assert.throws(() => api.onJobProgress!('not a function'), { name: 'TypeError' }); // from another realm
  });

  test('pathForFile asks webUtils, and is empty for things without a path', () => {
    assert.equal(api.pathForFile!({}), '/home/ana/data.csv');
    run.setPathForFile(() => {
      throw new TypeError('not a File');
    });
    assert.equal(api.pathForFile!({}), '');
  });
});

describe('preload (as built by electron-vite)', { skip: !existsSync(BUILT_PRELOAD) && 'out/preload/index.cjs not built yet' }, () => {
  test('loads in a sandbox: requires nothing but electron (third-party code must be bundled in)', () => {
    const run = runPreload(readFileSync(BUILT_PRELOAD, 'utf8'));
    assert.deepEqual([...run.exposed.keys()], ['slicewise']);
  });
});
