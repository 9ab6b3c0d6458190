/**
 * Findings from detected personal data: one per column and kind, and one dataset-level summary
 * (or a single "passed" finding when nothing was found).
 *
 * Severity of a column finding (piiShare is the personal-data share option, 50% by default):
 * - share ≥ piiShare: card numbers and national ID numbers → critical; every other kind → high;
 *   names without a name-like header (a guess, reported only at ≥ piiShare) → high;
 * - 0 < share < piiShare ("some values look like…") → medium;
 * - dates of birth guessed from the spread of dates alone (no birth-like name) → medium.
 */
import { wilsonInterval } from '../../metrics/intervals';
import type { Finding, Severity } from '../../findings/types';
import { severityRank } from '../../findings/types';
import { formatShare } from '../../text/format';
import { PII_NOUNS } from '../../text/en/privacy';
import type { CheckOptions } from '../options';
import type { ColumnMatch } from './detectors';
import { CRITICAL_KINDS, PII_KINDS, PRIVACY_SUMMARY_CHECK, VALUES_CAP, checkIdFor } from './kinds';
import { maskValue } from './mask';

const share = (m: ColumnMatch): number => (m.scan.examined === 0 ? 0 : m.scan.matched / m.scan.examined);

/** True when the column is said to hold this kind (not just "some values look like" it). */
export function holds(m: ColumnMatch, piiShare: number): boolean {
  if (m.kind === 'birth-date' && m.guess) return false;
  return share(m) >= piiShare;
}

export function columnSeverity(m: ColumnMatch, piiShare: number): { severity: Severity; rule: string } {
  const noun = PII_NOUNS[m.kind];
  const top: Severity = CRITICAL_KINDS.has(m.kind) ? 'critical' : 'high';
  const threshold = formatShare(piiShare);
  if (m.kind === 'birth-date' && m.guess) {
    return { severity: 'medium', rule: 'Dates whose spread looks like dates of birth, in a column whose name does not say so → medium (a guess).' };
  }
  if (m.kind === 'person-name' && m.guess) {
    return { severity: 'high', rule: `${threshold} or more of the values look like "Firstname Lastname" with a common first name → high (a guess: the column name does not say names).` };
  }
  const rule = `${noun} in ${threshold} or more of a column's values → ${top}; in fewer (at least one) → medium.`;
  return { severity: holds(m, piiShare) ? top : 'medium', rule: rule.charAt(0).toUpperCase() + rule.slice(1) };
}

export function columnFinding(m: ColumnMatch, options: CheckOptions): Finding {
  const { scan } = m;
  const s = share(m);
  const { severity, rule } = columnSeverity(m, options.piiShare);
  const interval = wilsonInterval(scan.matched, scan.examined, options.confidenceLevel);
  const check = checkIdFor(m.kind);
  return {
    id: `${check}:${m.column}`,
    check,
    category: 'privacy',
    status: 'issue',
    severity,
    severityRule: rule,
    columns: [m.column],
    rows: { count: scan.matched, examples: scan.rowExamples },
    numbers: {
      kind: m.kind,
      matched: scan.matched,
      present: scan.present,
      examined: scan.examined,
      share: s,
      partial: !holds(m, options.piiShare) && !m.guess,
      guess: m.guess,
      basis: m.basis,
      capped: scan.capped,
      valuesTested: scan.valuesTested,
      valuesCap: VALUES_CAP,
      piiShare: options.piiShare,
      ...m.extra,
    },
    examples: scan.examples.map((v) => maskValue(m.kind, v)),
    confidence: { sampleSize: scan.examined, ...(interval ? { interval } : {}), kind: 'estimate' },
  };
}

/** The dataset-level finding: which columns hold personal data, or one "passed" finding. */
export function summaryFinding(matches: readonly ColumnMatch[], columnsChecked: number, rowCount: number, options: CheckOptions): Finding {
  const id = `${PRIVACY_SUMMARY_CHECK}:dataset`;
  if (matches.length === 0) {
    return {
      id,
      check: PRIVACY_SUMMARY_CHECK,
      category: 'privacy',
      status: 'passed',
      severity: 'info',
      severityRule: 'No column has values that look like personal data → passed.',
      columns: [],
      numbers: { columnsChecked, kindsChecked: PII_KINDS.length },
      confidence: { sampleSize: rowCount, kind: 'exact' },
    };
  }
  const holding: string[] = [];
  const partial: string[] = [];
  const kindsOf = new Map<string, string[]>();
  let worst: Severity = 'info';
  const shares: { column: string; share: number }[] = [];
  for (const m of matches) {
    const { severity } = columnSeverity(m, options.piiShare);
    if (severityRank(severity) < severityRank(worst)) worst = severity;
    kindsOf.set(m.column, [...(kindsOf.get(m.column) ?? []), m.kind]);
    if (holds(m, options.piiShare) || m.guess) shares.push({ column: m.column, share: share(m) });
  }
  for (const m of matches) {
    const strong = holds(m, options.piiShare) || (m.kind === 'person-name' && m.guess);
    if (strong && !holding.includes(m.column)) holding.push(m.column);
  }
  for (const m of matches) if (!holding.includes(m.column) && !partial.includes(m.column)) partial.push(m.column);
  const numbers: Finding['numbers'] = { columnsHolding: holding.length, columnsPartial: partial.length, columnsChecked };
  for (const [column, kinds] of kindsOf) numbers[`kindsOf:${column}`] = kinds.join(',');
  return {
    id,
    check: PRIVACY_SUMMARY_CHECK,
    category: 'privacy',
    status: 'issue',
    severity: worst,
    severityRule: 'The most severe of the column findings (card or national ID numbers in most values → critical; other personal data in most values → high; some values → medium).',
    columns: [...holding, ...partial],
    numbers,
    confidence: { sampleSize: rowCount, kind: 'exact' },
    ...(shares.length > 0
      ? { chart: { kind: 'bars' as const, title: 'Share of values that look like personal data', labels: shares.map((x) => x.column), values: shares.map((x) => x.share), unit: 'share' as const } }
      : {}),
  };
}
