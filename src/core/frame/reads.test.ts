import { describe, expect, test } from 'vitest';
import { readBlob, readBytes, sliceSource, streamSource, type ReadSteps } from './reads';

const bytes = Uint8Array.from({ length: 100_000 }, (_, i) => (i * 7919) % 251);

/** Asks for ranges in an awkward order (a head, back to the start, chunks with read-ahead, a skip, a wrong guess) and sums what it saw. */
function* steps(): ReadSteps<number[]> {
  const seen: number[] = [];
  const take = (chunk: Uint8Array) => seen.push(chunk.length, chunk[0] ?? -1, chunk[chunk.length - 1] ?? -1, chunk.reduce((a, b) => a + b, 0));
  take(yield [0, 300]);
  for (let at = 3; at < 60_000; at += 7_000) take(yield [at, Math.min(60_000, at + 7_000), Math.min(60_000, at + 14_000)]);
  take(yield [70_000, 71_000, 90_000]); // said it would read on to 90 000, then did not
  take(yield [50, 60]);
  take(yield [99_990, 100_000]);
  take(yield [5, 5]);
  return seen;
}

describe('readBlob', () => {
  const expected = readBytes(bytes, steps());

  test('through a byte stream, reusing buffers, it sees exactly what an in-memory read sees', async () => {
    const blob = new Blob([bytes]);
    const source = streamSource(blob);
    expect(source).not.toBeNull();
    expect(await readBlob(blob, steps(), undefined, source!)).toEqual(expected);
  });

  test('by slices, where a Blob has no byte stream, it sees the same', async () => {
    const blob = new Blob([bytes]);
    const noStream = { size: blob.size, slice: () => ({}) } as unknown as Blob;
    const plainStream = { size: blob.size, slice: () => ({ stream: () => new ReadableStream() }) } as unknown as Blob;
    expect(streamSource(noStream)).toBeNull();
    expect(streamSource(plainStream)).toBeNull();
    expect(await readBlob(blob, steps(), undefined, sliceSource(blob))).toEqual(expected);
  });

  test('a file shorter than asked is an error, not silently short bytes', async () => {
    function* tooFar(): ReadSteps<number> {
      return (yield [0, bytes.length + 10]).length;
    }
    await expect(readBlob(new Blob([bytes]), tooFar())).rejects.toThrow(/ended before/);
  });
});
