/**
 * Applies a run's imbalance setting to its training split, and only to it: the caller hands
 * in the training rows, so validation and test rows are never weighted or resampled.
 */
import type { TrainingData } from '../models';
import { balancedClassWeights, randomOversample, randomUndersample, sampleWeights, smote, type ImbalanceSpec, type TaskKind } from '../prep';
import { createRandom } from '../random';

export interface BalancedTraining {
  data: TrainingData;
  /** Rows the model trains on before SMOTE's synthetic ones (with repeats after over-sampling). */
  rows: Int32Array;
  /** SMOTE's synthetic rows appended after `rows`. */
  synthetic: number;
  /** Class weights used (weights methods), in class order. */
  classWeights: number[] | null;
}

/** Resampling draws from its own stream, so turning it on does not move the split or the initial weights. */
const RESAMPLE_STREAM = 0x9e3779b9;
const DEFAULT_NEIGHBOURS = 5;

export function balanceTraining(
  spec: ImbalanceSpec | undefined,
  task: TaskKind,
  k: number,
  trainRows: Int32Array,
  y: Float32Array,
  seed: number,
  rowsOf: (rows: Int32Array) => TrainingData,
): { ok: true; value: BalancedTraining } | { ok: false; message: string } {
  const method = spec?.method ?? 'none';
  if (method === 'none') return { ok: true, value: { data: rowsOf(trainRows), rows: trainRows, synthetic: 0, classWeights: null } };
  if (task === 'regression') return { ok: false, message: 'Class weights and resampling apply to classes; set imbalance handling to "none" for a regression target.' };
  const random = createRandom((seed ^ RESAMPLE_STREAM) >>> 0);
  if (method === 'balanced-weights' || method === 'manual-weights') {
    const weights = method === 'balanced-weights' ? balancedClassWeights(y, trainRows, k) : spec?.classWeights ?? [];
    if (weights.length !== k || !weights.every((w) => Number.isFinite(w) && w >= 0) || !weights.some((w) => w > 0)) {
      return { ok: false, message: `Manual class weights need one non-negative number per class (${k}), not all zero.` };
    }
    const data = rowsOf(trainRows);
    return { ok: true, value: { data: { ...data, weights: sampleWeights(y, trainRows, weights) }, rows: trainRows, synthetic: 0, classWeights: weights } };
  }
  if (method === 'oversample' || method === 'undersample') {
    const rows = method === 'oversample' ? randomOversample(trainRows, y, k, random) : randomUndersample(trainRows, y, k, random);
    return { ok: true, value: { data: rowsOf(rows), rows, synthetic: 0, classWeights: null } };
  }
  const base = rowsOf(trainRows);
  const extra = smote(base.x, base.y, base.cols, k, spec?.neighbours ?? DEFAULT_NEIGHBOURS, random);
  const x = new Float32Array(base.x.length + extra.x.length);
  x.set(base.x);
  x.set(extra.x, base.x.length);
  const yy = new Float32Array(base.rows + extra.rows);
  yy.set(base.y);
  yy.set(extra.y, base.rows);
  return { ok: true, value: { data: { x, y: yy, rows: base.rows + extra.rows, cols: base.cols }, rows: trainRows, synthetic: extra.rows, classWeights: null } };
}
