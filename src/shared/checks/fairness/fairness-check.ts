/**
 * Fairness across groups (issue 5): for every sensitive column and their intersections, each
 * group's rates with intervals, the disparities as fairlearn defines them, whether each gap could
 * be chance, and representation against expected shares. The outcome, prediction and positive
 * class are resolved exactly as the performance check does (resolveOutcome).
 * Evidence: { available, reason?, task, rows_used, positive_label?, by: { [key]: KeyEvidence },
 * worst_intersection?, skipped: [{ key, columns, reason }], representation?, settings }.
 */
import { analyzeFairness, applyFalseDiscoveryRate, type FairnessRun } from '../../fairness/analyze';
import { columnGrouping, defaultIntersections, type Grouping } from '../../fairness/groups';
import { prepareBinary, prepareRegression, preparedTableRows, selectAligned, type PreparedOutcome } from '../../fairness/prepare';
import { representation, type RepresentationResult } from '../../fairness/representation';
import type { Finding } from '../../findings/types';
import type { Check, CheckInput, CheckOutput } from '../types';
import { cacheOf } from '../cache/check-cache';
import { outcomeOf } from '../cache/shared-work';
import { keyEvidence, representationEvidence, worstIntersectionEvidence, type KeyEvidence } from './evidence';
import { GROUPS_CHECK, groupFinding, representationFindings } from './findings';

export { GROUPS_CHECK, REPRESENTATION_CHECK } from './findings';

const NO_SENSITIVE = 'No column was marked as describing people (sex, age, origin…), so fairness across groups was not checked.';
const MULTICLASS = 'Fairness across groups is measured for yes/no outcomes and for amounts; this outcome has several classes.';
const NO_PREDICTION = 'There is no prediction or score to compare across groups.';

type Prepared = { prepared: PreparedOutcome; rows: Uint32Array; positiveLabel: string; decisionLabel: string } | { reason: string };

function prepare(input: CheckInput): Prepared {
  // The run's outcome, which performance and calibration made already (read, never changed here).
  const o = outcomeOf(cacheOf(input), input.roles);
  if (o.task === null) return { reason: o.reason };
  if (o.task === 'multiclass') return { reason: MULTICLASS };
  if (!o.yPred) return { reason: NO_PREDICTION };
  if (o.task === 'binary') {
    const decisionLabel = o.predictionFrom === 'column' ? (o.predictionPositive ?? o.positiveLabel) : o.positiveLabel;
    return { prepared: prepareBinary(o.yTrue, o.yPred, o.score), rows: o.rows, positiveLabel: o.positiveLabel, decisionLabel };
  }
  return { prepared: prepareRegression(o.yTrue, o.yPred), rows: o.rows, positiveLabel: '', decisionLabel: '' };
}

function representationResults(input: CheckInput, groupingOf: (column: string) => Grouping | null): RepresentationResult[] {
  const out: RepresentationResult[] = [];
  for (const [column, expected] of Object.entries(input.options.representation)) {
    const g = groupingOf(column);
    if (g && Object.keys(expected).length > 0) out.push(representation(g, expected, input.options.confidenceLevel));
  }
  return out;
}

export const fairnessCheck: Check = {
  id: GROUPS_CHECK,
  category: 'fairness',
  run(input): CheckOutput {
    const { table, roles, options } = input;
    const ignored = new Set(roles.ignored);
    const sensitive = Object.keys(roles.sensitive).filter((c) => !ignored.has(c) && table.columns.some((col) => col.name === c));
    // Groupings over every table row, made once and shared by representation and the model view.
    const cache = new Map<string, Grouping>();
    const groupingOf = (column: string): Grouping | null => {
      const cached = cache.get(column);
      if (cached) return cached;
      const col = table.columns.find((c) => c.name === column);
      if (!col) return null;
      const g = columnGrouping(col, roles.sensitive[column]);
      cache.set(column, g);
      return g;
    };

    const reps = representationResults(input, groupingOf);
    const repTests = reps.flatMap((r) => r.groups);
    const settings = {
      minGroupSize: options.minGroupSize,
      minClassCount: options.fairnessMinClassCount,
      level: options.confidenceLevel,
      referenceGroups: options.referenceGroups,
      fdr: options.fdr,
    };
    const evidenceSettings = { min_group_size: options.minGroupSize, min_class_count: options.fairnessMinClassCount, fdr: options.fdr, confidence_level: options.confidenceLevel };
    const p = sensitive.length === 0 ? { reason: NO_SENSITIVE } : prepare(input);

    let run: FairnessRun | null = null;
    if ('prepared' in p) {
      const tableRows = preparedTableRows(p.rows, p.prepared);
      const groupings = sensitive.map((c) => selectAligned(groupingOf(c)!, tableRows));
      // The groupings over every table row were for representation (done above) and for these.
      cache.clear();
      run = analyzeFairness(p.prepared, groupings, options.intersections ?? defaultIntersections(sensitive), settings, repTests);
    } else applyFalseDiscoveryRate(repTests, options.fdr);

    const findings: Finding[] = [];
    const evidence: Record<string, unknown> = { available: run !== null };
    if (run && 'prepared' in p) {
      const by: Record<string, KeyEvidence> = {};
      for (const a of run.analyses) {
        by[a.key] = keyEvidence(a);
        findings.push(groupFinding(a, p.positiveLabel, p.decisionLabel));
      }
      Object.assign(evidence, {
        task: p.prepared.task,
        rows_used: p.prepared.rows,
        ...(p.prepared.task === 'binary' ? { positive_label: p.positiveLabel } : {}),
        by,
        ...(run.worstIntersection ? { worst_intersection: worstIntersectionEvidence(run.worstIntersection) } : {}),
        skipped: run.skipped,
      });
    } else {
      Object.assign(evidence, { reason: 'reason' in p ? p.reason : NO_SENSITIVE, by: {} });
    }
    if (reps.length > 0) {
      evidence.representation = Object.fromEntries(reps.map((r) => [r.column, representationEvidence(r)]));
      for (const r of reps) findings.push(...representationFindings(r, options.minGroupSize));
    }
    evidence.settings = evidenceSettings;
    return { evidence, findings };
  },
};
