/** A small people table for the privacy step tests. */
import type { Dataset } from '../../frame/types';

export function people(): Dataset {
  return {
    id: 'p', name: 'people.csv', rowCount: 5, settings: { format: 'delimited', delimiter: ',', hasHeader: true, encoding: 'utf-8' }, warnings: [], sourceBytes: 0,
    columns: [
      { storage: 'dictionary', kind: 'identifier', name: 'email', dictionary: ['ana@example.com', 'bo@example.com', 'cy@example.com'], codes: Int32Array.from([0, 1, 0, 2, -1]) },
      { storage: 'dictionary', kind: 'text', name: 'card', dictionary: ['4111 1111 1111 1111', '12'], codes: Int32Array.from([0, 1, -1, 0, 0]) },
      { storage: 'number', kind: 'integer', name: 'age', values: Float64Array.from([34, 39, 40, NaN, 7]) },
      { storage: 'number', kind: 'datetime', name: 'signup', values: Float64Array.from([Date.UTC(2024, 2, 15), Date.UTC(2024, 2, 1), Date.UTC(2023, 11, 31), NaN, Date.UTC(2024, 2, 31, 23)]) },
      { storage: 'dictionary', kind: 'categorical', name: 'zip', dictionary: ['SW1A 1AA', 'SW1A 2BB', 'EC1V 9XX'], codes: Int32Array.from([0, 1, 2, 0, -1]) },
      { storage: 'number', kind: 'identifier', name: 'user_id', values: Float64Array.from([101, 102, 101, 103, 104]) },
    ],
  };
}

/** A column's values as the user would read them, row by row (null for missing). */
export function cells(ds: Dataset, name: string): (string | number | null)[] {
  const c = ds.columns.find((x) => x.name === name)!;
  if (c.storage === 'dictionary') return Array.from(c.codes, (k) => (k < 0 ? null : c.dictionary[k]));
  return Array.from(c.values, (v) => (Number.isNaN(v) ? null : v));
}
