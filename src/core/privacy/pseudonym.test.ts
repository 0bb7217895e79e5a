import { describe, expect, it } from 'vitest';
import { hmacHex, pseudonymKey, pseudonymToken, pseudonymTokens, TOKEN_HEX_CHARS } from './pseudonym';

describe('keyed pseudonyms (HMAC-SHA-256)', () => {
  it('matches RFC 4231 test case 2', async () => {
    expect(await hmacHex(await pseudonymKey('Jefe'), 'what do ya want for nothing?')).toBe('5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843');
  });
  it("matches Python's hmac on the values of pseudonym.reference.py (UTF-8 keys and values)", async () => {
    const key = await pseudonymKey('loupe-test-key');
    expect(await hmacHex(key, 'ana.silva@example.com')).toBe('a08e28c83f5d3bb6c913ef3979e51e0c0de8e9321265def8aa950b6b0342c936');
    expect(await pseudonymToken(key, 'U00001')).toBe('f1ab2e8297f50f80');
    expect(await hmacHex(await pseudonymKey('ключ'), 'Zoë Müller')).toBe('6f8d64b351cfa282d0edc6fb8073a0d40a67a62a093bd0a53566d67f44dba688');
  });
  it('is deterministic per key and differs across keys', async () => {
    const a = await pseudonymToken(await pseudonymKey('loupe-test-key'), 'ana.silva@example.com');
    const again = await pseudonymToken(await pseudonymKey('loupe-test-key'), 'ana.silva@example.com');
    const other = await pseudonymToken(await pseudonymKey('another key'), 'ana.silva@example.com');
    expect(a).toBe(again);
    expect(a).toHaveLength(TOKEN_HEX_CHARS);
    expect(other).toBe('11417554b14d3bf5');
    expect(other).not.toBe(a);
  });
  it('tokens many values in batches, in order, and stops when cancelled', async () => {
    const key = await pseudonymKey('k');
    const values = Array.from({ length: 10 }, (_, i) => `v${i}`);
    const seen: number[] = [];
    const tokens = await pseudonymTokens(key, values, { batch: 4, onProgress: (f) => seen.push(f) });
    expect(tokens![3]).toBe(await pseudonymToken(key, 'v3'));
    expect(seen).toEqual([0.4, 0.8, 1]);
    expect(await pseudonymTokens(key, values, { signal: { aborted: true } })).toBeNull();
  });
});
