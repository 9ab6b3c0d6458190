/**
 * How the report screen shapes a CheckReport — sections in reading order, key figures with their
 * ranges, "how sure we are" — is the same logic the exports use: one source, in
 * src/shared/export/report-view.ts.
 */
import type { CheckOptions } from '../../../../shared/checks/options';
import type { ReportSection } from '../../../../shared/export/report-view';
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

/** Parts the report screen reveals one per frame (useRevealed): each section's head and panels, and each finding. */
export function revealParts(sections: readonly ReportSection[]): number {
  return sections.reduce((n, s) => n + 1 + s.findings.length, 0);
}

/** The sections, and of each the findings, that the first `parts` parts cover (in reading order). */
export function revealedSections(sections: readonly ReportSection[], parts: number): ReportSection[] {
  const out: ReportSection[] = [];
  let left = parts;
  for (const s of sections) {
    if (left <= 0) break;
    const n = Math.min(s.findings.length, left - 1);
    out.push(n === s.findings.length ? s : { ...s, findings: s.findings.slice(0, n) });
    left -= 1 + n;
  }
  return out;
}

/** The run's options with one more of the person's own slices: what "add this slice" runs the check-up with. */
export function withCustomSlice(report: CheckReport, definition: string): Partial<CheckOptions> {
  const previous = Array.isArray(report.run?.options.customSlices) ? report.run.options.customSlices : [];
  return { ...report.run?.options, customSlices: [...previous, definition] };
}
