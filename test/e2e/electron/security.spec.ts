/** The window's security settings, as Electron itself reports them, and the denials in security.ts. */
import type { WebContents, WebPreferences } from 'electron';
import { binary, expect, SKIP_REASON, test } from './electron-app';

/** Undocumented but long-standing (Electron's own tests use it), so not in electron.d.ts. */
type WithLastPrefs = WebContents & { getLastWebPreferences?: () => WebPreferences | null };

test.skip(!binary, SKIP_REASON);

test('the window is isolated, sandboxed and has no Node', async ({ app, page }) => {
  const prefs = await app.evaluate(({ BrowserWindow }) => {
    const contents = BrowserWindow.getAllWindows()[0]?.webContents as WithLastPrefs | undefined;
    const p = contents?.getLastWebPreferences?.();
    return p && { contextIsolation: p.contextIsolation, sandbox: p.sandbox, nodeIntegration: p.nodeIntegration, webviewTag: p.webviewTag, webSecurity: p.webSecurity };
  });
  expect(prefs).toEqual({ contextIsolation: true, sandbox: true, nodeIntegration: false, webviewTag: false, webSecurity: true });
  expect(page.url()).toMatch(/^app:\/\/slicewise\//);
});

test('the page runs under a CSP without unsafe-eval', async ({ page }) => {
  expect(await page.evaluate(`(() => { try { return eval('1 + 1'); } catch (e) { return e.name; } })()`)).toBe('EvalError');
});

test('window.open is denied and no second window appears', async ({ app, page }) => {
  expect(await page.evaluate(`window.open('https://example.com/') === null`)).toBe(true);
  expect(await page.evaluate(`window.open('app://slicewise/index.html') === null`)).toBe(true);
  await page.waitForTimeout(300);
  expect(await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().length)).toBe(1);
});

test('navigation away is denied', async ({ page }) => {
  const before = page.url();
  await page.evaluate(`location.href = 'https://example.com/'`);
  await page.waitForTimeout(500);
  expect(page.url()).toBe(before);
  await page.evaluate(`(() => { const a = document.createElement('a'); a.href = 'file:///etc/passwd'; document.body.append(a); a.click(); })()`);
  await page.waitForTimeout(500);
  expect(page.url()).toBe(before);
});

test('every outgoing network request is cancelled, even from main', async ({ app, page }) => {
  expect(await page.evaluate(`fetch('https://example.com/').then(() => 'loaded', () => 'blocked')`)).toBe('blocked');
  // net.fetch bypasses the page's CSP, so this checks the session's webRequest block on its own.
  expect(await app.evaluate(({ net }) => net.fetch('https://example.com/').then(() => 'loaded', () => 'blocked'))).toBe('blocked');
});

test('permission requests are denied', async ({ page }) => {
  expect(await page.evaluate(`Notification.requestPermission()`)).toBe('denied');
});

test('the app protocol sends the CSP and refuses path traversal', async ({ app }) => {
  const res = await app.evaluate(async ({ net }) => {
    const ok = await net.fetch('app://slicewise/index.html');
    const up = await net.fetch('app://slicewise/%2e%2e/package.json');
    return { status: ok.status, csp: ok.headers.get('content-security-policy'), traversal: up.status };
  });
  expect(res.status).toBe(200);
  expect(res.csp).toContain("script-src 'self'");
  expect(res.csp).not.toContain('unsafe-eval');
  expect(res.traversal).toBe(404);
});
