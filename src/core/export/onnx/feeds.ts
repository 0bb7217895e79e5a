/** A dataset's raw columns as the exported ONNX file's inputs (one [rows, 1] tensor each). */
import type { Column } from '../../frame/types';
import type { FittedPipeline } from '../../prep/types';
import { booleanCodes } from '../../prep/columnValues';

export type OnnxFeed = { type: 'float32'; data: Float32Array } | { type: 'float64'; data: Float64Array } | { type: 'string'; data: string[] };

export function onnxFeeds(p: FittedPipeline, columns: Column[], rows: ArrayLike<number>): Record<string, OnnxFeed> {
  const byName = new Map(columns.map((c) => [c.name, c]));
  const feeds: Record<string, OnnxFeed> = {};
  for (const step of p.features) {
    const c = byName.get(step.column);
    if (!c) throw new Error(`The data has no column "${step.column}".`);
    if (step.kind === 'category') {
      const label = (r: number) => (c.storage === 'dictionary' ? (c.codes[r] < 0 ? '' : c.dictionary[c.codes[r]]) : Number.isFinite(c.values[r]) ? String(c.values[r]) : '');
      feeds[step.column] = { type: 'string', data: Array.from({ length: rows.length }, (_, i) => label(rows[i])) };
    } else if (step.kind === 'datetime') {
      const values = c.storage === 'number' ? c.values : null;
      feeds[step.column] = { type: 'float64', data: Float64Array.from({ length: rows.length }, (_, i) => (values ? values[rows[i]] : NaN)) };
    } else {
      const values = step.kind === 'boolean' ? booleanCodes(c) : c.storage === 'number' ? c.values : Float64Array.from(c.codes, (k) => (k < 0 ? NaN : Number(c.dictionary[k])));
      feeds[step.column] = { type: 'float32', data: Float32Array.from({ length: rows.length }, (_, i) => values[rows[i]]) };
    }
  }
  return feeds;
}
