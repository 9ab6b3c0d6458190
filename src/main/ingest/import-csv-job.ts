/**
 * The import job (runs in an engine worker): reads a delimited text file into typed columns, then
 * writes the dataset in one transaction, so a cancelled, failed or killed import leaves no half
 * dataset behind and nothing already in the project changes.
 */
import { basename, extname } from 'node:path';
import { z } from 'zod';
import type { ColumnSummary } from '../../shared/domain';
import { DEFAULT_MISSING_TOKENS } from '../../shared/missing';
import type { JobContext } from '../engine-host/job-context';
import { getDataset, insertDataset } from '../store/datasets';
import { ProjectDb } from '../store/project-db';
import { readDelimitedFile } from './csv/read-delimited';
import { guessRoles } from '../../shared/roles/guess-roles';
import { profileTable } from '../../shared/roles/profile';

export const importCsvInput = z.object({
  projectPath: z.string(),
  filePath: z.string(),
  appVersion: z.string(),
  nativeBinding: z.string().optional(),
  missingTokens: z.array(z.string()).optional(),
  delimiter: z.string().length(1).optional(),
  encoding: z.enum(['utf-8', 'utf-16le', 'utf-16be', 'windows-1252']).optional(),
  raggedRows: z.enum(['error', 'skip', 'keep']).optional(),
});
export type ImportCsvInput = z.infer<typeof importCsvInput>;

export interface ImportCsvOutput {
  datasetId: number;
  rows: number;
  columns: ColumnSummary[];
  notes: string[];
}

/** Share of the progress bar for reading; the rest is saving. */
const READ_SHARE = 0.85;

export function runImportCsv(rawInput: unknown, ctx: JobContext): ImportCsvOutput {
  const input = importCsvInput.parse(rawInput);
  const started = performance.now();
  const fileName = basename(input.filePath);
  const missingTokens = input.missingTokens ?? [...DEFAULT_MISSING_TOKENS];

  const read = readDelimitedFile(
    input.filePath,
    { missingTokens, delimiter: input.delimiter, encoding: input.encoding, raggedRows: input.raggedRows },
    { progress: (stage, f, message) => ctx.progress(stage, f * READ_SHARE, message), throwIfCancelled: () => ctx.throwIfCancelled() },
  );

  ctx.progress('Looking at the columns', READ_SHARE);
  const profiles = profileTable(read.table);

  const project = ProjectDb.open(input.projectPath, { appVersion: input.appVersion, nativeBinding: input.nativeBinding });
  const db = project.db;
  try {
    ctx.throwIfCancelled();
    ctx.progress('Saving', READ_SHARE);
    db.exec('BEGIN IMMEDIATE');
    try {
      const datasetId = insertDataset(
        db,
        {
          name: basename(fileName, extname(fileName)) || fileName,
          source: { fileName, ...read.source },
          importOptions: {
            delimiter: read.detected.delimiter,
            encoding: read.detected.encoding,
            missingTokens,
            decimal: read.detected.numberConvention.decimal,
            thousands: read.detected.numberConvention.group,
            raggedRows: read.ragged.policy,
          },
          notes: read.notes,
          rolesGuess: { guess: guessRoles(profiles), profiles },
          table: read.table,
          columns: read.stats,
          importMs: performance.now() - started,
        },
        (done, total) => {
          ctx.throwIfCancelled();
          ctx.progress('Saving', READ_SHARE + (1 - READ_SHARE) * (done / total));
        },
      );
      ctx.throwIfCancelled();
      db.prepare('UPDATE datasets SET import_ms = ? WHERE id = ?').run(Math.round(performance.now() - started), datasetId);
      db.exec('COMMIT');
      ctx.progress('Done', 1);
      const summary = getDataset(db, datasetId);
      return { datasetId, rows: summary.rows, columns: summary.columns, notes: summary.notes };
    } catch (err) {
      if (db.inTransaction) db.exec('ROLLBACK');
      throw err;
    }
  } finally {
    project.close();
  }
}
