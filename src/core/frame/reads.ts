/**
 * Parsers here are step machines: generators that ask for byte ranges and get the bytes back, so
 * one parser serves two hosts. readBytes feeds it from memory (tests, demo data); readBlob streams
 * a Blob (a dropped File), reading the next range while the parser works on this one.
 */

/**
 * Bytes [start, end) of the file. `then`, when set, is the end of the read the parser expects next,
 * from `end` on: the host may start it early.
 */
export type ReadRequest = readonly [start: number, end: number, then?: number];

export type ReadSteps<T> = Generator<ReadRequest, T, Uint8Array>;

export function readBytes<T>(bytes: Uint8Array, steps: ReadSteps<T>): T {
  let step = steps.next();
  while (!step.done) step = steps.next(bytes.subarray(step.value[0], step.value[1]));
  return step.value;
}

/**
 * Drives steps over a Blob. A Blob read completes off this thread, so reading chunk k+1 while
 * chunk k is parsed hides most of its cost; at most one read is ahead, so memory stays at about
 * two chunks.
 */
export async function readBlob<T>(blob: Blob, steps: ReadSteps<T>, beforeChunk?: () => Promise<void>): Promise<T> {
  let ahead: { start: number; end: number; bytes: Promise<ArrayBuffer> } | null = null;
  const read = (start: number, end: number): Promise<ArrayBuffer> => blob.slice(start, end).arrayBuffer();
  let step = steps.next();
  while (!step.done) {
    const [start, end, then] = step.value;
    if (beforeChunk) await beforeChunk();
    const bytes = ahead && ahead.start === start && ahead.end === end ? ahead.bytes : read(start, end);
    ahead = null;
    if (then !== undefined && then > end) {
      const next = read(end, then);
      next.catch(() => undefined); // an unused read-ahead that fails is nobody's error
      ahead = { start: end, end: then, bytes: next };
    }
    step = steps.next(new Uint8Array(await bytes));
  }
  return step.value;
}
