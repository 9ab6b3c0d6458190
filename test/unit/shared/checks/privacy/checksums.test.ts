import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { cardNetwork, ibanMod97, luhnValid } from '../../../../../src/shared/checks/privacy/checksums';
import { cardTest, ibanTest } from '../../../../../src/shared/checks/privacy/detect-financial';

describe('Luhn checksum', () => {
  test('published test card numbers pass, one changed digit fails', () => {
    for (const n of ['4111111111111111', '5555555555554444', '378282246310005', '6011111111111117', '3530111333300000', '79927398713']) {
      assert.ok(luhnValid(n), n);
    }
    assert.equal(luhnValid('4111111111111112'), false);
    assert.equal(luhnValid('79927398710'), false);
    assert.equal(luhnValid('4111-1111'), false, 'digits only');
  });
});

describe('card issuer ranges', () => {
  test('known prefixes and lengths', () => {
    assert.equal(cardNetwork('4111111111111111'), 'Visa');
    assert.equal(cardNetwork('5555555555554444'), 'Mastercard');
    assert.equal(cardNetwork('2221000000000009'), 'Mastercard');
    assert.equal(cardNetwork('2720990000000007'), 'Mastercard');
    assert.equal(cardNetwork('378282246310005'), 'American Express');
    assert.equal(cardNetwork('6011111111111117'), 'Discover');
    assert.equal(cardNetwork('6500000000000002'), 'Discover');
    assert.equal(cardNetwork('3530111333300000'), 'JCB');
  });
  test('outside the ranges or the wrong length', () => {
    assert.equal(cardNetwork('1234567812345670'), null);
    assert.equal(cardNetwork('2720999999999999'.replace(/^2720/, '2721')), null);
    assert.equal(cardNetwork('37828224631000'), null, 'Amex is 15 digits');
    assert.equal(cardNetwork('41111111111111'), null, 'Visa is 13, 16 or 19 digits');
  });
});

describe('card numbers as written', () => {
  test('spaces and dashes allowed; only Luhn-valid values match', () => {
    assert.equal(cardTest('4111 1111 1111 1111'), 1);
    assert.equal(cardTest('4111-1111-1111-1111'), 1);
    assert.equal(cardTest('4111111111111111'), 1);
    assert.equal(cardTest('3782 822463 10005'), 1);
    assert.equal(cardTest('4111 1111 1111 1112'), 2, 'right shape, Luhn fails');
  });
  test('not cards', () => {
    for (const v of ['1234 5678 9012 3456', '4111 1111 1111', '4111  1111 1111 1111', '4111.1111.1111.1111', 'A111 1111 1111 1111', '12345', '9999999999999995']) {
      assert.equal(cardTest(v), 0, v);
    }
  });
});

describe('IBAN mod-97 check', () => {
  test('the ISO 13616 example passes; one changed digit fails', () => {
    assert.equal(ibanMod97('GB82WEST12345698765432'), 1);
    assert.equal(ibanTest('GB82 WEST 1234 5698 7654 32'), 1);
    assert.equal(ibanTest('GB82WEST12345698765432'), 1);
    assert.equal(ibanTest('gb82 west 1234 5698 7654 32'), 1, 'lower case is read as upper case');
    assert.equal(ibanTest('GB82 WEST 1234 5698 7654 33'), 2);
    assert.equal(ibanTest('DE89 3704 0044 0532 0130 00'), 1);
    assert.equal(ibanTest('FR14 2004 1010 0505 0001 3M02 606'), 1);
    assert.equal(ibanTest('NL91 ABNA 0417 1643 00'), 1);
  });
  test("wrong length for the country, or not IBAN-shaped", () => {
    assert.equal(ibanTest('GB82 WEST 1234 5698 7654 3'), 0, 'GB is 22 characters');
    assert.equal(ibanTest('DE89 3704 0044 0532 0130 0000'), 0);
    assert.equal(ibanTest('1234 5678 9012 3456'), 0);
    assert.equal(ibanTest('GBXX WEST 1234 5698 7654 32'), 0);
  });
});
