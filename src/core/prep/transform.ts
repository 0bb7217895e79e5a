/**
 * Applies a fitted pipeline to columns (the training dataset, or a new file with the same
 * column names). Dictionaries may differ from training: categories are matched by string,
 * once per dictionary entry, never per row.
 */
import type { Column } from '../frame/types';
import { booleanCodes, datetimePart, numberAt } from './columnValues';
import { outputWidth } from './outputNames';
import { hashCounts } from './textHash';
import {
  PipelineError,
  type CategoryStep,
  type DatetimeStep,
  type DesignMatrix,
  type FeatureStep,
  type FittedPipeline,
  type TextStep,
} from './types';

/** Where one step writes: the matrix, its width, the step's first column, the rows to read. */
interface Target {
  matrix: Float32Array;
  cols: number;
  offset: number;
  rows: ArrayLike<number>;
}

export function transform(p: FittedPipeline, columns: Column[], rows: Int32Array | null): DesignMatrix {
  const byName = new Map(columns.map((c) => [c.name, c]));
  const found = p.features.map((step) => {
    const column = byName.get(step.column);
    if (!column) throw new PipelineError(`The data has no column "${step.column}", which the model was trained on.`);
    return column;
  });
  const rowCount = rows ? rows.length : found.length > 0 ? lengthOf(found[0]) : 0;
  const readRows = rows ?? Int32Array.from({ length: rowCount }, (_, i) => i);
  const cols = p.features.reduce((sum, step) => sum + outputWidth(step), 0);
  const matrix = new Float32Array(rowCount * cols);
  let offset = 0;
  p.features.forEach((step, i) => {
    writeStep(step, found[i], { matrix, cols, offset, rows: readRows });
    offset += outputWidth(step);
  });
  return { matrix, rows: rowCount, cols };
}

function lengthOf(column: Column): number {
  return column.storage === 'number' ? column.values.length : column.codes.length;
}

function writeStep(step: FeatureStep, column: Column, t: Target): void {
  switch (step.kind) {
    case 'number': {
      const values = asNumbers(column);
      if (step.native) writeRaw(t, values);
      else writeScaled(t, values, step.median, step.mean, step.std, step.missingIndicator);
      return;
    }
    case 'boolean': {
      const values = booleanCodes(column);
      if (step.native) writeRaw(t, values);
      else writeScaled(t, values, step.mostFrequent, 0, 1, step.missingIndicator);
      return;
    }
    case 'category':
      return writeCategory(step, column, t);
    case 'datetime':
      return writeDatetime(step, asNumbers(column), t);
    case 'text':
      return writeText(step, column, t);
  }
}

/** A number column as is; a dictionary column parsed once per entry (a file re-read as text). */
function asNumbers(column: Column): Float64Array {
  if (column.storage === 'number') return column.values;
  const perEntry = column.dictionary.map((s) => (s.trim() === '' ? NaN : Number(s)));
  return Float64Array.from(column.codes, (c) => (c < 0 ? NaN : perEntry[c]));
}

/** The value as it is, NaN when missing (native encoding). */
function writeRaw(t: Target, values: Float64Array): void {
  const { matrix, cols, offset, rows } = t;
  for (let i = 0; i < rows.length; i++) matrix[i * cols + offset] = numberAt(values, rows[i]);
}

/** impute -> (x - mean) / std, and the missing indicator after it. */
function writeScaled(t: Target, values: Float64Array, fill: number, mean: number, std: number, indicator: boolean): void {
  const { matrix, cols, offset, rows } = t;
  for (let i = 0; i < rows.length; i++) {
    const v = numberAt(values, rows[i]);
    const missing = Number.isNaN(v);
    matrix[i * cols + offset] = ((missing ? fill : v) - mean) / std;
    if (indicator) matrix[i * cols + offset + 1] = missing ? 1 : 0;
  }
}

/** Column offset of each code (by string), -1 for missing; unseen strings go to "other". */
function categorySlots(step: CategoryStep, column: Column): { slotOf: (row: number) => number } {
  const index = new Map(step.categories.map((c, i) => [c, i]));
  const other = step.categories.length;
  const slot = (label: string): number => index.get(label) ?? other;
  if (column.storage === 'dictionary') {
    const perEntry = Int32Array.from(column.dictionary, slot);
    return { slotOf: (row) => (column.codes[row] < 0 ? -1 : perEntry[column.codes[row]]) };
  }
  return { slotOf: (row) => (Number.isFinite(column.values[row]) ? slot(String(column.values[row])) : -1) };
}

function writeCategory(step: CategoryStep, column: Column, t: Target): void {
  const { matrix, cols, offset, rows } = t;
  const { slotOf } = categorySlots(step, column);
  // Missing takes the most frequent category, categories[0]; with none kept, slot 0 is "other".
  const fillSlot = 0;
  const indicatorAt = offset + step.categories.length + 1;
  if (step.native === 'codes') {
    for (let i = 0; i < rows.length; i++) {
      const s = slotOf(rows[i]);
      matrix[i * cols + offset] = s < 0 ? NaN : s;
    }
    return;
  }
  if (step.native === 'one-hot') {
    const width = step.categories.length + 1;
    for (let i = 0; i < rows.length; i++) {
      const s = slotOf(rows[i]);
      if (s < 0) matrix.fill(NaN, i * cols + offset, i * cols + offset + width);
      else matrix[i * cols + offset + s] = 1;
    }
    return;
  }
  for (let i = 0; i < rows.length; i++) {
    const s = slotOf(rows[i]);
    matrix[i * cols + offset + (s < 0 ? fillSlot : s)] = 1;
    if (step.missingIndicator) matrix[i * cols + indicatorAt] = s < 0 ? 1 : 0;
  }
}

function writeDatetime(step: DatetimeStep, values: Float64Array, t: Target): void {
  const { matrix, cols, offset, rows } = t;
  const parts = step.parts.length;
  for (let i = 0; i < rows.length; i++) {
    const v = numberAt(values, rows[i]);
    const missing = Number.isNaN(v);
    const ms = missing ? step.medianMs : v;
    for (let p = 0; p < parts; p++) {
      if (step.native) matrix[i * cols + offset + p] = missing ? NaN : datetimePart(v, step.parts[p]);
      else matrix[i * cols + offset + p] = (datetimePart(ms, step.parts[p]) - step.means[p]) / step.stds[p];
    }
    if (step.missingIndicator) matrix[i * cols + offset + parts] = missing ? 1 : 0;
  }
}

function writeText(step: TextStep, column: Column, t: Target): void {
  const { matrix, cols, offset, rows } = t;
  const entries = column.storage === 'dictionary' ? column.dictionary : [];
  // tf-idf per dictionary entry, l2-normalised, computed once; rows copy their entry's vector.
  const vectors = entries.map((text) => {
    const { buckets, counts } = hashCounts(text, step.buckets);
    const weights = Float64Array.from(counts, (c, k) => c * step.idf[buckets[k]]);
    let norm = 0;
    for (const w of weights) norm += w * w;
    norm = Math.sqrt(norm);
    if (norm > 0) for (let k = 0; k < weights.length; k++) weights[k] /= norm;
    return { buckets, weights };
  });
  if (column.storage !== 'dictionary') return;
  for (let i = 0; i < rows.length; i++) {
    const c = column.codes[rows[i]];
    if (c < 0) continue;
    const { buckets, weights } = vectors[c];
    for (let k = 0; k < buckets.length; k++) matrix[i * cols + offset + buckets[k]] = weights[k];
  }
}
