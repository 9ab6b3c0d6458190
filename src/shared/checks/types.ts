/**
 * The shape of a check: a small pure module over typed columns that returns its evidence (numbers,
 * tables, chart data) and zero or more findings, including "passed" ones so the report can say
 * what was checked and found fine. No I/O, no globals.
 */
import type { ColumnSummary } from '../domain';
import type { Finding, FindingCategory } from '../findings/types';
import type { DatasetRoles } from '../roles/dataset-roles';
import type { Table } from '../table';
import type { CheckCache } from './cache/check-cache';
import type { CheckOptions } from './options';

export interface CheckInput {
  table: Table;
  /** What the importer recorded per column (missing tokens seen, cells that did not fit the type…). */
  columns: readonly ColumnSummary[];
  roles: DatasetRoles;
  options: CheckOptions;
  /** "Now" for checks like "dates in the future" (passed in, so results are reproducible). */
  now: number;
  /**
   * Work shared between the checks of one run (sorted columns, the outcome arrays…); runChecks
   * makes one. Optional: a check without it computes what it needs itself, with the same results.
   */
  cache?: CheckCache;
}

export interface CheckOutput {
  /** What the check measured, for the report and the explore views (JSON-safe). */
  evidence: Record<string, unknown>;
  findings: Finding[];
}

export interface Check {
  /** e.g. "quality.missing-values"; findings use it as their `check` and text key. */
  id: string;
  category: FindingCategory;
  run(input: CheckInput): CheckOutput;
}
