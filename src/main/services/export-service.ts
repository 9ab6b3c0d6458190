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
import { recordAudit } from '../store/audit';
import { reportForRun } from '../store/reports';
import { writeFileAtomic } from '../export/atomic-write';
import { buildModelCard } from '../../shared/model-card/model-card';
import { modelCardHtml, modelCardMarkdown } from '../../shared/model-card/render';
import { ruleKey } from '../../shared/history/rules';
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

  /** The model card for a run (HTML or Markdown), from the project's text and the run's report. */
  async exportModelCard(projectId: string, runId: number, format: 'md' | 'html', outPath?: string): Promise<ExportOutcome> {
    const project = this.deps.projects.get(projectId);
    const { report, datasetId } = reportForRun(project.db, runId, this.deps.appVersion);
    const name = this.suggestedName(projectId, runId, format).replace(/ check-up (\d+)/, ' model card $1');
    const path = outPath ?? (await this.deps.dialogs.chooseSavePath(name, format));
    if (path === null) return { status: 'cancelled' };
    const timeline = this.deps.projects.timeline(projectId);
    const card = buildModelCard({
      projectName: project.meta().name,
      report,
      text: this.deps.projects.modelCardText(projectId),
      audit: this.deps.projects.audit(projectId, 5000),
      rules: timeline.rules.map(ruleKey),
    });
    const bytes = await writeFileAtomic(path, format === 'md' ? modelCardMarkdown(card) : modelCardHtml(card));
    const statement = 'Values from columns that look like personal data are masked in the card.';
    recordAudit(project.db, { action: 'export', runId, datasetId, summary: `Exported the model card of check-up ${runId} as ${format === 'md' ? 'Markdown' : 'HTML'} to ${path}.`, details: { format: `card-${format}`, path, bytes } });
    return { status: 'written', format, path, bytes, statement, notes: [] };
  }

  static formatName(format: ExportFormat): string {
    return FORMAT_NAMES[format];
  }
}
