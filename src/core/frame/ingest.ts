/**
 * File bytes -> Dataset. One step machine (a generator that asks for byte ranges) drives both hosts:
 * ingestBytes feeds it synchronously, ingestBlob streams a Blob chunk by chunk. Between chunks it
 * checks for cancellation and reports progress; before parsing it refuses files over the memory budget.
 */
import { ColumnBuilder } from './builder';
import { bomLength, detectBinary, detectFormat, firstNonSpace } from './detect';
import { finishColumn } from './infer';
import { parseJson, parseJsonLines } from './json';
import { DelimitedScanner } from './scanner';
import { sniffDelimited } from './sniff';
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
}

const DEFAULT_CHUNK_BYTES = 4 * 1024 * 1024;
const SAMPLE_BYTES = 64 * 1024;
/** JSON is held whole: bytes, the decoded string (2 bytes a char) and parsed objects. */
const JSON_MEMORY_FACTOR = 8;
const MB = 1024 * 1024;

type ReadRequest = readonly [start: number, end: number];
type Steps = Generator<ReadRequest, Result<Dataset>, Uint8Array>;

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

function assemble(
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
    all.set(yield [offset, end], offset - from);
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
  for (;;) {
    const sniff = sniffDelimited(sample, encoding, { delimiter: overrides.delimiter, hasHeader: overrides.hasHeader });
    if (sniff.names.length === 0) return fail('no-columns', 'No columns were found in the file.');
    const estimatedRows = Math.ceil((size - bom) / sniff.bytesPerRecord);
    const estimate = estimatedRows * sniff.names.length * 8 + size;
    const budget = options.memoryBudgetBytes;
    if (budget !== undefined && estimate > budget) return tooLarge(estimate, size, budget);
    const capacity = Math.min(Math.ceil(estimatedRows * 1.1) + 16, 1 << 25);
    // Strict UTF-8 only while detecting: a user-forced utf-8 shows bad bytes as U+FFFD instead.
    const decoder = createDecoder(encoding, !overrides.encoding);
    const sink = new TableSink(sniff.names, capacity, decoder, sniff.hasHeader);
    const scanner = new DelimitedScanner(sniff.delimiter.charCodeAt(0), sink);
    try {
      for (let offset = bom; offset < size; offset += chunk) {
        if (options.signal?.aborted) return fail('cancelled', 'Loading was cancelled.');
        const end = Math.min(size, offset + chunk);
        scanner.push(yield [offset, end], end === size);
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
    if (sink.rows === 0) {
      if (sniff.hasHeader) {
        return fail('header-only', `The file has a header (${sniff.names.join(', ')}) but no rows of data.`);
      }
      return fail('empty-file', 'The file is empty.');
    }
    const settings: ParseSettings = { format: 'delimited', delimiter: sniff.delimiter, hasHeader: sniff.hasHeader, encoding };
    const warnings = [...(fellBack ? [fallbackWarning()] : []), ...sniff.warnings, ...sink.warnings()];
    return assemble(sink.builders, sink.rows, settings, warnings, options, size);
  }
}

function* ingestSteps(size: number, options: IngestOptions): Steps {
  if (size === 0) return fail('empty-file', 'The file is empty.');
  if (options.signal?.aborted) return fail('cancelled', 'Loading was cancelled.');
  const chunk = Math.max(1, options.chunkBytes ?? DEFAULT_CHUNK_BYTES);
  const head = yield [0, Math.min(size, SAMPLE_BYTES)];
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

/** Reads bytes synchronously (tests, demo data); same behaviour as ingestBlob. */
export function ingestBytes(bytes: Uint8Array, options: IngestOptions): Result<Dataset> {
  try {
    const steps = ingestSteps(bytes.length, options);
    let step = steps.next();
    while (!step.done) step = steps.next(bytes.subarray(step.value[0], step.value[1]));
    return step.value;
  } catch (error) {
    return unreadable(error);
  }
}

/** Streams a Blob (a dropped File) chunk by chunk, so only one chunk of raw bytes is held at a time. */
export async function ingestBlob(blob: Blob, options: IngestOptions): Promise<Result<Dataset>> {
  try {
    const steps = ingestSteps(blob.size, options);
    let step = steps.next();
    while (!step.done) {
      if (options.beforeChunk) await options.beforeChunk();
      const bytes = new Uint8Array(await blob.slice(step.value[0], step.value[1]).arrayBuffer());
      step = steps.next(bytes);
    }
    return step.value;
  } catch (error) {
    return unreadable(error);
  }
}
