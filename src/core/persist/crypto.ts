/**
 * Encryption at rest (docs/ARCHITECTURE.md, "Workspace"): AES-GCM-256 through WebCrypto, a random
 * 96-bit IV per record, and additional data that binds each record to its id and format version,
 * so a record moved to another id or replayed under another format fails to open. A passphrase
 * becomes a key with PBKDF2-SHA-256 (OWASP's 2023 figure: 600,000 iterations) and a random salt;
 * the same derivation gives a key-check value, stored so a wrong passphrase is told apart from
 * damaged data. The key itself is never stored or exported.
 */

export const PBKDF2_ITERATIONS = 600_000;
export const RECORD_FORMAT = 1;
const IV_BYTES = 12;
const VERIFIER_BYTES = 16;

export interface SealedRecord {
  iv: Uint8Array;
  /** Ciphertext followed by the 16-byte GCM tag. */
  data: Uint8Array;
}

/** Web Crypto takes BufferSource; a view over a plain ArrayBuffer satisfies it under every lib. */
const bytesOf = (u: Uint8Array): Uint8Array<ArrayBuffer> => (u.buffer instanceof ArrayBuffer && u.byteOffset === 0 && u.byteLength === u.buffer.byteLength ? (u as Uint8Array<ArrayBuffer>) : new Uint8Array(u));

export const randomBytes = (n: number): Uint8Array => crypto.getRandomValues(new Uint8Array(n));

/** A random key the page can use but not read (non-extractable): the device key of a workspace without a passphrase. */
export function newDeviceKey(): Promise<CryptoKey> {
  return crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt']);
}

/** The AES key and the key-check value a passphrase gives with this salt and iteration count. */
export async function derivePassphraseKey(passphrase: string, salt: Uint8Array, iterations: number): Promise<{ key: CryptoKey; verifier: Uint8Array }> {
  const base = await crypto.subtle.importKey('raw', new TextEncoder().encode(passphrase.normalize('NFC')), 'PBKDF2', false, ['deriveBits']);
  const bits = new Uint8Array(await crypto.subtle.deriveBits({ name: 'PBKDF2', hash: 'SHA-256', salt: bytesOf(salt), iterations }, base, (32 + VERIFIER_BYTES) * 8));
  const key = await crypto.subtle.importKey('raw', bits.subarray(0, 32), { name: 'AES-GCM' }, false, ['encrypt', 'decrypt']);
  const verifier = bits.slice(32);
  bits.fill(0);
  return { key, verifier };
}

/** Equal bytes, looked at in full whatever differs first. */
export function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a[i] ^ b[i];
  return diff === 0;
}

const recordAad = (id: string) => new TextEncoder().encode(`loupe-record/${RECORD_FORMAT}\u0000${id}`);

export async function sealRecord(key: CryptoKey, id: string, plaintext: Uint8Array): Promise<SealedRecord> {
  const iv = randomBytes(IV_BYTES);
  const data = new Uint8Array(await crypto.subtle.encrypt({ name: 'AES-GCM', iv: bytesOf(iv), additionalData: recordAad(id) }, key, bytesOf(plaintext)));
  return { iv, data };
}

/** The plaintext, or null when the key is wrong or any byte of the record (or its id) changed. */
export async function openRecord(key: CryptoKey, id: string, sealed: SealedRecord): Promise<Uint8Array | null> {
  try {
    return new Uint8Array(await crypto.subtle.decrypt({ name: 'AES-GCM', iv: bytesOf(sealed.iv), additionalData: recordAad(id) }, key, bytesOf(sealed.data)));
  } catch {
    return null;
  }
}

export async function encryptWith(key: CryptoKey, iv: Uint8Array, additionalData: Uint8Array, plaintext: Uint8Array): Promise<Uint8Array> {
  return new Uint8Array(await crypto.subtle.encrypt({ name: 'AES-GCM', iv: bytesOf(iv), additionalData: bytesOf(additionalData) }, key, bytesOf(plaintext)));
}

export async function decryptWith(key: CryptoKey, iv: Uint8Array, additionalData: Uint8Array, ciphertext: Uint8Array): Promise<Uint8Array | null> {
  try {
    return new Uint8Array(await crypto.subtle.decrypt({ name: 'AES-GCM', iv: bytesOf(iv), additionalData: bytesOf(additionalData) }, key, bytesOf(ciphertext)));
  } catch {
    return null;
  }
}

export { IV_BYTES, VERIFIER_BYTES };
