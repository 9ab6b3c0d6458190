/**
 * The kinds of personal data the privacy checks look for, and the id of the check (and of its
 * texts, src/shared/text/en/privacy.ts) that reports each. One check per kind, so each finding's
 * "learn more" can state the exact pattern used; `privacy.personal-data` is the dataset-level
 * summary (or the single "passed" finding when nothing was found).
 */
export const PII_KINDS = [
  'email',
  'phone',
  'card-number',
  'national-id',
  'ip-address',
  'iban',
  'street-address',
  'person-name',
  'birth-date',
] as const;

export type PiiKind = (typeof PII_KINDS)[number];

export type PrivacyCheckId = `privacy.${PiiKind}` | typeof PRIVACY_SUMMARY_CHECK;

export const PRIVACY_SUMMARY_CHECK = 'privacy.personal-data';

export const checkIdFor = (kind: PiiKind): `privacy.${PiiKind}` => `privacy.${kind}`;

/** Kinds whose leak lets someone act as the person or open accounts: critical when a column holds them. */
export const CRITICAL_KINDS: ReadonlySet<PiiKind> = new Set(['card-number', 'national-id']);

/**
 * At most this many distinct values of a text column (in dictionary order, i.e. first seen first),
 * or this many present values of a number column, are examined. Enough to judge a column; keeps a
 * column of a million unique strings fast. Reported in each check's evidence.
 */
export const VALUES_CAP = 100_000;

/** At most this many (masked) example values per finding, and row numbers per finding. */
export const MAX_EXAMPLES = 3;
export const MAX_ROW_EXAMPLES = 20;
