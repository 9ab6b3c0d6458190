/**
 * `slicewise report <project> [--run N] --html|--pdf|--md|--json|--csv <file>…`: exports a stored
 * check-up (the newest when --run is not given) in one or more formats. Personal data is masked
 * unless --include-personal-data; --drop-personal-data leaves it out entirely.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { ExportFormat } from '../../main/export/export-run';
import { SlicewiseError } from '../../shared/errors';
import { EXIT, withServices, type CliIo } from '../services';

export interface ReportFlags {
  run?: string | undefined;
  html?: string | undefined;
  pdf?: string | undefined;
  md?: string | undefined;
  json?: string | undefined;
  csv?: string | undefined;
  'include-personal-data'?: boolean | undefined;
  'drop-personal-data'?: boolean | undefined;
  quiet?: boolean | undefined;
}

export const REPORT_FLAG_OPTIONS = {
  run: { type: 'string' },
  html: { type: 'string' },
  pdf: { type: 'string' },
  md: { type: 'string' },
  csv: { type: 'string' },
  'include-personal-data': { type: 'boolean' },
  'drop-personal-data': { type: 'boolean' },
} as const;

const FORMATS: readonly ExportFormat[] = ['html', 'pdf', 'md', 'json', 'csv'];

const usage = (message: string): SlicewiseError => new SlicewiseError({ code: 'INVALID_REQUEST', message });

export async function runReport(projectArg: string, opts: ReportFlags, io: CliIo): Promise<number> {
  const wanted = FORMATS.filter((f) => opts[f] !== undefined).map((f) => ({ format: f, path: resolve(opts[f]!) }));
  if (wanted.length === 0) throw usage('Say which files to write: --html, --pdf, --md, --json and/or --csv, each followed by a file name.');
  if (opts['include-personal-data'] && opts['drop-personal-data']) throw usage('Choose one of --include-personal-data and --drop-personal-data.');
  let runId: number | null = null;
  if (opts.run !== undefined) {
    runId = Number(opts.run);
    if (!Number.isInteger(runId) || runId <= 0) throw usage(`--run needs a check-up number (1, 2, …); got "${opts.run}".`);
  }
  const projectPath = resolve(projectArg);
  if (!existsSync(projectPath)) throw usage(`There is no project file at ${projectPath}.`);
  const policy = opts['include-personal-data'] ? 'include' : opts['drop-personal-data'] ? 'drop' : 'mask';
  return withServices(io, opts.quiet === true, async ({ services }) => {
    const project = services.projects.openFile(projectPath);
    const runs = services.checkups.runs(project.id).filter((r) => r.kind === 'checkup');
    if (runs.length === 0) throw usage(`${projectArg} has no check-up yet: run "slicewise check <file> --project ${projectArg}" first.`);
    const id = runId ?? Math.max(...runs.map((r) => r.id));
    if (!runs.some((r) => r.id === id)) throw usage(`${projectArg} has no check-up number ${id}; it has ${runs.map((r) => r.id).sort((a, b) => a - b).join(', ')}.`);
    let statement = '';
    for (const w of wanted) {
      const out = await services.exports.export(project.id, id, w.format, policy, w.path);
      if (out.status !== 'written') throw usage(`The ${w.format} export was cancelled.`);
      statement = out.statement;
      if (!opts.quiet) io.out.write(`Wrote ${out.path} (${out.bytes.toLocaleString('en-US')} bytes)\n${out.notes.map((n) => `  ${n}\n`).join('')}`);
    }
    if (!opts.quiet) io.out.write(`${statement}\n`);
    return EXIT.ok;
  });
}
