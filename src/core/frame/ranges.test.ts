/**
 * Parsing in ranges must give exactly the dataset one serial pass gives: every fixture and edge
 * case below is read both ways, with ranges split at every line of small files (range sizes 1..N)
 * and with several chunk sizes, and the datasets are compared value by value.
 */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, test } from 'vitest';
import { generateDemoCustomers, generateDemoRatings } from '../../demo';
import { createRandom } from '../random';
import { ingestBlob, ingestBytes, type IngestOptions } from './ingest';
import { parseRangeBlob, parseRangeBytes, takeSpares, type RangeJob } from './ranges';
import { utf8 } from './testing';
import type { Dataset, LoadError, Result } from './types';

/** A dataset as plain, exactly comparable data (NaN and -0 spelled out). */
function plain(result: Result<Dataset>): unknown {
  if (!result.ok) return result;
  const number = (v: number) => (Number.isNaN(v) ? 'NaN' : Object.is(v, -0) ? '-0' : v);
  return {
    ...result.value,
    columns: result.value.columns.map((c) =>
      c.storage === 'number' ? { ...c, values: Array.from(c.values, number) } : { ...c, codes: Array.from(c.codes), dictionary: [...c.dictionary] },
    ),
  };
}

const base = { id: 't', name: 't.csv' };

/** The serial pass (ingestBytes is ingestBlob's steps fed from memory). */
async function serial(bytes: Uint8Array, options: Partial<IngestOptions> = {}): Promise<Result<Dataset>> {
  return ingestBytes(bytes, { ...base, ...options });
}

/**
 * Ranges run in-process, from memory (fast with tiny chunks) or from the Blob; `calls` counts
 * range parses (guesses plus re-parses).
 */
function ranged(bytes: Uint8Array, rangeBytes: number, options: Partial<IngestOptions> = {}, calls = { n: 0 }, fromBlob = false): Promise<Result<Dataset>> {
  const blob = new Blob([bytes as BlobPart]);
  return ingestBlob(blob, {
    ...base,
    ...options,
    ranges: {
      rangeBytes,
      minBytes: 0,
      run: async (job, signal, spares) => {
        calls.n++;
        // Start on a later turn, as a pooled helper does, so earlier ranges are merged by then and
        // this one writes into their (dirty) arrays.
        await new Promise((resolve) => setTimeout(resolve, 0));
        const spare = takeSpares(spares, job);
        return fromBlob ? parseRangeBlob(blob, job, spare, signal) : parseRangeBytes(bytes, job, spare);
      },
    },
  });
}

async function expectSameBothWays(bytes: Uint8Array, options: Partial<IngestOptions> = {}, rangeSizes?: number[]): Promise<Result<Dataset>> {
  const expected = await serial(bytes, options);
  const sizes = rangeSizes ?? Array.from({ length: Math.min(bytes.length, 80) }, (_, k) => k + 1);
  for (const rangeBytes of sizes) {
    // Tiny chunks make every field straddle chunks; on big files they only make the test slow.
    for (const chunkBytes of bytes.length < 10_000 ? [3, 64 * 1024] : [4093, 64 * 1024]) {
      const actual = await ranged(bytes, rangeBytes, { ...options, chunkBytes });
      expect(plain(actual), `rangeBytes ${rangeBytes}, chunkBytes ${chunkBytes}`).toEqual(plain(expected));
    }
  }
  return expected;
}

const edgeCases: [string, string | Uint8Array, Partial<IngestOptions>?][] = [
  ['quotes, doubled quotes, quoted newlines, CRLF, blank lines', 'name,note,n\r\n"Smith, J","said ""hi""\nthen left",1\r\nDoe,"",2\r\n\r\n"x",plain,3\r\n'],
  ['quoted fields that look like records', 'id,text\n1,"a\n2,b\n3,c"\n4,"\n\n5,""e""\n"\n6,x\n7,"y\r\n8,z"\n'],
  ['a quote inside an unquoted field is literal', 'id,size\n1,5"\n2,6" wide\n3,"7"\n4,8""\n'],
  ['UTF-8 BOM, no trailing newline', new Uint8Array([0xef, 0xbb, 0xbf, ...utf8('city,n\nZürich,1\nKöln,2\nSão Paulo,3')])],
  ['blank lines before the header', '\n\n\r\n\na,b\n1,x\n\n2,y\n\n'],
  ['missing markers', 'a,b\n1,x\nNA,n/a\nnull,NULL\nNaN,?\n,""\n5,y\n'],
  ['ragged rows, more than five, across ranges', 'a,b,c\n1,2,3\n4,5\n6,7,8,9\n10,11,12\n13\n14,15\n16,17,18\n19,20,21,22\n23\n24,25\n'],
  ['header detected', 'x,y\n1,2\n3,4\n'],
  ['no header', '1,2\n3,4\n5,6\n'],
  ['header forced off', 'x,y\n1,2\n', { settings: { hasHeader: false } }],
  ['header forced on', '1,2\n3,4\n', { settings: { hasHeader: true } }],
  ['tab-separated', 'a\tb\tc\n1,5\t2\t3\n4\t5\t6\n'],
  ['mixed numbers and text, split between ranges', 'v,w\n1,007\n2.5,010\n3,x\nfoo,12\n4,0\n'],
  ['dates, booleans, identifiers', 'user_id,when,ok\nu1,2023-01-31,yes\nu2,2023-02-01T10:20:00Z,no\nu3,,YES\n'],
  ['unterminated quote at the end', 'a,b\n1,"open\n2,3\n'],
  ['CR-only line endings', 'a,b\r1,2\r3,4\r'],
  ['windows-1252 found in the sample', new Uint8Array([...utf8('name,n\nCaf'), 0xe9, ...utf8(',1\n'), 0x80, ...utf8('uro,2\n')])],
  ['utf-8 forced over invalid bytes', new Uint8Array([...utf8('name\nCaf'), 0xe9, 0x0a, ...utf8('x\n')]), { settings: { encoding: 'utf-8', hasHeader: true } }],
  ['windows-1252 forced', 'name\nCafé\nx\n', { settings: { encoding: 'windows-1252' } }],
  ['header only', 'price,rooms,city\n'],
  ['no rows after blank lines', 'a,b\n\n\n'],
];

describe('ranges parse exactly as one serial pass', () => {
  test.each(edgeCases)('%s', async (_, text, options) => {
    await expectSameBothWays(typeof text === 'string' ? utf8(text) : text, options);
  });

  test('quoted newlines at guessed starts are caught and re-parsed', async () => {
    const lines = ['id,text'];
    for (let i = 0; i < 200; i++) lines.push(`${i},"line one\nline two, ${i}\nline three"`);
    const bytes = utf8(lines.join('\n') + '\n');
    const calls = { n: 0 };
    const expected = await serial(bytes);
    const actual = await ranged(bytes, 97, {}, calls);
    expect(plain(actual)).toEqual(plain(expected));
    expect(expected.ok && expected.value.rowCount).toBe(200);
    // More parses than guessed ranges: some guesses started inside quotes and were redone.
    expect(calls.n).toBeGreaterThan(Math.ceil(bytes.length / 97));
  });

  test('invalid UTF-8 after the sample, in a later range, falls back to windows-1252', async () => {
    const lines = ['name,n'];
    for (let i = 0; i < 12000; i++) lines.push(`row${i % 7},${i}`);
    const bytes = new Uint8Array([...utf8(lines.join('\n') + '\nCaf'), 0xe9, ...utf8(',1\nlast,2\n')]);
    const expected = await expectSameBothWays(bytes, {}, [4096, 10_000, 50_000]);
    expect(expected.ok && expected.value.settings.encoding).toBe('windows-1252');
  });

  test('generated file with every column type, many split points', async () => {
    const random = createRandom(7);
    const words = ['Paris', 'Lyon', 'São Paulo', 'NA', '', '"quoted, with comma"', '"two\nlines"', '007', 'x'];
    const lines = ['id,price,count,city,when,flag,code,mixed'];
    for (let i = 0; i < 3000; i++) {
      const row = [
        i + 1,
        random.next() < 0.05 ? '' : (random.next() * 1000).toFixed(2),
        random.int(50),
        words[random.int(words.length)],
        `2023-0${1 + random.int(9)}-1${random.int(10)}`,
        random.next() < 0.5 ? 'true' : 'false',
        `K${random.int(900)}`,
        i === 2500 ? 'late text' : random.int(10),
      ];
      lines.push(random.next() < 0.01 ? row.slice(0, 5).join(',') : row.join(','));
    }
    const bytes = utf8(lines.join(random.next() < 0.5 ? '\n' : '\r\n') + '\n');
    const sizes = Array.from({ length: 12 }, () => 50 + random.int(20_000));
    await expectSameBothWays(bytes, {}, sizes);
  });

  test.each([
    ['demo-customers', generateDemoCustomers(), [1000, 7777, 65_536, 300_000]],
    ['demo-ratings', generateDemoRatings(), [7777, 65_536, 300_000]],
  ])('%s', async (_, file, sizes) => {
    await expectSameBothWays(file.bytes, {}, sizes);
  });

  const dataDir = resolve(__dirname, '../../..', process.env.LOUPE_DATA_DIR ?? '../shared/data', 'ml-100k');
  test.skipIf(!existsSync(resolve(dataDir, 'u.item')))('MovieLens u.item (windows-1252, pipes) and u.data (tabs)', async () => {
    const item = await expectSameBothWays(new Uint8Array(readFileSync(resolve(dataDir, 'u.item'))), {}, [5000, 50_000]);
    expect(item.ok && item.value.settings.encoding).toBe('windows-1252');
    await expectSameBothWays(new Uint8Array(readFileSync(resolve(dataDir, 'u.data'))), {}, [100_000, 700_000]);
  });
});

describe('ranges: cancel, progress, bad input', () => {
  const text = 'a,b\n' + '1,2\n'.repeat(2000);

  test('progress reaches the end; a cancel stops the load', async () => {
    const progress: number[] = [];
    const done = await ranged(utf8(text), 500, { onProgress: (read) => progress.push(read), chunkBytes: 64 }, undefined, true);
    expect(done.ok && done.value.rowCount).toBe(2000);
    expect(progress.at(-1)).toBe(text.length);
    expect(progress.length).toBeGreaterThan(5);
    const signal = { aborted: false };
    const cancelled = await ranged(utf8(text), 500, { signal, onProgress: () => (signal.aborted = true) }, undefined, true);
    expect(!cancelled.ok && (cancelled.error as LoadError).code).toBe('cancelled');
  });

  test('ranges reuse the arrays of merged ranges', async () => {
    const bytes = utf8('a,b\n' + Array.from({ length: 3000 }, (_, i) => `${i},${i % 3 ? 'x' : 'y'}`).join('\n'));
    let reused = 0;
    const blob = new Blob([bytes as BlobPart]);
    const result = await ingestBlob(blob, {
      ...base,
      ranges: {
        rangeBytes: 2000,
        minBytes: 0,
        run: async (job, _signal, spares) => {
          await new Promise((resolve) => setTimeout(resolve, 0));
          const spare = takeSpares(spares, job);
          reused += spare.numbers.length + spare.codes.length;
          return parseRangeBytes(bytes, job, spare);
        },
      },
    });
    expect(plain(result)).toEqual(plain(await serial(bytes)));
    expect(reused).toBeGreaterThan(10);
  });

  test('the memory budget is checked before any range is read', async () => {
    const calls = { n: 0 };
    const refused = await ranged(utf8(text), 500, { memoryBudgetBytes: 1000 }, calls);
    expect(!refused.ok && refused.error.code).toBe('too-large');
    expect(calls.n).toBe(0);
  });

  test('a range from memory and from a Blob are the same', async () => {
    const bytes = utf8('a,b\n1,x\n2,"y\nz"\n3,w\n');
    const job: RangeJob = {
      start: 4,
      end: 10,
      size: bytes.length,
      names: ['a', 'b'],
      delimiter: ',',
      encoding: 'utf-8',
      strict: true,
      headerPending: false,
      capacity: 4,
      chunkBytes: 2,
    };
    const fromBytes = parseRangeBytes(bytes, job);
    expect(fromBytes).toEqual(await parseRangeBlob(new Blob([bytes as BlobPart]), job));
    // The record starting at 8 straddles end (10): it is read to its end, and the next starts at 16.
    expect(fromBytes.ok && [fromBytes.part.rows, fromBytes.part.next]).toEqual([2, 16]);
  });
});
