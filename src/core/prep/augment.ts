/**
 * Data augmentation for the training split: a perturbed copy of each training row, made at the
 * column level (before the fitted pipeline), so the pipeline's statistics come from the real
 * training rows only and the copies go through exactly the transform every other row does.
 */
import type { Column } from '../frame/types';
import type { Random } from '../random';
import type { FittedPipeline } from './types';

export interface AugmentSpec {
  /** Gaussian noise on numeric features, in units of each column's training std (0 = off). */
  noise: number;
  /** Text: probability of deleting each word (0 = off). */
  wordDelete: number;
  /** Text: swaps of two random words, as a fraction of the document's word count (0 = off). */
  wordSwap: number;
}

export const NO_AUGMENT: AugmentSpec = { noise: 0, wordDelete: 0, wordSwap: 0 };

export function augmentActive(spec: AugmentSpec | undefined): spec is AugmentSpec {
  return !!spec && (spec.noise > 0 || spec.wordDelete > 0 || spec.wordSwap > 0);
}

export function augmentProblem(spec: AugmentSpec): string | null {
  if (!(spec.noise >= 0 && spec.noise <= 10)) return 'Noise strength must be between 0 and 10 (standard deviations).';
  if (!(spec.wordDelete >= 0 && spec.wordDelete < 1)) return 'Word deletion must be at least 0 and below 1.';
  if (!(spec.wordSwap >= 0 && spec.wordSwap <= 1)) return 'Word swap must be between 0 and 1.';
  return null;
}

/** Deletes each word with probability `del` (keeping at least one), then swaps round(swap x words) random pairs. */
export function augmentWords(text: string, del: number, swap: number, random: Random): string {
  let words = text.split(/\s+/).filter(Boolean);
  if (words.length === 0) return text;
  if (del > 0) {
    const kept = words.filter(() => random.next() >= del);
    words = kept.length ? kept : [words[random.int(words.length)]];
  }
  const swaps = Math.round(swap * words.length);
  for (let s = 0; s < swaps && words.length > 1; s++) {
    const i = random.int(words.length);
    const j = random.int(words.length);
    [words[i], words[j]] = [words[j], words[i]];
  }
  return words.join(' ');
}

/**
 * The pipeline's feature columns restricted to `rows` (in order) and perturbed: numeric columns
 * get value + noise x std x N(0, 1) (missing stays missing), text columns word deletion and
 * swaps; categories, booleans and datetimes are copied as they are.
 */
export function augmentedColumns(columns: Column[], rows: ArrayLike<number>, pipeline: FittedPipeline, spec: AugmentSpec, random: Random): Column[] {
  const stepOf = new Map(pipeline.features.map((s) => [s.column, s]));
  const out: Column[] = [];
  for (const col of columns) {
    const step = stepOf.get(col.name);
    if (!step) continue;
    if (col.storage === 'number') {
      const values = Float64Array.from({ length: rows.length }, (_, i) => col.values[rows[i]]);
      if (step.kind === 'number' && spec.noise > 0) {
        for (let i = 0; i < values.length; i++) if (values[i] === values[i]) values[i] += spec.noise * step.std * random.normal();
      }
      out.push({ ...col, values });
    } else if (step.kind === 'text' && (spec.wordDelete > 0 || spec.wordSwap > 0)) {
      const dictionary: string[] = [];
      const index = new Map<string, number>();
      const codes = Int32Array.from({ length: rows.length }, (_, i) => {
        const code = col.codes[rows[i]];
        if (code < 0) return -1;
        const text = augmentWords(col.dictionary[code], spec.wordDelete, spec.wordSwap, random);
        let c = index.get(text);
        if (c === undefined) {
          c = dictionary.push(text) - 1;
          index.set(text, c);
        }
        return c;
      });
      out.push({ ...col, codes, dictionary });
    } else {
      out.push({ ...col, codes: Int32Array.from({ length: rows.length }, (_, i) => col.codes[rows[i]]) });
    }
  }
  return out;
}
