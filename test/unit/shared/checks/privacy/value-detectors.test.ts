import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { nameHints } from '../../../../../src/shared/checks/privacy/column-names';
import { isLooseAddress, isStreetAddress } from '../../../../../src/shared/checks/privacy/detect-address';
import { isEmail, isPhone } from '../../../../../src/shared/checks/privacy/detect-contact';
import { isNino, nationalIdType, ssnVerdict } from '../../../../../src/shared/checks/privacy/detect-national-id';
import { looksLikeFullName, nameWords } from '../../../../../src/shared/checks/privacy/detect-name';
import { ipVersion, isIpv4, isIpv6 } from '../../../../../src/shared/checks/privacy/detect-network';

describe('e-mail addresses', () => {
  test('matches local@domain.tld', () => {
    for (const v of ['omar.muller69@example.com', 'a@b.co', "o'brien+tag@mail.example.co.uk", 'x_y-z@sub-domain.example.org', 'UPPER@EXAMPLE.COM']) {
      assert.ok(isEmail(v), v);
    }
  });
  test('refuses near misses', () => {
    for (const v of ['plainaddress', '@example.com', 'a@b', 'a@b.c', 'a..b@example.com', '.a@example.com', 'a.@example.com', 'a@-example.com', 'a@example-.com', 'a b@example.com', 'a@b@example.com', 'a@example.c0m', `${'x'.repeat(65)}@example.com`]) {
      assert.equal(isEmail(v), false, v);
    }
  });
});

describe('phone numbers', () => {
  test('E.164 and national formats with separators', () => {
    for (const v of ['+1-555-338-1248', '+4915112345678', '+44 20 7946 0958', '(555) 338-1248', '555-338-1248', '555.338.1248', '555 338 1248', '01 23 45 67 89', '+1 (555) 338-1248 ext. 12', '+33 1 23 45 67 89']) {
      assert.ok(isPhone(v, false), v);
    }
  });
  test('plain digits only in a phone-named column', () => {
    assert.equal(isPhone('5553381248', false), false);
    assert.ok(isPhone('5553381248', true));
    assert.ok(isPhone('07700 900123', true));
    assert.equal(isPhone('07700 900123', false), false, 'two groups without a name could be a range or an id');
  });
  test('amounts, ids, ranges, dates, IPs and SSNs are not phones', () => {
    for (const v of ['1234567', '52000', '10000-20000', '1.234.567', '1 234 567', '1234567.89', '2025-02-22', '22.02.2025', '12/31/2025', '192.168.1.10', '078-05-1120', 'A100000', '+12345', '123456789012345678', '18-24']) {
      assert.equal(isPhone(v, false), false, v);
    }
    for (const v of ['2025-02-22', '192.168.1.10', '078-05-1120', '1.234.567', '1234567.89']) assert.equal(isPhone(v, true), false, `${v} (named)`);
  });
});

describe('national-id-like numbers', () => {
  test('US SSN pattern with valid parts', () => {
    assert.equal(ssnVerdict('078-05-1120', false), 1);
    assert.equal(ssnVerdict('123-45-6789', false), 1);
    assert.equal(nationalIdType('078-05-1120', false), 'ssn');
  });
  test('impossible areas, groups and serials are the shape only', () => {
    for (const v of ['000-12-3456', '666-12-3456', '900-12-3456', '999-12-3456', '123-00-4567', '123-45-0000']) assert.equal(ssnVerdict(v, false), 2, v);
    assert.equal(ssnVerdict('123456789', false), 0, 'plain digits need an id-like column name');
    assert.equal(ssnVerdict('123456789', true), 1);
    assert.equal(ssnVerdict('12-345-6789', true), 0);
  });
  test('UK National Insurance number pattern', () => {
    for (const v of ['AB123456C', 'AB 12 34 56 C', 'ab123456d', 'JG103759A']) assert.ok(isNino(v), v);
    for (const v of ['GB123456A', 'BG123456A', 'NK123456A', 'DA123456A', 'AO123456A', 'AB123456E', 'AB12345C', 'ZZ123456A']) assert.equal(isNino(v), false, v);
    assert.equal(nationalIdType('AB 12 34 56 C', false), 'nino');
  });
});

describe('IP addresses', () => {
  test('IPv4 octets 0–255', () => {
    for (const v of ['192.168.1.1', '0.0.0.0', '255.255.255.255', '10.0.0.1', '192.168.001.010']) assert.ok(isIpv4(v), v);
    for (const v of ['256.1.1.1', '1.2.3', '1.2.3.4.5', '1.2.3.a', '1.2.3.1000', '']) assert.equal(isIpv4(v), false, v);
  });
  test('IPv6 full and compressed forms', () => {
    for (const v of ['2001:db8::1', '2001:0db8:85a3:0000:0000:8a2e:0370:7334', '::1', '::', 'fe80::', '1::', '::ffff:192.0.2.1', '1:2:3:4:5:6:1.2.3.4', '2001:DB8:0:0:8:800:200C:417A']) {
      assert.ok(isIpv6(v), v);
    }
    for (const v of ['2001:db8:::1', '1::2::3', '1:2:3:4:5:6:7', '1:2:3:4:5:6:7:8:9', '12:30', '10:30:00', 'aa:bb:cc:dd:ee:ff', '2001:db8::g', '12345::1', '::ffff:999.0.2.1', '1:2:3:4:5:6:7::8']) {
      assert.equal(isIpv6(v), false, v);
    }
    assert.equal(ipVersion('2001:db8::1'), 6);
    assert.equal(ipVersion('10.0.0.1'), 4);
    assert.equal(ipVersion('hello'), 0);
  });
});

describe('street addresses', () => {
  test('number first, street type first, and compound street names', () => {
    for (const v of [
      '221B Baker Street', '1600 Pennsylvania Ave NW, Washington, DC 20500', '12 Main St.', 'Apt 4, 12 Oak Road', '742 Evergreen Terrace',
      '12 rue de la Paix', '3 bis, avenue Foch', 'Calle Mayor, 12', 'C/ Mayor 5', 'Via Roma 10', 'Avenida de la Constitución 3',
      'Hauptstraße 5', 'Berliner Straße 12a', 'Kirchweg 3', 'Prinsengracht 263',
    ]) {
      assert.ok(isStreetAddress(v), v);
    }
  });
  test('other text with numbers is not an address', () => {
    for (const v of ['small business', '12 apples', 'Room 12', '2025-02-22', 'seg_4', 'North', 'Street', '42', 'called great late', 'order 12 of 40 shipped']) {
      assert.equal(isStreetAddress(v), false, v);
    }
  });
  test('under an address-like name, a number and two words are enough', () => {
    assert.ok(isLooseAddress('Flat 3 Rosebank House'));
    assert.equal(isLooseAddress('Rosebank House'), false);
    assert.equal(isLooseAddress('12'), false);
  });
});

describe('personal names', () => {
  test('name-shaped values', () => {
    for (const v of ['Omar', 'Omar Müller', "Anne-Marie O'Brien", 'MARÍA GARCÍA', 'J. Smith', 'Ludwig van Beethoven', 'van der Berg', 'Ronald McDonald', 'Yuki Patel']) {
      assert.ok(nameWords(v), v);
    }
    for (const v of ['omar müller', 'A100000', 'small business', 'J.', 'Omar 2', 'One Two Three Four Five', 'omar@example.com', '']) assert.equal(nameWords(v), null, v);
  });
  test('value-only: Firstname Lastname with a common first name', () => {
    for (const v of ['Maria Garcia', 'Wei Zhang', 'José Rodríguez', 'Zoë Smith', 'Mohammed Al Rashid']) assert.ok(looksLikeFullName(v), v);
    for (const v of ['Maria', 'North West', 'Home Improvement', 'Acme Corp', 'Grace']) assert.equal(looksLikeFullName(v), false, v);
  });
});

describe('what a column name suggests', () => {
  test('person names, not names of things', () => {
    for (const n of ['applicant_name', 'Name', 'first_name', 'LastName', 'surname', 'nombre', 'Apellido', 'prénom', 'Vorname', 'Nachname', 'full name']) {
      assert.ok(nameHints(n).has('person-name'), n);
    }
    for (const n of ['product_name', 'company name', 'file_name', 'username', 'city_name', 'region']) assert.equal(nameHints(n).has('person-name'), false, n);
  });
  test('phones, cards, ids, addresses, birth', () => {
    assert.ok(nameHints('phone').has('phone'));
    assert.ok(nameHints('Telefonnummer').has('phone'));
    assert.ok(nameHints('mobile_no').has('phone'));
    assert.ok(nameHints('credit_card_number').has('card'));
    assert.ok(nameHints('SSN').has('national-id'));
    assert.ok(nameHints('home_address').has('address'));
    assert.equal(nameHints('email_address').has('address'), false);
    assert.equal(nameHints('ip_address').has('address'), false);
    assert.ok(nameHints('email_address').has('email'));
    for (const n of ['dob', 'date_of_birth', 'BirthDate', 'fecha de nacimiento', 'date_de_naissance', 'Geburtsdatum']) assert.ok(nameHints(n).has('birth'), n);
    assert.equal(nameHints('application_date').has('birth'), false);
    assert.equal(nameHints('amount').size, 0);
  });
});
