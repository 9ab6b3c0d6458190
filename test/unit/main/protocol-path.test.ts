import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { serveAppAsset } from '../../../src/main/app-assets';
import { CONTENT_SECURITY_POLICY } from '../../../src/main/csp';
import { APP_ENTRY_URL, mimeTypeFor, resolveAppAsset } from '../../../src/main/protocol-path';

const ROOT = join(tmpdir(), 'slicewise-renderer-root');

describe('resolveAppAsset', () => {
  test('maps app://slicewise paths inside the renderer folder', () => {
    assert.equal(resolveAppAsset(ROOT, 'app://slicewise/index.html'), join(ROOT, 'index.html'));
    assert.equal(resolveAppAsset(ROOT, 'app://slicewise/assets/index-abc.js'), join(ROOT, 'assets', 'index-abc.js'));
    assert.equal(resolveAppAsset(ROOT, 'app://slicewise/assets/a.css?v=1#x'), join(ROOT, 'assets', 'a.css'));
    assert.equal(resolveAppAsset(ROOT, 'app://slicewise/fonts/Inter%20Var.woff2'), join(ROOT, 'fonts', 'Inter Var.woff2'));
  });

  test('the root is index.html', () => {
    assert.equal(resolveAppAsset(ROOT, 'app://slicewise/'), join(ROOT, 'index.html'));
    assert.equal(resolveAppAsset(ROOT, 'app://slicewise'), join(ROOT, 'index.html'));
    assert.equal(APP_ENTRY_URL, 'app://slicewise/index.html');
  });

  const rejected: [string, string][] = [
    ['plain ..', 'app://slicewise/../secret.txt'],
    ['.. in the middle', 'app://slicewise/assets/../../secret.txt'],
    ['single dot segment', 'app://slicewise/./index.html'],
    ['encoded dots', 'app://slicewise/%2e%2e/secret.txt'],
    ['encoded dots, upper case', 'app://slicewise/%2E%2E/%2E%2E/etc/passwd'],
    ['half-encoded dots', 'app://slicewise/.%2e/secret.txt'],
    ['encoded slash', 'app://slicewise/assets%2f..%2f..%2fsecret.txt'],
    ['encoded backslash', 'app://slicewise/..%5c..%5csecret.txt'],
    ['raw backslash', 'app://slicewise/..\\..\\secret.txt'],
    ['double-encoded dots', 'app://slicewise/%252e%252e/secret.txt'],
    ['double-encoded slash', 'app://slicewise/assets%252f..%252fsecret.txt'],
    ['encoded NUL', 'app://slicewise/index.html%00.png'],
    ['raw NUL', 'app://slicewise/index.html\0.png'],
    ['absolute path smuggled in', 'app://slicewise//etc/passwd'],
    ['windows drive', 'app://slicewise/C:/Windows/win.ini'],
    ['other host', 'app://evil/index.html'],
    ['host with port', 'app://slicewise:8080/index.html'],
    ['credentials', 'app://user:pw@slicewise/index.html'],
    ['other scheme', 'file:///etc/passwd'],
    ['http', 'http://slicewise/index.html'],
    ['a folder, not a file', 'app://slicewise/assets/'],
    ['malformed encoding', 'app://slicewise/%E0%A4%A.js'],
    ['not a URL', 'not a url'],
  ];
  for (const [why, url] of rejected) {
    test(`rejects ${why}`, () => assert.equal(resolveAppAsset(ROOT, url), null, url));
  }
});

test('mimeTypeFor knows what the renderer ships', () => {
  assert.equal(mimeTypeFor('/x/index.html'), 'text/html; charset=utf-8');
  assert.equal(mimeTypeFor('/x/a.JS'), 'text/javascript; charset=utf-8');
  assert.equal(mimeTypeFor('/x/a.css'), 'text/css; charset=utf-8');
  assert.equal(mimeTypeFor('/x/a.woff2'), 'font/woff2');
  assert.equal(mimeTypeFor('/x/README'), 'application/octet-stream');
});

describe('serveAppAsset', () => {
  const base = mkdtempSync(join(tmpdir(), 'slicewise-assets-'));
  const root = join(base, 'renderer');
  mkdirSync(join(root, 'assets'), { recursive: true });
  writeFileSync(join(root, 'index.html'), '<!doctype html><title>ok</title>');
  writeFileSync(join(root, 'assets', 'app.js'), 'console.log(1)');
  writeFileSync(join(base, 'secret.txt'), 'top secret');
  symlinkSync(join(base, 'secret.txt'), join(root, 'assets', 'link.js'));
  after(() => rmSync(base, { recursive: true, force: true }));

  test('serves files with their type and the CSP on every response', async () => {
    const res = await serveAppAsset(root, 'app://slicewise/');
    assert.equal(res.status, 200);
    assert.equal(res.headers.get('content-type'), 'text/html; charset=utf-8');
    assert.equal(res.headers.get('content-security-policy'), CONTENT_SECURITY_POLICY);
    assert.equal(res.headers.get('x-content-type-options'), 'nosniff');
    assert.match(await res.text(), /<title>ok<\/title>/);
    const js = await serveAppAsset(root, 'app://slicewise/assets/app.js');
    assert.equal(js.headers.get('content-type'), 'text/javascript; charset=utf-8');
  });

  test('404s, still with the CSP, for traversal, missing files, folders and symlinks out of the root', async () => {
    for (const url of [
      'app://slicewise/../secret.txt',
      'app://slicewise/%2e%2e/secret.txt',
      'app://slicewise/missing.js',
      'app://slicewise/assets',
      'app://slicewise/assets/link.js',
    ]) {
      const res = await serveAppAsset(root, url);
      assert.equal(res.status, 404, url);
      assert.equal(res.headers.get('content-security-policy'), CONTENT_SECURITY_POLICY);
      assert.doesNotMatch(await res.text(), /top secret/);
    }
  });

  test('only GET and HEAD', async () => {
    assert.equal((await serveAppAsset(root, 'app://slicewise/', 'POST')).status, 405);
    const head = await serveAppAsset(root, 'app://slicewise/', 'HEAD');
    assert.equal(head.status, 200);
    assert.equal(await head.text(), '');
  });
});
