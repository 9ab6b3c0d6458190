/**
 * The ECharts library the HTML report inlines. Read (or built) once per process and kept.
 *
 * Preferably a slim build with only what the report's charts use (REPORT_ECHARTS_PARTS: about
 * 0.6 MB instead of the full 1.1 MB): the browser compiles and runs half the code before the
 * first screen is complete. It is bundled from node_modules/echarts with esbuild (both are
 * development dependencies) on first use, and cached on disk (node_modules/.cache/slicewise/,
 * keyed by the versions and the parts) so later exports only read it. Where that cannot be done,
 * the full build (dist/echarts.min.js) is used: the report is the same, only slower to open.
 *
 * Where it is looked for: an explicit path (only there, when given); SLICEWISE_ECHARTS_PATH;
 * vendor/echarts-report.min.js, then vendor/echarts.min.js beside the running code (where a
 * build copies it: an installed CLI has no node_modules/echarts); then node_modules/echarts in
 * this folder or any folder above it (the repo). The package's "exports" map hides dist/, so it
 * is found on disk rather than through require.resolve.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SlicewiseError } from '../../shared/errors';

const RELATIVE = join('node_modules', 'echarts', 'dist', 'echarts.min.js');
/** A slim build a packaging step may place beside the code (what reportEchartsBundle produces). */
export const VENDOR_SLIM = 'echarts-report.min.js';

/**
 * What the report's charts use (src/shared/charts builds them; the app registers the same parts
 * in src/renderer/src/components/charts/echarts-setup.ts). A chart type or component missing
 * here is simply not drawn, so the Chromium test draws every kind of chart the builders make.
 */
export const REPORT_ECHARTS_PARTS = {
  charts: ['BarChart', 'BoxplotChart', 'HeatmapChart', 'LineChart', 'ScatterChart'],
  components: ['AriaComponent', 'GridComponent', 'LegendComponent', 'MarkLineComponent', 'TooltipComponent', 'VisualMapComponent'],
  renderers: ['CanvasRenderer'],
} as const;

export class EchartsUnavailableError extends SlicewiseError {
  readonly reason = 'echarts-unavailable';
  constructor(readonly tried: string[]) {
    super({
      code: 'UNAVAILABLE',
      message: `The chart library for the HTML report (echarts.min.js) was not found. Looked in: ${tried.join(', ')}. Reinstall Slicewise, or set SLICEWISE_ECHARTS_PATH to the file.`,
      details: { reason: 'echarts-unavailable', tried },
    });
    this.name = 'EchartsUnavailableError';
  }
}

export interface EchartsOptions {
  /** This file and no other. */
  path?: string;
  /** Where to start looking (default: this module's folder). */
  from?: string;
  /** false: the full dist build even where the slim one could be built (default true). */
  slim?: boolean;
}

/** Candidate paths of the full build, in order: the explicit path (alone, when given), environment, vendor/, node_modules from `from` upwards. */
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

function readOnce(path: string): string {
  let source = cache.get(path);
  if (source === undefined) {
    source = readFileSync(path, 'utf8');
    cache.set(path, source);
  }
  return source;
}

/** The licence notice the full build carries, kept at the top of the slim one. */
const NOTICE = `/*!
* Apache ECharts (only the parts the Slicewise report draws). Licensed to the Apache Software
* Foundation (ASF) under the Apache License, Version 2.0; see the LICENSE and NOTICE files of the
* echarts package. Includes zrender (BSD 3-Clause) and tslib (0BSD).
*/`;

function entrySource(): string {
  const p = REPORT_ECHARTS_PARTS;
  return [
    `import { ${p.charts.join(', ')} } from 'echarts/charts';`,
    `import { ${p.components.join(', ')} } from 'echarts/components';`,
    `import { ${p.renderers.join(', ')} } from 'echarts/renderers';`,
    `import { use } from 'echarts/core';`,
    `use([${[...p.charts, ...p.components, ...p.renderers].join(', ')}]);`,
    // What the report's draw script calls, under window.echarts as with the full build.
    `export { init, getInstanceByDom, dispose, version } from 'echarts/core';`,
  ].join('\n');
}

interface Esbuild {
  version: string;
  buildSync(options: Record<string, unknown>): { outputFiles?: { text: string }[] };
}

/**
 * The slim build for the echarts package in `root`/node_modules: from the disk cache, or bundled
 * now with esbuild (about 2 s, once per version). Null when esbuild is not installed or the build
 * fails (the caller falls back to the full build).
 */
export function reportEchartsBundle(root: string): string | null {
  const pkg = join(root, 'node_modules', 'echarts', 'package.json');
  if (!existsSync(pkg)) return null;
  let esbuild: Esbuild;
  try {
    // A variable specifier: bundlers must not pull a development dependency into the app.
    const name = 'esbuild';
    esbuild = createRequire(join(root, 'package.json'))(name) as Esbuild;
  } catch {
    return null;
  }
  const version = (JSON.parse(readFileSync(pkg, 'utf8')) as { version: string }).version;
  const entry = entrySource();
  const key = createHash('sha256').update(`${version}\n${esbuild.version}\n${NOTICE}\n${entry}`).digest('hex').slice(0, 16);
  const cached = join(root, 'node_modules', '.cache', 'slicewise', `echarts-report-${version}-${key}.min.js`);
  const inMemory = cache.get(cached);
  if (inMemory !== undefined) return inMemory;
  if (existsSync(cached)) return readOnce(cached);
  let source: string;
  try {
    const result = esbuild.buildSync({
      stdin: { contents: entry, resolveDir: root, loader: 'js', sourcefile: 'echarts-report.js' },
      bundle: true,
      minify: true,
      format: 'iife',
      globalName: 'echarts',
      platform: 'browser',
      target: 'es2018',
      define: { 'process.env.NODE_ENV': '"production"' },
      legalComments: 'inline',
      banner: { js: NOTICE },
      write: false,
      logLevel: 'silent',
    });
    source = result.outputFiles?.[0]?.text ?? '';
  } catch {
    return null;
  }
  if (!source.includes('echarts')) return null;
  cache.set(cached, source);
  try {
    // Written whole or not at all: another process may be reading the cache.
    mkdirSync(dirname(cached), { recursive: true });
    const temp = `${cached}.${process.pid}.tmp`;
    writeFileSync(temp, source);
    renameSync(temp, cached);
  } catch {
    /* a read-only install: kept in memory for this process */
  }
  return source;
}

/**
 * The library's source for the report: the explicit path or SLICEWISE_ECHARTS_PATH as given;
 * otherwise a slim build beside the code or made from node_modules (see the top), else the full
 * build. Throws EchartsUnavailableError when there is none.
 */
export function loadEchartsScript(opts: EchartsOptions = {}): string {
  const tried = echartsCandidates(opts);
  if (!opts.path && !process.env.SLICEWISE_ECHARTS_PATH && opts.slim !== false) {
    const here = resolve(opts.from ?? dirname(fileURLToPath(import.meta.url)));
    const vendored = join(here, 'vendor', VENDOR_SLIM);
    if (existsSync(vendored)) return readOnce(vendored);
    const full = tried.find((p) => existsSync(p));
    if (full && full.endsWith(RELATIVE)) {
      const slim = reportEchartsBundle(full.slice(0, -RELATIVE.length - 1));
      if (slim !== null) return slim;
    }
  }
  const path = tried.find((p) => existsSync(p));
  if (!path) throw new EchartsUnavailableError(tried.slice(0, 4));
  return readOnce(path);
}
