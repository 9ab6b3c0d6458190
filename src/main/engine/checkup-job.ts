/**
 * The check-up job (runs in an engine worker): loads a dataset's typed columns and roles from the
 * project, runs every check stage by stage with progress, and stores the run with its findings in
 * one transaction.
 */
import { z } from 'zod';
import { checkOptionsSchema, DEFAULT_CHECK_OPTIONS, type CheckOptions } from '../../shared/checks/options';
import { CHECKUP_STAGES } from '../../shared/checks/registry';
import { STAGE_NAMES } from '../../shared/checks/stage-names';
import { runChecksReleasing } from '../../shared/checks/run-checks';
import { datasetRolesSchema } from '../../shared/roles/dataset-roles';
import { REPORT_SCHEMA_VERSION } from '../../shared/report/check-report';
import type { JobContext } from '../engine-host/job-context';
import { releaseBuffers, releasedBuffersFreed } from '../engine-host/release-buffers';
import { LATEST_SCHEMA_VERSION } from '../store/migrations';
import { getDataset, loadTable } from '../store/datasets';
import { ProjectDb } from '../store/project-db';
import { getRoles } from '../store/roles';
import { saveRun } from '../store/runs';
import { alertRules, pointFromEvidence, projectTimeline } from '../store/history';
import { ruleFindings } from '../../shared/history/rules';
import { rankFindings } from '../../shared/findings/types';

export const checkupInput = z.object({
  projectPath: z.string(),
  datasetId: z.number().int().positive(),
  appVersion: z.string(),
  nativeBinding: z.string().optional(),
  options: checkOptionsSchema.partial().optional(),
  /** Roles for this run only (the CLI's flags); otherwise the project's roles. */
  roles: datasetRolesSchema.optional(),
  /** Fixed "now" for reproducible runs (tests); otherwise the current time. */
  now: z.number().optional(),
});

export interface CheckupOutput {
  runId: number;
  datasetId: number;
}

export async function runCheckup(rawInput: unknown, ctx: JobContext): Promise<CheckupOutput> {
  const input = checkupInput.parse(rawInput);
  const startedAt = new Date();
  const project = ProjectDb.open(input.projectPath, { appVersion: input.appVersion, nativeBinding: input.nativeBinding });
  try {
    ctx.progress(STAGE_NAMES.load, 0);
    const dataset = getDataset(project.db, input.datasetId);
    const table = loadTable(project.db, input.datasetId);
    const rolesState = getRoles(project.db, input.datasetId);
    const roles = input.roles ?? rolesState.roles;
    const options = checkOptionsSchema.parse(input.options ?? {});
    ctx.throwIfCancelled();
    const result = await runChecksReleasing(
      { table, columns: dataset.columns, roles, options, now: input.now ?? startedAt.getTime() },
      CHECKUP_STAGES,
      {
        onStage: (name, i, total) => ctx.progress(name, 0.05 + (0.9 * i) / total),
        beforeCheck: () => ctx.throwIfCancelled(),
        // Each stage's own big work is freed before the next stage starts (runChecksReleasing).
        release: async (buffers) => {
          releaseBuffers(buffers);
          await releasedBuffersFreed();
        },
      },
    );
    // The person's alert rules, judged on the project's history with this run as the newest point.
    const history = [...projectTimeline(project.db), pointFromEvidence(result.evidence, { runId: 0, at: startedAt.toISOString(), dataset: dataset.name })];
    const rules = alertRules(project.db);
    const findings = rankFindings([...result.findings, ...ruleFindings(history, rules.rules)]);
    ctx.progress(STAGE_NAMES.save, 0.96);
    const finishedAt = new Date();
    const versions = { app: input.appVersion, projectSchema: LATEST_SCHEMA_VERSION, reportSchema: REPORT_SCHEMA_VERSION };
    const params = { roles, rolesConfirmed: input.roles ? false : rolesState.confirmed, options };
    const issues = findings.filter((f) => f.status === 'issue').length;
    const changedOptions = Object.fromEntries(Object.entries(input.options ?? {}).filter(([k, v]) => JSON.stringify(v) !== JSON.stringify(DEFAULT_CHECK_OPTIONS[k as keyof CheckOptions])));
    const runId = saveRun(
      project.db,
      {
        datasetId: input.datasetId,
        kind: 'checkup',
        status: 'succeeded',
        params,
        versions,
        startedAt: startedAt.toISOString(),
        finishedAt: finishedAt.toISOString(),
        timings: { ...result.timings, total: finishedAt.getTime() - startedAt.getTime() },
        results: { evidence: { ...result.evidence, 'history.rules': { rules: rules.rules, defaults: rules.defaults, runs: history.length } } },
      },
      findings,
      (id) => ({
        summary: `Check-up ${id} of ${dataset.name}: ${issues} finding${issues === 1 ? '' : 's'} to look at${input.roles ? ' (roles given for this run only)' : ''}`,
        details: { roles, changedOptions, versions },
      }),
      () => ctx.throwIfCancelled(),
    );
    ctx.progress('Done', 1);
    return { runId, datasetId: input.datasetId };
  } finally {
    project.close();
  }
}
