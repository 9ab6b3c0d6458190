/**
 * The import job (runs in an engine worker): streams a delimited text file into the project,
 * in one transaction, so a cancelled, failed or killed import leaves no half dataset behind.
 */
import { createHash } from 'node:crypto';
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { basename, extname } from 'node:path';
import { z } from 'zod';
import type { ColumnSummary } from '../../shared/domain';
import { SlicewiseError } from '../../shared/errors';
import { DEFAULT_MISSING_TOKENS } from '../../shared/missing';
import type { JobContext } from '../engine-host/job-context';
import { ProjectDb } from '../store/project-db';
import { finishDataset, insertChunk, insertDataset } from '../store/datasets';
import { encodeTextChunk } from './arrow-chunk';
import { ColumnAccumulator, uniqueColumnNames } from './column-accumulator';
import { CsvParser, sniffDelimiter } from './csv-parser';

export const importCsvInput = z.object({
  projectPath: z.string(),
  filePath: z.string(),
  appVersion: z.string(),
  nativeBinding: z.string().optional(),
  missingTokens: z.array(z.string()).optional(),
  chunkRows: z.number().int().positive().optional(),
});
export type ImportCsvInput = z.infer<typeof importCsvInput>;

export interface ImportCsvOutput {
  datasetId: number;
  rows: number;
  columns: ColumnSummary[];
  notes: string[];
}

const READ_BYTES = 1 << 20;
const MAX_RAGGED_EXAMPLES = 5;

function fileError(filePath: string, err: unknown): SlicewiseError {
  const code = (err as NodeJS.ErrnoException).code;
  const name = basename(filePath);
  const why =
    code === 'ENOENT' ? 'it no longer exists (was it moved or deleted?)'
    : code === 'EACCES' || code === 'EPERM' ? 'permission to read it was denied'
    : code === 'EISDIR' ? 'it is a folder, not a file'
    : `the computer reported ${code ?? (err as Error).message}`;
  return new SlicewiseError({ code: 'FILE_UNREADABLE', message: `Could not read ${name}: ${why}.`, location: { file: name } });
}

export function runImportCsv(rawInput: unknown, ctx: JobContext): ImportCsvOutput {
  const input = importCsvInput.parse(rawInput);
  const started = performance.now();
  const fileName = basename(input.filePath);
  const chunkRows = input.chunkRows ?? 65_536;
  const missingTokens = new Set(input.missingTokens ?? DEFAULT_MISSING_TOKENS);

  let fd: number;
  try {
    fd = openSync(input.filePath, 'r');
  } catch (err) {
    throw fileError(input.filePath, err);
  }
  const project = ProjectDb.open(input.projectPath, { appVersion: input.appVersion, nativeBinding: input.nativeBinding });
  const db = project.db;
  try {
    const stat = fstatSync(fd);
    if (stat.isDirectory()) throw fileError(input.filePath, Object.assign(new Error(), { code: 'EISDIR' }));
    if (stat.size === 0) {
      throw new SlicewiseError({ code: 'EMPTY_FILE', message: `${fileName} is empty: there is nothing to import.`, location: { file: fileName } });
    }
    ctx.progress('Reading', 0);

    const hash = createHash('sha256');
    const decoder = new TextDecoder('utf-8', { fatal: true });
    const buf = Buffer.allocUnsafe(READ_BYTES);
    let bytesRead = 0;

    let names: string[] | undefined;
    let notes: string[] = [];
    let acc: ColumnAccumulator | undefined;
    let columns: (string | null)[][] = [];
    let rows = 0;
    let chunkStart = 0;
    let seq = 0;
    let datasetId = 0;
    const ragged: number[] = [];
    let raggedCount = 0;
    let parser: CsvParser | undefined;

    const flush = (): void => {
      if (!names || rows === chunkStart) return;
      insertChunk(db, datasetId, seq++, chunkStart, rows - chunkStart, encodeTextChunk(names, columns));
      columns = names.map(() => []);
      chunkStart = rows;
    };

    const onRecord = (fields: string[], line: number): void => {
      if (!names) {
        ({ names, notes } = uniqueColumnNames(fields));
        acc = new ColumnAccumulator(names, missingTokens);
        columns = names.map(() => []);
        return;
      }
      if (fields.length !== names.length) {
        raggedCount++;
        if (ragged.length < MAX_RAGGED_EXAMPLES) ragged.push(line);
        return;
      }
      for (let c = 0; c < fields.length; c++) columns[c]!.push(acc!.add(c, fields[c]!));
      rows++;
      if (rows - chunkStart >= chunkRows) flush();
    };

    db.exec('BEGIN IMMEDIATE');
    try {
      datasetId = insertDataset(db, {
        name: basename(fileName, extname(fileName)) || fileName,
        source: { fileName, sizeBytes: stat.size, modifiedAt: stat.mtime.toISOString(), sha256: '' },
        importOptions: { delimiter: ',', encoding: 'utf-8', missingTokens: [...missingTokens] },
      });
      for (;;) {
        ctx.throwIfCancelled();
        let n: number;
        try {
          n = readSync(fd, buf, 0, READ_BYTES, null);
        } catch (err) {
          throw fileError(input.filePath, err);
        }
        if (n === 0) break;
        const bytes = buf.subarray(0, n);
        if (bytes.includes(0)) {
          throw new SlicewiseError({
            code: 'PARSE_ERROR',
            message: `${fileName} contains NUL bytes near byte ${bytesRead + bytes.indexOf(0)}: it looks like a binary file, not text.`,
            location: { file: fileName },
          });
        }
        hash.update(bytes);
        let text: string;
        try {
          text = decoder.decode(bytes, { stream: true });
        } catch {
          throw new SlicewiseError({
            code: 'PARSE_ERROR',
            message: `${fileName} is not valid UTF-8 text (the problem is within bytes ${bytesRead}–${bytesRead + n}). Save it as UTF-8 and try again.`,
            location: { file: fileName },
          });
        }
        if (!parser) {
          const delimiter = sniffDelimiter(text.slice(0, 65_536));
          db.prepare('UPDATE datasets SET import_options = ? WHERE id = ?').run(
            JSON.stringify({ delimiter, encoding: 'utf-8', missingTokens: [...missingTokens] }),
            datasetId,
          );
          parser = new CsvParser(delimiter, onRecord, fileName);
        }
        parser.push(text);
        bytesRead += n;
        ctx.progress('Reading', bytesRead / stat.size, `${rows.toLocaleString('en-US')} rows`);
      }
      parser?.push(decoder.decode());
      parser?.end();

      if (!names) {
        throw new SlicewiseError({ code: 'EMPTY_FILE', message: `${fileName} has no lines of data.`, location: { file: fileName } });
      }
      if (raggedCount > 0) {
        throw new SlicewiseError({
          code: 'PARSE_ERROR',
          message:
            `${fileName}: ${raggedCount.toLocaleString('en-US')} line${raggedCount === 1 ? '' : 's'} ` +
            `do not have ${names.length} values like the header (first at line${ragged.length === 1 ? '' : 's'} ${ragged.join(', ')}).`,
          location: { file: fileName, line: ragged[0] },
          details: { raggedLines: ragged, raggedCount },
        });
      }
      if (rows === 0) {
        throw new SlicewiseError({
          code: 'EMPTY_FILE',
          message: `${fileName} has column names but no rows of data.`,
          location: { file: fileName },
        });
      }
      ctx.progress('Saving', 0.99);
      flush();
      const summaries = acc!.summaries();
      finishDataset(db, datasetId, rows, summaries, Math.round(performance.now() - started), hash.digest('hex'));
      ctx.throwIfCancelled();
      db.exec('COMMIT');
      ctx.progress('Done', 1);
      return { datasetId, rows, columns: summaries, notes };
    } catch (err) {
      if (db.inTransaction) db.exec('ROLLBACK');
      throw err;
    }
  } finally {
    closeSync(fd);
    project.close();
  }
}
