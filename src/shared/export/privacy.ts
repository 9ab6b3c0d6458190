/**
 * Personal data on export. The privacy checks name the columns whose values look like personal
 * data (findings `privacy.<kind>` with status "issue", one column each); every export masks or
 * drops what comes from those columns unless the person opts in for that export, and says what it
 * did.
 *
 * What a stored report can hold from such a column, and what each policy does with it:
 * - example values and the value fields the texts quote (value, firstValue, firstGroup): the
 *   check-up already masked them (src/shared/checks/privacy/mask-findings.ts) — 'mask' keeps
 *   that masking, 'drop' leaves them out;
 * - what the check-up does not mask: bar and interval chart labels and groups of a finding about
 *   the column, the lowest/highest values it quotes, histograms of its values, and per-column
 *   evidence (e.g. a column's most common value) — masked with the same rules ('mask', see
 *   maskValue) or left out ('drop');
 * - the flagged-rows CSV holds whole rows: the column's cells are masked ('mask') or the column is
 *   removed ('drop').
 * 'include' (the person opted in) exports the report as the app shows it and the CSV unmasked.
 */
import { maskValue } from '../checks/privacy/mask';
import { PII_KINDS, PRIVACY_SUMMARY_CHECK, type PiiKind } from '../checks/privacy/kinds';
import type { Finding, FindingChart, FindingNumber } from '../findings/types';
import type { CheckReport } from '../report/check-report';
import type { SliceCondition } from '../slices/types';
import { PII_NOUNS } from '../text/en/privacy';
import { formatList } from '../text/format';

export type PersonalDataPolicy = 'mask' | 'drop' | 'include';

export const DEFAULT_PERSONAL_DATA_POLICY: PersonalDataPolicy = 'mask';

export interface PersonalColumn {
  column: string;
  /** Kinds of personal data its values look like (most findings: one). */
  kinds: PiiKind[];
  /** True when most values look like it; false for "some values look like" it. */
  holds: boolean;
}

/** Stands in for a value left out under the 'drop' policy. */
export const LEFT_OUT = '(left out: personal data)';

const isKind = (k: string): k is PiiKind => (PII_KINDS as readonly string[]).includes(k);

/** The columns the privacy checks found personal data in, in the order the findings name them. */
export function personalColumns(source: CheckReport | readonly Finding[]): PersonalColumn[] {
  const findings = Array.isArray(source) ? (source as readonly Finding[]) : ((source as CheckReport).findings ?? []);
  const out = new Map<string, PersonalColumn>();
  for (const f of findings) {
    if (f.category !== 'privacy' || f.status !== 'issue' || f.check === PRIVACY_SUMMARY_CHECK || f.columns.length !== 1) continue;
    const kind = f.check.slice('privacy.'.length);
    if (!isKind(kind)) continue;
    const column = f.columns[0]!;
    const entry = out.get(column) ?? { column, kinds: [], holds: false };
    if (!entry.kinds.includes(kind)) entry.kinds.push(kind);
    entry.holds ||= f.numbers.partial !== true;
    out.set(column, entry);
  }
  return [...out.values()];
}

/** True when the privacy checks ran for this report (their findings are there, passed or not). */
export function privacyChecked(report: CheckReport): boolean {
  return (report.findings ?? []).some((f) => f.category === 'privacy');
}

/** A value from a personal-data column as an export shows it under a policy. */
export function exportValue(kind: PiiKind, value: string, policy: PersonalDataPolicy): string {
  if (policy === 'include') return value;
  return policy === 'drop' ? LEFT_OUT : maskValue(kind, value);
}

/** Masks what is quoted in a text ("North" (577) → "N***h" (577)), or the whole text. */
function maskText(kind: PiiKind, text: string): string {
  return /"[^"]*"/.test(text) ? text.replace(/"([^"]*)"/g, (_, inner: string) => `"${maskValue(kind, inner)}"`) : maskValue(kind, text);
}

/** Value fields the check-up leaves unmasked (it masks value, firstValue and firstGroup). */
const UNMASKED_VALUE_FIELDS = ['lowest', 'highest'];
/** Value fields the check-up already masked: kept under 'mask', left out under 'drop'. */
const MASKED_VALUE_FIELDS = ['value', 'firstValue', 'firstGroup'];

function maskChart(chart: FindingChart, kind: PiiKind, policy: 'mask' | 'drop'): FindingChart | undefined {
  const label = (l: string, i: number): string => (policy === 'drop' ? `#${i + 1}` : maskText(kind, l));
  switch (chart.kind) {
    case 'bars':
    case 'intervals':
    case 'confusion':
      return { ...chart, labels: chart.labels.map(label) };
    case 'histogram':
      // Bin edges start and end at a person's value (the lowest and the highest): left out.
      return undefined;
    default:
      return chart;
  }
}

function maskFinding(f: Finding, personal: ReadonlyMap<string, PersonalColumn>, policy: 'mask' | 'drop'): Finding {
  const involved = f.columns.filter((c) => personal.has(c));
  if (involved.length === 0) return f;
  const out: Finding = { ...f, numbers: { ...f.numbers } };
  if (policy === 'drop') {
    delete out.examples;
    for (const key of MASKED_VALUE_FIELDS) if (typeof out.numbers[key] === 'string') out.numbers[key] = LEFT_OUT;
  }
  // A slice names values in its conditions, and its description (in the id, groups, numbers and
  // chart labels) is those conditions in words: mask the personal ones everywhere they appear.
  if (f.conditions?.some((c) => personal.has(c.column))) maskConditions(out, f, personal, policy);
  // Privacy findings carry only counts and (masked) examples; the rest is about one column's values.
  if (f.category === 'privacy' || f.columns.length !== 1) return out;
  const kind = personal.get(f.columns[0]!)!.kinds[0]!;
  for (const key of UNMASKED_VALUE_FIELDS) {
    const v: FindingNumber | undefined = out.numbers[key];
    if (typeof v === 'string') out.numbers[key] = exportValue(kind, v, policy);
  }
  if (f.chart) {
    const chart = maskChart(f.chart, kind, policy);
    if (chart) out.chart = chart;
    else delete out.chart;
  }
  if (f.groups) out.groups = f.groups.map((g, i) => (policy === 'drop' ? `#${i + 1}` : maskText(kind, g)));
  return out;
}

/**
 * Slice conditions with the values of personal columns masked (or left out), and a function that
 * rewrites the conditions' words wherever they are repeated (a slice's description, its finding's
 * id, groups, numbers and chart labels).
 */
function maskedConditions(conditions: readonly SliceCondition[], personal: ReadonlyMap<string, PersonalColumn>, policy: 'mask' | 'drop'): { conditions: SliceCondition[]; fix: (text: string) => string } {
  const replacements: [string, string][] = [];
  const maskOne = (kind: PiiKind, v: string | number): string => exportValue(kind, String(v), policy);
  const masked = conditions.map((c) => {
    const kind = personal.get(c.column)?.kinds[0];
    if (!kind) return c;
    const value = c.value === null ? null : Array.isArray(c.value) ? c.value.map((v) => maskOne(kind, v)) : maskOne(kind, c.value);
    const label = policy === 'drop' ? `${c.column}: ${LEFT_OUT}` : `${c.column} ${c.op} ${Array.isArray(value) ? value.join(', ') : (value ?? 'missing')}`;
    replacements.push([c.label, label]);
    // A bin's edges are a person's values at its ends: left out with the value.
    const { bin: _bin, ...rest } = c;
    return { ...rest, value, label };
  });
  return { conditions: masked, fix: (text) => replacements.reduce((t, [from, to]) => t.split(from).join(to), text) };
}

function maskConditions(out: Finding, f: Finding, personal: ReadonlyMap<string, PersonalColumn>, policy: 'mask' | 'drop'): void {
  const { conditions, fix } = maskedConditions(f.conditions!, personal, policy);
  out.conditions = conditions;
  out.id = fix(f.id);
  if (f.groups) out.groups = f.groups.map(fix);
  for (const [key, v] of Object.entries(out.numbers)) if (typeof v === 'string') out.numbers[key] = fix(v);
  if (f.chart && (f.chart.kind === 'bars' || f.chart.kind === 'intervals')) out.chart = { ...f.chart, labels: f.chart.labels.map(fix) };
}

/** Keys in evidence objects that are structure, not a cell value. */
const STRUCTURAL_KEYS = new Set(['column', 'kind', 'rule', 'basis', 'skipped', 'method', 'a', 'b', 'target', 'capRule']);

const isConditionList = (v: unknown): v is SliceCondition[] =>
  Array.isArray(v) && v.every((c) => typeof c === 'object' && c !== null && typeof (c as SliceCondition).column === 'string' && typeof (c as SliceCondition).label === 'string');

/** Per-column evidence (objects with `column`: a personal column) with its text values masked or left out. */
function scrubEvidence(value: unknown, personal: ReadonlyMap<string, PersonalColumn>, policy: 'mask' | 'drop', kind?: PiiKind): unknown {
  if (Array.isArray(value)) return value.map((v) => scrubEvidence(v, personal, policy, kind));
  if (typeof value === 'string') return kind ? exportValue(kind, value, policy) : value;
  if (typeof value !== 'object' || value === null) return value;
  const record = value as Record<string, unknown>;
  if (isConditionList(record.conditions) && record.conditions.some((c) => personal.has(c.column))) {
    // A slice: its conditions masked, and its description (the conditions in words) with them.
    const { conditions, fix } = maskedConditions(record.conditions, personal, policy);
    const out: Record<string, unknown> = {};
    for (const [key, v] of Object.entries(record)) out[key] = key === 'conditions' ? conditions : typeof v === 'string' ? fix(v) : scrubEvidence(v, personal, policy, kind);
    return out;
  }
  const own = typeof record.column === 'string' ? personal.get(record.column)?.kinds[0] : undefined;
  const k = own ?? kind;
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(record)) out[key] = STRUCTURAL_KEYS.has(key) ? v : scrubEvidence(v, personal, policy, k);
  return out;
}

export interface PrivacyDisclosure {
  policy: PersonalDataPolicy;
  /** False when the report has no privacy findings at all (the privacy checks did not run). */
  checked: boolean;
  columns: PersonalColumn[];
  /** What was done, in one or two plain sentences. */
  statement: string;
}

/** "“email” (e-mail addresses), “phone” (phone numbers)". */
export function describeColumns(columns: readonly PersonalColumn[]): string {
  return formatList(columns.map((c) => `“${c.column}” (${formatList(c.kinds.map((k) => PII_NOUNS[k]))})`));
}

export function disclose(report: CheckReport, policy: PersonalDataPolicy, what: 'report' | 'csv' = 'report'): PrivacyDisclosure {
  const checked = privacyChecked(report);
  const columns = personalColumns(report);
  const n = columns.length;
  const these = n === 1 ? 'this column' : 'these columns';
  const intro = `${n === 1 ? '1 column looks' : `${n.toLocaleString('en-US')} columns look`} like personal data: ${describeColumns(columns)}.`;
  let statement: string;
  if (!checked) statement = 'The privacy checks were not part of this check-up, so nothing was masked.';
  else if (n === 0) statement = 'No column looked like personal data, so nothing was masked.';
  else if (policy === 'include') {
    statement =
      what === 'csv'
        ? `${intro} At your request, their values are included in full.`
        : `${intro} At your request nothing more was masked: values are shown as the app shows them (its example values are always masked).`;
  } else if (policy === 'drop') {
    statement =
      what === 'csv' ? `${intro} ${these[0]!.toUpperCase()}${these.slice(1)} were left out of this file.` : `${intro} Values from ${these} were left out of this export: examples, chart labels and quoted values.`;
  } else {
    statement = `${intro} Values from ${these} are masked in this ${what === 'csv' ? 'file' : 'export'}: only the first and last letter or digit stay (for e-mail addresses, also the end of the domain).`;
  }
  return { policy, checked, columns, statement };
}

/**
 * A copy of the report with what comes from personal-data columns masked or left out (see the top
 * of this file), and the statement of what was done. 'include' returns the report unchanged.
 */
export function prepareReport(report: CheckReport, policy: PersonalDataPolicy = DEFAULT_PERSONAL_DATA_POLICY): { report: CheckReport; disclosure: PrivacyDisclosure } {
  const disclosure = disclose(report, policy);
  if (policy === 'include' || disclosure.columns.length === 0) return { report, disclosure };
  const personal = new Map(disclosure.columns.map((c) => [c.column, c]));
  const copy: CheckReport = { ...report };
  if (report.findings) copy.findings = report.findings.map((f) => maskFinding(f, personal, policy));
  for (const key of ['quality', 'privacy', 'performance', 'calibration'] as const) {
    const section = report[key];
    if (section) copy[key] = scrubEvidence(section, personal, policy) as Record<string, unknown>;
  }
  // Sections a newer engine adds (fairness, slices, drift…) are scrubbed the same way.
  const known = new Set(['quality', 'privacy', 'performance', 'calibration', 'findings', 'run', 'dataset', 'source', 'summary', 'generated_by']);
  for (const [key, value] of Object.entries(report)) {
    if (known.has(key) || typeof value !== 'object' || value === null) continue;
    (copy as unknown as Record<string, unknown>)[key] = scrubEvidence(value, personal, policy);
  }
  return { report: copy, disclosure };
}
