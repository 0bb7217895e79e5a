/**
 * Parsers here are step machines: generators that ask for byte ranges and get the bytes back, so
 * one parser serves two hosts. readBytes feeds it from memory (tests, demo data); readBlob streams
 * a Blob (a dropped File), reading the next range while the parser works on this one.
 *
 * Bytes handed to a step are valid only while that step runs: readBlob then reuses their memory
 * for a later read. A parser that needs bytes longer keeps a copy (ingest copies its sample; the
 * scanner copies an unfinished record).
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

/** Where readBlob gets its bytes: one read at a time, in any order. */
export interface ChunkSource {
  read(start: number, end: number): Promise<Uint8Array>;
  /** The caller is done with these bytes: their memory may serve a later read. */
  release(bytes: Uint8Array): void;
  close(): void;
}

const MAX_SPARE_BUFFERS = 3;

/**
 * Reads through a byte stream (a "bring your own buffer" reader) into a few buffers used in turn.
 * Why not blob.slice().arrayBuffer() per chunk: each such read is a fresh buffer, and first writes
 * to fresh memory are costly (page faults; on the 2-core VM the benchmarks run on, about 5 ms a
 * MB): reading the 60 MB bench file by 4 MiB slices took 430-940 ms in Chromium, through this
 * reader 120-170 ms. Reads that follow on from the last one continue its stream; any other read
 * opens a new stream at its start. Null where the Blob has no byte stream.
 */
export function streamSource(blob: Blob): ChunkSource | null {
  let reader: ReadableStreamBYOBReader | null = null;
  /** File offset the open stream is at. */
  let at = -1;
  const spares: ArrayBuffer[] = [];
  const open = (start: number) => {
    reader?.cancel().catch(() => undefined);
    reader = null;
    at = -1;
    reader = blob.slice(start).stream().getReader({ mode: 'byob' });
    at = start;
  };
  try {
    open(0);
  } catch {
    return null; // no stream, or not a byte stream
  }
  return {
    async read(start, end) {
      const length = end - start;
      if (start !== at || !reader) open(start);
      const stream = reader as unknown as ReadableStreamBYOBReader;
      const k = spares.findIndex((buffer) => buffer.byteLength >= length);
      let buffer = k >= 0 ? spares.splice(k, 1)[0] : new ArrayBuffer(length);
      let filled = 0;
      at = -1; // until this read completes, nothing may continue the stream
      while (filled < length) {
        const { done, value } = await stream.read(new Uint8Array(buffer, filled, length - filled));
        if (!value) throw new Error('The file could not be read to the end.');
        buffer = value.buffer as ArrayBuffer; // the view's buffer was transferred: the same memory, a new owner
        if (done) throw new Error('The file ended before its size said it would: it may have changed while it was read.');
        filled += value.byteLength;
      }
      at = end;
      return new Uint8Array(buffer, 0, length);
    },
    release(bytes) {
      if (spares.length < MAX_SPARE_BUFFERS && bytes.byteOffset === 0 && bytes.buffer.byteLength > 0) spares.push(bytes.buffer as ArrayBuffer);
    },
    close() {
      reader?.cancel().catch(() => undefined);
      reader = null;
    },
  };
}

/** One Blob slice per read: works everywhere, a fresh buffer each time. */
export function sliceSource(blob: Blob): ChunkSource {
  return {
    read: async (start, end) => new Uint8Array(await blob.slice(start, end).arrayBuffer()),
    release: () => undefined,
    close: () => undefined,
  };
}

/**
 * Drives steps over a Blob. A read completes off this thread (the stream fills while the parser
 * works), so starting the read of chunk k+1 before chunk k is parsed hides most of its cost; at
 * most one read is ahead, so memory stays at about two chunks.
 */
export async function readBlob<T>(blob: Blob, steps: ReadSteps<T>, beforeChunk?: () => Promise<void>, source: ChunkSource = streamSource(blob) ?? sliceSource(blob)): Promise<T> {
  let ahead: { start: number; end: number; bytes: Promise<Uint8Array> } | null = null;
  try {
    let step = steps.next();
    while (!step.done) {
      const [start, end, then] = step.value;
      if (beforeChunk) await beforeChunk();
      let pending: Promise<Uint8Array>;
      if (ahead && ahead.start === start && ahead.end === end) pending = ahead.bytes;
      else {
        // The parser went elsewhere: let the read ahead finish (one read at a time), then drop it.
        if (ahead) source.release(await ahead.bytes);
        pending = source.read(start, end);
      }
      ahead = null;
      const bytes = await pending;
      if (then !== undefined && then > end) {
        const next = source.read(end, then);
        next.catch(() => undefined); // an unused read-ahead that fails is nobody's error
        ahead = { start: end, end: then, bytes: next };
      }
      step = steps.next(bytes);
      source.release(bytes);
    }
    return step.value;
  } finally {
    if (ahead) await ahead.bytes.catch(() => undefined);
    source.close();
  }
}
