/**
 * The project file (.loupe, docs/formats.md): the whole workspace as one encrypted archive.
 * Header (64 bytes, little-endian) then one AES-GCM-256 ciphertext over every entry:
 *
 *   0  "LOUPEPRJ"          8  u16 format version   10 u8 kdf (1 = PBKDF2-HMAC-SHA-256)   11 u8 0
 *   12 u32 iterations      16 salt (16 bytes)      32 key-check value (16 bytes)
 *   48 IV (12 bytes)       60 u32: first 4 bytes of SHA-256(bytes 0..59)
 *   64 ciphertext + 16-byte tag; additional data = bytes 0..63
 *
 * The header checksum tells a changed header from a wrong passphrase (both would otherwise only
 * show as a key-check mismatch); the key-check value tells a wrong passphrase from a changed
 * body; the tag, over the header too, catches everything else. The entries are read in full and
 * only then handed back, so a caller can validate all before adding anything.
 */
import { decryptWith, derivePassphraseKey, encryptWith, IV_BYTES, PBKDF2_ITERATIONS, randomBytes, sameBytes, VERIFIER_BYTES } from './crypto';

export const PROJECT_MAGIC = 'LOUPEPRJ';
export const PROJECT_VERSION = 1;
export const PROJECT_HEADER_BYTES = 64;
const KDF_PBKDF2_SHA256 = 1;
const SALT_BYTES = 16;
const TAG_BYTES = 16;
/** A file asking for more is refused rather than tying the worker up for minutes. */
const MAX_ITERATIONS = 10_000_000;
const ENTRIES_MAGIC = 0x5241504c; // "LPAR"

export interface ProjectEntry {
  name: string;
  data: Uint8Array;
}

export type ProjectReadError = 'not-project' | 'unsupported-version' | 'damaged' | 'wrong-passphrase';

export interface ProjectHeader {
  version: number;
  kdf: 'PBKDF2-SHA-256';
  iterations: number;
  salt: Uint8Array;
}

async function checksum(bytes: Uint8Array): Promise<number> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', new Uint8Array(bytes)));
  return new DataView(digest.buffer).getUint32(0, true);
}

function packEntries(entries: ProjectEntry[]): Uint8Array {
  const encoder = new TextEncoder();
  const names = entries.map((e) => encoder.encode(e.name));
  const size = 8 + entries.reduce((s, e, i) => s + 8 + names[i].length + e.data.length, 0);
  const out = new Uint8Array(size);
  const view = new DataView(out.buffer);
  view.setUint32(0, ENTRIES_MAGIC, true);
  view.setUint32(4, entries.length, true);
  let at = 8;
  entries.forEach((e, i) => {
    view.setUint32(at, names[i].length, true);
    out.set(names[i], at + 4);
    at += 4 + names[i].length;
    view.setUint32(at, e.data.length, true);
    out.set(e.data, at + 4);
    at += 4 + e.data.length;
  });
  return out;
}

function unpackEntries(bytes: Uint8Array): ProjectEntry[] | null {
  if (bytes.length < 8) return null;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (view.getUint32(0, true) !== ENTRIES_MAGIC) return null;
  const count = view.getUint32(4, true);
  const decoder = new TextDecoder('utf-8', { fatal: true });
  const entries: ProjectEntry[] = [];
  let at = 8;
  for (let i = 0; i < count; i++) {
    if (at + 4 > bytes.length) return null;
    const nameLength = view.getUint32(at, true);
    if (at + 4 + nameLength + 4 > bytes.length) return null;
    const name = decoder.decode(bytes.subarray(at + 4, at + 4 + nameLength));
    at += 4 + nameLength;
    const dataLength = view.getUint32(at, true);
    if (at + 4 + dataLength > bytes.length) return null;
    entries.push({ name, data: bytes.slice(at + 4, at + 4 + dataLength) });
    at += 4 + dataLength;
  }
  return at === bytes.length ? entries : null;
}

/** The encrypted archive of these entries; `iterations` is for tests of the reader only (the app always uses the default). */
export async function writeProject(entries: ProjectEntry[], passphrase: string, iterations = PBKDF2_ITERATIONS): Promise<Uint8Array> {
  const salt = randomBytes(SALT_BYTES);
  const iv = randomBytes(IV_BYTES);
  const { key, verifier } = await derivePassphraseKey(passphrase, salt, iterations);
  const header = new Uint8Array(PROJECT_HEADER_BYTES);
  const view = new DataView(header.buffer);
  header.set(new TextEncoder().encode(PROJECT_MAGIC), 0);
  view.setUint16(8, PROJECT_VERSION, true);
  view.setUint8(10, KDF_PBKDF2_SHA256);
  view.setUint32(12, iterations, true);
  header.set(salt, 16);
  header.set(verifier, 32);
  header.set(iv, 48);
  view.setUint32(60, await checksum(header.subarray(0, 60)), true);
  const body = await encryptWith(key, iv, header, packEntries(entries));
  const out = new Uint8Array(PROJECT_HEADER_BYTES + body.length);
  out.set(header, 0);
  out.set(body, PROJECT_HEADER_BYTES);
  return out;
}

/** The header fields, without the passphrase (shown before asking for it; used by the tests). */
export function readProjectHeader(bytes: Uint8Array): ProjectHeader | null {
  if (bytes.length < PROJECT_HEADER_BYTES || new TextDecoder().decode(bytes.subarray(0, 8)) !== PROJECT_MAGIC) return null;
  const view = new DataView(bytes.buffer, bytes.byteOffset, PROJECT_HEADER_BYTES);
  return { version: view.getUint16(8, true), kdf: 'PBKDF2-SHA-256', iterations: view.getUint32(12, true), salt: bytes.slice(16, 32) };
}

export async function readProject(bytes: Uint8Array, passphrase: string): Promise<{ ok: true; entries: ProjectEntry[] } | { ok: false; error: ProjectReadError }> {
  if (bytes.length < 8 || new TextDecoder().decode(bytes.subarray(0, 8)) !== PROJECT_MAGIC) return { ok: false, error: 'not-project' };
  if (bytes.length < PROJECT_HEADER_BYTES + TAG_BYTES) return { ok: false, error: 'damaged' };
  const header = bytes.subarray(0, PROJECT_HEADER_BYTES);
  const view = new DataView(bytes.buffer, bytes.byteOffset, PROJECT_HEADER_BYTES);
  if (view.getUint32(60, true) !== (await checksum(header.subarray(0, 60)))) return { ok: false, error: 'damaged' };
  if (view.getUint16(8, true) !== PROJECT_VERSION) return { ok: false, error: 'unsupported-version' };
  const iterations = view.getUint32(12, true);
  if (view.getUint8(10) !== KDF_PBKDF2_SHA256 || iterations < 1 || iterations > MAX_ITERATIONS) return { ok: false, error: 'damaged' };
  const { key, verifier } = await derivePassphraseKey(passphrase, header.subarray(16, 32), iterations);
  if (!sameBytes(verifier, header.subarray(32, 32 + VERIFIER_BYTES))) return { ok: false, error: 'wrong-passphrase' };
  const plain = await decryptWith(key, header.subarray(48, 48 + IV_BYTES), header, bytes.subarray(PROJECT_HEADER_BYTES));
  if (!plain) return { ok: false, error: 'damaged' };
  const entries = unpackEntries(plain);
  return entries ? { ok: true, entries } : { ok: false, error: 'damaged' };
}
