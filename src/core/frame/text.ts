/**
 * Field bytes to strings. UTF-8 is decoded by hand so that the same pass validates it: the first
 * invalid sequence throws InvalidUtf8 and ingest re-reads the file as windows-1252.
 */
import type { TextEncodingName } from './types';

export class InvalidUtf8 extends Error {
  constructor() {
    super('The bytes are not valid UTF-8.');
  }
}

/** windows-1252 0x80..0x9F; the rest of the byte range is Latin-1, i.e. the code point itself. */
const CP1252_HIGH = [
  0x20ac, 0x81, 0x201a, 0x192, 0x201e, 0x2026, 0x2020, 0x2021, 0x2c6, 0x2030, 0x160, 0x2039, 0x152, 0x8d, 0x17d, 0x8f,
  0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x2dc, 0x2122, 0x161, 0x203a, 0x153, 0x9d, 0x17e, 0x178,
];

export interface FieldDecoder {
  decode(bytes: Uint8Array, start: number, end: number): string;
}

function unitsToString(units: Uint16Array, length: number): string {
  if (length <= 16) {
    let text = '';
    for (let k = 0; k < length; k++) text += String.fromCharCode(units[k]);
    return text;
  }
  let text = '';
  for (let k = 0; k < length; k += 8192) {
    text += String.fromCharCode.apply(null, units.subarray(k, Math.min(length, k + 8192)) as unknown as number[]);
  }
  return text;
}

/**
 * strict: throw InvalidUtf8 on a bad sequence (auto-detection); otherwise bad bytes become U+FFFD
 * (the user forced utf-8).
 */
export function createDecoder(encoding: TextEncodingName, strict: boolean): FieldDecoder {
  let units = new Uint16Array(256);
  const lenient = new TextDecoder('utf-8');
  return {
    decode(bytes, start, end) {
      const length = end - start;
      if (units.length < length) units = new Uint16Array(length * 2);
      let n = 0;
      if (encoding === 'windows-1252') {
        for (let i = start; i < end; i++) {
          const b = bytes[i];
          units[n++] = b >= 0x80 && b < 0xa0 ? CP1252_HIGH[b - 0x80] : b;
        }
        return unitsToString(units, n);
      }
      let i = start;
      while (i < end) {
        const b = bytes[i];
        if (b < 0x80) {
          units[n++] = b;
          i++;
          continue;
        }
        const cp = decodeSequence(bytes, i, end);
        if (cp < 0) {
          if (strict) throw new InvalidUtf8();
          return lenient.decode(bytes.subarray(start, end));
        }
        i += cp >= 0x10000 ? 4 : cp >= 0x800 ? 3 : 2;
        if (cp >= 0x10000) {
          const v = cp - 0x10000;
          units[n++] = 0xd800 + (v >> 10);
          units[n++] = 0xdc00 + (v & 0x3ff);
        } else {
          units[n++] = cp;
        }
      }
      return unitsToString(units, n);
    },
  };
}

/** The code point of the multi-byte sequence at i, or -1 when it is not valid UTF-8. */
function decodeSequence(bytes: Uint8Array, i: number, end: number): number {
  const b0 = bytes[i];
  const cont = (k: number, lo = 0x80, hi = 0xbf): number => {
    if (i + k >= end) return -1;
    const b = bytes[i + k];
    return b >= lo && b <= hi ? b & 0x3f : -1;
  };
  if (b0 >= 0xc2 && b0 <= 0xdf) {
    const c1 = cont(1);
    return c1 < 0 ? -1 : ((b0 & 0x1f) << 6) | c1;
  }
  if (b0 >= 0xe0 && b0 <= 0xef) {
    const c1 = cont(1, b0 === 0xe0 ? 0xa0 : 0x80, b0 === 0xed ? 0x9f : 0xbf);
    const c2 = c1 < 0 ? -1 : cont(2);
    return c2 < 0 ? -1 : ((b0 & 0x0f) << 12) | (c1 << 6) | c2;
  }
  if (b0 >= 0xf0 && b0 <= 0xf4) {
    const c1 = cont(1, b0 === 0xf0 ? 0x90 : 0x80, b0 === 0xf4 ? 0x8f : 0xbf);
    const c2 = c1 < 0 ? -1 : cont(2);
    const c3 = c2 < 0 ? -1 : cont(3);
    return c3 < 0 ? -1 : ((b0 & 0x07) << 18) | (c1 << 12) | (c2 << 6) | c3;
  }
  return -1;
}

/**
 * Whether bytes are valid UTF-8. A sequence cut by the end of a sample is allowed when
 * allowTruncatedEnd is set (the rest is in the next chunk).
 */
export function isValidUtf8(bytes: Uint8Array, allowTruncatedEnd: boolean): boolean {
  const end = bytes.length;
  let i = 0;
  while (i < end) {
    if (bytes[i] < 0x80) {
      i++;
      continue;
    }
    const cp = decodeSequence(bytes, i, end);
    if (cp < 0) return allowTruncatedEnd && end - i < 4 && bytes[i] >= 0xc2;
    i += cp >= 0x10000 ? 4 : cp >= 0x800 ? 3 : 2;
  }
  return true;
}

/** A whole buffer as text (JSON, samples). */
export function decodeAll(bytes: Uint8Array, encoding: TextEncodingName): string {
  try {
    // Native decoders are much faster on big inputs; windows-1252 may be missing from a small-ICU host.
    return new TextDecoder(encoding).decode(bytes);
  } catch {
    return createDecoder(encoding, false).decode(bytes, 0, bytes.length);
  }
}
