/**
 * `slicewise card <project> [--run N] --md|--html <file> [--owner … --intended-use … …]`: writes
 * the model card / datasheet assembled from the project. Text given here is saved in the project
 * (and audited), so the next card keeps it.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { writeFileAtomic } from '../../main/export/atomic-write';
import { SlicewiseError } from '../../shared/errors';
import { buildModelCard, type ModelCardText } from '../../shared/model-card/model-card';
import { modelCardHtml, modelCardMarkdown } from '../../shared/model-card/render';
import { ruleKey } from '../../shared/history/rules';
import { EXIT, withServices, type CliIo } from '../services';

export interface CardFlags {
  run?: string | undefined;
  md?: string | undefined;
  html?: string | undefined;
  owner?: string | undefined;
  'intended-use'?: string | undefined;
  'out-of-scope'?: string | undefined;
  'data-description'?: string | undefined;
  limitations?: string | undefined;
  'include-personal-data'?: boolean | undefined;
  quiet?: boolean | undefined;
}

export const CARD_FLAG_OPTIONS = {
  owner: { type: 'string' },
  'intended-use': { type: 'string' },
  'out-of-scope': { type: 'string' },
  'data-description': { type: 'string' },
  limitations: { type: 'string' },
} as const;

const usage = (message: string): SlicewiseError => new SlicewiseError({ code: 'INVALID_REQUEST', message });

export async function runCard(projectArg: string, opts: CardFlags, io: CliIo): Promise<number> {
  if (!opts.md && !opts.html) throw usage('Say where to write the card: --md and/or --html, each followed by a file name.');
  const projectPath = resolve(projectArg);
  if (!existsSync(projectPath)) throw usage(`There is no project file at ${projectPath}.`);
  return withServices(io, opts.quiet === true, async ({ services }) => {
    const project = services.projects.openFile(projectPath);
    const runs = services.checkups.runs(project.id).filter((r) => r.kind === 'checkup');
    if (runs.length === 0) throw usage(`${projectArg} has no check-up yet: run "slicewise check <file> --project ${projectArg}" first.`);
    const runId = opts.run !== undefined ? Number(opts.run) : Math.max(...runs.map((r) => r.id));
    if (!runs.some((r) => r.id === runId)) throw usage(`${projectArg} has no check-up number ${opts.run}.`);
    const given: Partial<ModelCardText> = {
      ...(opts.owner !== undefined ? { owner: opts.owner } : {}),
      ...(opts['intended-use'] !== undefined ? { intendedUse: opts['intended-use'] } : {}),
      ...(opts['out-of-scope'] !== undefined ? { outOfScope: opts['out-of-scope'] } : {}),
      ...(opts['data-description'] !== undefined ? { dataDescription: opts['data-description'] } : {}),
      ...(opts.limitations !== undefined ? { limitations: opts.limitations } : {}),
    };
    const text = Object.keys(given).length ? services.projects.setModelCardText(project.id, { ...services.projects.modelCardText(project.id), ...given }) : services.projects.modelCardText(project.id);
    const timeline = services.projects.timeline(project.id);
    const card = buildModelCard({
      projectName: project.name,
      report: services.checkups.report(project.id, runId),
      text,
      audit: services.projects.audit(project.id, 5000),
      rules: timeline.rules.map(ruleKey),
      personalData: opts['include-personal-data'] ? 'include' : 'mask',
    });
    for (const [path, content] of [
      [opts.md, () => modelCardMarkdown(card)],
      [opts.html, () => modelCardHtml(card)],
    ] as const) {
      if (!path) continue;
      const bytes = await writeFileAtomic(resolve(path), content());
      if (!opts.quiet) io.out.write(`Wrote ${resolve(path)} (${bytes.toLocaleString('en-US')} bytes)\n`);
    }
    return EXIT.ok;
  });
}
