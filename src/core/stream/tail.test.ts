import { describe, expect, it } from 'vitest';
import { concatColumns, createTailReader, parseTailLines, type TailSchema } from './tail';

const text = (b: Uint8Array) => new TextDecoder().decode(b);
const schema: TailSchema = [
  { name: 'x', kind: 'numeric' },
  { name: 'colour', kind: 'categorical' },
  { name: 'label', kind: 'categorical' },
];

describe('tailing an appended file', () => {
  it('reads only new bytes, holds a partial last line, skips the header', async () => {
    const reader = createTailReader('csv');
    let file = new Blob(['x,colour,label\n1.5,red,1\n2.5,bl']);
    let r = await reader.read(file);
    expect(text(r.lines)).toBe('1.5,red,1\n');
    expect(text(reader.header()!)).toBe('x,colour,label\n');
    expect(reader.offset()).toBe(file.size);
    file = new Blob(['x,colour,label\n1.5,red,1\n2.5,bl', 'ue,0\n3,red,1\n']);
    r = await reader.read(file);
    expect(text(r.lines)).toBe('2.5,blue,0\n3,red,1\n');
    r = await reader.read(file);
    expect(r.lines.length).toBe(0);
    // A shorter file was replaced: start over.
    r = await reader.read(new Blob(['x,colour,label\n9,red,0\n']));
    expect(r.restarted).toBe(true);
    expect(text(r.lines)).toBe('9,red,0\n');
  });

  it('parses lines with the training schema: "1" stays a category, a missing column is all missing', () => {
    const header = new TextEncoder().encode('x,label\n');
    const r = parseTailLines(new TextEncoder().encode('1.5,1\n2,0\n'), 'csv', header, schema);
    if (!r.ok) throw new Error(r.message);
    expect(r.rows).toBe(2);
    const [x, colour, label] = r.columns;
    expect(x.storage === 'number' && Array.from(x.values)).toEqual([1.5, 2]);
    expect(colour.storage === 'dictionary' && Array.from(colour.codes)).toEqual([-1, -1]);
    expect(label.kind).toBe('categorical');
    expect(label.storage === 'dictionary' && label.codes.length).toBe(2);
  });

  it('JSON Lines need no header', () => {
    const r = parseTailLines(new TextEncoder().encode('{"x": 1, "colour": "red", "label": "1"}\n{"x": 2, "colour": "blue", "label": "0"}\n'), 'jsonl', null, schema);
    if (!r.ok) throw new Error(r.message);
    expect(r.rows).toBe(2);
  });

  it('a value that does not parse as the training kind is a message', () => {
    const header = new TextEncoder().encode('x,colour,label\n');
    const r = parseTailLines(new TextEncoder().encode('abc,red,1\n'), 'csv', header, schema);
    expect(r.ok).toBe(false);
  });

  it('chunks join with dictionaries merged by label', () => {
    const a = [{ storage: 'dictionary' as const, kind: 'categorical' as const, name: 'c', codes: Int32Array.from([0, 1]), dictionary: ['red', 'blue'] }];
    const b = [{ storage: 'dictionary' as const, kind: 'categorical' as const, name: 'c', codes: Int32Array.from([0, -1]), dictionary: ['blue'] }];
    const [c] = concatColumns([a, b]);
    expect(c.storage === 'dictionary' && [Array.from(c.codes), c.dictionary]).toEqual([[0, 1, 1, -1], ['red', 'blue']]);
  });
});
