/**
 * The comparison job (engine worker): loads a reference and a current dataset of one project,
 * compares them column by column (src/shared/drift), and stores the result as a run of kind
 * 'compare' on the current dataset, so the project's history and alert rules see its drift share.
 */
import { z } from 'zod';
import { driftFindings, compareDatasets, driftOptionsSchema } from '../../shared/drift';
import { datasetRolesSchema } from '../../shared/roles/dataset-roles';
import { rankFindings } from '../../shared/findings/types';
import { ruleFindings } from '../../shared/history/rules';
import { REPORT_SCHEMA_VERSION } from '../../shared/report/check-report';
import type { JobContext } from '../engine-host/job-context';
import { getDataset, loadTable } from '../store/datasets';
import { alertRules, pointFromEvidence, projectTimeline } from '../store/history';
import { LATEST_SCHEMA_VERSION } from '../store/migrations';
import { ProjectDb } from '../store/project-db';
import { getRoles } from '../store/roles';
import { saveRun } from '../store/runs';

export const compareInput = z.object({
  projectPath: z.string(),
  referenceId: z.number().int().positive(),
  currentId: z.number().int().positive(),
  appVersion: z.string(),
  nativeBinding: z.string().optional(),
  /** Roles for both sides; otherwise the reference dataset's roles. */
  roles: datasetRolesSchema.optional(),
  options: driftOptionsSchema.partial().optional(),
});

export function runCompare(rawInput: unknown, ctx: JobContext): { runId: number } {
  const input = compareInput.parse(rawInput);
  const startedAt = new Date();
  const project = ProjectDb.open(input.projectPath, { appVersion: input.appVersion, nativeBinding: input.nativeBinding });
  try {
    ctx.progress('Loading both datasets', 0.05);
    const reference = getDataset(project.db, input.referenceId);
    const current = getDataset(project.db, input.currentId);
    const refTable = loadTable(project.db, input.referenceId);
    ctx.throwIfCancelled();
    const curTable = loadTable(project.db, input.currentId);
    const roles = input.roles ?? getRoles(project.db, input.referenceId).roles;
    ctx.progress('Comparing every column', 0.3);
    const drift = compareDatasets(refTable, curTable, roles, input.options ?? {});
    ctx.throwIfCancelled();
    const evidence = { 'drift.dataset': drift as unknown as Record<string, unknown> };
    const history = [...projectTimeline(project.db), pointFromEvidence(evidence, { runId: 0, at: startedAt.toISOString(), dataset: current.name })];
    const findings = rankFindings([...driftFindings(drift, roles, input.options ?? {}), ...ruleFindings(history, alertRules(project.db).rules)]);
    ctx.progress('Saving the results', 0.95);
    const finishedAt = new Date();
    const runId = saveRun(
      project.db,
      {
        datasetId: input.currentId,
        kind: 'compare',
        status: 'succeeded',
        params: { referenceId: input.referenceId, currentId: input.currentId, roles, options: input.options ?? {} },
        versions: { app: input.appVersion, projectSchema: LATEST_SCHEMA_VERSION, reportSchema: REPORT_SCHEMA_VERSION },
        startedAt: startedAt.toISOString(),
        finishedAt: finishedAt.toISOString(),
        timings: { total: finishedAt.getTime() - startedAt.getTime() },
        results: { evidence },
      },
      findings,
      () => ({
        summary: `Compared ${current.name} with ${reference.name}: ${drift.drifted_count} of ${drift.compared} columns changed`,
        details: { referenceId: input.referenceId, currentId: input.currentId, shareDrifted: drift.share_drifted },
      }),
    );
    ctx.progress('Done', 1);
    return { runId };
  } finally {
    project.close();
  }
}
