import { describe, expect, it } from 'vitest';
import { CARDS, EMAILS, IBANS, IPS, NOT_CARDS, NOT_IBANS, ORDER_IDS, PHONES, PRODUCT_CODES, VERSIONS, DATES_IN_TEXT } from './detect.fixture';
import { isCardNumber, isEmail, isIban, isIp, isIPv6, isPhone, luhnValid, nameWords, parseDateText } from './values';

describe('personal-data value tests', () => {
  it('accepts the published test cards and rejects the same digits off by one', () => {
    expect(CARDS.filter(isCardNumber)).toEqual(CARDS);
    expect(NOT_CARDS.filter(isCardNumber)).toEqual([]);
    expect(luhnValid('79927398713')).toBe(true);
    expect(luhnValid('79927398710')).toBe(false);
    expect(isCardNumber('0000 0000 0000 0000')).toBe(false);
    expect(isCardNumber('4111  1111 1111 1111')).toBe(false);
  });
  it('accepts valid IBANs by mod-97 and rejects wrong check digits', () => {
    expect(IBANS.filter(isIban)).toEqual(IBANS);
    expect(NOT_IBANS.filter(isIban)).toEqual([]);
  });
  it('tells emails, phones and IPs from codes, ids, versions and dates', () => {
    expect(EMAILS.every(isEmail)).toBe(true);
    expect(isEmail('olivia.müller@example.de')).toBe(true);
    expect(['ana@', '@example.com', 'a b@example.com', 'user@localhost'].some(isEmail)).toBe(false);
    expect(PHONES.filter((p) => !isPhone(p))).toEqual([]);
    expect([...PRODUCT_CODES, ...ORDER_IDS, ...VERSIONS, ...DATES_IN_TEXT, '12:30:45', '3.14159'].filter((v) => isPhone(v))).toEqual([]);
    // A bare digit run is a phone only when the header says so.
    expect(isPhone('4155550132')).toBe(false);
    expect(isPhone('4155550132', true)).toBe(true);
    expect(IPS.filter((ip) => !isIp(ip))).toEqual([]);
    expect(['256.1.1.1', '1.2.3', '12:30:45', '2001:db8::1::2', 'gggg::1', '1:2:3:4:5:6:7:8:9'].some(isIp)).toBe(false);
    expect(isIPv6('::1')).toBe(true);
  });
  it('reads dates as text and name shapes', () => {
    expect(parseDateText('1984-03-15')).toBe(Date.UTC(1984, 2, 15));
    expect(parseDateText('15/03/1984')).toBe(Date.UTC(1984, 2, 15));
    expect(parseDateText('03/15/1984')).toBe(Date.UTC(1984, 2, 15));
    expect(parseDateText('SKU-10023')).toBeNull();
    expect(nameWords("Liam O'Brien")).toEqual(['Liam', "O'Brien"]);
    expect(nameWords('Anna Müller')).toEqual(['Anna', 'Müller']);
    expect(nameWords('SKU-10023')).toBeNull();
    expect(nameWords('ALL CAPS')).toBeNull();
    expect(nameWords('one two three four'.replace(/\b\w/g, (c) => c.toUpperCase()))).toBeNull();
  });
});
