import { beforeAll, describe, expect, it } from 'vitest';
import { PROJECT_HEADER_BYTES, readProject, readProjectHeader, writeProject, type ProjectEntry } from './project';

const entries: ProjectEntry[] = [
  { name: 'manifest', data: new TextEncoder().encode('{"datasets":["ds1"]}') },
  { name: 'dataset:ds1:v1', data: new TextEncoder().encode('bob@example.org 31337') },
  { name: 'empty', data: new Uint8Array(0) },
];
let file: Uint8Array;

const changed = (at: number) => {
  const copy = file.slice();
  copy[at] ^= 0x40;
  return copy;
};

describe('project file', () => {
  beforeAll(async () => {
    file = await writeProject(entries, 'tangerine dream');
  });

  it('round-trips every entry with the right passphrase', async () => {
    const read = await readProject(file, 'tangerine dream');
    expect(read.ok).toBe(true);
    if (read.ok) expect(read.entries).toEqual(entries);
  });

  it('records PBKDF2-SHA-256 with at least 600,000 iterations and a random salt in the header', async () => {
    const header = readProjectHeader(file)!;
    expect(header.kdf).toBe('PBKDF2-SHA-256');
    expect(header.iterations).toBeGreaterThanOrEqual(600_000);
    const again = readProjectHeader(await writeProject(entries, 'tangerine dream'))!;
    expect(Array.from(again.salt)).not.toEqual(Array.from(header.salt));
    expect(new TextDecoder('latin1').decode(file)).not.toContain('bob@example');
  });

  it('tells a wrong passphrase from a changed file', async () => {
    expect(await readProject(file, 'tangerine dreams')).toEqual({ ok: false, error: 'wrong-passphrase' });
  });

  it('rejects a changed byte in every region: magic, version, iterations, salt, key check, IV, checksum, ciphertext, tag', async () => {
    expect(await readProject(changed(0), 'tangerine dream')).toEqual({ ok: false, error: 'not-project' });
    for (const at of [8, 12, 20, 40, 50, 61]) expect(await readProject(changed(at), 'tangerine dream'), `byte ${at}`).toEqual({ ok: false, error: 'damaged' });
    expect(await readProject(changed(PROJECT_HEADER_BYTES), 'tangerine dream')).toEqual({ ok: false, error: 'damaged' });
    expect(await readProject(changed(PROJECT_HEADER_BYTES + 20), 'tangerine dream')).toEqual({ ok: false, error: 'damaged' });
    expect(await readProject(changed(file.length - 1), 'tangerine dream')).toEqual({ ok: false, error: 'damaged' });
  });

  it('rejects a truncated file, a file with bytes added, and a file that is not a project', async () => {
    expect(await readProject(file.subarray(0, file.length - 1), 'tangerine dream')).toEqual({ ok: false, error: 'damaged' });
    expect(await readProject(file.subarray(0, 40), 'tangerine dream')).toEqual({ ok: false, error: 'damaged' });
    const longer = new Uint8Array(file.length + 1);
    longer.set(file);
    expect(await readProject(longer, 'tangerine dream')).toEqual({ ok: false, error: 'damaged' });
    expect(await readProject(new TextEncoder().encode('id,name\n1,a\n'), 'tangerine dream')).toEqual({ ok: false, error: 'not-project' });
  });
});
