/**
 * Grid and random search over a model's settings, each candidate scored by stratified k-fold
 * CV on the training split. Results stream out one candidate at a time, so a cancelled search
 * keeps what it finished.
 */
import type { Dataset } from '../frame/types';
import type { ModelSpec, SettingValue } from '../models';
import { createRandom, shuffledIndices } from '../random';
import { crossValidate, type CvResult, type FoldRunner } from './crossValidate';
import type { ExperimentConfig, ExperimentFailure } from './run';

export type { SettingValue };

export interface SearchSpec {
  mode: 'grid' | 'random';
  /** Setting name (a ModelSpec field) -> values to try. */
  space: Record<string, SettingValue[]>;
  /** Random search: how many candidates to draw from the grid (without repeats). */
  samples: number;
  k: number;
}

export interface SearchCandidate {
  index: number;
  settings: Record<string, SettingValue>;
  cv: CvResult;
}

export interface SearchProgress {
  /** Candidates finished so far, and how many there are. */
  done: number;
  total: number;
  /** The fold being run now (0-based) of the current candidate (one by one only; folds run at once otherwise). */
  fold: number;
  /** Fits (one fold of one candidate) finished so far, and how many the search runs (candidates x k). */
  fitsDone: number;
  fitsTotal: number;
  /** The candidate that just finished, when one did. */
  finished: SearchCandidate | null;
}

/** Guard against a grid that would run for hours by accident. */
export const MAX_CANDIDATES = 200;

/** Every combination of the space's values, settings in key order, last key varying fastest. */
export function gridOf(space: Record<string, SettingValue[]>): Record<string, SettingValue>[] {
  let out: Record<string, SettingValue>[] = [{}];
  for (const key of Object.keys(space).sort()) {
    out = out.flatMap((partial) => space[key].map((v) => ({ ...partial, [key]: v })));
  }
  return out;
}

/** The candidates a search runs: the whole grid, or `samples` of it drawn with the seed. */
export function candidatesOf(spec: SearchSpec, seed: number): Record<string, SettingValue>[] {
  const grid = gridOf(spec.space);
  if (spec.mode === 'grid') return grid;
  const order = shuffledIndices(grid.length, createRandom((seed ^ 0xc2b2ae35) >>> 0));
  return Array.from(order.subarray(0, Math.min(spec.samples, grid.length)), (i) => grid[i]);
}

export function searchProblem(spec: SearchSpec, model: ModelSpec, count: number): string | null {
  for (const [key, values] of Object.entries(spec.space)) {
    if (!(key in model)) return `"${key}" is not a setting of the ${model.kind} model.`;
    if (values.length === 0) return `Give at least one value for ${key}.`;
  }
  if (count === 0) return 'The search has no candidates.';
  if (count > MAX_CANDIDATES) return `The search would train ${count} candidates; narrow it to at most ${MAX_CANDIDATES}.`;
  if (spec.mode === 'random' && !(Number.isInteger(spec.samples) && spec.samples >= 1)) return 'Random search needs a whole number of samples, at least 1.';
  return null;
}

export async function searchModels(
  ds: Dataset,
  config: ExperimentConfig,
  spec: SearchSpec,
  options: { signal?: { readonly aborted: boolean }; onProgress?: (p: SearchProgress) => void; runFold?: FoldRunner } = {},
): Promise<{ ok: true; value: SearchCandidate[] } | { ok: false; error: ExperimentFailure; partial: SearchCandidate[] }> {
  const candidates = candidatesOf(spec, config.seed);
  const problem = searchProblem(spec, config.model, candidates.length);
  const done: SearchCandidate[] = [];
  if (problem) return { ok: false, error: { reason: 'bad-config', message: problem }, partial: done };
  if (options.runFold) return searchInParallel(ds, config, spec, candidates, options.runFold, options.onProgress);
  const fitsTotal = candidates.length * spec.k;
  for (let i = 0; i < candidates.length; i++) {
    const settings = candidates[i];
    const model = { ...config.model, ...settings } as ModelSpec;
    const cv = await crossValidate(ds, { ...config, model }, spec.k, {
      signal: options.signal,
      onFold: (p) => options.onProgress?.({ done: i, total: candidates.length, fold: p.fold, fitsDone: i * spec.k + p.fold, fitsTotal, finished: null }),
    });
    if (!cv.ok) {
      const message = cv.error.reason === 'cancelled' ? `Search cancelled after ${i} of ${candidates.length} candidates.` : `Candidate ${i + 1} (${describe(settings)}): ${cv.error.message}`;
      return { ok: false, error: { ...cv.error, message }, partial: done };
    }
    const finished = { index: i, settings, cv: cv.value };
    done.push(finished);
    options.onProgress?.({ done: i + 1, total: candidates.length, fold: spec.k - 1, fitsDone: (i + 1) * spec.k, fitsTotal, finished });
  }
  return { ok: true, value: done };
}

/**
 * Every candidate's folds handed to a pool at once (the pool bounds how many run together), so
 * the workers stay busy across candidate boundaries. Candidates finish in any order; progress
 * goes out as each fit finishes.
 */
async function searchInParallel(
  ds: Dataset,
  config: ExperimentConfig,
  spec: SearchSpec,
  candidates: Record<string, SettingValue>[],
  runFold: FoldRunner,
  onProgress?: (p: SearchProgress) => void,
): Promise<{ ok: true; value: SearchCandidate[] } | { ok: false; error: ExperimentFailure; partial: SearchCandidate[] }> {
  const done: SearchCandidate[] = [];
  let failure: ExperimentFailure | null = null;
  const fitsTotal = candidates.length * spec.k;
  let fitsDone = 0;
  const report = (finished: SearchCandidate | null) => onProgress?.({ done: done.length, total: candidates.length, fold: spec.k - 1, fitsDone, fitsTotal, finished });
  const countedFold: FoldRunner = async (foldConfig, split) => {
    const outcome = await runFold(foldConfig, split);
    if (outcome.ok) {
      fitsDone++;
      report(null);
    }
    return outcome;
  };
  onProgress?.({ done: 0, total: candidates.length, fold: 0, fitsDone: 0, fitsTotal, finished: null });
  await Promise.all(
    candidates.map(async (settings, index) => {
      const cv = await crossValidate(ds, { ...config, model: { ...config.model, ...settings } as ModelSpec }, spec.k, { runFold: countedFold });
      if (!cv.ok) {
        if (!failure || failure.reason === 'cancelled') failure = cv.error.reason === 'cancelled' ? cv.error : { ...cv.error, message: `Candidate ${index + 1} (${describe(settings)}): ${cv.error.message}` };
        return;
      }
      const finished = { index, settings, cv: cv.value };
      done.push(finished);
      report(finished);
    }),
  );
  done.sort((a, b) => a.index - b.index);
  if (failure) {
    const f = failure as ExperimentFailure;
    return { ok: false, error: f.reason === 'cancelled' ? { ...f, message: `Search cancelled after ${done.length} of ${candidates.length} candidates.` } : f, partial: done };
  }
  return { ok: true, value: done };
}

/** "learningRate 0.01 · hidden 64, 32", as tables and messages show a candidate. */
export function describe(settings: Record<string, SettingValue>): string {
  return Object.entries(settings)
    .map(([k, v]) => `${k} ${Array.isArray(v) ? v.join(', ') : v}`)
    .join(' · ');
}
