import { describe, expect, it } from 'vitest';
import { derivePassphraseKey, newDeviceKey, openRecord, PBKDF2_ITERATIONS, sealRecord } from './crypto';

const plain = new TextEncoder().encode('alice@example.com,42.5');

describe('record encryption', () => {
  it('round-trips, with a fresh IV per record and no plaintext in the ciphertext', async () => {
    const key = await newDeviceKey();
    expect(key.extractable).toBe(false);
    const a = await sealRecord(key, 'dataset:ds1:v1', plain);
    const b = await sealRecord(key, 'dataset:ds1:v1', plain);
    expect(a.iv).toHaveLength(12);
    expect(Array.from(a.iv)).not.toEqual(Array.from(b.iv));
    expect(a.data.length).toBe(plain.length + 16);
    expect(new TextDecoder('latin1').decode(a.data)).not.toContain('alice');
    expect(await openRecord(key, 'dataset:ds1:v1', a)).toEqual(plain);
  });

  it('fails with the wrong key, another record id, or any changed byte of IV, ciphertext or tag', async () => {
    const key = await newDeviceKey();
    const sealed = await sealRecord(key, 'run:run1', plain);
    expect(await openRecord(await newDeviceKey(), 'run:run1', sealed)).toBeNull();
    expect(await openRecord(key, 'run:run2', sealed)).toBeNull();
    const flip = (u: Uint8Array, i: number) => {
      const c = u.slice();
      c[i] ^= 1;
      return c;
    };
    expect(await openRecord(key, 'run:run1', { iv: flip(sealed.iv, 0), data: sealed.data })).toBeNull();
    expect(await openRecord(key, 'run:run1', { iv: sealed.iv, data: flip(sealed.data, 0) })).toBeNull();
    expect(await openRecord(key, 'run:run1', { iv: sealed.iv, data: flip(sealed.data, sealed.data.length - 1) })).toBeNull();
    expect(await openRecord(key, 'run:run1', { iv: sealed.iv, data: sealed.data.subarray(0, sealed.data.length - 1) })).toBeNull();
  });

  it('derives the same key and key-check value from the same passphrase and salt, and others otherwise', async () => {
    expect(PBKDF2_ITERATIONS).toBeGreaterThanOrEqual(600_000);
    const salt = new Uint8Array(16).fill(3);
    const one = await derivePassphraseKey('correct horse', salt, PBKDF2_ITERATIONS);
    const two = await derivePassphraseKey('correct horse', salt, PBKDF2_ITERATIONS);
    const other = await derivePassphraseKey('correct horsf', salt, PBKDF2_ITERATIONS);
    expect(one.key.extractable).toBe(false);
    expect(Array.from(one.verifier)).toEqual(Array.from(two.verifier));
    expect(Array.from(one.verifier)).not.toEqual(Array.from(other.verifier));
    const sealed = await sealRecord(one.key, 'audit', plain);
    expect(await openRecord(two.key, 'audit', sealed)).toEqual(plain);
    expect(await openRecord(other.key, 'audit', sealed)).toBeNull();
  });
});
