/**
 * One byte range of a dropped file, parsed by a parse helper (parseWorker.ts) or, where helpers
 * cannot run, in the engine itself. Imports only core/frame, so the helper's bundle stays small.
 */
import type { SpareArrays } from '../core/frame/builder';
import { parseRangeBlob, partBuffers, type RangeJob, type RangeOutcome } from '../core/frame/ranges';

const WARM_UP_BYTES = 256 * 1024;

export interface ParseApi {
  /**
   * Parses `job`'s range of `file` (a File or Blob handle: structured-cloned without copying its
   * bytes). `spare`: arrays of merged ranges to write into (transferred in, kept by the helper
   * when unused). `signal` only in-process: a helper is cancelled by terminating it.
   */
  parseRange(file: Blob, job: RangeJob, spare?: SpareArrays, signal?: { readonly aborted: boolean }): Promise<RangeOutcome>;
  /** Parses a built-in sample twice, so the first real range runs compiled code (see warmUpSample). */
  warmUp(): Promise<void>;
}

/** `transfer` (comlink's, in a helper) marks the part's column buffers to move rather than copy. */
export function createParseService(options: { transfer?: <T>(value: T, buffers: Transferable[]) => T } = {}): ParseApi {
  // This helper's own spare arrays: what it was sent and did not use, and the numbers arrays of
  // text-only columns (never sent back).
  const kept: SpareArrays = { numbers: [], codes: [] };
  return {
    async parseRange(file, job, spare, signal) {
      if (spare) {
        kept.numbers.push(...spare.numbers);
        kept.codes.push(...spare.codes);
      }
      const outcome = await parseRangeBlob(file, job, kept, signal);
      return outcome.ok && options.transfer ? options.transfer(outcome, partBuffers(outcome.part)) : outcome;
    },

    async warmUp() {
      const sample = new Blob([warmUpSample(WARM_UP_BYTES) as BlobPart]);
      const names = Array.from({ length: 10 }, (_, c) => `c${c}`);
      for (let k = 0; k < 2; k++) {
        await parseRangeBlob(sample, { start: 0, end: sample.size, size: sample.size, names, delimiter: ',', encoding: 'utf-8', strict: true, headerPending: false, capacity: 4096, chunkBytes: 64 * 1024 });
      }
    },
  };
}

/**
 * A small CSV with the kinds of fields real files have (integers, decimals, missing cells,
 * categories, dates, booleans, quoted text), parsed once by each new helper so that its parser
 * is compiled before the first real range arrives: a cold helper parses its first range at a
 * fraction of its later speed.
 */
export function warmUpSample(bytes: number): Uint8Array {
  const words = ['north', 'south', 'east', 'west', 'centre'];
  let text = '';
  for (let i = 0; text.length < bytes; i++) {
    const day = 1 + (i % 28);
    text += `${i},${(i * 7.31) % 1000},${-i % 97}.${i % 10},${i % 5 === 0 ? '' : i % 13},${words[i % 5]},w${i % 37},2024-0${1 + (i % 9)}-${day < 10 ? '0' : ''}${day},${i % 3 ? 'true' : 'false'},"${words[i % 4]}, ${i}",K${i % 900}\n`;
  }
  return new TextEncoder().encode(text);
}
