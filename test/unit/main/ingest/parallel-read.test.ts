/**
 * Reading a delimited file on two threads (src/main/ingest/csv/parallel.ts) against reading it on
 * one: on seeded generated files (generated-csv.ts) cut near the middle wherever the first rows
 * end — between records, inside a quoted value with a line break (where the cut must be refused
 * and the rest read on one thread), around ragged rows, odd cells and errors — the result must
 * be exactly the same table, statistics, notes, line numbers and errors. Also: Cancel stops the
 * helper, and a helper that cannot start leaves the import to read the file alone.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { isDeepStrictEqual } from 'node:util';
import { readDelimited, readDelimitedFile, type DelimitedOptions } from '../../../../src/main/ingest/csv/read-delimited';
import type { WorkerScript } from '../../../../src/main/engine-host/worker-entry';
import { bundleChild } from '../../helpers/child-bundle';
import { csvGenerator, outcome } from './generated-csv';

const CASES = Number(process.env.PARALLEL_CASES ?? 40);
const ROOT = join(import.meta.dirname, '../../../..');
const ctx = { progress: (): void => {}, throwIfCancelled: (): void => {} };
const dir = mkdtempSync(join(tmpdir(), 'slicewise-parallel-'));
after(() => rmSync(dir, { recursive: true, force: true }));
// The helper bundled once: it then starts in milliseconds, not through tsx.
const script: WorkerScript = { kind: 'built', path: await bundleChild(join(ROOT, 'src/main/workers/csv-part-worker.ts'), mkdtempSync(join(dir, 'worker-'))) };

const withoutParts = (c: unknown): unknown => {
  if (typeof c !== 'object' || c === null || !('parts' in c)) return c;
  const { parts: _parts, ...rest } = c as { parts: number };
  return rest;
};

async function compare(path: string, opts: DelimitedOptions, label: string): Promise<{ parts: number; table: boolean }> {
  const two = await outcome(() => readDelimited(path, { ...opts, parallel: { script, minBytes: 0 } }, ctx));
  const one = await outcome(() => readDelimitedFile(path, opts, ctx));
  if (!isDeepStrictEqual(withoutParts(two.comparable), withoutParts(one.comparable))) {
    assert.fail(`${label}: two threads differ from one\noptions ${JSON.stringify(opts)}\ntwo: ${JSON.stringify(two.comparable).slice(0, 1500)}\none: ${JSON.stringify(one.comparable).slice(0, 1500)}`);
  }
  return { parts: (two.raw as { parts?: number } | null)?.parts ?? 0, table: two.raw !== null };
}

test(`${CASES} generated files read on two threads give exactly what one thread gives`, async () => {
  const file = csvGenerator(Number(process.env.PARALLEL_SEED ?? 20261128), 600);
  let split = 0;
  let tables = 0;
  for (let k = 0; k < CASES; k++) {
    const { text, opts } = file();
    const path = join(dir, `case-${k}.csv`);
    writeFileSync(path, text);
    // Small pieces, so the first rows end (and the cut is made) before the file does.
    const r = await compare(path, { ...opts, readBytes: Math.min(opts.readBytes ?? 64, 256) }, `case ${k}`);
    if (r.parts === 2) split++;
    if (r.table) tables++;
  }
  assert.ok(split >= CASES / 4, `${split} of ${CASES} files were read in two parts`);
  assert.ok(tables >= CASES / 3, `${tables} of ${CASES} read into tables`);
});

test('a cut that falls inside a quoted value with line breaks is refused, and the rest read on one thread', async () => {
  // One long quoted value in the middle: every line break near the middle is inside it.
  const rows = Array.from({ length: 40 }, (_, i) => `${i},a${i}`);
  const middle = `"${Array.from({ length: 200 }, (_, i) => `line ${i}`).join('\n')}"`;
  const text = ['id,note', ...rows, `40,${middle}`, ...rows.map((r) => `1${r}`)].join('\n') + '\n';
  const path = join(dir, 'quoted-middle.csv');
  writeFileSync(path, text);
  const r = await compare(path, { missingTokens: ['NA'], readBytes: 64, sampleRows: 5 }, 'quoted middle');
  assert.equal(r.parts, 1);
  const read = await readDelimited(path, { missingTokens: ['NA'], readBytes: 64, sampleRows: 5, parallel: { script, minBytes: 0 } }, ctx);
  assert.equal(read.table.rowCount, 81);
});

test('columns whose sample sizes their dictionaries (ids, free text) read on two threads give what one thread gives', async () => {
  // Distinct values: all new in the id column, 3 of 4 in the text column at first, fewer later (as
  // in free text), so the sizes chosen from the first rows are too big in the file's second half.
  const words = ['alpha', 'béta', 'gamma', 'delta'];
  const lines = ['id,note,n', ...Array.from({ length: 6000 }, (_, i) => `u${i},${words[i % 4]} ${Math.floor(i < 3000 ? (i * 3) / 4 : i / 8)},${i % 10}`)];
  const path = join(dir, 'distinct.csv');
  writeFileSync(path, lines.join('\n') + '\n');
  const opts: DelimitedOptions = { missingTokens: [''], readBytes: 4096, sampleRows: 1500 };
  assert.equal((await compare(path, opts, 'distinct values')).parts, 2);
  const read = await readDelimited(path, { ...opts, parallel: { script, minBytes: 0 } }, ctx);
  assert.equal(read.table.rowCount, 6000);
  const note = read.table.columns[1]!;
  assert.ok(note.storage === 'codes' && note.dictionary.length === new Set(lines.slice(1).map((l) => l.split(',')[1])).size);
});

test('line numbers in the second part are the file’s: odd cells, ragged rows and a long line', async () => {
  const lines = ['n,t', ...Array.from({ length: 300 }, (_, i) => (i === 250 ? 'oops,x' : `${i},t${i % 7}`))];
  lines.splice(280, 0, '1,2,3');
  const path = join(dir, 'late-problems.csv');
  writeFileSync(path, lines.join('\n') + '\n');
  const opts: DelimitedOptions = { missingTokens: [''], readBytes: 128, sampleRows: 10, raggedRows: 'keep' };
  const r = await compare(path, opts, 'late problems');
  assert.equal(r.parts, 2);
  const read = await readDelimited(path, { ...opts, parallel: { script, minBytes: 0 } }, ctx);
  assert.deepEqual(read.stats[0]!.nonConformingExamples, [{ line: 252, value: 'oops' }]);
  assert.deepEqual(read.ragged.lines, [281]);
  const tooLong = [...lines.slice(0, 270), `${'9'.repeat(5000)},x`, ...lines.slice(270)].join('\n') + '\n';
  writeFileSync(path, tooLong);
  await compare(path, { ...opts, maxLineBytes: 1000 }, 'a long line late');
  await assert.rejects(readDelimited(path, { ...opts, maxLineBytes: 1000, parallel: { script, minBytes: 0 } }, ctx), /line starting at 271 is longer/);
});

test('Cancel while the helper reads stops both threads; a helper that cannot start leaves one thread to read it all', async () => {
  // Big enough that the import's thread reaches its 41st cancel check inside its own share of the
  // file (~200 reads of 4 KB), while the helper is still reading: with 20,000 rows it sometimes
  // finished both halves in fewer checks, and the test then saw no cancel at all.
  const text = 'a,b\n' + Array.from({ length: 200_000 }, (_, i) => `${i},${i % 13}`).join('\n') + '\n';
  const path = join(dir, 'cancel.csv');
  writeFileSync(path, text);
  let calls = 0;
  const cancelling = {
    progress: (): void => {},
    throwIfCancelled: (): void => {
      if (++calls > 40) throw Object.assign(new Error('cancelled'), { code: 'CANCELLED' });
    },
  };
  await assert.rejects(readDelimited(path, { missingTokens: [], readBytes: 4096, sampleRows: 10, parallel: { script, minBytes: 0 } }, cancelling), /cancelled/);
  const missing: WorkerScript = { kind: 'built', path: join(dir, 'no-such-worker.js') };
  const alone = await readDelimited(path, { missingTokens: [], readBytes: 4096, sampleRows: 10, parallel: { script: missing, minBytes: 0 } }, ctx);
  assert.equal(alone.parts, 1);
  assert.equal(alone.table.rowCount, 200_000);
});
