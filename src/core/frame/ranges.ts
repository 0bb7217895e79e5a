/**
 * A delimited file parsed in byte ranges, each on its own (in a parse helper worker, or in-process),
 * then merged in file order into exactly what one serial pass builds.
 *
 * Where ranges start: the byte after the first LF at or after each nominal offset. That is a guess,
 * because a quoted field may hold newlines. Rather than pre-scan quote parity, every range is parsed
 * speculatively and reports the state it ended in (where the next record starts, whether the header
 * is still to come); the merge takes a range only when it started in the state the previous range
 * ended in, and parses it again from the right place otherwise. Why not a parity pre-scan: it reads
 * every byte twice, and the scanner is lenient (a quote inside an unquoted field is literal, text
 * after a closing quote is dropped), so parity would disagree with it on exactly the messy files
 * where it matters. Quoted newlines right at a guessed start are rare; when they happen, the cost
 * is one range parsed twice, never a wrong row.
 */
import { columnPart, ColumnBuilder, takeSpare, type ColumnPart, type SpareArrays } from './builder';
import { readBlob, readBytes, type ReadSteps } from './reads';
import { DelimitedScanner } from './scanner';
import { MAX_RAGGED_LINES, raggedWarnings, TableSink } from './table';
import { createDecoder, InvalidUtf8 } from './text';
import type { ParseWarning, TextEncodingName } from './types';

export interface RangeJob {
  /** Parse the records that start in [start, end) of the file (a record straddling end is read to its end). */
  start: number;
  end: number;
  /** The file's size. */
  size: number;
  names: string[];
  delimiter: string;
  encoding: TextEncodingName;
  /** Throw on invalid UTF-8 (the encoding was detected, not chosen) instead of replacing it. */
  strict: boolean;
  /** The header record is still ahead: the range's first record is skipped. */
  headerPending: boolean;
  /** Rows to allocate at first (an estimate from the sample). */
  capacity: number;
  chunkBytes: number;
  /** Test hook: wait this long before each chunk (the e2e cancel test slows loading down). */
  delayMs?: number;
}

export interface RangePart {
  start: number;
  /** Where the next record starts: end, or past it when the last record straddled end. */
  next: number;
  /** The header was still ahead when the range started / when it ended. */
  headerPending: boolean;
  headerPendingAfter: boolean;
  rows: number;
  /** Lines the range spans (blank lines and newlines inside quotes count), to number later lines. */
  lines: number;
  ragged: number;
  short: number;
  /** The first few ragged rows' lines, counted from 1 at the range's start. */
  raggedLines: number[];
  columns: ColumnPart[];
}

export type RangeOutcome = { ok: true; part: RangePart } | { ok: false; reason: 'invalid-utf8' | 'cancelled' };

/**
 * Spare arrays for one range: up to one numbers and one codes array per column, each big enough
 * for the range's estimated rows, taken from `from` (the arrays of ranges already merged).
 */
export function takeSpares(from: SpareArrays, job: RangeJob): SpareArrays {
  const taken: SpareArrays = { numbers: [], codes: [] };
  for (let c = 0; c < job.names.length; c++) {
    const numbers = takeSpare(from.numbers, job.capacity);
    if (numbers) taken.numbers.push(numbers);
    const codes = takeSpare(from.codes, job.capacity);
    if (codes) taken.codes.push(codes);
  }
  return taken;
}

/** A merged part's arrays, whole, back into the spare lists. */
export function recycle(part: RangePart, into: SpareArrays): void {
  for (const column of part.columns) {
    if (column.numbers.length) into.numbers.push(new Float64Array(column.numbers.buffer));
    if (column.codes) into.codes.push(new Int32Array(column.codes.buffer));
  }
}

export function spareBuffers(spare: SpareArrays): ArrayBuffer[] {
  return [...spare.numbers, ...spare.codes].map((array) => array.buffer as ArrayBuffer);
}

/** Buffers a part owns, to transfer it across a worker boundary. */
export function partBuffers(part: RangePart): ArrayBuffer[] {
  const buffers: ArrayBuffer[] = [];
  for (const column of part.columns) {
    if (column.numbers.length) buffers.push(column.numbers.buffer as ArrayBuffer);
    if (column.codes) buffers.push(column.codes.buffer as ArrayBuffer);
  }
  return buffers;
}

function* rangeSteps(job: RangeJob, signal?: { readonly aborted: boolean }, spare?: SpareArrays): ReadSteps<RangeOutcome> {
  const sink = new TableSink(job.names, job.capacity, createDecoder(job.encoding, job.strict), job.headerPending, spare);
  const scanner = new DelimitedScanner(job.delimiter.charCodeAt(0), sink);
  scanner.stopAt = job.end - job.start;
  const chunk = Math.max(1, job.chunkBytes);
  let offset = job.start;
  try {
    // Read up to end, then on only while a record that began before end is unfinished.
    while (offset < job.size && (offset < job.end || job.start + scanner.position < job.end)) {
      if (signal?.aborted) return { ok: false, reason: 'cancelled' };
      const limit = offset < job.end ? job.end : job.size;
      const to = Math.min(limit, offset + chunk);
      const then = to < limit ? Math.min(limit, to + chunk) : undefined;
      scanner.push(yield [offset, to, then], to === job.size);
      offset = to;
    }
  } catch (error) {
    if (error instanceof InvalidUtf8) return { ok: false, reason: 'invalid-utf8' };
    throw error;
  }
  const columns = sink.builders.map(columnPart);
  // A text-only column's numbers array was never written and is not sent: keep it for the next range.
  if (spare) sink.builders.forEach((builder, c) => columns[c].numbers.length === 0 && spare.numbers.push(builder.numbers));
  return {
    ok: true,
    part: {
      start: job.start,
      next: job.start + scanner.position,
      headerPending: job.headerPending,
      headerPendingAfter: sink.headerPending,
      rows: sink.rows,
      lines: scanner.line - 1,
      ragged: sink.ragged,
      short: sink.short,
      raggedLines: [...sink.raggedLines],
      columns,
    },
  };
}

export function parseRangeBytes(bytes: Uint8Array, job: RangeJob, spare?: SpareArrays): RangeOutcome {
  return readBytes(bytes, rangeSteps(job, undefined, spare));
}

/**
 * One range of a Blob. `spare`: arrays to reuse, and where the unsent ones go back. `signal` is
 * checked between chunks (in-process only: a helper is terminated instead).
 */
export function parseRangeBlob(blob: Blob, job: RangeJob, spare?: SpareArrays, signal?: { readonly aborted: boolean }): Promise<RangeOutcome> {
  const delay = job.delayMs;
  return readBlob(blob, rangeSteps(job, signal, spare), delay ? () => new Promise((resolve) => setTimeout(resolve, delay)) : undefined);
}

/**
 * Range starts for a file: bom, then the byte after the first LF at or after bom + k * rangeBytes,
 * found in a small window read there (an offset with no LF in its window is skipped, which only
 * makes its range longer).
 */
export async function rangeStarts(read: (start: number, end: number) => Promise<Uint8Array>, size: number, bom: number, rangeBytes: number): Promise<number[]> {
  const window = Math.min(64 * 1024, Math.max(4096, rangeBytes));
  const offsets: number[] = [];
  for (let offset = bom + rangeBytes; offset < size; offset += rangeBytes) offsets.push(offset);
  const found = await Promise.all(
    offsets.map(async (offset) => {
      const bytes = await read(offset, Math.min(size, offset + window));
      const lf = bytes.indexOf(0x0a);
      return lf < 0 ? -1 : offset + lf + 1;
    }),
  );
  const starts = [bom];
  for (const start of found) if (start > starts[starts.length - 1] && start < size) starts.push(start);
  return starts;
}

/** Merges verified parts in file order into column builders, as one serial pass would have built them. */
export class RangeMerger {
  readonly builders: ColumnBuilder[];
  rows = 0;
  private lines = 0;
  private ragged = 0;
  private short = 0;
  private readonly raggedLines: number[] = [];

  constructor(names: string[], capacity: number) {
    this.builders = names.map((name) => new ColumnBuilder(name, capacity));
  }

  add(part: RangePart): void {
    for (const line of part.raggedLines) if (this.raggedLines.length < MAX_RAGGED_LINES) this.raggedLines.push(this.lines + line);
    this.lines += part.lines;
    this.ragged += part.ragged;
    this.short += part.short;
    this.rows += part.rows;
    this.builders.forEach((builder, c) => builder.appendPart(part.columns[c]));
  }

  warnings(): ParseWarning[] {
    return raggedWarnings(this.builders.length, this.ragged, this.short, this.raggedLines);
  }
}
