/**
 * Real files: MovieLens 100K from the shared data folder (LOUPE_DATA_DIR, default ../shared/data
 * beside the repository). Skipped, with a message, where the folder is missing.
 */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, test } from 'vitest';
import { ingestBytes } from './ingest';
import { col, texts } from './testing';

const repoRoot = resolve(__dirname, '../../..');
const dataDir = resolve(repoRoot, process.env.LOUPE_DATA_DIR ?? '../shared/data', 'ml-100k');
const present = existsSync(resolve(dataDir, 'u.data')) && existsSync(resolve(dataDir, 'u.item'));
if (!present) console.warn(`MovieLens tests skipped: ${dataDir} not found (set LOUPE_DATA_DIR).`);

const read = (file: string) => {
  const result = ingestBytes(new Uint8Array(readFileSync(resolve(dataDir, file))), { id: file, name: file });
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
};

describe.skipIf(!present)('MovieLens 100K', () => {
  test('u.data: 100000 rows, 4 integer columns, tab-separated, no header', () => {
    const ds = read('u.data');
    expect(ds.rowCount).toBe(100000);
    expect(ds.settings).toMatchObject({ delimiter: '\t', hasHeader: false, format: 'delimited' });
    expect(ds.columns.map((c) => [c.name, c.kind])).toEqual([
      ['column_1', 'integer'],
      ['column_2', 'integer'],
      ['column_3', 'integer'],
      ['column_4', 'integer'],
    ]);
    expect(ds.warnings).toEqual([]);
  });

  test('u.item: 1682 rows, pipe-separated, windows-1252, titles in column_2', () => {
    const ds = read('u.item');
    expect(ds.rowCount).toBe(1682);
    expect(ds.settings).toMatchObject({ delimiter: '|', hasHeader: false, encoding: 'windows-1252' });
    expect(ds.warnings.map((w) => w.kind)).toEqual(['encoding-fallback']);
    expect(ds.columns).toHaveLength(24);
    const titles = texts(col(ds, 'column_2'));
    expect(titles[0]).toBe('Toy Story (1995)');
    expect(titles.some((t) => t !== null && /[é]/.test(t))).toBe(true);
    expect(col(ds, 'column_1').kind).toBe('integer');
    expect(col(ds, 'column_6').kind).toBe('boolean');
  });
});
