/**
 * Fuzzes every file reader: for each, at least 10,000 generated cases (seeded, so every run is
 * the same; FUZZ_RUNS multiplies the count and FUZZ_SEED changes the seeds, see scripts/fuzz.mjs).
 * Each case must end in a valid table or a clear SlicewiseError, within a time limit, without
 * crashing its worker. What the cases are: targets/*.ts. One file, so the worker threads are
 * started once and shared by all the targets.
 */
import { describe } from 'node:test';
import { fuzzTest } from './lib/fuzz-test';

describe('fuzzing the file readers', () => {
  fuzzTest('CSV reader: every generated file ends in a valid table or a clear SlicewiseError', { name: 'csv', target: 'csv.ts', seed: 0xc5f001, runs: 10_000 });
  fuzzTest('JSON reader: every generated file ends in a valid table or a clear SlicewiseError', { name: 'json', target: 'json.ts', seed: 0x150f01, runs: 10_000 });
  fuzzTest('xlsx reader: every generated workbook ends in a valid table or a clear SlicewiseError; bombs are refused', { name: 'xlsx', target: 'xlsx.ts', seed: 0x815f01, runs: 10_000 });
  fuzzTest('Parquet reader: every generated file ends in a valid table or a clear SlicewiseError', { name: 'parquet', target: 'parquet.ts', seed: 0x9a9f01, runs: 10_000 });
  fuzzTest('Arrow reader: every generated file ends in a valid table or a clear SlicewiseError', { name: 'arrow', target: 'arrow.ts', seed: 0xa4f001, runs: 10_000 });
  fuzzTest('readAnyFile: any reader\'s cases under any file name end in a valid table or a clear SlicewiseError', { name: 'read-any', target: 'read-any.ts', seed: 0x3eadf01, runs: 1_000 });
});
