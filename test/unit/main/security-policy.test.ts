import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { CONTENT_SECURITY_POLICY, SECURITY_HEADERS } from '../../../src/main/csp';
import { isAllowedRequest } from '../../../src/main/network-policy';
import { secureWebPreferences } from '../../../src/main/web-preferences';

const directives = new Map(
  CONTENT_SECURITY_POLICY.split(';').map((d) => {
    const [name = '', ...values] = d.trim().split(/\s+/);
    return [name, values] as const;
  }),
);

describe('Content-Security-Policy', () => {
  test('no eval and no inline script, anywhere', () => {
    assert.doesNotMatch(CONTENT_SECURITY_POLICY, /unsafe-eval|wasm-unsafe-eval|unsafe-hashes/);
    assert.deepEqual(directives.get('script-src'), ["'self'"]);
  });

  test('denies by default and names no remote source', () => {
    assert.deepEqual(directives.get('default-src'), ["'none'"]);
    assert.doesNotMatch(CONTENT_SECURITY_POLICY, /https?:|wss?:|\*/);
    for (const d of ['object-src', 'frame-src', 'base-uri', 'form-action', 'frame-ancestors']) {
      assert.deepEqual(directives.get(d), ["'none'"], d);
    }
    assert.deepEqual(directives.get('connect-src'), ["'self'"]);
  });

  test('is sent with the other hardening headers', () => {
    assert.equal(SECURITY_HEADERS['Content-Security-Policy'], CONTENT_SECURITY_POLICY);
    assert.equal(SECURITY_HEADERS['X-Content-Type-Options'], 'nosniff');
  });
});

describe('network policy: nothing leaves the machine', () => {
  const prod = { allowDevtools: false };
  test('the app scheme, data: and our own blob: URLs are allowed', () => {
    for (const url of ['app://slicewise/index.html', 'app://slicewise/assets/a.js', 'data:image/png;base64,AAAA', 'blob:app://slicewise/5b1c-4e']) {
      assert.equal(isAllowedRequest(url, prod), true, url);
    }
  });

  test('everything else is cancelled', () => {
    for (const url of [
      'https://example.com/',
      'http://127.0.0.1:8080/',
      'ws://localhost:5173/',
      'file:///etc/passwd',
      'app://evil/index.html',
      'app://slicewise:81/index.html',
      'ftp://example.com/',
      'chrome-extension://abc/x.js',
      'devtools://devtools/bundled/inspector.html',
      'blob:https://example.com/x',
      'not a url',
    ]) {
      assert.equal(isAllowedRequest(url, prod), false, url);
    }
  });

  test('development may open DevTools and talk to its own dev server, nothing more', () => {
    const dev = { allowDevtools: true, devServerOrigin: 'http://localhost:5173' };
    assert.equal(isAllowedRequest('devtools://devtools/bundled/inspector.html', dev), true);
    assert.equal(isAllowedRequest('http://localhost:5173/src/main.tsx', dev), true);
    assert.equal(isAllowedRequest('ws://localhost:5173/', dev), true);
    assert.equal(isAllowedRequest('http://localhost:5174/', dev), false);
    assert.equal(isAllowedRequest('https://example.com/', dev), false);
    assert.equal(isAllowedRequest('http://example.com:5173/', { ...dev, devServerOrigin: 'http://example.com:5173' }), false);
  });
});

test('webPreferences: isolated, sandboxed, no Node, no webview', () => {
  const prefs = secureWebPreferences('/repo/out/preload/index.cjs');
  assert.equal(prefs.preload, '/repo/out/preload/index.cjs');
  assert.equal(prefs.contextIsolation, true);
  assert.equal(prefs.sandbox, true);
  assert.equal(prefs.nodeIntegration, false);
  assert.equal(prefs.nodeIntegrationInWorker, false);
  assert.equal(prefs.nodeIntegrationInSubFrames, false);
  assert.equal(prefs.webviewTag, false);
  assert.equal(prefs.webSecurity, true);
  assert.equal(prefs.allowRunningInsecureContent, false);
});
