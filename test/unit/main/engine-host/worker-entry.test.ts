import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import type { Worker } from 'node:worker_threads';
import { startWorkerThread, WORKER_YOUNG_GENERATION_MB, type WorkerScript } from '../../../../src/main/engine-host/worker-entry';

/** What the started thread itself reads as its V8 limits. */
function limitsSeenInside(worker: Worker): Promise<Record<string, number>> {
  return new Promise((resolve, reject) => {
    worker.once('message', (m: Record<string, number>) => void worker.terminate().then(() => resolve(m)));
    worker.once('error', reject);
  });
}

test('engine and CSV helper threads start with a small young generation, in built and source form alike', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'sw-worker-entry-'));
  try {
    const body = "import { parentPort, resourceLimits } from 'node:worker_threads';\nparentPort.postMessage(resourceLimits);\n";
    const scripts: WorkerScript[] = [
      { kind: 'built', path: join(dir, 'limits.mjs') },
      { kind: 'source', path: join(dir, 'limits.mts') },
    ];
    for (const s of scripts) writeFileSync(s.path, body);
    for (const script of scripts) {
      const limits = await limitsSeenInside(startWorkerThread(script));
      assert.equal(limits.maxYoungGenerationSizeMb, WORKER_YOUNG_GENERATION_MB, script.kind);
      // Only the young generation is limited: the old one keeps V8's default (big tables' dictionaries live there).
      assert.ok(limits.maxOldGenerationSizeMb! >= 1024, `${script.kind}: old generation ${limits.maxOldGenerationSizeMb} MB`);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
