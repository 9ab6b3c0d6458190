/**
 * Reads each file named on the command line with readAnyFile and prints one JSON line per file
 * (outcome, error code and message, milliseconds). Run in a child process by
 * regressions.test.ts, so a file that makes a reader hang or crash cannot stop the test run.
 */
import { basename } from 'node:path';
import { readAnyFile } from '../../../../src/main/ingest/read-any';
import { SlicewiseError } from '../../../../src/shared/errors';
import { DEFAULT_MISSING_TOKENS } from '../../../../src/shared/missing';

const ctx = { progress: () => {}, throwIfCancelled: () => {} };
for (const path of process.argv.slice(2)) {
  const started = performance.now();
  let line: Record<string, unknown>;
  try {
    const r = await readAnyFile(path, { missingTokens: DEFAULT_MISSING_TOKENS }, ctx);
    line = { file: basename(path), outcome: 'table', rows: r.table.rowCount };
  } catch (err) {
    line = err instanceof SlicewiseError ? { file: basename(path), outcome: 'error', code: err.code, message: err.message } : { file: basename(path), outcome: 'crash', message: String((err as Error)?.stack ?? err) };
  }
  console.log(JSON.stringify({ ...line, ms: Math.round(performance.now() - started) }));
}
