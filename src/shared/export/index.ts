/**
 * Report exports, pure: Markdown, self-contained HTML, the flagged-rows CSV and the JSON, each
 * with personal data masked unless the person opted in. src/main/export writes them to disk
 * (and renders the PDF from the HTML).
 */
export { renderJson } from './json';
export { renderMarkdown } from './markdown';
export { renderHtml, escapeHtml, type HtmlOptions } from './html';
export { buildExportDocument, type ExportDocument, type ExportOptions } from './document';
export { findFlaggedRows, flaggedRowsCsvChunks, renderFlaggedRowsCsv, ROW_SETS, type FlaggedRows, type FlaggedRowsOptions, type RowSet } from './flagged-rows';
export {
  DEFAULT_PERSONAL_DATA_POLICY,
  LEFT_OUT,
  disclose,
  personalColumns,
  prepareReport,
  type PersonalColumn,
  type PersonalDataPolicy,
  type PrivacyDisclosure,
} from './privacy';
export { sectionsOf, SECTION_ORDER, type ReportSection } from './report-view';
