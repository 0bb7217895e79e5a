/**
 * Keyed pseudonyms: token = the first TOKEN_HEX_CHARS hex characters of
 * HMAC-SHA-256(key, UTF-8 value), through WebCrypto (the same in the worker and in Node 20).
 * The same value and key always give the same token, so joins on a pseudonymised column still
 * work; without the key a token cannot be recomputed from a guessed value. 16 hex characters are
 * 64 bits: for a million distinct values the chance of any two sharing a token is about 3 in 10⁸.
 */
export const TOKEN_HEX_CHARS = 16;

const encoder = new TextEncoder();

export async function pseudonymKey(secret: string): Promise<CryptoKey> {
  return crypto.subtle.importKey('raw', encoder.encode(secret), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
}

/** Full HMAC-SHA-256 as lower-case hex (for known-answer tests). */
export async function hmacHex(key: CryptoKey, message: string): Promise<string> {
  const mac = new Uint8Array(await crypto.subtle.sign('HMAC', key, encoder.encode(message)));
  let hex = '';
  for (const b of mac) hex += b.toString(16).padStart(2, '0');
  return hex;
}

export async function pseudonymToken(key: CryptoKey, value: string): Promise<string> {
  return (await hmacHex(key, value)).slice(0, TOKEN_HEX_CHARS);
}

/**
 * Tokens for many distinct values, in order, a batch at a time so progress and cancel can be
 * looked at between batches. Returns null when cancelled.
 */
export async function pseudonymTokens(key: CryptoKey, values: readonly string[], options: { signal?: { readonly aborted: boolean }; onProgress?: (fraction: number) => void; batch?: number } = {}): Promise<string[] | null> {
  const batch = options.batch ?? 4096;
  const out: string[] = new Array(values.length);
  for (let start = 0; start < values.length; start += batch) {
    if (options.signal?.aborted) return null;
    const end = Math.min(values.length, start + batch);
    const part = await Promise.all(values.slice(start, end).map((v) => pseudonymToken(key, v)));
    for (let i = 0; i < part.length; i++) out[start + i] = part[i];
    options.onProgress?.(end / values.length);
  }
  return out;
}
