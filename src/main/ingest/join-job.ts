/**
 * Joining a predictions file onto a dataset (runs in an engine worker). Preview mode reads both,
 * guesses the key and reports matched, unmatched and duplicated keys without saving anything;
 * accept mode saves the joined table as a new dataset in one transaction (the original stays).
 */
import { basename } from 'node:path';
import { z } from 'zod';
import { SlicewiseError } from '../../shared/errors';
import { importChoicesSchema } from '../../shared/import-choices';
import { guessJoinKeys, joinTables, type JoinReport } from '../../shared/join/join-tables';
import { DEFAULT_MISSING_TOKENS } from '../../shared/missing';
import { guessRoles } from '../../shared/roles/guess-roles';
import { profileForRoles } from '../../shared/roles/profile';
import type { JobContext } from '../engine-host/job-context';
import { releaseBuffers, tableBuffers } from '../engine-host/release-buffers';
import { recordAudit } from '../store/audit';
import { getDataset, insertDataset, loadTable } from '../store/datasets';
import { ProjectDb } from '../store/project-db';
import { getRoles } from '../store/roles';
import { readAnyFile } from './read-any';

export const joinInput = z.object({
  projectPath: z.string(),
  datasetId: z.number().int().positive(),
  filePath: z.string(),
  appVersion: z.string(),
  nativeBinding: z.string().optional(),
  keys: z.object({ left: z.string(), right: z.string() }).optional(),
  accept: z.boolean(),
  choices: importChoicesSchema.optional(),
});

export interface JoinOutput {
  report: JoinReport;
  /** The new dataset, when accepted. */
  datasetId?: number;
}

export async function runJoin(rawInput: unknown, ctx: JobContext): Promise<JoinOutput> {
  const input = joinInput.parse(rawInput);
  const started = performance.now();
  const fileName = basename(input.filePath);
  const missingTokens = input.choices?.missingTokens ?? [...DEFAULT_MISSING_TOKENS];
  const read = await readAnyFile(input.filePath, { ...input.choices, missingTokens, parallel: ctx.csvPartScript && { script: ctx.csvPartScript } }, {
    progress: (stage, f, m) => ctx.progress(stage, f * 0.6, m),
    throwIfCancelled: () => ctx.throwIfCancelled(),
  });
  const project = ProjectDb.open(input.projectPath, { appVersion: input.appVersion, nativeBinding: input.nativeBinding });
  try {
    ctx.progress('Matching rows', 0.65);
    const base = getDataset(project.db, input.datasetId);
    const left = loadTable(project.db, input.datasetId);
    let keys = input.keys;
    let reason = 'The key columns you chose.';
    if (!keys) {
      const guess = guessJoinKeys(left, read.table, getRoles(project.db, input.datasetId).roles.ids);
      if (!guess) {
        throw new SlicewiseError({
          code: 'INVALID_REQUEST',
          message: `No column of ${fileName} shares values with a column of "${base.name}", so the rows cannot be matched. Check that both files have the same id column.`,
        });
      }
      keys = guess.keys;
      reason = guess.reason;
    }
    let joined;
    try {
      joined = joinTables(left, read.table, keys, reason);
    } catch (err) {
      throw new SlicewiseError({ code: 'INVALID_REQUEST', message: (err as Error).message });
    }
    if (!input.accept) {
      // Only the report was asked for: nothing reads the tables again.
      releaseBuffers([left, read.table, joined.table].flatMap(tableBuffers));
      return { report: joined.report };
    }
    if (joined.report.matched === 0) {
      throw new SlicewiseError({ code: 'INVALID_REQUEST', message: `No row of ${fileName} matched a row of "${base.name}" on ${keys.left} = ${keys.right}; nothing was saved.` });
    }
    ctx.throwIfCancelled();
    ctx.progress('Saving', 0.8);
    const profiles = profileForRoles(joined.table, () => ctx.throwIfCancelled());
    const rightStats = new Map(read.table.columns.map((c, i) => [c.name, read.stats[i]!]));
    const columns = joined.table.columns.map((c, i) => {
      if (i < base.columns.length) return base.columns[i]!;
      const from = joined.report.added[i - base.columns.length]!.from;
      const s = rightStats.get(from)!;
      // Rows of the dataset that found no prediction are missing in the added columns.
      return { ...s, missing: s.missing + joined.report.unmatchedLeft };
    });
    const db = project.db;
    db.exec('BEGIN IMMEDIATE');
    try {
      const datasetId = insertDataset(db, {
        name: `${base.name} + ${basename(fileName)}`,
        source: { fileName: `${base.source.fileName} + ${fileName}`, ...read.source },
        importOptions: { format: 'join', missingTokens, leftKey: keys.left, rightKey: keys.right, baseDataset: input.datasetId },
        notes: [
          `Joined ${fileName} on ${keys.left} = ${keys.right}: ${joined.report.matched} of ${joined.report.leftRows} rows matched.`,
          ...(joined.report.duplicateRight ? [`${joined.report.duplicateRight} rows of ${fileName} repeat a key; the first of each was used.`] : []),
        ],
        rolesGuess: { guess: guessRoles(profiles), profiles },
        table: joined.table,
        columns,
        importMs: performance.now() - started,
      });
      recordAudit(db, {
        action: 'join',
        datasetId,
        summary: `Joined ${fileName} to ${base.name} on ${keys.left} = ${keys.right} (${joined.report.matched.toLocaleString('en-US')} of ${joined.report.leftRows.toLocaleString('en-US')} rows matched)`,
        details: { file: fileName, sha256: read.source.sha256, baseDataset: input.datasetId, leftKey: keys.left, rightKey: keys.right, matched: joined.report.matched },
      });
      // A commit of a big table (and the checkpoint after it) can take seconds and cannot be
      // interrupted: past here the job finishes rather than be reported cancelled with its data saved.
      ctx.beyondCancel();
      project.commitLarge();
      ctx.progress('Done', 1);
      // Saved, and nothing reads the three tables again (the joined one shares the dataset's
      // columns): their memory goes back now, as after an import, not when the idle worker is replaced.
      releaseBuffers([left, read.table, joined.table].flatMap(tableBuffers));
      return { report: joined.report, datasetId };
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
