/**
 * `slicewise check <file>`: import a table, run the check-up, print a summary (or JSON), and
 * judge the gates. Exit 0 ok, 1 a gate failed, 2 usage or input error.
 */
import { createWriteStream, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { JobProgress } from '../../shared/domain';
import { evaluateGates, type GateResult } from '../../shared/gates/gates';
import { checkSettingsFromFlags, type CheckFlags } from '../check-flags';
import { formatCheckSummary, formatGates } from '../format-summary';
import { applyRoleFlags, type RoleFlags } from '../role-flags';
import { EXIT, withServices, type CliIo } from '../services';

export type CheckCommandFlags = RoleFlags &
  CheckFlags & { json?: string | undefined; project?: string | undefined; quiet?: boolean | undefined; 'missing-tokens'?: string | undefined };

/** Standard input saved to a file in the scratch folder (the importer reads files; formats are told by their bytes). */
async function saveStdin(scratch: string, stdin: NodeJS.ReadableStream): Promise<string> {
  const path = join(scratch, 'stdin');
  await pipeline(stdin, createWriteStream(path));
  return path;
}

export async function runCheck(fileArg: string, opts: CheckCommandFlags, io: CliIo): Promise<number> {
  // Flags are checked before any work, so a typo costs nothing.
  const settings = checkSettingsFromFlags(opts);
  return withServices(io, opts.quiet === true, async ({ services, scratch, progress, clearProgress }) => {
    const file = fileArg === '-' ? await saveStdin(scratch, io.in ?? process.stdin) : resolve(fileArg);
    const projectId = opts.project ? services.projects.openOrCreate(resolve(opts.project)).id : services.projects.create('cli-check').id;
    const choices = opts['missing-tokens'] !== undefined ? { missingTokens: opts['missing-tokens'].split(',') } : undefined;
    const imported = await services.imports.start(projectId, file, choices, progress).outcome;
    if (imported.status !== 'succeeded') {
      clearProgress();
      io.err.write(`slicewise: ${imported.status === 'failed' ? imported.error.message : 'The import was cancelled.'}\n`);
      return EXIT.usage;
    }
    const datasetId = imported.value.datasetId;
    const state = services.projects.roles(projectId, datasetId);
    const roles = applyRoleFlags(state.roles, opts, state.profiles);
    const checked = await services.checkups.start(projectId, datasetId, { roles, options: settings.options, onProgress: (p: JobProgress) => progress(p) }).outcome;
    clearProgress();
    if (checked.status !== 'succeeded') {
      io.err.write(`slicewise: ${checked.status === 'failed' ? checked.error.message : 'The check-up was cancelled.'}\n`);
      return EXIT.usage;
    }
    const report = services.checkups.report(projectId, checked.value.runId);
    const gates: GateResult[] = evaluateGates(report, settings.gates);
    const failed = gates.filter((g) => !g.passed);
    const withGates = gates.length ? { ...report, gates: { passed: failed.length === 0, results: gates } } : report;
    if (opts.json === '-') io.out.write(`${JSON.stringify(withGates, null, 2)}\n`);
    else if (opts.json) writeFileSync(resolve(opts.json), `${JSON.stringify(withGates, null, 2)}\n`);
    if (!opts.quiet && opts.json !== '-') io.out.write(formatCheckSummary(services.projects.dataset(projectId, datasetId), report) + formatGates(gates));
    // With the report on stdout, the gates' verdict still reaches a person: on stderr.
    else if (failed.length && !opts.quiet) io.err.write(formatGates(gates));
    return failed.length ? EXIT.gate : EXIT.ok;
  });
}
