import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { createRouter, type RequestHandlers, type Router } from '../../../src/main/router';
import { createRequestHandler, isTrustedSender, type SenderInfo } from '../../../src/main/sender-check';

const expected = { origin: 'app://slicewise', webContentsId: 7 };
const good: SenderInfo = { frameUrl: 'app://slicewise/index.html', isMainFrame: true, webContentsId: 7 };

describe('isTrustedSender', () => {
  test("accepts the app window's main frame on the app origin", () => {
    assert.equal(isTrustedSender(good, expected), true);
    assert.equal(isTrustedSender({ ...good, frameUrl: 'app://slicewise/' }, expected), true);
    assert.equal(isTrustedSender({ ...good, frameUrl: 'app://slicewise/index.html#/project/1' }, expected), true);
  });

  const refused: [string, SenderInfo][] = [
    ['a subframe', { ...good, isMainFrame: false }],
    ['another webContents', { ...good, webContentsId: 8 }],
    ['a frame that is gone', { ...good, frameUrl: undefined }],
    ['another host on the app scheme', { ...good, frameUrl: 'app://evil/index.html' }],
    ['a look-alike host', { ...good, frameUrl: 'app://slicewise.evil/index.html' }],
    ['a port', { ...good, frameUrl: 'app://slicewise:1/index.html' }],
    ['credentials', { ...good, frameUrl: 'app://x@slicewise/index.html' }],
    ['https', { ...good, frameUrl: 'https://slicewise/index.html' }],
    ['file:', { ...good, frameUrl: 'file:///work/out/renderer/index.html' }],
    ['about:blank', { ...good, frameUrl: 'about:blank' }],
    ['garbage', { ...good, frameUrl: 'not a url' }],
  ];
  for (const [why, sender] of refused) {
    test(`refuses ${why}`, () => assert.equal(isTrustedSender(sender, expected), false));
  }

  test('refuses everyone while there is no window', () => {
    assert.equal(isTrustedSender(good, { origin: 'app://slicewise', webContentsId: undefined }), false);
  });

  test('during development the dev server origin is the trusted one', () => {
    const dev = { origin: 'http://localhost:5173', webContentsId: 7 };
    assert.equal(isTrustedSender({ ...good, frameUrl: 'http://localhost:5173/' }, dev), true);
    assert.equal(isTrustedSender({ ...good, frameUrl: 'http://localhost:5174/' }, dev), false);
    assert.equal(isTrustedSender(good, dev), false);
  });
});

describe('createRequestHandler', () => {
  let calls = 0;
  const router: Router = createRouter(
    new Proxy({} as RequestHandlers, {
      get: () => () => {
        calls++;
        return { version: '1', host: 'electron', examples: [] };
      },
    }),
  );
  const handle = createRequestHandler(router, () => expected);

  test('an untrusted sender gets FORBIDDEN and no handler runs', async () => {
    calls = 0;
    const result = await handle('getAppInfo', { ...good, isMainFrame: false }, {});
    assert.equal(result.ok, false);
    assert.equal(!result.ok && result.error.code, 'FORBIDDEN');
    assert.equal(calls, 0);
  });

  test('a trusted sender reaches the router, which still validates the input', async () => {
    calls = 0;
    assert.deepEqual(await handle('getAppInfo', good, {}), { ok: true, value: { version: '1', host: 'electron', examples: [] } });
    const bad = await handle('getAppInfo', good, { extra: 1 });
    assert.equal(!bad.ok && bad.error.code, 'INVALID_REQUEST');
    assert.equal(calls, 1);
  });
});
