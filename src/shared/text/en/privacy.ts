/**
 * Plain-language texts for the privacy checks (src/shared/checks/privacy/), keyed by check id.
 * Headlines carry the real numbers; we always say values "look like" a kind of personal data,
 * never that they are; the exact patterns and checksums live in `learnMore`. No legal advice:
 * laws are named as context, and the reader is pointed to whoever handles data protection.
 */
import type { Finding } from '../../findings/types';
import { PII_KINDS, PRIVACY_SUMMARY_CHECK, checkIdFor, type PiiKind, type PrivacyCheckId } from '../../checks/privacy/kinds';
import { formatCount, formatList, formatShare, plural } from '../format';
import type { FindingText } from '../types';

/** What each kind is called in a sentence ("look like e-mail addresses"). */
export const PII_NOUNS: Record<PiiKind, string> = {
  email: 'e-mail addresses',
  phone: 'phone numbers',
  'card-number': 'payment card numbers',
  'national-id': 'national ID numbers',
  'ip-address': 'IP addresses',
  iban: 'bank account numbers (IBANs)',
  'street-address': 'street addresses',
  'person-name': "people's names",
  'birth-date': 'dates of birth',
};

const num = (f: Finding, key: string): number => Number(f.numbers[key] ?? 0);
const quoted = (column: string | undefined): string => `“${column ?? ''}”`;

function nounFor(kind: PiiKind, f: Finding): string {
  if (kind === 'national-id') {
    const ssn = num(f, 'ssn');
    const nino = num(f, 'nino');
    if (ssn > 0 && nino === 0) return 'US Social Security numbers';
    if (nino > 0 && ssn === 0) return 'UK National Insurance numbers';
  }
  return PII_NOUNS[kind];
}

/** "1,980 of 2,024 values in “email” (98%) look like e-mail addresses." */
function columnHeadline(kind: PiiKind, f: Finding): string {
  const column = quoted(f.columns[0]);
  const matched = formatCount(num(f, 'matched'));
  const examined = formatCount(num(f, 'examined'));
  const share = formatShare(num(f, 'share'));
  const noun = nounFor(kind, f);
  const of = f.numbers.capped ? `of the ${examined} values checked` : `of ${examined} values`;
  if (kind === 'birth-date' && f.numbers.guess) {
    return `The dates in ${column} are spread like dates of birth (median age ${formatCount(num(f, 'medianAge'))}): it may be a birth-date column.`;
  }
  if (f.numbers.partial) return `Some values in ${column} look like ${noun}: ${matched} ${of} (${share}).`;
  const guess = f.numbers.guess ? ' (a guess from common first names)' : '';
  return `${matched} ${of} in ${column} (${share}) look like ${noun}${guess}.`;
}

const PARTIAL_ACTION =
  'Look at the flagged rows first: personal data often lands in the wrong column or in free text by accident. Remove or mask those values. ';

interface KindWords {
  title: string;
  why: string;
  action: string;
  learnMore: string;
}

const SHARE_RULE =
  'A column is reported when at least one value matches; the share is over the present values examined (at most the first 100,000 distinct values of a text column, or 100,000 values of a number column). At or above the personal-data share (50% by default) the column is said to hold the data; below it, "some values look like" it. The interval is a 95% Wilson interval on the share.';

const WORDS: Record<PiiKind, KindWords> = {
  email: {
    title: 'E-mail addresses',
    why: 'An e-mail address leads straight to one person: it can be used to contact them, look them up, or link this file to other data about them. If the file is shared or leaks, the addresses go with it. Laws such as the EU GDPR treat them as personal data; ask whoever handles data protection for you what applies.',
    action: 'If the analysis does not need the addresses, drop the column. To tell people apart, replace each address with a random code and keep the key somewhere else. If only the provider matters, keep just the domain.',
    learnMore: `A value matches when the whole (trimmed) value is local@domain.tld: a practical subset of RFC 5322 where the local part is 1–64 of the letters A–Z, digits and ! # $ % & ' * + / = ? ^ _ \` { | } ~ . - (no leading, trailing or double dot), the domain is labels of letters, digits and inner hyphens (up to 63 characters each, 253 in all), and the last label is 2–63 letters. Quoted local parts and IP-address domains are not matched. ${SHARE_RULE}`,
  },
  phone: {
    title: 'Phone numbers',
    why: 'A phone number reaches one person or household and is easy to look up or link with other data. If the file leaks, people can be called, messaged or targeted by scams. Laws such as the EU GDPR treat phone numbers as personal data.',
    action: 'Drop the column unless the analysis needs it. To tell people apart, replace each number with a random code; if the country or area matters, keep only that.',
    learnMore: `A value matches when it has 7–15 digits (the E.164 maximum is 15) written with only digits, spaces, dots, dashes or slashes, one bracketed area code, an optional leading "+" and an optional extension ("x123", "ext. 123"). Dates, IPv4 addresses, the US SSN shape ddd-dd-dddd, numbers with thousands separators (1.234.567) and decimals are never phone numbers. To avoid flagging amounts and ids, a value also needs a leading "+", a bracketed area code or three or more digit groups, unless the column's name suggests a phone (phone, tel, mobile, cell, fax, teléfono, téléphone, Telefon, Handy…); in such a column plain digits count too, including whole numbers stored as numbers. ${SHARE_RULE}`,
  },
  'card-number': {
    title: 'Payment card numbers',
    why: 'A card number with a valid check digit can be enough for fraud, and card data falls under strict industry rules (PCI DSS). An analysis file is almost never the place for it: a leak would expose the card holders directly.',
    action: 'Remove the column from this file. If you need to tell cards apart, replace each number with a random code or keep only its last four digits; keep full card numbers only in systems built for them.',
    learnMore: `A value matches when it is 13–19 digits, written together or in groups separated by single spaces or dashes, whose first digits and length fit a card network's issuer range — Visa 4; Mastercard 51–55 and 2221–2720; American Express 34 and 37; Discover 6011, 644–649 and 65; JCB 3528–3589; Diners Club 300–305, 36 and 38–39; UnionPay 62; Maestro 5018, 5020, 5038, 5893, 6304, 6759 and 6761–6763 — and that pass the Luhn (mod 10) checksum. Only Luhn-valid values are counted. Random digit strings pass Luhn one time in ten, so a column is not reported unless at least half of its card-shaped values pass. Whole numbers in a number column are examined only when its name suggests a card (card, credit card, PAN, tarjeta, carte, Karte…). ${SHARE_RULE}`,
  },
  'national-id': {
    title: 'National ID numbers',
    why: 'Numbers like these identify a person for tax, benefits or official records. With a name or a date of birth they are the raw material of identity theft, and laws give them extra protection. We can only say the values look like such numbers: the patterns are public and other numbers can share them.',
    action: 'Drop the column, or replace each number with a random code kept apart from the data. Never use these numbers to join files you share.',
    learnMore: `US Social Security number pattern: ddd-dd-dddd where the first three digits are not 000, 666 or 900–999, the middle two are not 00 and the last four are not 0000 (nine plain digits, or a whole number padded to nine digits, count only when the column's name suggests an id: SSN, social security, national id, tax id…). UK National Insurance number pattern: two letters, six digits and a final letter A–D, spaces allowed; the first letter is not D, F, I, Q, U or V, the second not D, F, I, O, Q, U or V, and the prefixes BG, GB, KN, NK, NT, TN and ZZ are never issued. A pattern match says "looks like", never "is". ${SHARE_RULE}`,
  },
  'ip-address': {
    title: 'IP addresses',
    why: "An IP address can point to a household or a device, and with an internet provider's records, to a person. EU regulators and courts treat IP addresses as personal data in many cases, and they reveal rough location.",
    action: 'Drop the column, or keep only what the analysis needs: a country, or a truncated address (for example the first three parts of an IPv4 address).',
    learnMore: `IPv4: four dot-separated numbers 0–255 (up to three digits each). IPv6 (RFC 4291): eight colon-separated groups of 1–4 hexadecimal digits, or fewer with a single "::" standing for one or more zero groups ("2001:db8::1"), optionally ending with an IPv4 address in place of the last two groups ("::ffff:192.0.2.1"). Zone ids (%eth0) and prefixes (/64) are not matched. ${SHARE_RULE}`,
  },
  iban: {
    title: 'Bank account numbers (IBAN)',
    why: "An IBAN identifies a person's or a company's bank account. It links the file to the account holder and can be misused for direct-debit fraud.",
    action: 'Drop the column, or keep only the country or bank if the analysis needs it. To tell accounts apart, replace each IBAN with a random code.',
    learnMore: `A value matches when, without spaces and in capitals, it is two letters (the country), two check digits and 11–30 letters or digits, with the country's registered length where we know it (for example GB 22, DE 22, FR 27, ES 24, NL 18; 15–34 otherwise), and the ISO 13616 check holds: move the first four characters to the end, replace letters by numbers (A = 10 … Z = 35), and the number modulo 97 must be 1. A column is not reported unless at least half of its IBAN-shaped values pass the check. ${SHARE_RULE}`,
  },
  'street-address': {
    title: 'Street addresses',
    why: 'A street address shows where someone lives or works. Even without a name it often points to one household, and a leak can put people at risk.',
    action: 'Drop the column, or keep only what the analysis needs: a postcode area, a city or a region.',
    learnMore: `A value matches one of three shapes: a house number, 1–4 words and a street type (street, st, avenue, ave, road, rd, lane, ln, boulevard, blvd, drive, dr, court, ct, place, pl, way, terrace, close, crescent, highway, parkway, square, circle, trail, alley, row, mews), optionally after "Apt 4,"; a street type first (rue, avenue, boulevard, chemin, allée, quai, route, calle, c/, avenida, paseo, carrer, camino, plaza, via, viale, piazza, corso, largo, rua, praça…) after a house number or followed by 1–6 words and a number; or a word ending in straße, strasse, str., weg, gasse, platz, allee, ring, damm, ufer, straat, laan, gracht, plein, kade, vej, gade, gatan or vägen, followed by a number. In a column whose name suggests an address (address, street, dirección, calle, adresse, rue, Anschrift, Straße…; not e-mail, IP or web addresses), any value with a number and at least two words counts. ${SHARE_RULE}`,
  },
  'person-name': {
    title: "People's names",
    why: 'A name identifies a person directly: with the other columns, every row becomes a record about someone you can point to. Names can also reveal sex or ethnic origin, which laws protect.',
    action: 'Drop the column: names rarely help an analysis. To tell people apart, replace each name with a random code and keep the key elsewhere.',
    learnMore: `A name-shaped value is 1–4 capitalised words made only of letters, apostrophes, hyphens and dots ("Anne-Marie O'Brien", "J. Smith", "MARÍA GARCÍA"), with lower-case particles (van, von, de, del, da, di, du, la, le, bin, al…) allowed between them, at most 60 characters. In a column whose name suggests a person's name (name, full name, first name, surname, nombre, apellido, nom, prénom, Vorname, Nachname…; not product, company, city, file, user names and the like), every name-shaped value counts. Without such a name, a value counts only when it has 2–4 capitalised words and the first is on a short list of common first names from many languages, and the column is reported only when at least the personal-data share of its values look like that and at least 5 different values do: a guess. ${SHARE_RULE}`,
  },
  'birth-date': {
    title: 'Dates of birth',
    why: 'A full date of birth is one of the strongest identifiers: together with sex and a postcode it singles out most people. An analysis rarely needs more than an age or an age band.',
    action: 'Replace the date with an age in years, or an age band (for example 30–39), then drop the original. Keep the full date only where you must.',
    learnMore: `Ages are counted from the run's date: age = (run date − value) / 365.2425 days. In a column whose name suggests birth (dob, birth, born, birthday, fecha de nacimiento, date de naissance, Geburtsdatum…), dates, ISO or day/month/year text, and whole years 1800–2200 (a birth year) count when they give an age of 0–110. A date column with no such name is reported only as a guess, at medium severity, when its dates look like birth dates taken together: at least 95% give ages 0–110, the median age is 18–90 and the middle half of the ages spans at least 10 years (event dates such as sign-ups cluster in recent years). At most the first 100,000 values are examined. The interval is a 95% Wilson interval on the share.`,
  },
};

function kindText(kind: PiiKind): FindingText {
  const w = WORDS[kind];
  return {
    title: w.title,
    headline: (f) => columnHeadline(kind, f),
    why: () => w.why,
    action: (f) => (f.numbers.partial ? PARTIAL_ACTION + w.action : w.action),
    learnMore: w.learnMore,
  };
}

/** "applicant_name (people's names)" for each listed column, from the summary's `kindsOf:<column>` numbers. */
function describeColumns(f: Finding, columns: readonly string[]): string {
  return formatList(
    columns.map((c) => {
      const kinds = String(f.numbers[`kindsOf:${c}`] ?? '').split(',').filter((k): k is PiiKind => (PII_KINDS as readonly string[]).includes(k));
      return kinds.length > 0 ? `${c} (${formatList(kinds.map((k) => PII_NOUNS[k]))})` : c;
    }),
  );
}

const summaryText: FindingText = {
  title: 'Personal data',
  headline: (f) => {
    if (f.status === 'passed') return `No column looks like it holds personal data (${plural(num(f, 'columnsChecked'), 'column')} checked).`;
    const held = num(f, 'columnsHolding');
    if (held === 0) return `No column is mostly personal data, but ${plural(num(f, 'columnsPartial'), 'column')} contain values that look like it.`;
    // Name at most four columns so the headline stays short; "why" lists them all.
    const named = f.columns.slice(0, held).map((c) => quoted(c));
    const list = held <= 4 ? formatList(named) : `${named.slice(0, 3).join(', ')} and ${formatCount(held - 3)} more`;
    return `${plural(held, 'column')} ${held === 1 ? 'holds' : 'hold'} personal data: ${list}.`;
  },
  why: (f) => {
    if (f.status === 'passed') {
      return `We looked for ${formatList(PII_KINDS.map((k) => PII_NOUNS[k]))}, and found none. Patterns can miss things written in unusual ways, so a column you know to be personal still is.`;
    }
    return `Personal data makes every copy of this file a risk: whoever gets it learns about real people, and laws such as the EU GDPR ask you to keep only what you need. Found: ${describeColumns(f, f.columns)}.`;
  },
  action: (f) =>
    f.status === 'passed'
      ? 'Nothing to do. If you know a column holds personal data we did not recognise, treat it as personal data all the same.'
      : 'For each column listed: drop it if the analysis does not need it; replace it with random codes if you only need to tell people apart; aggregate it (age bands, regions) if detail is not needed. Keep originals only where you must.',
  learnMore:
    'This summary gathers the privacy checks: e-mail addresses, phone numbers, payment card numbers (Luhn-valid, known issuer ranges), national ID numbers (US SSN and UK National Insurance patterns), IP addresses (IPv4 and IPv6), IBANs (mod-97 check), street addresses, people\'s names and dates of birth; each finding\'s "learn more" gives its exact pattern. A column "holds" personal data when at least the personal-data share (50% by default) of its examined values match, or its values look like names; otherwise it "contains some". Its severity is the highest of the column findings.',
};

export const PRIVACY_TEXTS = {
  ...Object.fromEntries(PII_KINDS.map((k) => [checkIdFor(k), kindText(k)])),
  [PRIVACY_SUMMARY_CHECK]: summaryText,
} as Record<PrivacyCheckId, FindingText>;
