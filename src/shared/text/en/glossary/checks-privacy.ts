/** The privacy checks (src/shared/checks/privacy/): one entry per kind of personal data, and the summary. */
import { PII_KINDS, PRIVACY_SUMMARY_CHECK, checkIdFor, type PiiKind } from '../../../checks/privacy/kinds';
import { PII_NOUNS } from '../privacy';
import { checkEntry } from './check-entry';
import { fnum, mainFinding } from './read';
import { count, division, q } from './say';
import type { GlossaryEntry } from './types';

const KIND_WORDS: Record<PiiKind, { technical: string; what: string; misleads: string }> = {
  email: {
    technical: 'e-mail address detection (PII)',
    what: 'Looks for columns whose values look like e-mail addresses (name@domain.tld). An e-mail address identifies a person directly.',
    misleads: 'Shared or company addresses (info@…) are not personal, and an address split over several columns is not recognised.',
  },
  phone: {
    technical: 'phone number detection (PII)',
    what: 'Looks for columns whose values look like phone numbers, in the usual national and international formats.',
    misleads: 'Other numbers with the same shape (order numbers, codes) can be mistaken for phone numbers; check the column name and a few values.',
  },
  'card-number': {
    technical: 'payment card number detection (PAN, Luhn checksum)',
    what: 'Looks for 13- to 19-digit numbers that pass the Luhn checksum payment cards use, with a known card prefix.',
    misleads: 'About one random number in ten passes the checksum, so long ids can be flagged; masked numbers (**** 1234) are not found.',
  },
  'national-id': {
    technical: 'national identifier detection (SSN, NINO)',
    what: 'Looks for values shaped like US Social Security numbers or UK National Insurance numbers.',
    misleads: 'Only these two formats are known; other countries’ numbers are not found, and other codes with the same shape can be flagged.',
  },
  'ip-address': {
    technical: 'IP address detection',
    what: 'Looks for IPv4 and IPv6 addresses. An IP address can often be traced back to a household.',
    misleads: 'Version numbers like 1.2.3.4 look like addresses; private network addresses identify nobody outside the network.',
  },
  iban: {
    technical: 'IBAN detection (mod-97 checksum)',
    what: 'Looks for international bank account numbers that pass their checksum.',
    misleads: 'National account numbers without the IBAN prefix are not found.',
  },
  'street-address': {
    technical: 'street address detection',
    what: 'Looks for values that read like a street address: a house number with a street word (“221B Baker Street”, “12 rue de la Paix”, “Hauptstraße 5”).',
    misleads: 'Addresses written in other ways (a post-office box, a village with no street) are missed, and a business address is not personal data.',
  },
  'person-name': {
    technical: 'person name detection',
    what: 'Looks for values shaped like people’s names (one to four capitalised words). Under a column header like “name”, such values count; elsewhere, only “Firstname Lastname” values starting with a common first name, and then it is said to be a guess.',
    misleads: 'Names are the hardest kind to recognise: first names missing from the list are missed in unnamed columns, and product or place names can look like people’s names.',
  },
  'birth-date': {
    technical: 'date of birth detection',
    what: 'Looks for dates that are plausible birth dates: in a column named like one (“dob”, “birth”), or, as a guess, in a date column whose dates give ages spread like people’s ages. With a postcode and sex, a birth date can identify most people.',
    misleads: 'A date column of another kind with people’s ages in it can be taken for birth dates; a birth date written as free text is missed.',
  },
};

/** The e-mail definition lists the characters allowed, braces among them; named in words, no brace reads as a broken template. */
const braces = (text: string): string => text.replace('{ | }', 'curly braces, |');

function kindEntry(kind: PiiKind): GlossaryEntry {
  const id = checkIdFor(kind);
  const words = KIND_WORDS[kind];
  const entry = checkEntry(id, {
    ...words,
    ...(kind === 'email' ? { definition: braces } : {}),
    related: [PRIVACY_SUMMARY_CHECK, 'quality.high-cardinality'],
    example: (f) => {
      const [matched, examined] = [fnum(f, 'matched'), fnum(f, 'examined')];
      const d = matched !== null && examined !== null ? division(matched, examined) : null;
      return d ? `In ${q(f.columns[0] ?? '')}, ${count(matched!)} of the ${count(examined!)} values examined look like ${PII_NOUNS[kind]}: ${d}.` : null;
    },
  });
  return {
    ...entry,
    // No finding for this kind: the summary says how many columns were looked at.
    example(r) {
      const own = entry.example(r);
      if (own !== null) return own;
      const summary = mainFinding(r, PRIVACY_SUMMARY_CHECK);
      const checked = summary ? fnum(summary, 'columnsChecked') : null;
      return checked === null ? null : `Slicewise looked at ${count(checked)} columns of your data; none holds values that look like ${PII_NOUNS[kind]}.`;
    },
  };
}

export const privacyEntries: GlossaryEntry[] = [
  ...PII_KINDS.map(kindEntry),
  checkEntry(PRIVACY_SUMMARY_CHECK, {
    technical: 'personally identifiable information (PII) summary',
    what: 'Sums up which columns look like they hold personal data, and of which kind. Personal data is protected by law (for example the GDPR) and is rarely needed to check a model.',
    misleads: 'Finding nothing does not make a file anonymous: a combination of ordinary columns (postcode, birth year, job) can still point at one person.',
    related: PII_KINDS.map(checkIdFor),
    example(f) {
      const holding = fnum(f, 'columnsHolding');
      const checked = fnum(f, 'columnsChecked');
      return holding !== null && checked !== null ? `${count(holding)} of the ${count(checked)} columns checked look like they hold personal data: ${f.columns.map(q).join(', ')}.` : null;
    },
  }),
];
