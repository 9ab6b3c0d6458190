/**
 * The ECharts library the HTML report inlines (dist/echarts.min.js, the full build: every chart
 * type the builders use, canvas and SVG renderers). Read once per process and kept.
 *
 * Where it is looked for: an explicit path (only there, when given); SLICEWISE_ECHARTS_PATH;
 * vendor/echarts.min.js beside the running code (where a build copies it: echarts is a
 * development dependency, so an installed CLI has no node_modules/echarts); then
 * node_modules/echarts in this folder or any folder above it (the repo). The package's "exports"
 * map hides dist/, so it is found on disk rather than through require.resolve.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SlicewiseError } from '../../shared/errors';

const RELATIVE = join('node_modules', 'echarts', 'dist', 'echarts.min.js');

export class EchartsUnavailableError extends SlicewiseError {
  readonly reason = 'echarts-unavailable';
  constructor(readonly tried: string[]) {
    super({
      code: 'NOT_FOUND',
      message: `The chart library for the HTML report (echarts.min.js) was not found. Looked in: ${tried.join(', ')}. Reinstall Slicewise, or set SLICEWISE_ECHARTS_PATH to the file.`,
      details: { reason: 'echarts-unavailable', tried },
    });
    this.name = 'EchartsUnavailableError';
  }
}

/** Candidate paths, in order: the explicit path (alone, when given), environment, node_modules from `from` upwards. */
export function echartsCandidates(opts: { path?: string; from?: string } = {}): string[] {
  if (opts.path) return [resolve(opts.path)];
  const out: string[] = [];
  const env = process.env.SLICEWISE_ECHARTS_PATH;
  if (env) out.push(resolve(env));
  const here = resolve(opts.from ?? dirname(fileURLToPath(import.meta.url)));
  // A build can copy the file next to the bundled code (out/cli/vendor/, out/main/vendor/).
  out.push(join(here, 'vendor', 'echarts.min.js'));
  let dir = here;
  for (;;) {
    out.push(join(dir, RELATIVE));
    const up = dirname(dir);
    if (up === dir) break;
    dir = up;
  }
  return out;
}

export function findEchartsScript(opts: { path?: string; from?: string } = {}): string | null {
  return echartsCandidates(opts).find((p) => existsSync(p)) ?? null;
}

const cache = new Map<string, string>();

/** The library's source; read once per path. Throws EchartsUnavailableError when there is none. */
export function loadEchartsScript(opts: { path?: string; from?: string } = {}): string {
  const tried = echartsCandidates(opts);
  const path = tried.find((p) => existsSync(p));
  if (!path) throw new EchartsUnavailableError(tried.slice(0, 4));
  let source = cache.get(path);
  if (source === undefined) {
    source = readFileSync(path, 'utf8');
    cache.set(path, source);
  }
  return source;
}
