/**
 * Findings are data: what a check found, with the numbers behind it, how sure we are, and keys
 * into the plain-language texts (src/shared/text/). The app, the HTML/PDF report and the CLI all
 * render the same findings. Plain data only: structured-cloneable and JSON-safe.
 */
import type { ConfidenceInterval } from '../metrics/types';
import type { SliceCondition } from '../slices/types';

export type FindingCategory = 'quality' | 'privacy' | 'performance' | 'calibration' | 'fairness' | 'slices' | 'drift';

export const SEVERITIES = ['critical', 'high', 'medium', 'low', 'info'] as const;
export type Severity = (typeof SEVERITIES)[number];

/** 'issue': something to look at; 'passed': checked and fine; 'not-enough-data': cannot say. */
export type FindingStatus = 'issue' | 'passed' | 'not-enough-data';

export type FindingNumber = number | string | boolean | null;

export interface Finding {
  /** Stable across runs: `${check}:${subject}` (e.g. "quality.missing-values:annual_income"). */
  id: string;
  /** The check that produced it; also the key of its texts. */
  check: string;
  category: FindingCategory;
  status: FindingStatus;
  severity: Severity;
  /** The rule that set the severity, in words ("20% or more of the cells are missing → high"). */
  severityRule: string;
  /** Columns it is about. */
  columns: string[];
  /** Rows it is about: how many, and up to 20 example row numbers (1-based data rows). */
  rows?: { count: number; examples: number[] };
  /** Groups it is about (fairness, slices). */
  groups?: string[];
  /**
   * Slices: the conditions that select its rows, machine-readable (`groups` says them in words),
   * so every row can be listed again (src/shared/slices/members.ts).
   */
  conditions?: SliceCondition[];
  /**
   * The numbers behind it, named so the text templates can use them (e.g. { missing: 69,
   * rows: 2024, share: 0.034 }). Text values are data (column names, example values), never HTML.
   */
  numbers: Record<string, FindingNumber>;
  /** Example values (masked where they are personal data). */
  examples?: string[];
  /** How sure we are: the sample size behind it, an interval where one applies, and a sentence key. */
  confidence: {
    sampleSize: number;
    interval?: ConfidenceInterval;
    /** 'exact' (a count, no uncertainty), 'estimate' (with interval), 'not-enough-data'. */
    kind: 'exact' | 'estimate' | 'not-enough-data';
  };
  /** Data for the finding's chart (a chart builder turns it into an ECharts option). */
  chart?: FindingChart;
}

export type FindingChart =
  | { kind: 'bars'; title: string; labels: string[]; values: number[]; unit: 'share' | 'count'; highlight?: number[] }
  | { kind: 'histogram'; title: string; edges: number[]; counts: number[]; markers?: { label: string; value: number }[] }
  | { kind: 'reliability'; bins: { lower: number; upper: number; count: number; meanScore: number | null; fractionPositive: number | null }[] }
  | { kind: 'confusion'; labels: string[]; matrix: number[][] }
  | { kind: 'curve'; title: string; x: number[]; y: number[]; xLabel: string; yLabel: string; diagonal?: boolean }
  /**
   * One value per label with its interval (error bars): per-group rates, slice error rates. A null
   * value is "not enough data to say" (drawn as a gap with that label, never as 0).
   */
  | {
      kind: 'intervals';
      title: string;
      labels: string[];
      values: (number | null)[];
      lower: (number | null)[];
      upper: (number | null)[];
      unit: 'share' | 'number';
      /** A vertical line to compare against (the overall rate, the reference group's rate). */
      reference?: { label: string; value: number };
      highlight?: number[];
    };

export const severityRank = (s: Severity): number => SEVERITIES.indexOf(s);

/** Issues first by severity, then the rest; stable within a severity. */
export function rankFindings(findings: readonly Finding[]): Finding[] {
  const statusRank = { issue: 0, 'not-enough-data': 1, passed: 2 } as const;
  return [...findings].sort((a, b) => statusRank[a.status] - statusRank[b.status] || severityRank(a.severity) - severityRank(b.severity));
}
