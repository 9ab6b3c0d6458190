import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { PII_KINDS } from '../../../../../src/shared/checks/privacy/kinds';
import { MASK, maskMiddle, maskValue } from '../../../../../src/shared/checks/privacy/mask';

const significant = (s: string): string[] => Array.from(s).filter((c) => /[\p{L}\p{N}]/u.test(c));

describe('maskValue', () => {
  test('keeps the first and last letter or digit and the separators', () => {
    assert.equal(maskValue('card-number', '4111 1111 1111 1111'), '4*** **** **** ***1');
    assert.equal(maskValue('phone', '+1-555-338-1248'), '+1-***-***-***8');
    assert.equal(maskValue('national-id', '078-05-1120'), '0**-**-***0');
    assert.equal(maskValue('iban', 'GB82 WEST 1234 5698 7654 32'), 'G*** **** **** **** **** *2');
    assert.equal(maskValue('ip-address', '192.168.1.1'), '1**.***.*.1');
    assert.equal(maskValue('person-name', 'Omar Müller'), 'O*** *****r');
    assert.equal(maskValue('birth-date', '1985-03-12'), '1***-**-*2');
  });
  test("e-mail: the local part as above, the domain's shape", () => {
    assert.equal(maskValue('email', 'omar.muller69@example.com'), 'o***.*******9@e******.com');
    assert.equal(maskValue('email', 'ab@mail.example.co.uk'), '**@m***.e******.c*.uk');
  });
  test('short values show less', () => {
    assert.equal(maskMiddle('Li'), '**');
    assert.equal(maskMiddle('Wei'), 'W**');
    assert.equal(maskMiddle('Omar'), 'O***');
    assert.equal(maskMiddle('Olivia'), 'O****a');
    assert.equal(maskMiddle(''), '');
  });
  test('never more than two letters or digits visible (outside an e-mail domain), and the length kept', () => {
    const samples = ['4111111111111111', 'Anne-Marie O’Brien', 'x', '12', 'abc', '+44 20 7946 0958', 'Hauptstraße 5', '2001:db8::1', 'ÅÄÖ åäö'];
    for (const kind of PII_KINDS) {
      for (const v of samples) {
        const m = maskValue(kind, v);
        assert.equal(Array.from(m).length, Array.from(v).length, `${kind} ${v}`);
        const shown = significant(m).filter((c) => c !== MASK);
        assert.ok(shown.length <= 2, `${kind} ${v} → ${m}`);
        if (significant(v).length < 6) assert.ok(shown.length <= 1, `${kind} ${v} → ${m}`);
      }
    }
  });
  test('long values are cut to 64 characters', () => {
    const m = maskValue('street-address', `${'a'.repeat(100)}z`);
    assert.equal(Array.from(m).length, 65);
    assert.ok(m.endsWith('…'));
    assert.ok(!m.includes('z'));
  });
});
