/**
 * One detector per kind of personal data: which columns it examines, how it tests their values,
 * and when a column's matches are reported. Number columns are skipped (they cannot hold
 * e-mails, names or addresses) except integer columns whose name suggests a phone, card or
 * national id number (a phone stored as 5553381248), and date columns for birth dates.
 */
import type { CheckOptions } from '../options';
import type { Column } from '../../table';
import { nameHints, type NameHint } from './column-names';
import { addressTest } from './detect-address';
import { scanBirthDates } from './detect-birth-date';
import { emailTest, phoneTest } from './detect-contact';
import { cardTest, ibanTest } from './detect-financial';
import { nationalIdTest, nationalIdType } from './detect-national-id';
import { nameTest } from './detect-name';
import { ipTest, ipVersion } from './detect-network';
import type { PiiKind } from './kinds';
import { integerText, scanColumn, type ScanResult } from './scan';

export interface ColumnMatch {
  kind: PiiKind;
  column: string;
  scan: ScanResult;
  /** Whether the column's name backed the values ('name-and-values') or the values stood alone. */
  basis: 'values' | 'name-and-values';
  /** True when the call rests on values alone and is a guess (names without a name-like header, birth-like dates). */
  guess: boolean;
  /** Extra numbers for the texts: { ssn, nino } for ids, { ipv4, ipv6 } for IPs. */
  extra: Record<string, number>;
}

export interface DetectContext {
  options: CheckOptions;
  now: number;
}

export type ColumnDetector = (column: Column, hints: ReadonlySet<NameHint>, ctx: DetectContext) => ColumnMatch | null;

const match = (kind: PiiKind, column: Column, scan: ScanResult, named: boolean, guess = false, extra: Record<string, number> = {}): ColumnMatch => ({
  kind, column: column.name, scan, basis: named ? 'name-and-values' : 'values', guess, extra,
});

/** Random digit strings pass Luhn 1 time in 10 and mod-97 1 time in 97: most right-shaped values must pass. */
const CHECKSUM_MAJORITY = 0.5;
const passesChecksums = (s: ScanResult): boolean => s.matched / (s.matched + s.shapeOnly) >= CHECKSUM_MAJORITY;

/** Value-only name guesses need this many different matching values (one "Grace Period" is not a list of people). */
export const MIN_DISTINCT_NAMES = 5;

/** A 9-digit SSN stored as a number loses its leading zeros: 78051120 → "078051120". */
const ssnText = (v: number): string | null => {
  const t = integerText(v);
  return t !== null && t.length <= 9 ? t.padStart(9, '0') : t;
};

export const DETECTORS: Record<PiiKind, ColumnDetector> = {
  email: (column, hints) => {
    const scan = scanColumn(column, emailTest, null);
    return scan && match('email', column, scan, hints.has('email'));
  },
  phone: (column, hints) => {
    const named = hints.has('phone');
    const scan = scanColumn(column, phoneTest(named), named ? integerText : null);
    return scan && match('phone', column, scan, named);
  },
  'card-number': (column, hints) => {
    const named = hints.has('card');
    const scan = scanColumn(column, cardTest, named ? integerText : null);
    return scan && passesChecksums(scan) ? match('card-number', column, scan, named) : null;
  },
  'national-id': (column, hints) => {
    const named = hints.has('national-id');
    const scan = scanColumn(column, nationalIdTest(named), named ? ssnText : null, { tag: (v) => nationalIdType(v, named) });
    return scan && match('national-id', column, scan, named, false, { ssn: scan.tags.get('ssn') ?? 0, nino: scan.tags.get('nino') ?? 0 });
  },
  'ip-address': (column) => {
    const scan = scanColumn(column, ipTest, null, { tag: (v) => `ipv${ipVersion(v)}` });
    return scan && match('ip-address', column, scan, false, false, { ipv4: scan.tags.get('ipv4') ?? 0, ipv6: scan.tags.get('ipv6') ?? 0 });
  },
  iban: (column) => {
    const scan = scanColumn(column, ibanTest, null);
    return scan && passesChecksums(scan) ? match('iban', column, scan, false) : null;
  },
  'street-address': (column, hints) => {
    const named = hints.has('address');
    const scan = scanColumn(column, addressTest(named), null);
    return scan && match('street-address', column, scan, named);
  },
  'person-name': (column, hints, ctx) => {
    const named = hints.has('person-name');
    const scan = scanColumn(column, nameTest(named), null);
    if (!scan) return null;
    if (!named && (scan.matched / scan.examined < ctx.options.piiShare || scan.distinctMatched < MIN_DISTINCT_NAMES)) return null;
    return match('person-name', column, scan, named, !named);
  },
  'birth-date': (column, hints, ctx) => {
    const named = hints.has('birth');
    const found = scanBirthDates(column, named, ctx.now);
    return found && match('birth-date', column, found.scan, named, found.guess, { medianAge: Math.round(found.medianAge) });
  },
};

/** Runs the given kinds' detectors over every column not ignored by the roles. */
export function detectPersonalData(
  columns: readonly Column[],
  kinds: readonly PiiKind[],
  ctx: DetectContext,
  ignored: ReadonlySet<string> = new Set(),
): ColumnMatch[] {
  const found: ColumnMatch[] = [];
  for (const column of columns) {
    if (ignored.has(column.name)) continue;
    const hints = nameHints(column.name);
    for (const kind of kinds) {
      const m = DETECTORS[kind](column, hints, ctx);
      if (m) found.push(m);
    }
  }
  return found;
}
