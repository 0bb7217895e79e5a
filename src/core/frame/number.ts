/**
 * Numbers read straight from bytes, so a million numeric fields never become a million strings.
 * Grammar: [+-] digits [. digits] [(e|E) [+-] digits], or [+-] . digits. Spaces around are ignored.
 */

export const POW10 = [1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22];

/**
 * The value of bytes[start, end) as a number, or NaN when the field is not a plain number.
 * "007" is NaN on purpose: a leading zero means a code (zip, id), not a quantity.
 */
export function parseNumberBytes(bytes: Uint8Array, start: number, end: number): number {
  while (start < end && bytes[start] === 0x20) start++;
  while (end > start && bytes[end - 1] === 0x20) end--;
  let i = start;
  let negative = false;
  if (i < end && (bytes[i] === 0x2d || bytes[i] === 0x2b)) {
    negative = bytes[i] === 0x2d;
    i++;
  }
  const intStart = i;
  let mantissa = 0;
  let d = 0;
  while (i < end && (d = bytes[i] - 48) >= 0 && d <= 9) {
    mantissa = mantissa * 10 + d;
    i++;
  }
  const intDigits = i - intStart;
  if (intDigits > 1 && bytes[intStart] === 0x30) return NaN;
  let scale = 0;
  let fracDigits = 0;
  if (i < end && bytes[i] === 0x2e) {
    i++;
    while (i < end && (d = bytes[i] - 48) >= 0 && d <= 9) {
      mantissa = mantissa * 10 + d;
      fracDigits++;
      i++;
    }
    scale = -fracDigits;
  }
  if (intDigits + fracDigits === 0) return NaN;
  if (i < end && (bytes[i] === 0x65 || bytes[i] === 0x45)) {
    i++;
    let expNegative = false;
    if (i < end && (bytes[i] === 0x2d || bytes[i] === 0x2b)) {
      expNegative = bytes[i] === 0x2d;
      i++;
    }
    const expStart = i;
    let exponent = 0;
    while (i < end && (d = bytes[i] - 48) >= 0 && d <= 9) {
      if (exponent < 100000) exponent = exponent * 10 + d;
      i++;
    }
    if (i === expStart) return NaN;
    scale += expNegative ? -exponent : exponent;
  }
  if (i !== end) return NaN;
  let value: number;
  // Clinger's fast path: an exact mantissa (<= 15 digits) times an exact power of ten rounds once, so it is exact.
  if (intDigits + fracDigits <= 15 && scale >= -22 && scale <= 22) {
    value = scale < 0 ? mantissa / POW10[-scale] : mantissa * POW10[scale];
  } else {
    let text = '';
    for (let k = start; k < end; k++) text += String.fromCharCode(bytes[k]);
    value = Math.abs(Number(text));
  }
  if (!Number.isFinite(value)) return NaN;
  return negative ? -value : value;
}

/**
 * Decimal places of a number as written, less its exponent, never below 0 ("1.50" 2, "1.5e-3" 4,
 * "2.5e1" 0): the d with value = M / 10^d for a whole M. Only for text parseNumberBytes accepted.
 */
export function writtenDecimals(bytes: Uint8Array, start: number, end: number): number {
  let i = start;
  let fraction = 0;
  let point = false;
  for (; i < end; i++) {
    const c = bytes[i];
    if (c === 0x65 || c === 0x45) break;
    if (c === 0x2e) point = true;
    else if (point && c >= 0x30 && c <= 0x39) fraction++;
  }
  let exponent = 0;
  let negative = false;
  for (i++; i < end; i++) {
    const c = bytes[i];
    if (c === 0x2d) negative = true;
    else if (c >= 0x30 && c <= 0x39 && exponent < 100000) exponent = exponent * 10 + (c - 0x30);
  }
  return Math.max(0, fraction + (negative ? exponent : -exponent));
}

/** The same rule for a string (JSON values, dictionary entries, conversions). */
export function parseNumberText(text: string): number {
  const bytes = new Uint8Array(text.length);
  for (let k = 0; k < text.length; k++) {
    const c = text.charCodeAt(k);
    if (c > 0x7f) return NaN;
    bytes[k] = c;
  }
  return parseNumberBytes(bytes, 0, bytes.length);
}

/** A number as the user would type it back: shortest round-trip form. */
export function formatNumber(value: number): string {
  return Object.is(value, -0) ? '0' : String(value);
}

/**
 * A number for reading, not for files: four significant digits, but never fewer digits than its
 * integer part has (12345.6 shows as 12346, not 1.235e4). Files keep full precision.
 */
export function roundForDisplay(value: number, significant = 4): string {
  if (!Number.isFinite(value)) return String(value);
  if (value === 0) return '0';
  const integerDigits = Math.floor(Math.log10(Math.abs(value))) + 1;
  return formatNumber(Number(value.toPrecision(Math.min(15, Math.max(significant, integerDigits)))));
}

/** Decimals with more than six fraction digits in a line of text (a CSV preview) rounded for display. */
export function roundDecimalsForDisplay(text: string): string {
  return text.replace(/-?\d+\.\d{7,}(?:e[+-]?\d+)?/g, (n) => roundForDisplay(Number(n)));
}

const MISSING = new Set(['', 'na', 'n/a', 'null', 'nan', '?']);

/** Missing markers: "", NA, N/A, null, NaN, ? (any case, spaces around ignored). */
export function isMissingMarker(bytes: Uint8Array, start: number, end: number): boolean {
  while (start < end && bytes[start] === 0x20) start++;
  while (end > start && bytes[end - 1] === 0x20) end--;
  const length = end - start;
  if (length === 0) return true;
  if (length > 4) return false;
  let text = '';
  for (let k = start; k < end; k++) text += String.fromCharCode(bytes[k] | 0x20);
  // OR-ing 0x20 lowercases ASCII letters and leaves '/' and '?' as they are.
  return MISSING.has(text);
}

export function isMissingText(text: string): boolean {
  return MISSING.has(text.trim().toLowerCase());
}
