import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { privacyChecks } from '../../../../../src/shared/checks/privacy';
import { luhnValid } from '../../../../../src/shared/checks/privacy/checksums';
import type { Finding } from '../../../../../src/shared/findings/types';
import type { Table } from '../../../../../src/shared/table';
import { input, numberColumn, repeat, table, textColumn } from './helpers';

function run(t: Table, ignored: string[] = []): Finding[] {
  return privacyChecks.flatMap((c) => c.run(input(t, { ignored })).findings);
}
const issues = (findings: Finding[]): Finding[] => findings.filter((f) => f.status === 'issue' && !f.check.endsWith('personal-data'));
const find = (findings: Finding[], check: string, column: string): Finding | undefined => findings.find((f) => f.id === `privacy.${check}:${column}`);
const summary = (findings: Finding[]): Finding => findings.find((f) => f.check === 'privacy.personal-data')!;

/** Deterministic pseudo-random digits (a linear congruential generator), for id-like strings. */
function digits(n: number, seed: number): string {
  let s = seed;
  let out = '';
  for (let i = 0; i < n; i++) {
    s = (s * 1103515245 + 12345) % 2147483648;
    out += String(s % 10);
  }
  return out;
}

describe('privacy checks on hand-made columns', () => {
  test('a column of e-mail addresses: high, with masked examples, numbers and an interval', () => {
    const emails = ['ana.lopez@example.com', 'bo@example.org', 'chen.wei@example.net', 'dee@example.com'];
    const f = find(run(table(textColumn('contact', [...repeat(emails, 25), null, null]))), 'email', 'contact')!;
    assert.equal(f.severity, 'high');
    assert.equal(f.category, 'privacy');
    assert.equal(f.numbers.matched, 100);
    assert.equal(f.numbers.present, 100);
    assert.equal(f.numbers.share, 1);
    assert.equal(f.confidence.kind, 'estimate');
    assert.equal(f.confidence.interval?.method, 'wilson');
    assert.ok(f.confidence.interval!.lower > 0.95 && f.confidence.interval!.upper === 1);
    assert.deepEqual(f.examples, ['a**.****z@e******.com', '**@e******.org', 'c***.**i@e******.net']);
    assert.deepEqual(f.rows, { count: 100, examples: Array.from({ length: 20 }, (_, i) => i + 1) });
    assert.ok(f.severityRule.includes('50%'));
  });

  test('a few e-mails in free text: medium, "some values"', () => {
    const notes = [...repeat(['called twice', 'late payment', 'happy'], 32), 'write to li.na@example.com', 'x@example.com', 'y@example.com', 'ok', 'fine', 'sure'];
    const f = find(run(table(textColumn('notes', notes))), 'email', 'notes')!;
    assert.equal(f.severity, 'medium');
    assert.equal(f.numbers.matched, 2, 'whole values only: an address inside a sentence is not counted');
    assert.equal(f.numbers.partial, true);
  });

  test('phones with separators are found; amounts and ids are not phones or cards', () => {
    const n = 60;
    const t = table(
      textColumn('contact_phone', Array.from({ length: n }, (_, i) => `+1-555-${String(100 + i)}-${String(1000 + i * 7)}`)),
      numberColumn('amount', Array.from({ length: n }, (_, i) => 1_000_000 + i * 123_457)),
      numberColumn('customer_id', Array.from({ length: n }, (_, i) => 4_111_111_111_111_111 + i)),
      textColumn('order_ref', Array.from({ length: n }, (_, i) => `00${digits(8, i + 1)}`), 'id'),
      textColumn('account_number', Array.from({ length: n }, (_, i) => `4${digits(15, i + 7)}`), 'id'),
      textColumn('amount_text', Array.from({ length: n }, (_, i) => String(5_553_381_248 + i)), 'text'),
    );
    const found = issues(run(t));
    assert.deepEqual(found.map((f) => f.id), ['privacy.phone:contact_phone']);
  });

  test('a random 16-digit id column whose values start with 4 is not a card column (Luhn passes 1 in 10 by chance)', () => {
    const ids = Array.from({ length: 200 }, (_, i) => `4${digits(15, i + 100)}`);
    const passing = ids.filter(luhnValid).length;
    assert.ok(passing > 5 && passing < 40, `some pass Luhn by chance (${passing})`);
    assert.equal(find(run(table(textColumn('ref', ids, 'id'))), 'card-number', 'ref'), undefined);
  });

  test('integer columns are examined for phones, cards and SSNs only when the name says so', () => {
    const t = table(
      numberColumn('mobile', repeat([5553381248, 4915112345678], 10)),
      numberColumn('card_number', repeat([4111111111111111, 4012888888881881], 10)),
      numberColumn('ssn', repeat([78051120, 123456789], 10)),
      numberColumn('balance', repeat([5553381248, 4111111111111111], 10)),
    );
    const found = run(t);
    assert.equal(find(found, 'phone', 'mobile')?.severity, 'high');
    assert.equal(find(found, 'card-number', 'card_number')?.severity, 'critical');
    assert.equal(find(found, 'national-id', 'ssn')?.severity, 'critical');
    assert.deepEqual(find(found, 'national-id', 'ssn')?.examples, ['0*******0', '1*******9']);
    assert.equal(issues(found).filter((f) => f.columns[0] === 'balance').length, 0);
  });

  test('card numbers and national ids in most values are critical; a few are medium', () => {
    const cards = ['4111 1111 1111 1111', '5555 5555 5555 4444', '3782 822463 10005', '6011 1111 1111 1117'];
    const found = run(table(
      textColumn('pan', repeat(cards, 5)),
      textColumn('tax_ref', repeat(['078-05-1120', '123-45-6789', 'AB 12 34 56 C', 'pending'], 5)),
      textColumn('bad_ssn', repeat(['000-12-3456', '666-12-3456', '123-00-4567', '900-11-2222'], 5)),
      textColumn('memo', [...repeat(['paid', 'n/a', 'see file'], 6), '4111 1111 1111 1111', '4111 1111 1111 1112']),
    ));
    assert.equal(find(found, 'card-number', 'pan')?.severity, 'critical');
    const id = find(found, 'national-id', 'tax_ref')!;
    assert.equal(id.severity, 'critical');
    assert.equal(id.numbers.share, 0.75);
    assert.equal(id.numbers.ssn, 10);
    assert.equal(id.numbers.nino, 5);
    assert.equal(find(found, 'national-id', 'bad_ssn'), undefined);
    const memo = find(found, 'card-number', 'memo')!;
    assert.equal(memo.severity, 'medium');
    assert.equal(memo.numbers.matched, 1, 'only the Luhn-valid one counts');
  });

  test('IP addresses (both versions), IBANs and street addresses', () => {
    const found = run(table(
      textColumn('client', repeat(['192.168.1.10', '2001:db8::1', '10.0.0.7', 'fe80::1ff:fe23:4567:890a'], 5)),
      textColumn('account', repeat(['GB82 WEST 1234 5698 7654 32', 'DE89 3704 0044 0532 0130 00', 'NL91ABNA0417164300', 'FR14 2004 1010 0505 0001 3M02 606'], 5)),
      textColumn('where', repeat(['221B Baker Street', '12 rue de la Paix', 'Hauptstraße 5', 'Calle Mayor, 12'], 5)),
      textColumn('home_address', repeat(['Flat 3 Rosebank House', 'Unit 7 Mill Yard', 'Rosebank House'], 5)),
    ));
    const ip = find(found, 'ip-address', 'client')!;
    assert.equal(ip.severity, 'high');
    assert.equal(ip.numbers.ipv4, 10);
    assert.equal(ip.numbers.ipv6, 10);
    assert.equal(find(found, 'iban', 'account')?.severity, 'high');
    assert.equal(find(found, 'street-address', 'where')?.severity, 'high');
    const home = find(found, 'street-address', 'home_address')!;
    assert.equal(home.numbers.basis, 'name-and-values');
    assert.equal(home.numbers.matched, 10);
  });

  test('names: a name-like header, a value-only guess, and things that are not names', () => {
    const people = ['Omar Müller', 'Yuki Patel', 'Wei Jensen', 'Liam Brown', 'Maria Garcia', 'Sofia Rossi', 'Kwame Mensah', 'Priya Shah'];
    const found = run(table(
      textColumn('Vorname', repeat(['Omar', 'Yuki', 'Wei', 'Anna'], 4)),
      textColumn('holder', repeat(people, 2)),
      textColumn('status', repeat(['Grace Period', 'Active', 'Closed', 'Grace Period'], 4)),
      textColumn('product_name', repeat(['Widget Pro', 'Gadget Max', 'Super Saver', 'Home Plus'], 4)),
      textColumn('region', repeat(['North', 'South', 'East', 'West'], 4), 'category'),
    ));
    assert.equal(find(found, 'person-name', 'Vorname')?.severity, 'high');
    const guess = find(found, 'person-name', 'holder')!;
    assert.equal(guess.severity, 'high');
    assert.equal(guess.numbers.guess, true);
    assert.equal(guess.numbers.basis, 'values');
    assert.deepEqual(issues(found).map((f) => f.columns[0]).sort(), ['Vorname', 'holder']);
  });

  test('dates of birth: by name, by the spread of the dates (a guess), and not event dates', () => {
    const day = 86_400_000;
    const year = 365.2425 * day;
    const now = Date.UTC(2026, 10, 27);
    const births = Array.from({ length: 100 }, (_, i) => now - (20 + (i % 50)) * year - i * day);
    const events = Array.from({ length: 100 }, (_, i) => Date.UTC(2025, 0, 1) + i * 3 * day);
    const found = run(table(
      numberColumn('date_of_birth', births, 'date'),
      numberColumn('joined', births, 'date'),
      numberColumn('event_date', events, 'date'),
      textColumn('fecha de nacimiento', births.map((t) => new Date(t).toISOString().slice(0, 10))),
      numberColumn('birth_year', births.map((t) => new Date(t).getUTCFullYear()), 'integer'),
      numberColumn('year', births.map((t) => new Date(t).getUTCFullYear()), 'integer'),
    ));
    assert.equal(find(found, 'birth-date', 'date_of_birth')?.severity, 'high');
    const guess = find(found, 'birth-date', 'joined')!;
    assert.equal(guess.severity, 'medium');
    assert.equal(guess.numbers.guess, true);
    assert.equal(find(found, 'birth-date', 'event_date'), undefined);
    assert.equal(find(found, 'birth-date', 'fecha de nacimiento')?.severity, 'high');
    assert.equal(find(found, 'birth-date', 'birth_year')?.severity, 'high');
    assert.equal(find(found, 'birth-date', 'year'), undefined);
  });
});

describe('the dataset summary', () => {
  test('one "passed" finding when no column holds personal data', () => {
    const found = run(table(
      textColumn('region', ['North', 'South', 'East', 'West'], 'category'),
      numberColumn('amount', [100, 250, 1_234_567, 5_553_381_248], 'decimal'),
      textColumn('purpose', ['car', 'home improvement', 'education', 'small business']),
    ));
    assert.equal(found.length, 1);
    assert.equal(found[0]!.status, 'passed');
    assert.equal(found[0]!.severity, 'info');
    assert.equal(found[0]!.numbers.columnsChecked, 3);
  });

  test('lists the columns, worst severity first; ignored columns are skipped', () => {
    const t = table(
      textColumn('email', repeat(['a.b@example.com', 'c.d@example.com'], 5)),
      textColumn('card', repeat(['4111 1111 1111 1111', '5555 5555 5555 4444'], 5)),
      textColumn('notes', [...repeat(['fine'], 9), '+44 20 7946 0958']),
    );
    const all = run(t);
    const s = summary(all);
    assert.equal(s.status, 'issue');
    assert.equal(s.severity, 'critical');
    assert.deepEqual(s.columns, ['email', 'card', 'notes']);
    assert.equal(s.numbers.columnsHolding, 2);
    assert.equal(s.numbers.columnsPartial, 1);
    assert.equal(s.numbers['kindsOf:card'], 'card-number');
    assert.equal(s.chart?.kind, 'bars');
    const withoutCard = run(t, ['card']);
    assert.equal(summary(withoutCard).severity, 'high');
    assert.equal(withoutCard.some((f) => f.columns.includes('card')), false);
  });

  test('evidence states the cap on values examined', () => {
    const out = privacyChecks[0]!.run(input(table(textColumn('email', ['a.b@example.com']))));
    assert.equal(out.evidence.valuesCap, 100_000);
    assert.match(String(out.evidence.capRule), /100000 distinct values/);
  });
});
