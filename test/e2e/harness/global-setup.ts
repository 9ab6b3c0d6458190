import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { repoRoot } from './paths';
import { buildRenderer, rendererBuildIsStale } from './renderer-build';
import { rendererDir } from './static-server';

/**
 * Builds the renderer if out/renderer is stale, then serves a private copy of it for this run, so
 * a build started elsewhere (which empties out/renderer) cannot pull files from under the tests.
 */
export default async function globalSetup(): Promise<() => void> {
  if (rendererBuildIsStale(repoRoot)) {
    console.log('e2e: out/renderer is missing or older than the sources; building the renderer…');
    await buildRenderer(repoRoot);
  }
  const snapshot = mkdtempSync(join(tmpdir(), 'slicewise-e2e-renderer-'));
  cpSync(rendererDir(repoRoot), snapshot, { recursive: true });
  // Workers start after global setup and inherit this.
  process.env.SLICEWISE_E2E_RENDERER_DIR = snapshot;
  return () => rmSync(snapshot, { recursive: true, force: true });
}
