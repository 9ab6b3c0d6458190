/**
 * The check command's analysis flags and config file → check options and gates, validated with
 * the same schemas the app uses, with messages that name the flag and what was wrong.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { z } from 'zod';
import { checkOptionsSchema, type CheckOptions } from '../shared/checks/options';
import { SlicewiseError } from '../shared/errors';
import { gatesSchema, type Gates } from '../shared/gates/gates';

export interface CheckFlags {
  config?: string | undefined;
  intersect?: string[] | undefined;
  'min-group-size'?: string | undefined;
  'reference-group'?: string[] | undefined;
  slice?: string[] | undefined;
  fdr?: string | undefined;
  'fail-on'?: string | undefined;
  'min-accuracy'?: string | undefined;
  'min-auc'?: string | undefined;
  'max-ece'?: string | undefined;
  'max-dp-difference'?: string | undefined;
  'min-dp-ratio'?: string | undefined;
  'max-eo-difference'?: string | undefined;
}

/** The flags above as parseArgs options (so the command and the usage text agree). */
export const CHECK_FLAG_OPTIONS = {
  config: { type: 'string' },
  intersect: { type: 'string', multiple: true },
  'min-group-size': { type: 'string' },
  'reference-group': { type: 'string', multiple: true },
  slice: { type: 'string', multiple: true },
  fdr: { type: 'string' },
  'fail-on': { type: 'string' },
  'min-accuracy': { type: 'string' },
  'min-auc': { type: 'string' },
  'max-ece': { type: 'string' },
  'max-dp-difference': { type: 'string' },
  'min-dp-ratio': { type: 'string' },
  'max-eo-difference': { type: 'string' },
} as const;

const configSchema = z
  .object({
    /** Any check option (docs/checks.md), e.g. { "minGroupSize": 50 }. */
    options: checkOptionsSchema.partial().optional(),
    gates: gatesSchema.optional(),
  })
  .strict();

function usage(message: string): SlicewiseError {
  return new SlicewiseError({ code: 'INVALID_REQUEST', message });
}

function zodMessage(where: string, err: z.ZodError): string {
  return `${where}: ${err.issues.map((i) => `${i.path.length ? `${i.path.join('.')}: ` : ''}${i.message}`).join('; ')}`;
}

function number(flag: string, raw: string | undefined): number | undefined {
  if (raw === undefined) return undefined;
  const v = Number(raw.trim());
  if (raw.trim() === '' || !Number.isFinite(v)) throw usage(`--${flag} needs a number; got "${raw}".`);
  return v;
}

function readConfig(path: string): z.infer<typeof configSchema> {
  let text: string;
  try {
    text = readFileSync(resolve(path), 'utf8');
  } catch (err) {
    throw usage(`Cannot read the config file ${path}: ${(err as NodeJS.ErrnoException).code === 'ENOENT' ? 'it does not exist' : (err as Error).message}.`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    throw usage(`The config file ${path} is not valid JSON: ${(err as Error).message}.`);
  }
  const parsed = configSchema.safeParse(json);
  if (!parsed.success) throw usage(zodMessage(`The config file ${path}`, parsed.error));
  return parsed.data;
}

/** Options and gates from a config file (if any) with the flags on top. */
export function checkSettingsFromFlags(flags: CheckFlags): { options: Partial<CheckOptions>; gates: Gates } {
  const config = flags.config ? readConfig(flags.config) : {};
  const options: Record<string, unknown> = { ...config.options };
  const gates: Record<string, unknown> = { ...config.gates };

  if (flags.intersect?.length) {
    options.intersections = flags.intersect.flatMap((s) => s.split(',')).map((s) => s.split('+').map((c) => c.trim()).filter(Boolean));
  }
  const minGroup = number('min-group-size', flags['min-group-size']);
  if (minGroup !== undefined) options.minGroupSize = minGroup;
  if (flags['reference-group']?.length) {
    const refs: Record<string, string> = { ...(options.referenceGroups as Record<string, string> | undefined) };
    for (const r of flags['reference-group']) {
      const eq = r.indexOf('=');
      if (eq <= 0) throw usage(`--reference-group needs column=group (e.g. sex=male, or sex+age_group=male, 25–39); got "${r}".`);
      refs[r.slice(0, eq).trim()] = r.slice(eq + 1).trim();
    }
    options.referenceGroups = refs;
  }
  if (flags.slice?.length) options.customSlices = [...((options.customSlices as string[] | undefined) ?? []), ...flags.slice];
  const fdr = number('fdr', flags.fdr);
  if (fdr !== undefined) options.fdr = fdr;

  if (flags['fail-on'] !== undefined) gates.failOn = flags['fail-on'];
  const gateFlags = [
    ['min-accuracy', 'minAccuracy'],
    ['min-auc', 'minRocAuc'],
    ['max-ece', 'maxEce'],
    ['max-dp-difference', 'maxDemographicParityDifference'],
    ['min-dp-ratio', 'minDemographicParityRatio'],
    ['max-eo-difference', 'maxEqualizedOddsDifference'],
  ] as const;
  for (const [flag, key] of gateFlags) {
    const v = number(flag, flags[flag]);
    if (v !== undefined) gates[key] = v;
  }

  const o = checkOptionsSchema.partial().safeParse(options);
  if (!o.success) throw usage(zodMessage('Check options', o.error));
  const g = gatesSchema.safeParse(gates);
  if (!g.success) {
    const failOn = g.error.issues.some((i) => i.path[0] === 'failOn');
    throw usage(failOn ? `--fail-on must be one of critical, high, medium, low; got "${String(gates.failOn)}".` : zodMessage('Gates', g.error));
  }
  return { options: o.data, gates: g.data };
}
