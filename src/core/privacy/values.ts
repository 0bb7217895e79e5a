/**
 * Value-level tests for personal data: one predicate per kind, each strict enough that a column
 * of product codes, order ids or version numbers does not pass. Column-level judgement (how many
 * values, what the header says) lives in detect.ts.
 */

/** Addresses as RFC 5322 allows in practice, with RFC 6531's non-ASCII letters (olivia.müller@example.de). */
const EMAIL = /^[\p{L}\p{N}.!#$%&'*+/=?^_`{|}~-]+@[\p{L}\p{N}](?:[\p{L}\p{N}-]*[\p{L}\p{N}])?(?:\.[\p{L}\p{N}](?:[\p{L}\p{N}-]*[\p{L}\p{N}])?)*\.\p{L}{2,}$/u;

export function isEmail(value: string): boolean {
  return value.length <= 254 && EMAIL.test(value.trim());
}

/** E.164 once separators are removed: a plus, a country code not starting with 0, 8-15 digits. */
const E164 = /^\+[1-9]\d{7,14}$/;
/** North American with separators or parentheses: (415) 555-0132, 415-555-0132, 415.555.0132, +1 415 555 0132. */
const NANP = /^(?:\+?1[\s.-]?)?(?:\(\d{3}\)\s?|\d{3}[\s.-])\d{3}[\s.-]\d{4}$/;
/** Trunk-prefix national numbers with grouping: 020 7946 0958, 07700 900123, 01 23 45 67 89, 030/1234567. */
const NATIONAL = /^0\d{1,4}(?:[\s./-]\d{2,8}){1,4}$/;
/** International with grouping: +44 20 7946 0958, +49 (0)30 1234567, +33 1 23 45 67 89. */
const INTERNATIONAL = /^\+\d{1,3}(?:[\s.-]?\(0?\d{1,4}\))?(?:[\s.-]\d{1,6}){1,5}$/;

/**
 * A phone number in E.164 or a common national format. A bare run of digits counts only when
 * the header already says "phone" (`digitsAllowed`): otherwise every order id would be a phone.
 */
export function isPhone(value: string, digitsAllowed = false): boolean {
  const v = value.trim();
  const digits = v.replace(/\D/g, '').length;
  if (digits < 7 || digits > 15 || /[A-Za-z]/.test(v)) return false;
  if (E164.test(v.replace(/[\s().-]/g, '')) && v.startsWith('+')) return true;
  if (NANP.test(v) || INTERNATIONAL.test(v)) return true;
  if (NATIONAL.test(v) && digits >= 9 && digits <= 12) return true;
  return digitsAllowed && /^\+?\d{7,15}$/.test(v);
}

const OCTET = '(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)';
const IPV4 = new RegExp(`^${OCTET}(?:\\.${OCTET}){3}$`);

export function isIPv4(value: string): boolean {
  return IPV4.test(value.trim());
}

/** IPv6 in full, compressed (::) or with a trailing IPv4 part; an optional zone (%eth0) is allowed. */
export function isIPv6(value: string): boolean {
  const v = value.trim().replace(/%[\w.]+$/, '');
  if (!v.includes(':') || /:::/.test(v)) return false;
  const halves = v.split('::');
  if (halves.length > 2) return false;
  const groups = (part: string) => (part === '' ? [] : part.split(':'));
  const head = groups(halves[0]);
  const tail = halves.length === 2 ? groups(halves[1]) : [];
  const all = [...head, ...tail];
  let slots = all.length;
  const last = all[all.length - 1];
  if (last !== undefined && last.includes('.')) {
    if (!isIPv4(last)) return false;
    all.pop();
    slots += 1; // an IPv4 tail fills two 16-bit groups
  }
  if (!all.every((g) => /^[0-9A-Fa-f]{1,4}$/.test(g))) return false;
  return halves.length === 2 ? slots < 8 : slots === 8;
}

export function isIp(value: string): boolean {
  return isIPv4(value) || isIPv6(value);
}

/** Luhn's checksum over a string of digits. */
export function luhnValid(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = digits.charCodeAt(digits.length - 1 - i) - 48;
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

/**
 * A payment card number: 13-19 digits, optionally grouped by single spaces or dashes, a major
 * network's first digit (2-6), Luhn-valid, and not one repeated digit (0000… passes Luhn).
 */
export function isCardNumber(value: string): boolean {
  const v = value.trim();
  if (!/^\d+(?:[ -]\d+)*$/.test(v)) return false;
  const digits = v.replace(/[ -]/g, '');
  if (digits.length < 13 || digits.length > 19) return false;
  if (!/^[2-6]/.test(digits) || /^(\d)\1+$/.test(digits)) return false;
  return luhnValid(digits);
}

/** An IBAN: country, two check digits, 11-30 letters or digits, and ISO 7064 mod-97 equal to 1. */
export function isIban(value: string): boolean {
  const v = value.replace(/\s+/g, '').toUpperCase();
  if (!/^[A-Z]{2}\d{2}[A-Z0-9]{11,30}$/.test(v)) return false;
  const moved = v.slice(4) + v.slice(0, 4);
  let remainder = 0;
  for (const ch of moved) {
    const n = ch >= 'A' ? ch.charCodeAt(0) - 55 : ch.charCodeAt(0) - 48;
    // Letters are two digits (A = 10): fold them in one at a time so the number never overflows.
    remainder = n >= 10 ? (remainder * 100 + n) % 97 : (remainder * 10 + n) % 97;
  }
  return remainder === 1;
}

/** Dates as text (2024-03-15, 15/03/1984, 03-15-1984) read as epoch ms, or null. Day-first when ambiguous. */
export function parseDateText(value: string): number | null {
  const v = value.trim();
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ].*)?$/.exec(v);
  let y: number, mo: number, d: number;
  if (m) [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  else if ((m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(v))) {
    const [a, b] = [Number(m[1]), Number(m[2])];
    [d, mo] = b > 12 ? [b, a] : [a, b];
    y = Number(m[3]);
  } else return null;
  if (mo < 1 || mo > 12 || d < 1 || d > 31) return null;
  const t = Date.UTC(y, mo - 1, d);
  return Number.isNaN(t) ? null : t;
}

/** A person's name as written in a column: 1-3 capitalised words (O'Brien, Jean-Luc, McDonald, Zoë). */
const NAME_WORD = /^\p{Lu}[\p{Ll}\p{Lu}'’.-]*\p{Ll}[\p{Ll}'’-]*$|^\p{Lu}\.$/u;

/** Capitalised words that make a title, a company or a place rather than a person. */
const NOT_NAME_WORDS = new Set(['the', 'of', 'and', 'a', 'an', 'in', 'on', 'for', 'to', 'with', 'at', 'by', 'from', 'inc', 'inc.', 'corp', 'corp.', 'ltd', 'ltd.', 'llc', 'gmbh', 'co', 'co.', 'group', 'company', 'bank', 'university', 'hotel', 'school', 'street', 'road', 'avenue', 'city', 'new', 'north', 'south', 'east', 'west', 'pro', 'plus', 'max', 'mini']);

export function nameWords(value: string): string[] | null {
  const words = value.trim().split(/\s+/);
  if (words.length < 1 || words.length > 3 || words[0] === '') return null;
  return words.every((w) => NAME_WORD.test(w) && !NOT_NAME_WORDS.has(w.toLowerCase())) ? words : null;
}
