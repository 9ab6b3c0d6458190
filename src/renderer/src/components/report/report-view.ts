/**
 * How the report screen shapes a CheckReport — sections in reading order, key figures with their
 * ranges, "how sure we are" — is the same logic the exports use: one source, in
 * src/shared/export/report-view.ts.
 */
import type { CheckOptions } from '../../../../shared/checks/options';
import type { CheckReport } from '../../../../shared/report/check-report';

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


/** The run's options with one more of the person's own slices: what "add this slice" runs the check-up with. */
export function withCustomSlice(report: CheckReport, definition: string): Partial<CheckOptions> {
  const previous = Array.isArray(report.run?.options.customSlices) ? report.run.options.customSlices : [];
  return { ...report.run?.options, customSlices: [...previous, definition] };
}
