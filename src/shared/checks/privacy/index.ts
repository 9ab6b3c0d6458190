/**
 * The privacy checks: one per kind of personal data (e-mail, phone, card number, national ID,
 * IP address, IBAN, street address, person name, date of birth), each reporting the columns where
 * values look like it, plus `privacy.personal-data`, the dataset-level summary (or the one
 * "passed" finding). Pure: typed columns in, evidence and findings out. Columns the roles mark as
 * ignored are skipped.
 */
import type { Check, CheckInput, CheckOutput } from '../types';
import { detectPersonalData, type ColumnMatch } from './detectors';
import { columnFinding, holds, summaryFinding } from './findings';
import { PII_KINDS, PRIVACY_SUMMARY_CHECK, VALUES_CAP, checkIdFor, type PiiKind } from './kinds';

export { maskValue, maskMiddle } from './mask';
export { PII_KINDS, PRIVACY_SUMMARY_CHECK, checkIdFor, type PiiKind } from './kinds';

function detect(input: CheckInput, kinds: readonly PiiKind[]): ColumnMatch[] {
  return detectPersonalData(input.table.columns, kinds, { options: input.options, now: input.now }, new Set(input.roles.ignored));
}

const checkedColumns = (input: CheckInput): number => input.table.columns.filter((c) => !input.roles.ignored.includes(c.name)).length;

function evidenceOf(matches: readonly ColumnMatch[], input: CheckInput): Record<string, unknown> {
  return {
    valuesCap: VALUES_CAP,
    capRule: `At most the first ${VALUES_CAP} distinct values of a text column, or ${VALUES_CAP} present values of a number column, are examined.`,
    columnsChecked: checkedColumns(input),
    columns: matches.map((m) => ({
      column: m.column,
      kind: m.kind,
      matched: m.scan.matched,
      examined: m.scan.examined,
      present: m.scan.present,
      share: m.scan.examined === 0 ? 0 : m.scan.matched / m.scan.examined,
      holds: holds(m, input.options.piiShare),
      basis: m.basis,
      guess: m.guess,
      capped: m.scan.capped,
      valuesTested: m.scan.valuesTested,
    })),
  };
}

function kindCheck(kind: PiiKind): Check {
  return {
    id: checkIdFor(kind),
    category: 'privacy',
    run(input: CheckInput): CheckOutput {
      const matches = detect(input, [kind]);
      return { evidence: evidenceOf(matches, input), findings: matches.map((m) => columnFinding(m, input.options)) };
    },
  };
}

/** The summary re-runs every detector (pure, and fast: distinct values only) rather than sharing state between checks. */
export const personalDataSummaryCheck: Check = {
  id: PRIVACY_SUMMARY_CHECK,
  category: 'privacy',
  run(input: CheckInput): CheckOutput {
    const matches = detect(input, PII_KINDS);
    return { evidence: evidenceOf(matches, input), findings: [summaryFinding(matches, checkedColumns(input), input.table.rowCount, input.options)] };
  },
};

export const privacyChecks: Check[] = [...PII_KINDS.map(kindCheck), personalDataSummaryCheck];
