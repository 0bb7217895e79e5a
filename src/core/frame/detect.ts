/** What a file is, from its first bytes: binary or text, which text format, and a BOM to skip. */
import type { FileFormat } from './types';

/** Known binary signatures, checked at offset 0 (and 8 for WebP). */
const MAGIC: { bytes: number[]; name: string }[] = [
  { bytes: [0x89, 0x50, 0x4e, 0x47], name: 'PNG image' },
  { bytes: [0xff, 0xd8, 0xff], name: 'JPEG image' },
  { bytes: [0x47, 0x49, 0x46, 0x38], name: 'GIF image' },
  { bytes: [0x25, 0x50, 0x44, 0x46], name: 'PDF document' },
  { bytes: [0xd0, 0xcf, 0x11, 0xe0], name: 'legacy Office document (.xls or .doc; save a workbook as .xlsx or CSV)' },
  { bytes: [0x1f, 0x8b], name: 'gzip archive (decompress it first)' },
  { bytes: [0x53, 0x51, 0x4c, 0x69, 0x74, 0x65, 0x20, 0x66], name: 'SQLite database' },
  { bytes: [0x52, 0x49, 0x46, 0x46], name: 'RIFF media file (WebP, WAV or AVI)' },
  { bytes: [0x7f, 0x45, 0x4c, 0x46], name: 'executable (ELF)' },
];

function startsWith(bytes: Uint8Array, prefix: number[]): boolean {
  if (bytes.length < prefix.length) return false;
  for (let k = 0; k < prefix.length; k++) if (bytes[k] !== prefix[k]) return false;
  return true;
}

/** Length of a UTF-8 byte-order mark at the start (0 or 3). */
export function bomLength(bytes: Uint8Array): number {
  return startsWith(bytes, [0xef, 0xbb, 0xbf]) ? 3 : 0;
}

/**
 * A message naming the binary type when head (the first KBs) is not text, else null.
 * NUL bytes never occur in the text formats we read, so any NUL means binary (or UTF-16).
 */
export function detectBinary(head: Uint8Array): string | null {
  for (const magic of MAGIC) {
    if (startsWith(head, magic.bytes)) return `This looks like a ${magic.name}, not a data table. Choose a CSV, TSV, JSON, JSON Lines, Parquet or Excel (.xlsx) file.`;
  }
  if (startsWith(head, [0xff, 0xfe]) || startsWith(head, [0xfe, 0xff])) {
    return 'This file is UTF-16 text, which is not supported. Save it as UTF-8 (or CSV) and try again.';
  }
  const limit = Math.min(head.length, 8192);
  for (let k = 0; k < limit; k++) {
    if (head[k] === 0) return 'This file contains binary data (NUL bytes), not text. Choose a CSV, TSV, JSON, JSON Lines, Parquet or Excel (.xlsx) file.';
  }
  return null;
}

/** Index of the first byte that is not ASCII white space, or -1. */
export function firstNonSpace(bytes: Uint8Array): number {
  for (let k = 0; k < bytes.length; k++) {
    const b = bytes[k];
    if (b !== 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d) return k;
  }
  return -1;
}

/** '[' starts a JSON array, '{' a JSON Lines record; anything else is delimited text. */
export function detectFormat(head: Uint8Array): FileFormat {
  const k = firstNonSpace(head);
  if (k < 0) return 'delimited';
  if (head[k] === 0x5b) return 'json';
  if (head[k] === 0x7b) return 'jsonl';
  return 'delimited';
}
