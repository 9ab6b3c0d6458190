/**
 * `slicewise compare-models <file> --a <decision or score column> --b <column> [--score-a … --score-b …]`:
 * two models on the same rows — agreement, accuracy and AUC differences with paired tests
 * (McNemar, DeLong), the groups where the new model (B) is worse, and a plain recommendation.
 */
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { loadTable } from '../../main/store/datasets';
import { SlicewiseError } from '../../shared/errors';
import { compareModelColumns } from '../../shared/models/document';
import { applyRoleFlags, type RoleFlags } from '../role-flags';
import { EXIT, withServices, type CliIo } from '../services';

export type CompareModelsFlags = RoleFlags & {
  a?: string | undefined;
  b?: string | undefined;
  'score-a'?: string | undefined;
  'score-b'?: string | undefined;
  /** The new model's answers in a file of their own, joined to <file> by a key column. */
  'b-file'?: string | undefined;
  /** The key: one column name in both files, or "left=right"; guessed when absent. */
  key?: string | undefined;
  json?: string | undefined;
  quiet?: boolean | undefined;
};

export const COMPARE_MODELS_FLAG_OPTIONS = {
  a: { type: 'string' },
  b: { type: 'string' },
  'score-a': { type: 'string' },
  'score-b': { type: 'string' },
  'b-file': { type: 'string' },
  key: { type: 'string' },
} as const;

const usage = (message: string): SlicewiseError => new SlicewiseError({ code: 'INVALID_REQUEST', message });
const pct = (v: number): string => `${(100 * v).toFixed(1)}%`;
const p = (v: number): string => (v < 0.001 ? '< 0.001' : `= ${v.toFixed(3)}`);

/** `--key id` (same name in both files) or `--key application_id=id`. */
function joinKeys(key: string | undefined): { left: string; right: string } | undefined {
  if (key === undefined) return undefined;
  const [left, right, extra] = key.split('=');
  if (!left || extra !== undefined || right === '') throw usage(`--key takes a column name, or "column=column" when the two files name it differently; got "${key}".`);
  return { left, right: right ?? left };
}

export async function runCompareModels(fileArg: string, opts: CompareModelsFlags, io: CliIo): Promise<number> {
  if (!opts.a || !opts.b) throw usage('Name both models: --a <column> --b <column> (their decisions; add --score-a/--score-b for their scores).');
  return withServices(io, opts.quiet === true, async ({ services, progress, clearProgress }) => {
    const projectId = services.projects.create('cli-compare-models').id;
    const imported = await services.imports.start(projectId, resolve(fileArg), undefined, progress).outcome;
    clearProgress();
    if (imported.status !== 'succeeded') throw usage(imported.status === 'failed' ? imported.error.message : 'The import was cancelled.');
    let datasetId = imported.value.datasetId;
    // The new model's answers in their own file: joined by key into one table first (the app's
    // "add a predictions file" join), with its columns renamed where a name was taken.
    let renamed = new Map<string, string>();
    if (opts['b-file']) {
      const keys = joinKeys(opts.key);
      const joined = await services.imports.join(projectId, datasetId, resolve(opts['b-file']), { keys, accept: true }).outcome;
      clearProgress();
      if (joined.status !== 'succeeded') throw usage(joined.status === 'failed' ? joined.error.message : 'The join was cancelled.');
      if (!joined.value.datasetId) throw usage(`No row of ${opts['b-file']} matched a row of ${fileArg}: check the key (--key).`);
      const r = joined.value.report;
      io.err.write(`Joined ${opts['b-file']} by ${r.keys.left} = ${r.keys.right}: ${r.matched.toLocaleString('en-US')} of ${r.leftRows.toLocaleString('en-US')} rows matched.\n`);
      renamed = new Map(r.added.map((c) => [c.from, c.as]));
      datasetId = joined.value.datasetId;
    }
    const inB = (c: string | undefined): string | undefined => (c === undefined ? undefined : (renamed.get(c) ?? c));
    const state = services.projects.roles(projectId, datasetId);
    const roles = applyRoleFlags({ ...state.roles, prediction: null, score: null, classScores: {} }, { ...opts, prediction: undefined, score: undefined }, state.profiles);
    const table = loadTable(services.projects.get(projectId).db, datasetId);
    const r = compareModelColumns(table, roles, { a: opts.a!, b: inB(opts.b)!, scoreA: opts['score-a'] ?? null, scoreB: inB(opts['score-b']) ?? null });
    if ('reason' in r) throw usage(r.reason);
    const advice = r.recommendation;
    if (opts.json === '-') io.out.write(`${JSON.stringify(r, null, 2)}\n`);
    else if (opts.json) writeFileSync(resolve(opts.json), `${JSON.stringify(r, null, 2)}\n`);
    if (!opts.quiet && opts.json !== '-') {
      const lines = [
        `${r.rows.toLocaleString('en-US')} rows with both models' answers${r.excluded_rows ? ` (${r.excluded_rows.toLocaleString('en-US')} left out for a missing value)` : ''}.`,
        `They agree on ${pct(r.agreement.value)} of rows.`,
        `Accuracy: ${opts.a} ${pct(r.accuracy_a.value)}, ${opts.b} ${pct(r.accuracy_b.value)} (McNemar p ${p(r.mcnemar.p_value)}).`,
        ...(r.auc ? [`ROC AUC: ${opts['score-a']} ${r.auc.auc_a.toFixed(3)}, ${opts['score-b']} ${r.auc.auc_b.toFixed(3)} (DeLong paired p ${p(r.auc.p_value)}).`] : []),
        ...r.groups.filter((g) => g.worse || g.better).map((g) => `  ${g.column} = ${g.group}: ${pct(g.accuracy_a)} → ${pct(g.accuracy_b)} (${g.worse ? 'worse' : 'better'}, q ${p(g.q_value ?? 1)})`),
        '',
        advice,
      ];
      io.out.write(`${lines.join('\n')}\n`);
    }
    return EXIT.ok;
  });
}
