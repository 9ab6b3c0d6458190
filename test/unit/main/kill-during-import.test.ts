import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { runImportCsv } from '../../../src/main/ingest/import-csv-job';
import { listDatasets } from '../../../src/main/store/datasets';
import { ProjectDb } from '../../../src/main/store/project-db';
import { tempDir } from '../helpers/temp';

const ROOT = join(import.meta.dirname, '../../..');

async function writeBigCsv(path: string, rows: number): Promise<void> {
  const out = createWriteStream(path);
  out.write('id,group,value,note\n');
  for (let i = 0; i < rows; i++) {
    if (!out.write(`${i},g${i % 7},${(i * 0.37) % 100},"row ${i}, quoted"\n`)) await new Promise((r) => out.once('drain', r));
  }
  await new Promise<void>((r) => out.end(r));
}

test('SIGKILL during an import leaves the project readable with its earlier content', async () => {
  const dir = tempDir();
  const projectPath = join(dir, 'kill.slicewise');
  const p = ProjectDb.create(projectPath, 'Kill test', { appVersion: 'test' });
  p.close();
  const noop = { jobId: 'x', progress: () => {}, throwIfCancelled: () => {} };
  runImportCsv({ projectPath, filePath: join(ROOT, 'test/fixtures/csv/small.csv'), appVersion: 'test' }, noop);

  const big = join(dir, 'big.csv');
  await writeBigCsv(big, 600_000);

  const child = spawn(process.execPath, ['--import', 'tsx', join(import.meta.dirname, 'fixtures/import-child.ts'), projectPath, big], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  // Kill once the import is well under way (chunks are being written inside its transaction).
  const killedAt = await new Promise<number>((resolve, reject) => {
    let buffered = '';
    child.stdout.on('data', (d: Buffer) => {
      buffered += d.toString();
      const fractions = [...buffered.matchAll(/progress (\d\.\d+)/g)].map((m) => Number(m[1]));
      const last = fractions.at(-1) ?? 0;
      if (last >= 0.3) {
        child.kill('SIGKILL');
        resolve(last);
      }
      if (buffered.includes('outcome')) reject(new Error(`the import finished before it could be killed: ${buffered}`));
    });
    child.on('exit', (code, signal) => {
      if (signal !== 'SIGKILL') reject(new Error(`child exited early (${code}): ${stderr}`));
    });
  });
  await new Promise((r) => child.once('close', r));
  assert.ok(killedAt > 0 && killedAt < 1);

  const reopened = ProjectDb.open(projectPath, { appVersion: 'test' });
  try {
    assert.equal(reopened.db.pragma('integrity_check', { simple: true }), 'ok');
    const datasets = listDatasets(reopened.db);
    assert.equal(datasets.length, 1, 'the interrupted import is absent');
    assert.equal(datasets[0]!.source.fileName, 'small.csv');
    assert.equal(datasets[0]!.rows, 4);
    const orphanChunks = reopened.db.prepare('SELECT count(*) AS n FROM dataset_chunks WHERE dataset_id <> ?').get(datasets[0]!.id) as { n: number };
    assert.equal(orphanChunks.n, 0);
  } finally {
    reopened.close();
  }
});
