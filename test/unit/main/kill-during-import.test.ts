import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { join } from 'node:path';
import { before, describe, test } from 'node:test';
import { runImportFile } from '../../../src/main/ingest/import-file-job';
import { listDatasets } from '../../../src/main/store/datasets';
import { ProjectDb } from '../../../src/main/store/project-db';
import { tempDir } from '../helpers/temp';

const ROOT = join(import.meta.dirname, '../../..');

async function writeBigCsv(path: string, rows: number): Promise<void> {
  const out = createWriteStream(path);
  out.write('id,group,value,note\n');
  for (let i = 0; i < rows; i++) {
    if (!out.write(`${i},g${i % 7},${(i * 0.37) % 100},"row ${i}, quoted"\n`)) await new Promise<void>((r) => out.once('drain', () => r()));
  }
  await new Promise<void>((r) => out.end(r));
}

/** Runs the child until `shouldKill` says so, then SIGKILLs it. */
async function killWhen(args: string[], shouldKill: (output: string) => boolean): Promise<string> {
  const child = spawn(process.execPath, ['--import', 'tsx', join(import.meta.dirname, 'fixtures/import-child.ts'), ...args], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const output = await new Promise<string>((resolve, reject) => {
    let buffered = '';
    child.stdout.on('data', (d: Buffer) => {
      buffered += d.toString();
      if (buffered.includes('outcome')) reject(new Error(`the work finished before it could be killed: ${buffered.slice(-300)}`));
      else if (shouldKill(buffered)) {
        child.kill('SIGKILL');
        resolve(buffered);
      }
    });
    child.on('exit', (code, signal) => {
      if (signal !== 'SIGKILL') reject(new Error(`child exited early (${code}): ${stderr}`));
    });
  });
  await new Promise((r) => child.once('close', r));
  return output;
}

function assertEarlierContentIntact(projectPath: string): void {
  const reopened = ProjectDb.open(projectPath, { appVersion: 'test' });
  try {
    assert.equal(reopened.db.pragma('integrity_check', { simple: true }), 'ok');
    const datasets = listDatasets(reopened.db);
    assert.equal(datasets.length, 1, 'the interrupted import is absent');
    assert.equal(datasets[0]!.source.fileName, 'small.csv');
    assert.equal(datasets[0]!.rows, 4);
    const others = reopened.db.prepare('SELECT count(*) AS n FROM dataset_chunks WHERE dataset_id <> ?').get(datasets[0]!.id) as { n: number };
    assert.equal(others.n, 0, 'no chunks of the interrupted import');
  } finally {
    reopened.close();
  }
}

describe('SIGKILL leaves the project readable with its earlier content', () => {
  const dir = tempDir();
  const big = join(dir, 'big.csv');
  before(() => writeBigCsv(big, 250_000));

  const newProject = async (name: string): Promise<string> => {
    const projectPath = join(dir, `${name}.slicewise`);
    ProjectDb.create(projectPath, name, { appVersion: 'test' }).close();
    const noop = { jobId: 'x', progress: () => {}, throwIfCancelled: () => {}, beyondCancel: () => {} };
    await runImportFile({ projectPath, filePath: join(ROOT, 'test/fixtures/csv/small.csv'), appVersion: 'test' }, noop);
    return projectPath;
  };

  test('killed while the import job reads the file (worker pool, real job)', async () => {
    const projectPath = await newProject('reading');
    await killWhen(['job', projectPath, big], (out) => /progress Reading 0\.[3-9]/.test(out));
    assertEarlierContentIntact(projectPath);
  });

  for (const chunk of [1, 3]) {
    test(`killed inside the write transaction, after ${chunk} chunk(s) were written`, async () => {
      const projectPath = await newProject(`saving-${chunk}`);
      const out = await killWhen(['save', projectPath, big], (o) => (o.match(/^chunk /gm) ?? []).length > chunk);
      assert.ok((out.match(/^chunk /gm) ?? []).length > chunk);
      assertEarlierContentIntact(projectPath);
    });
  }
});
