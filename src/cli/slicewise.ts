/**
 * The headless command: the same services and engine as the app, for scripts and CI.
 *   slicewise check <file> [--json out.json] [--project file.slicewise]
 */
import { mkdtempSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { createAppServices } from '../main/app-services';
import { noDialogs } from '../main/services/ports';
import { SlicewiseError, toErrorData } from '../shared/errors';
import type { JobProgress } from '../shared/domain';
import { applyRoleFlags, type RoleFlags } from './role-flags';
import { formatCheckSummary } from './format-summary';

const USAGE = `Slicewise — a private check-up of a dataset, on your own computer.

Usage:
  slicewise check <file> [options]     Import a table (CSV, Excel, JSON, Parquet, Arrow) and run the check-up
  slicewise --help | --version

Options for check:
  --json <file>          Also write the report as JSON (use - for standard output)
  --project <file>       Keep the import and the run in this project file (*.slicewise; created if missing)
  --target <column>      The column that says what really happened
  --prediction <column>  The model's decision or guess
  --score <column>       The model's score between 0 and 1
  --positive <value>     The outcome value that counts as positive
  --task <kind>          binary | multiclass | regression
  --sensitive <a,b>      Columns that describe people in ways the law protects
  --missing-tokens <a,b> Cell values to read as missing (default: "", NA, N/A, NaN, nan, null, NULL, None, ?)
  --quiet                Print nothing but errors (and JSON if --json -)
  Without role options, Slicewise uses its own guesses (printed with the summary).

Exit codes: 0 done, 2 usage or input error.`;

export const EXIT = { ok: 0, gate: 1, usage: 2 } as const;

function appVersion(): string {
  const here = dirname(fileURLToPath(import.meta.url));
  for (const candidate of [join(here, '../../package.json'), join(here, '../package.json')]) {
    try {
      return (JSON.parse(readFileSync(candidate, 'utf8')) as { version: string }).version;
    } catch {
      /* try the next */
    }
  }
  return '0.0.0';
}

export interface CliIo {
  out: NodeJS.WritableStream;
  err: NodeJS.WritableStream;
}

export async function main(argv: string[], io: CliIo = { out: process.stdout, err: process.stderr }): Promise<number> {
  let args;
  try {
    args = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        help: { type: 'boolean', short: 'h' },
        version: { type: 'boolean', short: 'v' },
        json: { type: 'string' },
        project: { type: 'string' },
        target: { type: 'string' },
        prediction: { type: 'string' },
        score: { type: 'string' },
        positive: { type: 'string' },
        task: { type: 'string' },
        sensitive: { type: 'string' },
        'missing-tokens': { type: 'string' },
        quiet: { type: 'boolean', short: 'q' },
      },
    });
  } catch (err) {
    io.err.write(`slicewise: ${(err as Error).message}\n\n${USAGE}\n`);
    return EXIT.usage;
  }
  const { values, positionals } = args;
  if (values.help) {
    io.out.write(`${USAGE}\n`);
    return EXIT.ok;
  }
  if (values.version) {
    io.out.write(`${appVersion()}\n`);
    return EXIT.ok;
  }
  const [command, file, ...extra] = positionals;
  if (command !== 'check' || !file || extra.length > 0) {
    io.err.write(`slicewise: ${command ? `unknown command or arguments: ${positionals.join(' ')}` : 'no command given'}\n\n${USAGE}\n`);
    return EXIT.usage;
  }
  return runCheck(resolve(file), values, io);
}

async function runCheck(
  file: string,
  opts: RoleFlags & { json?: string | undefined; project?: string | undefined; quiet?: boolean | undefined; 'missing-tokens'?: string | undefined },
  io: CliIo,
): Promise<number> {
  const scratch = mkdtempSync(join(tmpdir(), 'slicewise-cli-'));
  const here = dirname(fileURLToPath(import.meta.url));
  const services = createAppServices({
    appVersion: appVersion(),
    host: 'cli',
    userDataDir: scratch,
    projectsDir: scratch,
    resourcesDir: join(here, '../../resources'),
    dialogs: noDialogs,
    events: { emit: () => {} },
    workers: 1,
  });
  const showProgress = !opts.quiet && (io.err as NodeJS.WriteStream).isTTY === true;
  try {
    let projectId: string;
    if (opts.project) {
      const path = resolve(opts.project);
      projectId = services.projects.openOrCreate(path).id;
    } else {
      projectId = services.projects.create('cli-check').id;
    }
    const progress = (p: JobProgress): void => {
      if (showProgress) io.err.write(`\r${p.stage} ${Math.round(p.fraction * 100)}%   \x1b[K`);
    };
    const choices = opts['missing-tokens'] !== undefined ? { missingTokens: opts['missing-tokens'].split(',') } : undefined;
    const imported = await services.imports.start(projectId, file, choices, progress).outcome;
    if (imported.status !== 'succeeded') {
      if (showProgress) io.err.write('\r\x1b[K');
      io.err.write(`slicewise: ${imported.status === 'failed' ? imported.error.message : 'The import was cancelled.'}\n`);
      return EXIT.usage;
    }
    const datasetId = imported.value.datasetId;
    const state = services.projects.roles(projectId, datasetId);
    const roles = applyRoleFlags(state.roles, opts, state.profiles);
    const checked = await services.checkups.start(projectId, datasetId, { roles, onProgress: progress }).outcome;
    if (showProgress) io.err.write('\r\x1b[K');
    if (checked.status !== 'succeeded') {
      io.err.write(`slicewise: ${checked.status === 'failed' ? checked.error.message : 'The check-up was cancelled.'}\n`);
      return EXIT.usage;
    }
    const report = services.checkups.report(projectId, checked.value.runId);
    if (opts.json === '-') io.out.write(`${JSON.stringify(report, null, 2)}\n`);
    else if (opts.json) writeFileSync(resolve(opts.json), `${JSON.stringify(report, null, 2)}\n`);
    if (!opts.quiet && opts.json !== '-') io.out.write(formatCheckSummary(services.projects.dataset(projectId, datasetId), report));
    return EXIT.ok;
  } catch (err) {
    const data = err instanceof SlicewiseError ? err.toData() : toErrorData(err);
    io.err.write(`slicewise: ${data.message}\n`);
    return EXIT.usage;
  } finally {
    await services.shutdown();
    rmSync(scratch, { recursive: true, force: true });
  }
}

function isInvokedDirectly(): boolean {
  // npx and npm link call the bin through a symlink; compare real paths.
  try {
    return process.argv[1] !== undefined && realpathSync(process.argv[1]) === realpathSync(fileURLToPath(import.meta.url));
  } catch {
    return false;
  }
}

const invokedDirectly = isInvokedDirectly();
if (invokedDirectly) {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (err: unknown) => {
      process.stderr.write(`slicewise: ${(err as Error).message}\n`);
      process.exitCode = EXIT.usage;
    },
  );
}
