/**
 * Writes a run's report in each export format to a file: HTML (self-contained), PDF (the HTML
 * printed by headless Chromium), Markdown, JSON, and the CSV of flagged rows. Every file is written
 * atomically (temp file + rename). Personal data is masked unless the request opts in
 * (personalData: 'include'), and every result says what was masked.
 *
 * No electron here: the CLI and tests call these directly; the app's export service can too,
 * except for the PDF, which the app prints with webContents.printToPDF on renderHtml's output.
 */
import type { ChartTheme } from '../../shared/charts';
import { findFlaggedRows, flaggedRowsCsvChunks } from '../../shared/export/flagged-rows';
import { renderHtml } from '../../shared/export/html';
import { renderJson } from '../../shared/export/json';
import { renderMarkdown } from '../../shared/export/markdown';
import { disclose, type PersonalDataPolicy, type PrivacyDisclosure } from '../../shared/export/privacy';
import type { CheckReport } from '../../shared/report/check-report';
import type { Table } from '../../shared/table';
import { writeFileAtomic } from './atomic-write';
import { loadEchartsScript } from './echarts-script';
import { pdfFromHtml, type PdfOptions } from './pdf';

export const EXPORT_FORMATS = ['html', 'pdf', 'md', 'json', 'csv'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export interface ExportCommon {
  /** Default 'mask'. 'include' only when the person opted in for this export. */
  personalData?: PersonalDataPolicy;
}

export interface ExportResult {
  format: ExportFormat;
  path: string;
  bytes: number;
  /** What was masked, in words (for the CLI's output and the app's confirmation). */
  disclosure: PrivacyDisclosure;
  /** Anything else the person should know (e.g. rows listed only as examples). */
  notes: string[];
  /** CSV: rows written. */
  rows?: number;
}

export interface HtmlExportOptions extends ExportCommon {
  theme?: ChartTheme;
  /** Path of echarts.min.js, when not in node_modules (see echarts-script.ts). */
  echartsPath?: string;
}

export function htmlFor(report: CheckReport, opts: HtmlExportOptions = {}): string {
  return renderHtml(report, { echartsScript: loadEchartsScript(opts.echartsPath ? { path: opts.echartsPath } : {}), personalData: opts.personalData, theme: opts.theme ?? { dark: false } });
}

export async function exportHtml(report: CheckReport, outPath: string, opts: HtmlExportOptions = {}): Promise<ExportResult> {
  const bytes = await writeFileAtomic(outPath, htmlFor(report, opts));
  return { format: 'html', path: outPath, bytes, disclosure: disclose(report, opts.personalData ?? 'mask'), notes: [] };
}

export async function exportPdf(report: CheckReport, outPath: string, opts: ExportCommon & PdfOptions & { echartsPath?: string } = {}): Promise<ExportResult> {
  // Printed pages are always light.
  const html = htmlFor(report, { ...opts, theme: { dark: false } });
  const { bytes } = await pdfFromHtml(html, outPath, opts);
  return { format: 'pdf', path: outPath, bytes, disclosure: disclose(report, opts.personalData ?? 'mask'), notes: [] };
}

export async function exportMarkdown(report: CheckReport, outPath: string, opts: ExportCommon = {}): Promise<ExportResult> {
  const bytes = await writeFileAtomic(outPath, renderMarkdown(report, opts));
  return { format: 'md', path: outPath, bytes, disclosure: disclose(report, opts.personalData ?? 'mask'), notes: [] };
}

export async function exportJson(report: CheckReport, outPath: string, opts: ExportCommon = {}): Promise<ExportResult> {
  const { json, disclosure } = renderJson(report, opts);
  const bytes = await writeFileAtomic(outPath, json);
  return { format: 'json', path: outPath, bytes, disclosure, notes: [] };
}

/** The flagged rows of a run; `table` is the dataset the run checked (store: loadTable). */
export async function exportFlaggedRowsCsv(report: CheckReport, table: Table, outPath: string, opts: ExportCommon = {}): Promise<ExportResult> {
  const flagged = findFlaggedRows(report, table, opts);
  const bytes = await writeFileAtomic(outPath, flaggedRowsCsvChunks(table, flagged));
  return { format: 'csv', path: outPath, bytes, disclosure: flagged.disclosure, notes: flagged.notes, rows: flagged.rows.length };
}

export type ExportRequest = ExportCommon &
  PdfOptions & { format: ExportFormat; outPath: string; theme?: ChartTheme; echartsPath?: string; /** Needed for 'csv'. */ table?: Table };

/** One export by format (what `slicewise report … --html/--pdf/--md/--json/--csv` and the app's export request call). */
export async function exportRun(report: CheckReport, req: ExportRequest): Promise<ExportResult> {
  switch (req.format) {
    case 'html':
      return exportHtml(report, req.outPath, req);
    case 'pdf':
      return exportPdf(report, req.outPath, req);
    case 'md':
      return exportMarkdown(report, req.outPath, req);
    case 'json':
      return exportJson(report, req.outPath, req);
    case 'csv':
      if (!req.table) throw new Error('The flagged-rows CSV needs the table the run checked.');
      return exportFlaggedRowsCsv(report, req.table, req.outPath, req);
  }
}
