import { describe, expect, test } from 'vitest';
import { ingestBlob } from './ingest';
import { col, load, loadError, texts, utf8 } from './testing';

describe('delimited parsing', () => {
  const tricky = 'name,note,n\r\n"Smith, J","said ""hi""\nthen left",1\r\nDoe,"",2\r\n\r\n"x",plain,3\r\n';

  test('quotes, doubled quotes, embedded newlines, CRLF and blank lines', () => {
    const ds = load(tricky);
    expect(ds.rowCount).toBe(3);
    expect(texts(col(ds, 'name'))).toEqual(['Smith, J', 'Doe', 'x']);
    expect(texts(col(ds, 'note'))).toEqual(['said "hi"\nthen left', null, 'plain']);
    expect(texts(col(ds, 'n'))).toEqual(['1', '2', '3']);
  });

  test('every chunk size gives the same result (fields, quotes and CRLF straddle chunks)', () => {
    const whole = load(tricky);
    for (let chunkBytes = 1; chunkBytes <= 12; chunkBytes++) {
      const ds = load(tricky, { chunkBytes });
      expect(ds.rowCount).toBe(3);
      for (const column of whole.columns) expect(texts(col(ds, column.name))).toEqual(texts(column));
    }
  });

  test('UTF-8 BOM is skipped; no trailing newline', () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...utf8('city,n\nZürich,1\nKöln,2')]);
    const ds = load(bytes, { chunkBytes: 5 });
    expect(ds.columns.map((c) => c.name)).toEqual(['city', 'n']);
    expect(texts(col(ds, 'city'))).toEqual(['Zürich', 'Köln']);
    expect(ds.settings.encoding).toBe('utf-8');
  });

  test('missing markers', () => {
    const ds = load('a,b\n1,x\nNA,n/a\nnull,NULL\nNaN,?\n,""\n5,y\n');
    expect(texts(col(ds, 'a'))).toEqual(['1', null, null, null, null, '5']);
    expect(texts(col(ds, 'b'))).toEqual(['x', null, null, null, null, 'y']);
    expect(ds.warnings).toEqual([]);
  });

  test('ragged rows: short rows padded with missing, long rows truncated, one warning with lines', () => {
    const ds = load('a,b,c\n1,2,3\n4,5\n6,7,8,9\n10,11,12\n');
    expect(ds.rowCount).toBe(4);
    expect(texts(col(ds, 'c'))).toEqual(['3', null, '8', '12']);
    expect(ds.warnings).toHaveLength(1);
    expect(ds.warnings[0]).toMatchObject({ kind: 'ragged-rows', count: 2, lines: [3, 4] });
  });

  test.each([
    [',', 'a,b,c\n1,2,3\n4,5,6\n'],
    ['\t', 'a\tb\tc\n1,5\t2\t3\n4\t5\t6\n'],
    [';', 'a;b;c\n1,5;2;3\n4,25;5;6\n'],
    ['|', 'id|title|year\n1|Toy Story, The|1995\n2|Heat|1995\n'],
  ])('detects delimiter %j', (delimiter, text) => {
    const ds = load(text);
    expect(ds.settings.delimiter).toBe(delimiter);
    expect(ds.columns).toHaveLength(3);
  });

  test('a delimiter inside quotes does not count', () => {
    const ds = load('"a;b","c;d"\n"1;2","3;4"\n"5;6","7;8"\n');
    expect(ds.settings.delimiter).toBe(',');
  });

  test('header detection: with and without, and the override', () => {
    expect(load('x,y\n1,2\n3,4\n').settings.hasHeader).toBe(true);
    const headerless = load('1,2\n3,4\n');
    expect(headerless.settings.hasHeader).toBe(false);
    expect(headerless.columns.map((c) => c.name)).toEqual(['column_1', 'column_2']);
    expect(load('name,city\nAda,Paris\nBob,Lyon\n').settings.hasHeader).toBe(true);
    // The first row is data when a "header" value reappears in its column.
    expect(load('a,b\na,c\nd,b\n').settings.hasHeader).toBe(false);
    const forced = load('x,y\n1,2\n', { settings: { hasHeader: false } });
    expect(forced.rowCount).toBe(2);
    expect(texts(col(forced, 'column_1'))).toEqual(['x', '1']);
  });

  test('duplicate and empty header names are renamed with a warning', () => {
    const ds = load('a,a,,b\n1,2,3,4\n', { settings: { hasHeader: true } });
    expect(ds.columns.map((c) => c.name)).toEqual(['a', 'a_2', 'column_3', 'b']);
    expect(ds.warnings.map((w) => w.kind)).toContain('duplicate-column-names');
    // pandas writes its index under an empty name: still detected as a header.
    const indexed = load(',a,b\n0,1,x\n1,3,y\n');
    expect(indexed.columns.map((c) => c.name)).toEqual(['column_1', 'a', 'b']);
  });

  test('windows-1252 fallback: "Café" as Latin-1 bytes', () => {
    const bytes = new Uint8Array([...utf8('name,n\nCaf'), 0xe9, ...utf8(',1\n'), 0x80, ...utf8('uro,2\n')]);
    const ds = load(bytes);
    expect(ds.settings.encoding).toBe('windows-1252');
    expect(texts(col(ds, 'name'))).toEqual(['Café', '€uro']);
    expect(ds.warnings.map((w) => w.kind)).toContain('encoding-fallback');
  });

  test('windows-1252 fallback found after the sample is re-read from the start', () => {
    const lines = ['name,n'];
    for (let i = 0; i < 3000; i++) lines.push(`row${i % 7},${i}`);
    const bytes = new Uint8Array([...utf8(lines.join('\n') + '\nCaf'), 0xe9, ...utf8(',1\n')]);
    const ds = load(bytes, { chunkBytes: 4096 });
    expect(ds.settings.encoding).toBe('windows-1252');
    expect(ds.rowCount).toBe(3001);
    expect(texts(col(ds, 'name'))[3000]).toBe('Café');
  });

  test('the user can force an encoding', () => {
    const bytes = new Uint8Array([...utf8('name\nCaf'), 0xe9, 0x0a, ...utf8('x\n')]);
    const ds = load(bytes, { settings: { encoding: 'utf-8', hasHeader: true } });
    expect(ds.settings.encoding).toBe('utf-8');
    expect(texts(col(ds, 'name'))[0]).toBe('Caf\ufffd');
    const latin = load(utf8('name\nCafé\nx\n'), { settings: { encoding: 'windows-1252' } });
    expect(texts(col(latin, 'name'))[0]).toBe('CafÃ©');
  });
});

describe('JSON and JSON Lines', () => {
  test('array of records: union of keys, nested values stringified, booleans and nulls', () => {
    const ds = load('[{"a": 1, "b": "x", "c": true}, {"a": 2.5, "d": {"k": [1]}, "c": false}, {"a": null, "b": "y"}]');
    expect(ds.settings.format).toBe('json');
    expect(ds.columns.map((c) => c.name)).toEqual(['a', 'b', 'c', 'd']);
    expect(texts(col(ds, 'a'))).toEqual(['1', '2.5', null]);
    expect(texts(col(ds, 'b'))).toEqual(['x', null, 'y']);
    expect(col(ds, 'c').kind).toBe('boolean');
    expect(texts(col(ds, 'd'))).toEqual([null, '{"k":[1]}', null]);
  });

  test('JSON Lines, blank lines skipped', () => {
    const ds = load('{"id": 1, "t": "2023-01-31"}\n\n{"id": 2, "t": "2023-02-01T10:20:00Z"}\n', { chunkBytes: 3 });
    expect(ds.settings.format).toBe('jsonl');
    expect(ds.rowCount).toBe(2);
    expect(col(ds, 't').kind).toBe('datetime');
  });

  test('invalid JSON reports line and column', () => {
    const error = loadError('[\n {"a": 1},\n {"a": 2,,}\n]');
    expect(error.code).toBe('invalid-json');
    expect(error.message).toMatch(/line 3, column \d+/);
    const lines = loadError('{"a": 1}\n{"a": }\n');
    expect(lines.code).toBe('invalid-json');
    expect(lines.message).toMatch(/line 2/);
  });
});

describe('bad input', () => {
  test('empty file', () => {
    expect(loadError('')).toEqual({ code: 'empty-file', message: 'The file is empty.' });
    expect(loadError('\n\n  \n').code).toBe('empty-file');
  });

  test('header only names the columns', () => {
    const error = loadError('price,rooms,city\n');
    expect(error.code).toBe('header-only');
    expect(error.message).toContain('price, rooms, city');
  });

  test('binary files: PNG by magic number, others by NUL bytes', () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
    const error = loadError(png);
    expect(error.code).toBe('binary-file');
    expect(error.message).toContain('PNG');
    expect(loadError(new Uint8Array([65, 44, 66, 10, 0, 1, 2])).code).toBe('binary-file');
  });

  test('no columns; JSON with no records', () => {
    expect(loadError('[{}, {}]').code).toBe('no-columns');
    expect(loadError('[]').code).toBe('empty-file');
    expect(loadError('[1, 2').code).toBe('invalid-json');
  });

  test('too large: refused before parsing, sizes in MB', () => {
    const error = loadError('a,b\n1,2\n'.repeat(20000), { memoryBudgetBytes: 100_000 });
    expect(error.code).toBe('too-large');
    expect(error.message).toMatch(/\d+ MB/);
  });

  test('mixed-type column loads with a warning, not an error', () => {
    const ds = load('v\n1\n2\nx\n3\n');
    expect(col(ds, 'v').kind).toBe('categorical');
    expect(texts(col(ds, 'v'))).toEqual(['1', '2', 'x', '3']);
    expect(ds.warnings[0]).toMatchObject({ kind: 'mixed-types', count: 1 });
    expect(ds.warnings[0].message).toContain('"v"');
  });
});

describe('ingestBlob', () => {
  test('streams chunks, reports progress, cancels between chunks', async () => {
    const text = 'a,b\n' + '1,2\n'.repeat(100);
    const blob = new Blob([text]);
    const progress: number[] = [];
    const result = await ingestBlob(blob, { id: 'b', name: 'b.csv', chunkBytes: 64, onProgress: (read) => progress.push(read) });
    expect(result.ok && result.value.rowCount).toBe(100);
    expect(progress.at(-1)).toBe(text.length);
    expect(progress.length).toBeGreaterThan(5);
    const signal = { aborted: false };
    const cancelled = await ingestBlob(blob, { id: 'b', name: 'b.csv', chunkBytes: 64, signal, onProgress: () => (signal.aborted = true) });
    expect(!cancelled.ok && cancelled.error.code).toBe('cancelled');
  });
});
