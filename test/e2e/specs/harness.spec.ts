/** Checks on the harness itself and on the page when no bridge is present. */
import { request as httpRequest } from 'node:http';
import { expect, test } from '../harness/fixtures';
import { repoRoot } from '../harness/paths';
import { rendererDir, resolveStaticPath } from '../harness/static-server';

/** A raw GET, so the path reaches the server exactly as written (no client-side normalising). */
function rawGet(base: string, path: string): Promise<number> {
  const { hostname, port } = new URL(base);
  return new Promise((ok, fail) => {
    const req = httpRequest({ hostname, port, path, method: 'GET' }, (res) => {
      res.resume();
      ok(res.statusCode ?? 0);
    });
    req.on('error', fail);
    req.end();
  });
}

test('the static server serves the renderer and refuses paths outside it', async ({ harness }) => {
  const root = process.env.SLICEWISE_E2E_RENDERER_DIR ?? rendererDir(repoRoot);
  expect(await resolveStaticPath(root, '/')).toMatch(/index\.html$/);
  for (const bad of ['/../package.json', '/..%2f..%2fpackage.json', '/%2e%2e/%2e%2e/package.json', '/assets/..\\..\\package.json', '/index.html%00.js']) {
    expect(await resolveStaticPath(root, bad), bad).toBeNull();
    expect(await rawGet(harness.url, bad), bad).toBe(404);
  }
  expect(await rawGet(harness.url, '/index.html')).toBe(200);
});

test('without a bridge the page explains itself instead of breaking', async ({ page, harness }) => {
  const bare = await page.context().newPage();
  await bare.goto(harness.url);
  await expect(bare.getByTestId('no-bridge')).toContainText('could not connect to its engine');
  await bare.close();
});
