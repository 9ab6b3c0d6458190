/**
 * The model-comparison job (engine worker): two models' columns of one dataset compared on the
 * same rows (src/shared/models), stored as a run of kind 'models' so it stays in the project's
 * history and can be reopened.
 */
import { z } from 'zod';
import { SlicewiseError } from '../../shared/errors';
import { compareModelColumns, modelChoiceSchema } from '../../shared/models/document';
import { REPORT_SCHEMA_VERSION } from '../../shared/report/check-report';
import { datasetRolesSchema } from '../../shared/roles/dataset-roles';
import type { JobContext } from '../engine-host/job-context';
import { getDataset, loadTable } from '../store/datasets';
import { LATEST_SCHEMA_VERSION } from '../store/migrations';
import { ProjectDb } from '../store/project-db';
import { getRoles } from '../store/roles';
import { saveRun } from '../store/runs';

export const modelsInput = z.object({
  projectPath: z.string(),
  datasetId: z.number().int().positive(),
  appVersion: z.string(),
  nativeBinding: z.string().optional(),
  models: modelChoiceSchema,
  roles: datasetRolesSchema.optional(),
});

export function runModelsComparison(rawInput: unknown, ctx: JobContext): { runId: number } {
  const input = modelsInput.parse(rawInput);
  const startedAt = new Date();
  const project = ProjectDb.open(input.projectPath, { appVersion: input.appVersion, nativeBinding: input.nativeBinding });
  try {
    ctx.progress('Loading the dataset', 0.05);
    const dataset = getDataset(project.db, input.datasetId);
    const table = loadTable(project.db, input.datasetId);
    const roles = input.roles ?? getRoles(project.db, input.datasetId).roles;
    ctx.throwIfCancelled();
    ctx.progress('Comparing the two models', 0.4);
    const comparison = compareModelColumns(table, roles, input.models);
    if ('reason' in comparison) throw new SlicewiseError({ code: 'INVALID_REQUEST', message: comparison.reason });
    ctx.progress('Saving the results', 0.95);
    const finishedAt = new Date();
    const runId = saveRun(
      project.db,
      {
        datasetId: input.datasetId,
        kind: 'models',
        status: 'succeeded',
        params: { models: input.models, roles },
        versions: { app: input.appVersion, projectSchema: LATEST_SCHEMA_VERSION, reportSchema: REPORT_SCHEMA_VERSION },
        startedAt: startedAt.toISOString(),
        finishedAt: finishedAt.toISOString(),
        timings: { total: finishedAt.getTime() - startedAt.getTime() },
        results: { evidence: { 'models.compare': comparison } },
      },
      [],
      () => ({ summary: `Compared models ${input.models.a} and ${input.models.b} on ${dataset.name}`, details: { models: input.models, verdict: comparison.verdict } }),
    );
    ctx.progress('Done', 1);
    return { runId };
  } finally {
    project.close();
  }
}
