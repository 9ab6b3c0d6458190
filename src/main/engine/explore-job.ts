/**
 * The Explore screen's work (engine worker, so a 1M-row table never stalls the window):
 * - 'profiles': every column's profile of a dataset (src/shared/profile/column-profile.ts);
 * - 'rows': the rows behind a run's finding (its full row set, rebuilt as the flagged-rows CSV
 *   does), behind every finding that flags rows, or in one of the run's weak slices — with each
 *   row's reasons and cells, at most `limit` of them (the CSV export has them all).
 * Nothing is written to the project.
 */
import { z } from 'zod';
import { SlicewiseError } from '../../shared/errors';
import { findFlaggedRows } from '../../shared/export/flagged-rows';
import { formatCell } from '../../shared/format-cell';
import { profileTable, type ColumnProfile } from '../../shared/profile/column-profile';
import type { ExploreRows } from '../../shared/profile/explore-rows';
import type { SliceEvidence } from '../../shared/checks/slices/slices-check';
import { measuredRows, sliceMembers } from '../../shared/slices/members';
import type { Table } from '../../shared/table';
import type { JobContext } from '../engine-host/job-context';
import { getDataset, loadTable } from '../store/datasets';
import { ProjectDb } from '../store/project-db';
import { reportForRun } from '../store/reports';

const common = { projectPath: z.string(), appVersion: z.string(), nativeBinding: z.string().optional() };

export const exploreInput = z.discriminatedUnion('what', [
  z.object({ what: z.literal('profiles'), datasetId: z.number().int().positive(), ...common }),
  z.object({
    what: z.literal('rows'),
    runId: z.number().int().positive(),
    /** A finding's id, the index of one of report.slices, or neither: every row any finding flags. */
    findingId: z.string().optional(),
    sliceIndex: z.number().int().min(0).optional(),
    limit: z.number().int().min(1).max(5000),
    ...common,
  }),
]);

export type RowsOutput = Omit<ExploreRows, 'limit'>;

export type ExploreOutput = { what: 'profiles'; profiles: ColumnProfile[] } | ({ what: 'rows' } & RowsOutput);

export function runExplore(rawInput: unknown, ctx: JobContext): ExploreOutput {
  const input = exploreInput.parse(rawInput);
  const project = ProjectDb.open(input.projectPath, { appVersion: input.appVersion, nativeBinding: input.nativeBinding });
  try {
    if (input.what === 'profiles') {
      getDataset(project.db, input.datasetId);
      ctx.progress('Loading the dataset', 0.1);
      const table = loadTable(project.db, input.datasetId);
      ctx.throwIfCancelled();
      ctx.progress('Profiling the columns', 0.4);
      return { what: 'profiles', profiles: profileTable(table) };
    }
    const { report, datasetId } = reportForRun(project.db, input.runId, input.appVersion);
    ctx.progress('Loading the dataset', 0.1);
    const table = loadTable(project.db, datasetId);
    ctx.throwIfCancelled();
    ctx.progress('Finding the rows', 0.5);
    if (input.sliceIndex !== undefined) {
      const slice = (report.slices ?? [])[input.sliceIndex] as SliceEvidence | undefined;
      const roles = report.run?.roles;
      if (!slice || !roles) throw new SlicewiseError({ code: 'NOT_FOUND', message: `Check-up ${input.runId} has no slice number ${input.sliceIndex + 1}.` });
      const measured = measuredRows(table, roles);
      const members = measured ? sliceMembers(table, measured, slice.conditions) : null;
      if (!members) throw new SlicewiseError({ code: 'INVALID_REQUEST', message: `The rows of “${slice.description}” cannot be found again: the data no longer has a column or value it names.` });
      return { what: 'rows', ...rowsOf(table, members, () => [slice.description], input.limit, members.length === slice.size) };
    }
    // The app shows the person's own data in full (as the data grid does); masking is for exports.
    const flagged = findFlaggedRows(report, table, { personalData: 'include', ...(input.findingId !== undefined ? { findingId: input.findingId } : {}) });
    if (input.findingId !== undefined && flagged.sets.length === 0) {
      throw new SlicewiseError({ code: 'NOT_FOUND', message: `Check-up ${input.runId} has no finding “${input.findingId}” that flags rows.` });
    }
    const pointers = new Int32Array(flagged.sets.length);
    const reasons = (r: number): string[] => {
      const out: string[] = [];
      flagged.sets.forEach((s, k) => {
        // Rows are asked for in ascending order, so each set is walked once.
        while (pointers[k]! < s.rows.length && s.rows[pointers[k]!]! < r) pointers[k]!++;
        if (s.rows[pointers[k]!] === r) out.push(s.reason(r));
      });
      return out;
    };
    return { what: 'rows', ...rowsOf(table, flagged.rows, reasons, input.limit, flagged.sets.every((s) => s.complete)) };
  } finally {
    project.close();
  }
}

function rowsOf(table: Table, rows: Int32Array, reasons: (row: number) => string[], limit: number, complete: boolean): RowsOutput {
  const shown = rows.subarray(0, limit);
  return {
    columns: table.columns.map((c) => c.name),
    total: rows.length,
    complete,
    rows: Array.from(shown, (row) => ({ row, reasons: reasons(row), cells: table.columns.map((c) => formatCell(c, row)) })),
  };
}
