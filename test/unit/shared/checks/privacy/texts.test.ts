import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { privacyChecks } from '../../../../../src/shared/checks/privacy';
import type { PrivacyCheckId } from '../../../../../src/shared/checks/privacy/kinds';
import type { Finding } from '../../../../../src/shared/findings/types';
import { PRIVACY_TEXTS } from '../../../../../src/shared/text/en/privacy';
import { input, numberColumn, repeat, table, textColumn } from './helpers';

const words = (s: string): number => s.split(/\s+/).filter((w) => w !== '').length;
const year = 365.2425 * 86_400_000;

/** One table that sets off every check, fully and partly. */
const t = table(
  textColumn('email', repeat(['a.b@example.com', 'c.d@example.com'], 10)),
  textColumn('phone', repeat(['+1-555-338-1248', '(555) 338-1249'], 10)),
  textColumn('pan', repeat(['4111 1111 1111 1111', '5555 5555 5555 4444'], 10)),
  textColumn('ssn', repeat(['078-05-1120', '123-45-6789'], 10)),
  textColumn('nino', repeat(['AB 12 34 56 C', 'JG103759A'], 10)),
  textColumn('ip', repeat(['10.0.0.1', '2001:db8::1'], 10)),
  textColumn('iban', repeat(['GB82 WEST 1234 5698 7654 32', 'DE89 3704 0044 0532 0130 00'], 10)),
  textColumn('address', repeat(['221B Baker Street', 'Hauptstraße 5'], 10)),
  textColumn('customer', repeat(['Maria Garcia', 'Wei Zhang', 'Liam Brown', 'Sofia Rossi', 'Omar Ali'], 4)),
  textColumn('surname', repeat(['Garcia', 'Zhang'], 10)),
  numberColumn('dob', Array.from({ length: 20 }, (_, i) => Date.UTC(2026, 0, 1) - (20 + i * 2) * year), 'date'),
  numberColumn('start', Array.from({ length: 20 }, (_, i) => Date.UTC(2026, 0, 1) - (20 + i * 2) * year), 'date'),
  textColumn('notes', [...repeat(['fine'], 19), 'x@example.com']),
);

describe('privacy texts', () => {
  const findings: Finding[] = privacyChecks.flatMap((c) => c.run(input(t)).findings);

  test('every privacy check has texts', () => {
    for (const c of privacyChecks) {
      const text = PRIVACY_TEXTS[c.id as PrivacyCheckId];
      assert.ok(text, c.id);
      assert.ok(text.title.length > 3 && text.learnMore.length > 100, c.id);
    }
  });

  test('every check fired on the test table, including a partial match and both guesses', () => {
    assert.deepEqual(new Set(findings.map((f) => f.check)), new Set(privacyChecks.map((c) => c.id)));
    assert.ok(findings.some((f) => f.numbers.partial === true));
    assert.ok(findings.some((f) => f.check === 'privacy.person-name' && f.numbers.guess === true));
    assert.ok(findings.some((f) => f.check === 'privacy.birth-date' && f.numbers.guess === true));
  });

  test('headlines carry the numbers in under 25 words; why and action are there; no example value appears raw', () => {
    const raw = t.columns.flatMap((c) => (c.storage === 'codes' ? c.dictionary : []));
    for (const f of findings) {
      const text = PRIVACY_TEXTS[f.check as PrivacyCheckId];
      const headline = text.headline(f);
      assert.ok(words(headline) < 25, `${f.id}: ${headline}`);
      assert.ok(text.why(f).length > 50 && text.action(f).length > 30, f.id);
      for (const v of raw) assert.equal(headline.includes(v) || text.why(f).includes(v), false, `${f.id} shows ${v}`);
      if (f.check !== 'privacy.personal-data' && !f.numbers.guess) assert.match(headline, /\d/, f.id);
    }
  });

  test('the words follow the finding: "looks like", partial matches, the kind of id, the summary', () => {
    const headline = (id: string): string => {
      const f = findings.find((x) => x.id === id)!;
      return PRIVACY_TEXTS[f.check as PrivacyCheckId].headline(f);
    };
    assert.equal(headline('privacy.email:email'), '20 of 20 values in “email” (100%) look like e-mail addresses.');
    assert.equal(headline('privacy.email:notes'), 'Some values in “notes” look like e-mail addresses: 1 of 20 values (5%).');
    assert.match(headline('privacy.national-id:ssn'), /look like US Social Security numbers/);
    assert.match(headline('privacy.national-id:nino'), /look like UK National Insurance numbers/);
    assert.match(headline('privacy.person-name:customer'), /a guess/);
    assert.match(headline('privacy.birth-date:start'), /may be a birth-date column/);
    assert.equal(headline('privacy.personal-data:dataset'), '11 columns hold personal data: “email”, “phone”, “pan” and 8 more.');
    const s = findings.find((f) => f.check === 'privacy.personal-data')!;
    assert.match(PRIVACY_TEXTS['privacy.personal-data'].why(s), /customer \(people's names\)/);
    const partial = findings.find((f) => f.id === 'privacy.email:notes')!;
    assert.match(PRIVACY_TEXTS['privacy.email'].action(partial), /^Look at the flagged rows/);
  });

  test('the passed finding says what was checked', () => {
    const [passed] = privacyChecks.at(-1)!.run(input(table(textColumn('region', ['North', 'South'])))).findings;
    const text = PRIVACY_TEXTS['privacy.personal-data'];
    assert.equal(text.headline(passed!), 'No column looks like it holds personal data (1 column checked).');
    assert.match(text.why(passed!), /e-mail addresses, phone numbers, .* and dates of birth/);
  });
});
