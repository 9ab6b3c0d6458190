/**
 * The export job (runs in an engine worker, so a large flagged-rows CSV never stalls the window):
 * reads a run back as its report, writes one export format to the chosen path, and records the
 * export (with what was masked) in the project's audit trail. With `htmlOnly` it returns the
 * report's HTML instead, for a host that prints PDFs itself (Electron's printToPDF).
 */
import { z } from 'zod';
import { disclose, type PrivacyDisclosure } from '../../shared/export/privacy';
import { EXPORT_FORMATS, exportRun, htmlFor, type ExportResult } from '../export/export-run';
import type { JobContext } from '../engine-host/job-context';
import { recordAudit } from '../store/audit';
import { loadTable } from '../store/datasets';
import { ProjectDb } from '../store/project-db';
import { reportForRun } from '../store/reports';

export const exportInput = z.object({
  projectPath: z.string(),
  runId: z.number().int().positive(),
  appVersion: z.string(),
  nativeBinding: z.string().optional(),
  format: z.enum(EXPORT_FORMATS),
  outPath: z.string(),
  personalData: z.enum(['mask', 'drop', 'include']).default('mask'),
  /** Return the HTML for the host to print (PDF in the app) instead of writing a file. */
  htmlOnly: z.boolean().optional(),
});

export type ExportJobOutput = { kind: 'written'; result: ExportResult } | { kind: 'html'; html: string; disclosure: PrivacyDisclosure; datasetId: number };

export const FORMAT_NAMES: Record<(typeof EXPORT_FORMATS)[number], string> = { html: 'HTML', pdf: 'PDF', md: 'Markdown', json: 'JSON', csv: 'CSV of flagged rows' };

export async function runExport(rawInput: unknown, ctx: JobContext): Promise<ExportJobOutput> {
  const input = exportInput.parse(rawInput);
  const project = ProjectDb.open(input.projectPath, { appVersion: input.appVersion, nativeBinding: input.nativeBinding });
  try {
    ctx.progress('Reading the check-up', 0.05);
    const { report, datasetId } = reportForRun(project.db, input.runId, input.appVersion);
    if (input.htmlOnly) {
      const html = htmlFor(report, { personalData: input.personalData, theme: { dark: false } });
      return { kind: 'html', html, disclosure: disclose(report, input.personalData), datasetId };
    }
    const table = input.format === 'csv' ? loadTable(project.db, datasetId) : undefined;
    ctx.throwIfCancelled();
    ctx.progress(`Writing the ${FORMAT_NAMES[input.format]}`, 0.3);
    const result = await exportRun(report, { format: input.format, outPath: input.outPath, personalData: input.personalData, ...(table ? { table } : {}) });
    recordExport(project, input.runId, datasetId, result);
    ctx.progress('Done', 1);
    return { kind: 'written', result };
  } finally {
    project.close();
  }
}

/** The audit line of an export: what, where, and what was masked. */
export function recordExport(project: ProjectDb, runId: number, datasetId: number, result: Pick<ExportResult, 'format' | 'path' | 'bytes' | 'disclosure'>): void {
  recordAudit(project.db, {
    action: 'export',
    runId,
    datasetId,
    summary: `Exported check-up ${runId} as ${FORMAT_NAMES[result.format]} to ${result.path}. ${result.disclosure.statement}`,
    details: { format: result.format, path: result.path, bytes: result.bytes, personalData: result.disclosure.policy, maskedColumns: result.disclosure.columns.map((c) => c.column) },
  });
}
