/**
 * `slicewise compare <reference> <current>`: import both tables, compare them column by column
 * (effect size first: PSI; plus KS / chi-square p-values), print which columns changed, and judge
 * drift gates (--max-psi, --max-share-drifted, --fail-on). Exit 0 ok, 1 a gate failed, 2 usage or input error.
 */
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { evaluateGates, gatesSchema, type Gates } from '../../shared/gates/gates';
import { SlicewiseError } from '../../shared/errors';
import type { DriftReport } from '../../shared/report/drift-report';
import { formatGates } from '../format-summary';
import { applyRoleFlags, type RoleFlags } from '../role-flags';
import { EXIT, withServices, type CliIo } from '../services';

export type CompareFlags = RoleFlags & {
  json?: string | undefined;
  project?: string | undefined;
  quiet?: boolean | undefined;
  'fail-on'?: string | undefined;
  'max-psi'?: string | undefined;
  'max-share-drifted'?: string | undefined;
};

export const COMPARE_FLAG_OPTIONS = {
  'max-psi': { type: 'string' },
  'max-share-drifted': { type: 'string' },
} as const;

const usage = (message: string): SlicewiseError => new SlicewiseError({ code: 'INVALID_REQUEST', message });

function gatesFrom(flags: CompareFlags): Gates {
  const raw: Record<string, unknown> = {};
  if (flags['fail-on'] !== undefined) raw.failOn = flags['fail-on'];
  for (const [flag, key] of [['max-psi', 'maxPsi'], ['max-share-drifted', 'maxShareDrifted']] as const) {
    const v = flags[flag];
    if (v === undefined) continue;
    const n = Number(v);
    if (v.trim() === '' || !Number.isFinite(n)) throw usage(`--${flag} needs a number; got "${v}".`);
    raw[key] = n;
  }
  const g = gatesSchema.safeParse(raw);
  if (!g.success) throw usage(g.error.issues.some((i) => i.path[0] === 'failOn') ? `--fail-on must be one of critical, high, medium, low; got "${String(raw.failOn)}".` : `Gates: ${g.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  return g.data;
}

const fmt = (v: number | null | undefined, d = 3): string => (v === null || v === undefined || !Number.isFinite(v) ? '—' : v < 0.001 && v > 0 ? '<0.001' : v.toFixed(d));

export function formatDriftSummary(r: DriftReport): string {
  const d = r.drift;
  const width = Math.max(6, ...d.columns.map((c) => c.name.length));
  const lines = [
    `${r.reference.file_name} (${r.reference.rows.toLocaleString('en-US')} rows) → ${r.current.file_name} (${r.current.rows.toLocaleString('en-US')} rows)`,
    '',
    `${'column'.padEnd(width)}  ${'test'.padEnd(4)}  ${'statistic'.padStart(9)}  ${'p-value'.padStart(8)}  ${'PSI'.padStart(6)}  verdict`,
    ...d.columns.map(
      (c) =>
        `${c.name.padEnd(width)}  ${c.test.padEnd(4)}  ${fmt(c.statistic).padStart(9)}  ${fmt(c.p_value).padStart(8)}  ${fmt(c.psi).padStart(6)}  ${c.drifted ? `CHANGED (${c.severity})` : c.severity === 'none' ? 'stable' : `${c.severity}, not detectable`}`,
    ),
    '',
    `${d.drifted_count} of ${d.compared} columns changed${d.share_drifted === null ? "" : ` (${(100 * d.share_drifted).toFixed(0)}%)`}.`,
  ];
  if (d.only_in_reference.length) lines.push(`Only in the reference: ${d.only_in_reference.join(', ')}.`);
  if (d.only_in_current.length) lines.push(`Only in the current batch: ${d.only_in_current.join(', ')}.`);
  return `${lines.join('\n')}\n`;
}

export async function runCompare(referenceArg: string, currentArg: string, opts: CompareFlags, io: CliIo): Promise<number> {
  const gates = gatesFrom(opts);
  return withServices(io, opts.quiet === true, async ({ services, progress, clearProgress }) => {
    const projectId = opts.project ? services.projects.openOrCreate(resolve(opts.project)).id : services.projects.create('cli-compare').id;
    const ids: number[] = [];
    for (const file of [referenceArg, currentArg]) {
      const imported = await services.imports.start(projectId, resolve(file), undefined, progress).outcome;
      if (imported.status !== 'succeeded') {
        clearProgress();
        throw usage(imported.status === 'failed' ? imported.error.message : 'The import was cancelled.');
      }
      ids.push(imported.value.datasetId);
    }
    const state = services.projects.roles(projectId, ids[0]!);
    const roles = applyRoleFlags(state.roles, opts, state.profiles);
    const compared = await services.checkups.compare(projectId, ids[0]!, ids[1]!, { roles, onProgress: progress }).outcome;
    clearProgress();
    if (compared.status !== 'succeeded') throw usage(compared.status === 'failed' ? compared.error.message : 'The comparison was cancelled.');
    const report = services.checkups.driftReport(projectId, compared.value.runId);
    const results = evaluateGates(report, gates);
    const failed = results.filter((g) => !g.passed);
    const out = results.length ? { ...report, gates: { passed: failed.length === 0, results } } : report;
    if (opts.json === '-') io.out.write(`${JSON.stringify(out, null, 2)}\n`);
    else if (opts.json) writeFileSync(resolve(opts.json), `${JSON.stringify(out, null, 2)}\n`);
    if (!opts.quiet && opts.json !== '-') io.out.write(formatDriftSummary(report) + formatGates(results));
    else if (failed.length && !opts.quiet) io.err.write(formatGates(results));
    return failed.length ? EXIT.gate : EXIT.ok;
  });
}
