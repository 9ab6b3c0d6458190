/**
 * What a column's name suggests about personal data, in English and the common Spanish, French,
 * German, Italian and Dutch spellings. Names are normalised (src/shared/roles/vocabulary.ts) and
 * matched as whole words; German compounds ("Telefonnummer", "Geburtsdatum") are caught by stems.
 * A name alone never flags a column here (the roles guess does that): it widens which values count
 * (e.g. plain 10-digit numbers in a "phone" column) or which columns are examined at all.
 */
import { matchWords, normaliseName } from '../../roles/vocabulary';

export type NameHint = 'email' | 'phone' | 'card' | 'national-id' | 'address' | 'person-name' | 'birth';

interface HintWords {
  words: readonly string[];
  /** Substrings of the normalised name (for compounds). */
  stems?: readonly string[];
  /** Words that cancel the hint ("email address" is not a street address). */
  not?: readonly string[];
}

const HINTS: Record<NameHint, HintWords> = {
  email: {
    words: ['email', 'emails', 'e mail', 'mail', 'correo', 'correo electronico', 'courriel', 'mel'],
    stems: ['email'],
  },
  phone: {
    words: ['phone', 'phones', 'telephone', 'tel', 'tel no', 'mobile', 'cell', 'cellphone', 'msisdn', 'fax', 'telefono', 'movil', 'celular', 'portable', 'telefon', 'handy', 'mobil', 'rufnummer', 'telefoon'],
    stems: ['phone', 'telefon', 'telephon', 'mobilnummer', 'handynummer'],
  },
  card: {
    words: ['card', 'card number', 'card no', 'cc', 'ccn', 'cc number', 'credit card', 'debit card', 'pan', 'tarjeta', 'carte', 'karte', 'kartennummer'],
    stems: ['creditcard', 'cardnumber', 'kreditkart'],
  },
  'national-id': {
    words: [
      'ssn', 'social security', 'sin', 'national id', 'national insurance', 'nino', 'ni number', 'tax id', 'tin', 'dni', 'nie', 'nif',
      'curp', 'nir', 'insee', 'securite sociale', 'passport', 'id number', 'national identity', 'codice fiscale', 'bsn', 'personalausweis',
    ],
    stems: ['sozialversicherung', 'steuerid', 'steueridentifikation'],
  },
  address: {
    words: ['address', 'addresses', 'addr', 'street', 'address line', 'address 1', 'address1', 'line1', 'direccion', 'domicilio', 'calle', 'adresse', 'rue', 'anschrift', 'strasse', 'indirizzo', 'adres', 'straat'],
    stems: ['strasse', 'anschrift'],
    not: ['email', 'e mail', 'mail', 'ip', 'ipv4', 'ipv6', 'mac', 'web', 'url', 'wallet', 'bitcoin', 'server', 'host', 'memory', 'correo'],
  },
  'person-name': {
    words: [
      'name', 'names', 'full name', 'fullname', 'first name', 'firstname', 'given name', 'forename', 'last name', 'lastname', 'surname',
      'family name', 'middle name', 'maiden name', 'nombre', 'nombres', 'apellido', 'apellidos', 'nom', 'prenom', 'vorname', 'nachname',
      'familienname', 'nome', 'cognome', 'naam', 'voornaam', 'achternaam',
    ],
    stems: ['vorname', 'nachname', 'familienname', 'kundenname', 'surname'],
    // "name" of a thing, not a person.
    not: [
      'product', 'company', 'business', 'brand', 'file', 'filename', 'item', 'city', 'country', 'region', 'state', 'province', 'town', 'street',
      'store', 'shop', 'merchant', 'vendor', 'supplier', 'bank', 'team', 'project', 'model', 'category', 'department', 'dept', 'org',
      'organisation', 'organization', 'school', 'university', 'hospital', 'employer', 'host', 'hostname', 'server', 'domain', 'user',
      'username', 'account', 'screen', 'display', 'column', 'field', 'table', 'app', 'device', 'event', 'campaign', 'course', 'plan', 'pet',
      'species', 'program', 'variable', 'feature', 'segment', 'group', 'place', 'location', 'site', 'venue', 'building', 'label', 'tag',
      'class', 'type', 'producto', 'empresa', 'ciudad', 'pais', 'produit', 'entreprise', 'ville', 'pays', 'produkt', 'firma', 'stadt', 'land',
    ],
  },
  birth: {
    words: ['dob', 'd o b', 'born', 'birthday', 'birthdate', 'fecha nac', 'ne le', 'geb', 'geboren'],
    stems: ['birth', 'geburt', 'naissance', 'nacimiento', 'nascita', 'geboorte'],
  },
};

export function nameHints(columnName: string): Set<NameHint> {
  const n = normaliseName(columnName);
  const hints = new Set<NameHint>();
  for (const [hint, h] of Object.entries(HINTS) as [NameHint, HintWords][]) {
    const found = matchWords(n, h.words) !== null || (h.stems ?? []).some((s) => n.includes(s));
    if (found && !(h.not && matchWords(n, h.not) !== null)) hints.add(hint);
  }
  return hints;
}
