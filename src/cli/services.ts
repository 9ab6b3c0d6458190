/** What every CLI command shares: exit codes, the io streams, and the app's services in a scratch folder. */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createAppServices, type AppServices } from '../main/app-services';
import { noDialogs } from '../main/services/ports';
import type { JobProgress } from '../shared/domain';
import { SlicewiseError, toErrorData } from '../shared/errors';

export const EXIT = { ok: 0, gate: 1, usage: 2 } as const;

export interface CliIo {
  out: NodeJS.WritableStream;
  err: NodeJS.WritableStream;
  /** Standard input (for `check -`); defaults to process.stdin. */
  in?: NodeJS.ReadableStream;
}

const here = dirname(fileURLToPath(import.meta.url));

export function appVersion(): string {
  for (const candidate of [join(here, '../../package.json'), join(here, '../package.json')]) {
    try {
      return (JSON.parse(readFileSync(candidate, 'utf8')) as { version: string }).version;
    } catch {
      /* try the next */
    }
  }
  return '0.0.0';
}

export interface CommandContext {
  services: AppServices;
  scratch: string;
  /** Progress on stderr, only when it is a terminal and not --quiet. */
  progress: (p: JobProgress) => void;
  clearProgress: () => void;
}

/**
 * Runs a command with the app's services over a scratch folder, always shutting the workers down
 * and removing the folder; any error becomes "slicewise: <message>" and exit 2.
 */
export async function withServices(io: CliIo, quiet: boolean, command: (ctx: CommandContext) => Promise<number>): Promise<number> {
  const scratch = mkdtempSync(join(tmpdir(), 'slicewise-cli-'));
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
  const showProgress = !quiet && (io.err as NodeJS.WriteStream).isTTY === true;
  try {
    return await command({
      services,
      scratch,
      progress: (p) => {
        if (showProgress) io.err.write(`\r${p.stage} ${Math.round(p.fraction * 100)}%   \x1b[K`);
      },
      clearProgress: () => {
        if (showProgress) io.err.write('\r\x1b[K');
      },
    });
  } catch (err) {
    if (showProgress) io.err.write('\r\x1b[K');
    const data = err instanceof SlicewiseError ? err.toData() : toErrorData(err);
    io.err.write(`slicewise: ${data.message}\n`);
    return EXIT.usage;
  } finally {
    await services.shutdown();
    rmSync(scratch, { recursive: true, force: true });
  }
}
