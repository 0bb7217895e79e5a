/**
 * The fused loop (TableSink.plainRecords) must store exactly what the record-by-record path
 * stores: the same numbers (bit for bit, -0 included), codes, labels, counts, flags, rows, ragged
 * rows and line numbers. Each input is read both ways, whole and in small chunks, so records also
 * cross chunk boundaries and the loop hands records back and forth with record().
 */
import { describe, expect, test } from 'vitest';
import { createRandom } from '../random';
import { DelimitedScanner, type RecordSink } from './scanner';
import { writtenDecimals } from './number';
import { TableSink } from './table';
import { createDecoder } from './text';
import { utf8 } from './testing';

function read(text: string, width: number, chunk: number, fused: boolean, header = true) {
  const names = Array.from({ length: width }, (_, c) => `c${c}`);
  const sink = new TableSink(names, 4, createDecoder('utf-8', true), header);
  // Without plainRecords the scanner sends every record through record().
  const target: RecordSink = fused ? sink : { record: (view, line) => sink.record(view, line) };
  const scanner = new DelimitedScanner(0x2c, target);
  const bytes = utf8(text);
  for (let at = 0; at < bytes.length || at === 0; at += chunk) scanner.push(bytes.subarray(at, Math.min(bytes.length, at + chunk)), at + chunk >= bytes.length);
  const number = (v: number) => (Number.isNaN(v) ? 'NaN' : Object.is(v, -0) ? '-0' : v);
  return {
    rows: sink.rows,
    lines: scanner.line,
    position: scanner.position,
    warnings: sink.warnings(),
    columns: sink.builders.map((b) => ({
      numbers: Array.from(b.numbers.subarray(0, b.length), (v, i) => (b.codes && b.codes[i] >= 0 ? 'code' : number(v))),
      codes: b.codes ? Array.from(b.codes.subarray(0, b.length)) : null,
      labels: [...b.labels],
      counts: [b.length, b.numberCount, b.stringCount, b.missingCount, b.allIntegers, b.allZeroOne],
    })),
  };
}

function expectSame(text: string, width: number, header = true): void {
  const reference = read(text, width, text.length + 1, false, header);
  for (const chunk of [text.length + 1, 64, 7, 1]) {
    expect(read(text, width, chunk, true, header), `chunk ${chunk}`).toEqual(reference);
  }
}

describe('the fused loop stores what record() stores', () => {
  test('number forms, the plain ones and those it leaves to the full parser', () => {
    const values = ['0', '-0', '1.', '.5', '-.5', '007', '0.25', '+3', '1e5', '2E-3', ' 12', '12 ', '1234567890123456', '123456789012345', '-', '.', '1.2.3', '12a', '', 'NA', 'n/a', '?', 'null', 'NaN', '99999999999999.9'];
    const text = 'a,b\n' + values.map((v, i) => `${v},${i % 2}`).join('\n') + '\n';
    expectSame(text, 2);
  });

  test('quoted fields, embedded newlines and delimiters, escaped quotes, mid-field quotes', () => {
    const text = 'a,b,c\n1,"x,y",3\n"2",plain,4\n5,"multi\nline",6\n7,"say ""hi""",8\n9,ab"c,10\n11,x,"12"\n13,x,14';
    expectSame(text, 3);
  });

  test('ragged rows (short, long, long with a quote), blank lines, CRLF and lone CR', () => {
    const text = 'a,b,c\r\n1,2,3\r\n4,5\r\n\r\n6,7,8,9\r\n10,11,12,"x\ny"\n\n13,14,15\r16,17,18\r\n,,\n19,20,21';
    expectSame(text, 3);
  });

  test('columns that change between numbers and text, and back', () => {
    const text = 'a,b\n1,x\n2,3\nfoo,4\n5,y\n6,y\nbar,5\n7,NA\n8,x\n,z\n9,2024-01-02\n';
    expectSame(text, 2);
  });

  test('no header, one column, and a record unfinished at the end', () => {
    expectSame('1\n2\nx\n\n3.5\n-4', 1, false);
    expectSame('1,2\n3,4', 2, false);
  });

  test('random messy files', () => {
    const random = createRandom(7);
    const pieces = ['1', '-2.5', '0', '1', '007', 'x', 'y', 'NA', '', '"q"', '"a,b"', '"l\nm"', '2024-05-06', '3e2', ' 4', 'true', 'false', '12345678901234567'];
    for (let file = 0; file < 40; file++) {
      const width = 1 + random.int(4);
      const lines = ['h' + ',h'.repeat(width - 1)];
      for (let r = 0; r < 30; r++) {
        const fields = width + (random.next() < 0.1 ? random.int(3) - 1 : 0);
        const line = Array.from({ length: Math.max(0, fields) }, (_, c) => pieces[(c * 3 + random.int(pieces.length)) % pieces.length]);
        lines.push(random.next() < 0.05 ? '' : line.join(','));
      }
      const ending = random.next() < 0.3 ? '\r\n' : '\n';
      expectSame(lines.join(ending) + (random.next() < 0.5 ? ending : ''), width);
    }
  });
});

test('decimal places as written, less the exponent', () => {
  const places = (text: string) => writtenDecimals(utf8(text), 0, text.length);
  expect(['12', '1.50', '-0.125', ' 3.25 ', '1e3', '2.5e1', '1.25e1', '1.5e-3', '+.5'].map(places)).toEqual([0, 2, 3, 2, 0, 0, 1, 4, 1]);
});
