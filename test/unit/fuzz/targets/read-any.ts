/**
 * Fuzz target: readAnyFile, which picks a reader from a file's first bytes and its name. Every
 * other target's cases (valid, damaged, random) are read under any extension, including a wrong
 * one: a CSV called .xlsx, a Parquet file without an extension, random bytes called .json.
 */
import { join } from 'node:path';
import fc from 'fast-check';
import { readAnyFile } from '../../../../src/main/ingest/read-any';
import { DEFAULT_MISSING_TOKENS } from '../../../../src/shared/missing';
import { randomBytes, type Bytes } from '../lib/bytes';
import { checkResult, runReader } from '../lib/outcome';
import type { FuzzTarget } from '../lib/target';
import { arrowCase } from './arrow';
import { csvCase } from './csv';
import { jsonCase } from './json';
import { parquetCase } from './parquet';
import { xlsxCase } from './xlsx';

const ctx = { progress: () => {}, throwIfCancelled: () => {} };
const EXTENSIONS = ['.csv', '.tsv', '.txt', '.json', '.ndjson', '.jsonl', '.xlsx', '.xlsm', '.xls', '.parquet', '.arrow', '.arrows', '.feather', '.bin', '', '.CSV', '.pdf'];

interface AnyCase {
  bytes: Bytes;
  ext: string;
}

const bytes: fc.Arbitrary<Bytes> = fc.oneof(
  csvCase.map((c) => c.bytes),
  jsonCase.map((c) => c.bytes),
  xlsxCase.map((c) => c.bytes),
  parquetCase.map((c) => c.bytes),
  arrowCase.map((c) => c.bytes),
  randomBytes([[0x25, 0x50, 0x44, 0x46], [0x89, 0x50, 0x4e, 0x47], [0x1f, 0x8b], [0xd0, 0xcf, 0x11, 0xe0]], 128),
);

export const target: FuzzTarget<AnyCase> = {
  arbitrary: fc.record({ bytes, ext: fc.constantFrom(...EXTENSIONS) }),
  async run(c, dir) {
    const out = await runReader(join(dir, `case${c.ext}`), c.bytes, (p) => readAnyFile(p, { missingTokens: DEFAULT_MISSING_TOKENS }, ctx), {
      // Parquet and Arrow errors may end with the library's own words about the damage.
      libraryDetail: /(?:damaged Arrow file: [\s\S]*|\((?:[^()]|\([^()]*\))*\)\.?)$/,
    });
    if (out.kind === 'error') return out.error.code;
    checkResult(out.result, c.bytes);
    return `table (${out.result.format})`;
  },
};
