/**
 * The import job (runs in an engine worker): reads any supported file into typed columns, guesses
 * the columns' roles, then writes the dataset in one transaction — a cancelled, failed or killed
 * import leaves no half dataset behind and nothing already in the project changes.
 */
import { basename, extname } from 'node:path';
import { z } from 'zod';
import type { ColumnSummary } from '../../shared/domain';
import { DEFAULT_MISSING_TOKENS } from '../../shared/missing';
import { guessRoles } from '../../shared/roles/guess-roles';
import { profileForRoles } from '../../shared/roles/profile';
import type { JobContext } from '../engine-host/job-context';
import { releaseBuffers, releasedBuffersFreed, tableBuffers } from '../engine-host/release-buffers';
import { recordAudit } from '../store/audit';
import { getDataset, insertDatasetChunks, insertDatasetDescription } from '../store/datasets';
import { ProjectDb } from '../store/project-db';
import { importChoicesSchema } from '../../shared/import-choices';
import { readAnyFile } from './read-any';

export const importFileInput = z.object({
  projectPath: z.string(),
  filePath: z.string(),
  appVersion: z.string(),
  nativeBinding: z.string().optional(),
  choices: importChoicesSchema.optional(),
});
export type ImportFileInput = z.infer<typeof importFileInput>;

export interface ImportFileOutput {
  datasetId: number;
  rows: number;
  columns: ColumnSummary[];
  notes: string[];
}

/** Share of the progress bar for reading; the rest is saving. */
const READ_SHARE = 0.85;

export async function runImportFile(rawInput: unknown, ctx: JobContext): Promise<ImportFileOutput> {
  const input = importFileInput.parse(rawInput);
  const started = performance.now();
  const fileName = basename(input.filePath);
  const choices = input.choices ?? {};
  const missingTokens = choices.missingTokens ?? [...DEFAULT_MISSING_TOKENS];

  const read = await readAnyFile(
    input.filePath,
    { ...choices, missingTokens, parallel: ctx.csvPartScript && { script: ctx.csvPartScript } },
    { progress: (stage, f, message) => ctx.progress(stage, f * READ_SHARE, message), throwIfCancelled: () => ctx.throwIfCancelled() },
  );
  ctx.throwIfCancelled();
  // What finishing the columns gave back (the byte dictionaries' tables) is freed now, before profiling and the save.
  await releasedBuffersFreed();
  ctx.progress('Looking at the columns', READ_SHARE);
  const profiles = profileForRoles(read.table, () => ctx.throwIfCancelled());

  const project = ProjectDb.open(input.projectPath, { appVersion: input.appVersion, nativeBinding: input.nativeBinding });
  const db = project.db;
  try {
    ctx.progress('Saving', READ_SHARE);
    db.exec('BEGIN IMMEDIATE');
    try {
      const beforeChunk = (done: number, total: number): void => {
        ctx.throwIfCancelled();
        ctx.progress('Saving', READ_SHARE + (1 - READ_SHARE) * (done / total));
      };
      const datasetId = insertDatasetDescription(
        db,
        {
          name: basename(fileName, extname(fileName)) || fileName,
          source: { fileName, ...read.source },
          importOptions: { ...read.options, format: read.format, missingTokens },
          notes: read.notes,
          rolesGuess: { guess: guessRoles(profiles), profiles },
          table: read.table,
          columns: read.stats,
          importMs: performance.now() - started,
        },
        beforeChunk,
      );
      // A big dictionary's bytes, given back once stored (~40 MB at 1M rows), are freed before the chunks.
      await releasedBuffersFreed();
      insertDatasetChunks(db, datasetId, read.table, beforeChunk);
      ctx.throwIfCancelled();
      db.prepare('UPDATE datasets SET import_ms = ? WHERE id = ?').run(Math.round(performance.now() - started), datasetId);
      recordAudit(db, {
        action: 'import',
        datasetId,
        summary: `Imported ${fileName} (${read.table.rowCount.toLocaleString('en-US')} rows × ${read.table.columns.length} columns)`,
        details: { file: fileName, sha256: read.source.sha256, format: read.format, rows: read.table.rowCount, columns: read.table.columns.length },
      });
      // A commit of a big table (and the checkpoint after it) can take seconds and cannot be
      // interrupted: past here the job finishes rather than be reported cancelled with its data saved.
      ctx.beyondCancel();
      project.commitLarge();
      ctx.progress('Done', 1);
      const summary = getDataset(db, datasetId);
      // The table is saved and nothing reads it again: its ~200 MB (at 1M rows) go back now, so
      // the idle worker does not hold them until it is replaced (WorkerPool.recycleAboveBytes).
      releaseBuffers(tableBuffers(read.table));
      return { datasetId, rows: summary.rows, columns: summary.columns, notes: summary.notes };
    } catch (err) {
      if (db.inTransaction) db.exec('ROLLBACK');
      throw err;
    }
  } finally {
    // The checkpoint of the commit, after the reply (see commitLarge).
    if (project.checkpointDue && ctx.afterReply) ctx.afterReply(() => project.close());
    else project.close();
  }
}
