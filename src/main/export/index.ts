/** Writing exports to disk (node only, no electron): see export-run.ts. */
export { writeFileAtomic, type FileContent } from './atomic-write';
export { ChromiumUnavailableError, CHROMIUM_HINT, findChromium, launchChromium, type ChromiumOptions } from './chromium';
export { EchartsUnavailableError, findEchartsScript, loadEchartsScript } from './echarts-script';
export {
  EXPORT_FORMATS,
  exportFlaggedRowsCsv,
  exportHtml,
  exportJson,
  exportMarkdown,
  exportPdf,
  exportRun,
  htmlFor,
  type ExportFormat,
  type ExportRequest,
  type ExportResult,
} from './export-run';
export { A4_CONTENT_WIDTH_PX, pdfFromHtml, printWithChromeCli, type PdfOptions, type PdfResult } from './pdf';
