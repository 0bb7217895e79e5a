import { describe, expect, it } from 'vitest';
import { ingestBytes } from '../frame/ingest';
import type { Dataset } from '../frame/types';
import { decodeDataset, encodeDataset } from './datasetCodec';
import { PersistFormatError } from './values';

const csv = 'id,city,amount,joined,note\n1,Zürich,12.5,2024-01-03,"a, b"\n2,Lyon,,2024-02-10,\n3,Zürich,-3,2024-03-01,日本語\n4,,1e6,,x\n';

function loaded(): Dataset {
  const parsed = ingestBytes(new TextEncoder().encode(csv), { id: 'ds7', name: 'cities.csv' });
  if (!parsed.ok) throw new Error(parsed.error.message);
  return { ...parsed.value, lineage: { parentId: 'ds2', parentName: 'raw.csv', parentVersion: 3, recipe: { format: 'loupe-recipe/1', steps: [{ op: 'drop-duplicates' }] } } };
}

describe('dataset codec', () => {
  it('round-trips every column, missing values, dictionaries and metadata exactly', () => {
    const ds = loaded();
    const back = decodeDataset(encodeDataset(ds));
    expect(back.id).toBe('ds7');
    expect(back.name).toBe('cities.csv');
    expect(back.rowCount).toBe(4);
    expect(back.settings).toEqual(ds.settings);
    expect(back.warnings).toEqual(ds.warnings);
    expect(back.sourceBytes).toBe(ds.sourceBytes);
    expect(back.lineage).toEqual(ds.lineage);
    expect(back.columns.map((c) => [c.name, c.kind, c.storage])).toEqual(ds.columns.map((c) => [c.name, c.kind, c.storage]));
    for (const [i, c] of ds.columns.entries()) {
      const b = back.columns[i];
      if (c.storage === 'number' && b.storage === 'number') {
        expect(b.values).toBeInstanceOf(Float64Array);
        expect(Array.from(b.values)).toEqual(Array.from(c.values));
      } else if (c.storage === 'dictionary' && b.storage === 'dictionary') {
        expect(Array.from(b.codes)).toEqual(Array.from(c.codes));
        expect(b.dictionary).toEqual(c.dictionary);
      } else throw new Error(`storage changed for ${c.name}`);
    }
    // The fixture really has both storages, a missing number and a missing string.
    expect(ds.columns.some((c) => c.storage === 'number' && c.values.some(Number.isNaN))).toBe(true);
    expect(ds.columns.some((c) => c.storage === 'dictionary' && c.codes.includes(-1))).toBe(true);
  });

  it('is not CSV: numbers are stored as their float64 bytes', () => {
    const ds: Dataset = { id: 'ds1', name: 'n.csv', rowCount: 1, columns: [{ storage: 'number', kind: 'numeric', name: 'x', values: Float64Array.from([0.1]) }], settings: { format: 'delimited', delimiter: ',', hasHeader: true, encoding: 'utf-8' }, warnings: [], sourceBytes: 5 };
    const bytes = encodeDataset(ds);
    const f = new Uint8Array(Float64Array.from([0.1]).buffer);
    const at = bytes.findIndex((_, i) => f.every((b, j) => bytes[i + j] === b));
    expect(at).toBeGreaterThan(0);
    expect(new TextDecoder().decode(bytes)).not.toContain('0.1');
  });

  it('rejects a truncated or foreign record', () => {
    const bytes = encodeDataset(loaded());
    expect(() => decodeDataset(bytes.subarray(0, bytes.length - 16))).toThrow(PersistFormatError);
    expect(() => decodeDataset(new Uint8Array(20))).toThrow(PersistFormatError);
  });
});
