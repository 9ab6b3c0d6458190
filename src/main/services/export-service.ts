/**
 * Exports a run (HTML, PDF, Markdown, JSON, CSV of flagged rows) to a file the person chose. The
 * writing happens in an engine worker; a PDF is printed by the host when it can (Electron's
 * printToPDF, passed in as `printPdf`), otherwise by headless Chromium in the worker.
 */
import type { ExportFormat } from '../export/export-run';
import type { PersonalDataPolicy } from '../../shared/export/privacy';
import type { ExportOutcome } from '../../shared/domain';
import { SlicewiseError } from '../../shared/errors';
import { FORMAT_NAMES, recordExport, type ExportJobOutput } from '../engine/export-job';
import type { WorkerPool } from '../engine-host/worker-pool';
import { getRun } from '../store/runs';
import type { Dialogs } from './ports';
import type { ProjectService } from './project-service';

export type PrintPdf = (html: string, outPath: string) => Promise<number>;

const EXTENSIONS: Record<ExportFormat, string> = { html: 'html', pdf: 'pdf', md: 'md', json: 'json', csv: 'csv' };

export class ExportService {
  constructor(
    private readonly deps: {
      pool: WorkerPool;
      projects: ProjectService;
      dialogs: Dialogs;
      appVersion: string;
      nativeBinding?: string | undefined;
      printPdf?: PrintPdf | undefined;
    },
  ) {}

  /** The file name offered in the save dialog: "<project> check-up 3.html". */
  suggestedName(projectId: string, runId: number, format: ExportFormat): string {
    const name = this.deps.projects.get(projectId).meta().name.replace(/[\\/:*?"<>|]+/g, ' ').trim() || 'Slicewise';
    return `${name} check-up ${runId}${format === 'csv' ? ' flagged rows' : ''}.${EXTENSIONS[format]}`;
  }

  async export(projectId: string, runId: number, format: ExportFormat, personalData: PersonalDataPolicy, outPath?: string): Promise<ExportOutcome> {
    const project = this.deps.projects.get(projectId);
    getRun(project.db, runId); // NOT_FOUND before asking for a path
    const path = outPath ?? (await this.deps.dialogs.chooseSavePath(this.suggestedName(projectId, runId, format), format));
    if (path === null) return { status: 'cancelled' };
    const hostPrints = format === 'pdf' && this.deps.printPdf !== undefined;
    const input = {
      projectPath: project.path,
      runId,
      appVersion: this.deps.appVersion,
      ...(this.deps.nativeBinding ? { nativeBinding: this.deps.nativeBinding } : {}),
      format,
      outPath: path,
      personalData,
      ...(hostPrints ? { htmlOnly: true } : {}),
    };
    const outcome = await this.deps.pool.submit<ExportJobOutput>('export', input, () => {}).outcome;
    if (outcome.status === 'failed') throw new SlicewiseError(outcome.error);
    if (outcome.status === 'cancelled') return { status: 'cancelled' };
    const out = outcome.value;
    if (out.kind === 'written') {
      const r = out.result;
      return { status: 'written', format, path: r.path, bytes: r.bytes, statement: r.disclosure.statement, notes: r.notes };
    }
    const bytes = await this.deps.printPdf!(out.html, path);
    recordExport(project, runId, out.datasetId, { format: 'pdf', path, bytes, disclosure: out.disclosure });
    return { status: 'written', format, path, bytes, statement: out.disclosure.statement, notes: [] };
  }

  static formatName(format: ExportFormat): string {
    return FORMAT_NAMES[format];
  }
}
