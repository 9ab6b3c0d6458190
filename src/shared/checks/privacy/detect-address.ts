/**
 * Street addresses, value by value. Three shapes cover most of the world's written addresses:
 *
 * 1. Number first, street type last (English): an optional "Apt 4," then a house number (1–6
 *    digits, optional letter or range), 1–4 words, and a street-type word: street, st, avenue, ave,
 *    road, rd, lane, ln, boulevard, blvd, drive, dr, court, ct, place, pl, way, terrace, close,
 *    crescent, highway, hwy, parkway, pkwy, square, sq, circle, cir, trail, alley, row, mews
 *    ("221B Baker Street", "1600 Pennsylvania Ave NW, Washington").
 * 2. Street type first (French, Spanish, Italian, Portuguese): rue, avenue, boulevard, bd, chemin,
 *    allée, impasse, quai, route, place, calle, c/, avenida, avda, paseo, carrer, camino, plaza,
 *    via, viale, piazza, corso, largo, rua, travessa, praça — either after a house number
 *    ("12 rue de la Paix") or followed by 1–6 words and a number ("Calle Mayor, 12", "Via Roma 10").
 * 3. Compound street names with the number after (German, Dutch, Nordic): a word ending in
 *    straße, strasse, str., weg, gasse, platz, allee, ring, damm, ufer, chaussee, straat, laan,
 *    gracht, plein, kade, vej, gade, gatan, vägen ("Hauptstraße 5", "Berliner Straße 12a").
 *
 * In a column whose name suggests an address, any value with a number and at least two words
 * counts too (addresses are written in too many ways to list).
 */
import { hasDigit } from './quick';
import { MATCH, NO, type Verdict } from './verdict';

const EN_TYPES = 'street|st|avenue|ave|road|rd|lane|ln|boulevard|blvd|drive|dr|court|ct|place|pl|way|terrace|close|crescent|highway|hwy|parkway|pkwy|square|sq|circle|cir|trail|alley|row|mews';
const LATIN_TYPES = 'rue|avenue|av|boulevard|bd|chemin|allée|allee|impasse|quai|route|place|calle|c/|avenida|avda|paseo|carrer|camino|plaza|via|viale|piazza|corso|largo|rua|travessa|praça|praca';
const COMPOUND_ENDINGS = 'straße|strasse|str\\.|weg|gasse|platz|allee|ring|damm|ufer|chaussee|straat|laan|gracht|plein|kade|vej|gade|gatan|vägen';
const WORD = "[\\p{L}\\d'’.-]+";
const HOUSE = '\\d{1,6}[a-z]?(?:[-/]\\d{1,6}[a-z]?)?';
const END = '(?=$|[\\s,#;])';

const NUMBER_FIRST = new RegExp(`^(?:(?:apt|apartment|unit|flat|suite|ste)\\.?\\s*#?\\s*[\\w-]+,?\\s+)?#?${HOUSE},?\\s+(?:${WORD}\\s+){1,4}(?:${EN_TYPES})\\.?${END}`, 'iu');
const NUMBER_THEN_TYPE = new RegExp(`^${HOUSE}(?:\\s?(?:bis|ter))?,?\\s+(?:${LATIN_TYPES})\\.?\\s+\\p{L}`, 'iu');
const TYPE_THEN_NUMBER = new RegExp(`^(?:${LATIN_TYPES})\\.?\\s+(?:${WORD},?\\s+){1,6}(?:n[º°o]\\.?\\s*)?${HOUSE}${END}`, 'iu');
const COMPOUND = new RegExp(`^(?:${WORD}\\s+){0,3}[\\p{L}-]*(?:${COMPOUND_ENDINGS})\\s*${HOUSE}${END}`, 'iu');

export function isStreetAddress(value: string): boolean {
  if (value.length < 6 || value.length > 150 || value.includes('@') || !hasDigit(value)) return false;
  return NUMBER_FIRST.test(value) || NUMBER_THEN_TYPE.test(value) || TYPE_THEN_NUMBER.test(value) || COMPOUND.test(value);
}

/** Under an address-like column name: a number and at least two words of letters. */
export function isLooseAddress(value: string): boolean {
  if (value.length < 5 || value.length > 150 || !hasDigit(value)) return false;
  return (value.match(/\p{L}{2,}/gu) ?? []).length >= 2;
}

export const addressTest = (namedAddress: boolean) => (value: string): Verdict =>
  isStreetAddress(value) || (namedAddress && isLooseAddress(value)) ? MATCH : NO;
