/**
 * How the report screen shapes a CheckReport — sections in reading order, key figures with their
 * ranges, "how sure we are" — is the same logic the exports use: one source, in
 * src/shared/export/report-view.ts.
 */
export {
  SECTION_ORDER,
  confidenceText,
  curveOf,
  figureText,
  formatShareRange,
  metricRows,
  reliabilityBinsOf,
  sectionsOf,
  type MetricRow,
  type ReportSection,
} from '../../../../shared/export/report-view';
