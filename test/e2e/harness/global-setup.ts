import { fileURLToPath } from 'node:url';
import { buildRenderer, rendererBuildIsStale } from './renderer-build';

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));

export default async function globalSetup(): Promise<void> {
  if (rendererBuildIsStale(repoRoot)) {
    console.log('e2e: out/renderer is missing or older than the sources; building the renderer…');
    await buildRenderer(repoRoot);
  }
}
