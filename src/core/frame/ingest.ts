/**
 * File bytes -> Dataset. One step machine (a generator that asks for byte ranges, reads.ts) drives
 * both hosts: ingestBytes feeds it synchronously, ingestBlob streams a Blob chunk by chunk. Between
 * chunks it checks for cancellation and reports progress; before parsing it refuses files over the
 * memory budget. Given a range runner, ingestBlob parses a big delimited file in byte ranges at once
 * (ranges.ts) and merges them into the same dataset.
 */
import { ColumnBuilder } from './builder';
import { bomLength, detectBinary, detectFormat, firstNonSpace } from './detect';
import { finishColumn } from './infer';
import { parseJson, parseJsonLines } from './json';
import { ingestTableBlob, tableFormatOf } from './tableFiles';
import type { SpareArrays } from './builder';
import { RangeMerger, rangeStarts, recycle, type RangeJob, type RangeOutcome } from './ranges';
import { readBlob, readBytes, type ReadRequest } from './reads';
import { DelimitedScanner } from './scanner';
import { sniffDelimited, type SniffResult } from './sniff';
import { TableSink } from './table';
import { InvalidUtf8, createDecoder, decodeAll, isValidUtf8 } from './text';
import type { Column, Dataset, LoadError, ParseSettings, ParseWarning, Result, TextEncodingName } from './types';

export interface IngestOptions {
  id: string;
  name: string;
  /** Overrides of what detection would choose: format, delimiter, hasHeader, encoding. */
  settings?: Partial<ParseSettings>;
  /** Checked between chunks; when set the result is the error 'cancelled'. */
  signal?: { readonly aborted: boolean };
  /** Called once per chunk; the caller throttles. */
  onProgress?: (bytesRead: number, totalBytes: number) => void;
  /** Refuse before parsing when the estimated memory exceeds this. */
  memoryBudgetBytes?: number;
  /** Chunk size in bytes (default 4 MiB); tests use tiny chunks to cross boundaries. */
  chunkBytes?: number;
  /** Awaited before each chunk is read (the e2e cancel test slows loading down with it). */
  beforeChunk?: () => Promise<void>;
  /** ingestBlob only: parse big delimited files in ranges, each through this runner. */
  ranges?: RangeRunner;
}

export interface RangeRunner {
  /**
   * Parses one range: in a helper worker, or in-process. Rejects when `signal` aborts it.
   * `spares` holds the arrays of ranges merged so far: take from it (takeSpares) when the range
   * starts, so it writes into memory already touched rather than fresh pages.
   */
  run(job: RangeJob, signal: { readonly aborted: boolean }, spares: SpareArrays): Promise<RangeOutcome>;
  /** Nominal range size (default 8 MiB). */
  rangeBytes?: number;
  /** Files smaller than this are read in one pass (default 8 MiB): ranges would cost more than they save. */
  minBytes?: number;
  /** Test hook, passed to every range: a pause before each chunk. */
  delayMs?: number;
}

const DEFAULT_CHUNK_BYTES = 4 * 1024 * 1024;
const DEFAULT_RANGE_BYTES = 8 * 1024 * 1024;
const SAMPLE_BYTES = 64 * 1024;
/** JSON is held whole: bytes, the decoded string (2 bytes a char) and parsed objects. */
const JSON_MEMORY_FACTOR = 8;
const MB = 1024 * 1024;

/** Where the serial steps hand over to ranges: the sample and its encoding are settled. */
interface RangeHandover {
  ranges: { bom: number; sample: Uint8Array; encoding: TextEncodingName; fellBack: boolean };
}
type Steps = Generator<ReadRequest, Result<Dataset> | RangeHandover, Uint8Array>;

const fail = (code: LoadError['code'], message: string): Result<never> => ({ ok: false, error: { code, message } });

function fallbackWarning(): ParseWarning {
  return {
    kind: 'encoding-fallback',
    message: 'The file is not valid UTF-8, so it was read as windows-1252 (Western European). If some characters look wrong, choose another encoding.',
  };
}

function tooLarge(estimate: number, size: number, budget: number): Result<never> {
  const mb = (bytes: number) => Math.max(1, Math.round(bytes / MB));
  return fail(
    'too-large',
    `This file (${mb(size)} MB) would need about ${mb(estimate)} MB of memory to load, more than the ${mb(budget)} MB available. Try a smaller file or a sample of it.`,
  );
}

export function assemble(
  builders: ColumnBuilder[],
  rows: number,
  settings: ParseSettings,
  warnings: ParseWarning[],
  options: IngestOptions,
  size: number,
): Result<Dataset> {
  if (builders.length === 0) return fail('no-columns', 'No columns were found in the file.');
  const columns: Column[] = [];
  const all = [...warnings];
  for (const builder of builders) {
    const inferred = finishColumn(builder);
    columns.push(inferred.column);
    if (inferred.warning) all.push(inferred.warning);
  }
  return { ok: true, value: { id: options.id, name: options.name, rowCount: rows, columns, settings, warnings: all, sourceBytes: size } };
}

function* readAll(size: number, from: number, chunk: number, options: IngestOptions): Generator<ReadRequest, Uint8Array | null, Uint8Array> {
  const all = new Uint8Array(size - from);
  for (let offset = from; offset < size; offset += chunk) {
    if (options.signal?.aborted) return null;
    const end = Math.min(size, offset + chunk);
    all.set(yield [offset, end, Math.min(size, end + chunk)], offset - from);
    options.onProgress?.(end, size);
  }
  return all;
}

function* jsonSteps(size: number, bom: number, format: 'json' | 'jsonl', options: IngestOptions, chunk: number): Steps {
  const budget = options.memoryBudgetBytes;
  if (budget !== undefined && size * JSON_MEMORY_FACTOR > budget) return tooLarge(size * JSON_MEMORY_FACTOR, size, budget);
  const bytes = yield* readAll(size, bom, chunk, options);
  if (!bytes) return fail('cancelled', 'Loading was cancelled.');
  const warnings: ParseWarning[] = [];
  let encoding = options.settings?.encoding;
  if (!encoding) {
    encoding = isValidUtf8(bytes, false) ? 'utf-8' : 'windows-1252';
    if (encoding === 'windows-1252') warnings.push(fallbackWarning());
  }
  const text = decodeAll(bytes, encoding);
  const parsed = format === 'json' ? parseJson(text) : parseJsonLines(text);
  if (!parsed.ok) return parsed;
  if (parsed.value.rows === 0) return fail('empty-file', 'The file holds no records.');
  const settings: ParseSettings = { format, delimiter: '', hasHeader: true, encoding };
  return assemble(parsed.value.builders, parsed.value.rows, settings, warnings, options, size);
}

/** Sniffs the sample and checks the memory budget; capacity is the row estimate to allocate. */
function prepareDelimited(
  sample: Uint8Array,
  encoding: TextEncodingName,
  size: number,
  bom: number,
  options: IngestOptions,
): Result<{ sniff: SniffResult; capacity: number }> {
  const overrides = options.settings ?? {};
  const sniff = sniffDelimited(sample, encoding, { delimiter: overrides.delimiter, hasHeader: overrides.hasHeader });
  if (sniff.names.length === 0) return fail('no-columns', 'No columns were found in the file.');
  const estimatedRows = Math.ceil((size - bom) / sniff.bytesPerRecord);
  const estimate = estimatedRows * sniff.names.length * 8 + size;
  const budget = options.memoryBudgetBytes;
  if (budget !== undefined && estimate > budget) return tooLarge(estimate, size, budget);
  return { ok: true, value: { sniff, capacity: Math.min(Math.ceil(estimatedRows * 1.1) + 16, 1 << 25) } };
}

function finishDelimited(
  builders: ColumnBuilder[],
  rows: number,
  sniff: SniffResult,
  encoding: TextEncodingName,
  fellBack: boolean,
  raggedWarnings: ParseWarning[],
  options: IngestOptions,
  size: number,
): Result<Dataset> {
  if (rows === 0) {
    if (sniff.hasHeader) return fail('header-only', `The file has a header (${sniff.names.join(', ')}) but no rows of data.`);
    return fail('empty-file', 'The file is empty.');
  }
  const settings: ParseSettings = { format: 'delimited', delimiter: sniff.delimiter, hasHeader: sniff.hasHeader, encoding };
  const warnings = [...(fellBack ? [fallbackWarning()] : []), ...sniff.warnings, ...raggedWarnings];
  return assemble(builders, rows, settings, warnings, options, size);
}

function* delimitedSteps(size: number, bom: number, head: Uint8Array, options: IngestOptions, chunk: number): Steps {
  const overrides = options.settings ?? {};
  let sample = head.subarray(bom);
  const whole = head.length === size;
  if (!whole) {
    const lastNewline = sample.lastIndexOf(0x0a);
    if (lastNewline > 0) sample = sample.subarray(0, lastNewline + 1);
  }
  let encoding: TextEncodingName | undefined = overrides.encoding;
  let fellBack = false;
  if (!encoding) {
    encoding = isValidUtf8(sample, !whole) ? 'utf-8' : 'windows-1252';
    fellBack = encoding === 'windows-1252';
  }
  if (options.ranges && size >= (options.ranges.minBytes ?? DEFAULT_RANGE_BYTES)) return { ranges: { bom, sample, encoding, fellBack } };
  for (;;) {
    const prepared = prepareDelimited(sample, encoding, size, bom, options);
    if (!prepared.ok) return prepared;
    const { sniff, capacity } = prepared.value;
    // Strict UTF-8 only while detecting: a user-forced utf-8 shows bad bytes as U+FFFD instead.
    const decoder = createDecoder(encoding, !overrides.encoding);
    const sink = new TableSink(sniff.names, capacity, decoder, sniff.hasHeader);
    const scanner = new DelimitedScanner(sniff.delimiter.charCodeAt(0), sink);
    try {
      for (let offset = bom; offset < size; offset += chunk) {
        if (options.signal?.aborted) return fail('cancelled', 'Loading was cancelled.');
        const end = Math.min(size, offset + chunk);
        scanner.push(yield [offset, end, Math.min(size, end + chunk)], end === size);
        options.onProgress?.(end, size);
      }
    } catch (error) {
      if (error instanceof InvalidUtf8 && !fellBack) {
        encoding = 'windows-1252';
        fellBack = true;
        continue;
      }
      throw error;
    }
    return finishDelimited(sink.builders, sink.rows, sniff, encoding, fellBack, sink.warnings(), options, size);
  }
}

class RangeCancelled extends Error {}

/**
 * The ranges of a delimited file, parsed through the runner at once and merged in order as they
 * are verified (see ranges.ts for why a range may be parsed twice). Invalid UTF-8 in any verified
 * range restarts the whole read as windows-1252, as the serial pass does.
 */
async function ingestRanges(blob: Blob, handover: RangeHandover['ranges'], runner: RangeRunner, options: IngestOptions): Promise<Result<Dataset>> {
  const size = blob.size;
  const { bom, sample } = handover;
  let { encoding, fellBack } = handover;
  const chunk = Math.max(1, options.chunkBytes ?? DEFAULT_CHUNK_BYTES);
  const read = async (start: number, end: number) => new Uint8Array(await blob.slice(start, end).arrayBuffer());
  const starts = await rangeStarts(read, size, bom, Math.max(1, runner.rangeBytes ?? DEFAULT_RANGE_BYTES));
  const outer = options.signal;
  for (;;) {
    if (outer?.aborted) return fail('cancelled', 'Loading was cancelled.');
    const prepared = prepareDelimited(sample, encoding, size, bom, options);
    if (!prepared.ok) return prepared;
    const { sniff, capacity } = prepared.value;
    const perByte = capacity / Math.max(1, size - bom);
    const job = (start: number, end: number, headerPending: boolean): RangeJob => ({
      start,
      end,
      size,
      names: sniff.names,
      delimiter: sniff.delimiter,
      encoding,
      strict: !options.settings?.encoding,
      headerPending,
      capacity: Math.ceil((end - start) * perByte) + 16,
      chunkBytes: chunk,
      delayMs: runner.delayMs,
    });
    // Each range has its own stop flag, so a guess found wrong, or the whole attempt, can be dropped.
    const flags: { stale: boolean }[] = [];
    const spares: SpareArrays = { numbers: [], codes: [] };
    const run = (range: RangeJob) => {
      const flag = { stale: false };
      flags.push(flag);
      const promise = runner.run(range, { get aborted() { return flag.stale || !!outer?.aborted; } }, spares);
      promise.catch(() => undefined); // a dropped range's rejection is expected
      return { flag, promise };
    };
    const guesses = starts.map((start, k) => run(job(start, k + 1 < starts.length ? starts[k + 1] : size, k === 0 && sniff.hasHeader)));
    const merger = new RangeMerger(sniff.names, capacity);
    let expected = { at: bom, headerPending: sniff.hasHeader };
    let invalidUtf8 = false;
    try {
      for (let k = 0; k < starts.length; k++) {
        const end = k + 1 < starts.length ? starts[k + 1] : size;
        const guess = guesses[k];
        if (expected.at >= end) {
          guess.flag.stale = true; // inside a record the previous range finished
          continue;
        }
        let attempt = guess;
        if (starts[k] !== expected.at || (k === 0 ? sniff.hasHeader : false) !== expected.headerPending) {
          guess.flag.stale = true;
          attempt = run(job(expected.at, end, expected.headerPending));
        }
        let outcome: RangeOutcome;
        try {
          outcome = await attempt.promise;
        } catch (error) {
          if (outer?.aborted) throw new RangeCancelled();
          throw error;
        }
        if (!outcome.ok) {
          if (outcome.reason === 'cancelled') throw new RangeCancelled();
          invalidUtf8 = true;
          break;
        }
        merger.add(outcome.part);
        recycle(outcome.part, spares);
        expected = { at: outcome.part.next, headerPending: outcome.part.headerPendingAfter };
        options.onProgress?.(Math.min(size, expected.at), size);
      }
    } catch (error) {
      if (error instanceof RangeCancelled) return fail('cancelled', 'Loading was cancelled.');
      throw error;
    } finally {
      for (const flag of flags) flag.stale = true;
    }
    if (invalidUtf8) {
      if (fellBack || encoding !== 'utf-8' || options.settings?.encoding) throw new InvalidUtf8();
      encoding = 'windows-1252';
      fellBack = true;
      continue;
    }
    if (outer?.aborted) return fail('cancelled', 'Loading was cancelled.');
    return finishDelimited(merger.builders, merger.rows, sniff, encoding, fellBack, merger.warnings(), options, size);
  }
}

function* ingestSteps(size: number, options: IngestOptions): Steps {
  if (size === 0) return fail('empty-file', 'The file is empty.');
  if (options.signal?.aborted) return fail('cancelled', 'Loading was cancelled.');
  const chunk = Math.max(1, options.chunkBytes ?? DEFAULT_CHUNK_BYTES);
  // A copy: the sample is read again after later chunks, whose reads reuse this memory (reads.ts).
  const head = (yield [0, Math.min(size, SAMPLE_BYTES)]).slice();
  const bom = bomLength(head);
  const binary = detectBinary(head);
  if (binary) return fail('binary-file', binary);
  if (firstNonSpace(head.subarray(bom)) < 0 && head.length === size) return fail('empty-file', 'The file is empty.');
  const format = options.settings?.format ?? detectFormat(head.subarray(bom));
  if (format === 'json' || format === 'jsonl') return yield* jsonSteps(size, bom, format, options, chunk);
  return yield* delimitedSteps(size, bom, head, options, chunk);
}

function unreadable(error: unknown): Result<never> {
  return fail('unreadable', `The file could not be read: ${error instanceof Error ? error.message : String(error)}`);
}

function settled(outcome: Result<Dataset> | RangeHandover): Result<Dataset> {
  // Only ingestBlob offers a range runner; the bytes host never gets a handover.
  if ('ranges' in outcome) throw new Error('ranges need ingestBlob');
  return outcome;
}

/** Reads bytes synchronously (tests, demo data); same behaviour as ingestBlob. */
export function ingestBytes(bytes: Uint8Array, options: IngestOptions): Result<Dataset> {
  try {
    return settled(readBytes(bytes, ingestSteps(bytes.length, { ...options, ranges: undefined })));
  } catch (error) {
    return unreadable(error);
  }
}

/**
 * Streams a Blob (a dropped File) chunk by chunk, so only a chunk or two of raw bytes is held at a
 * time; with options.ranges, a big delimited file goes to the range runner instead.
 */
export async function ingestBlob(blob: Blob, options: IngestOptions): Promise<Result<Dataset>> {
  try {
    // Parquet and Excel are read whole by their own readers; everything else streams in chunks.
    const table = tableFormatOf(new Uint8Array(await blob.slice(0, 4).arrayBuffer()));
    if (table) return await ingestTableBlob(blob, table, options);
    const outcome = await readBlob(blob, ingestSteps(blob.size, options), options.beforeChunk);
    if ('ranges' in outcome && options.ranges) return await ingestRanges(blob, outcome.ranges, options.ranges, options);
    return settled(outcome);
  } catch (error) {
    return unreadable(error);
  }
}
