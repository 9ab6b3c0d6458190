/** `window.slicewise` in the real app: exactly the contract, no Node, and typed errors. */
import { EVENT_NAMES, eventMethodName, REQUEST_NAMES } from '../../../src/shared/contract';
import { binary, expect, SKIP_REASON, test } from './electron-app';

test.skip(!binary, SKIP_REASON);

test("window.slicewise has exactly the contract's methods", async ({ page }) => {
  const keys = (await page.evaluate(`Object.keys(window.slicewise).sort()`)) as string[];
  expect(keys).toEqual([...REQUEST_NAMES, ...EVENT_NAMES.map(eventMethodName), 'pathForFile'].sort());
});

test('the page has no require, process, module or ipcRenderer', async ({ page }) => {
  const types = await page.evaluate(`[typeof require, typeof process, typeof module, typeof window.ipcRenderer, typeof window.electron, typeof Buffer]`);
  expect(types).toEqual(['undefined', 'undefined', 'undefined', 'undefined', 'undefined', 'undefined']);
});

test('requests reach the real services; a bad payload gets a typed error', async ({ page }) => {
  const info = (await page.evaluate(`window.slicewise.getAppInfo({})`)) as { ok: boolean; value?: { host: string } };
  expect(info.ok).toBe(true);
  expect(info.value?.host).toBe('electron');
  const bad = (await page.evaluate(`window.slicewise.getProject({ projectId: 'not-a-uuid' })`)) as { ok: boolean; error?: { code: string } };
  expect(bad).toMatchObject({ ok: false, error: { code: 'INVALID_REQUEST' } });
});
