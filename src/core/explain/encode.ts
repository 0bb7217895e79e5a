/**
 * Between original values and the model matrix: a row's values as the user sees them, a row
 * with edits (what-if) and one feature's grid (partial dependence), each encoded by the fitted
 * pipeline's own transform so what-if and PD see exactly what training saw.
 */
import type { Column, Dataset } from '../frame/types';
import { transform } from '../prep/transform';
import type { FeatureStep, FittedPipeline } from '../prep/types';

/** An edited or displayed value: a number, a string (category, text, date) or missing. */
export type FeatureValue = string | number | null;

export interface FeatureField {
  name: string;
  kind: FeatureStep['kind'];
  value: FeatureValue;
  /** Categories the model knows (category features); other strings count as "other". */
  options?: string[];
}

export type EncodeResult = { ok: true; value: Float32Array } | { ok: false; message: string };

function columnOf(ds: Dataset, name: string): Column {
  const column = ds.columns.find((c) => c.name === name);
  if (!column) throw new Error(`The data has no column "${name}", which the model was trained on.`);
  return column;
}

/** The value of one cell as the user sees it; datetimes as ISO dates. */
export function cellValue(column: Column, row: number, step: FeatureStep): FeatureValue {
  if (column.storage === 'dictionary') {
    const code = column.codes[row];
    return code < 0 ? null : column.dictionary[code];
  }
  const v = column.values[row];
  if (!Number.isFinite(v)) return null;
  if (step.kind === 'datetime') return new Date(v).toISOString().slice(0, 10);
  return v;
}

export function rowFields(pipeline: FittedPipeline, ds: Dataset, row: number): FeatureField[] {
  return pipeline.features.map((step) => ({
    name: step.column,
    kind: step.kind,
    value: cellValue(columnOf(ds, step.column), row, step),
    ...(step.kind === 'category' ? { options: step.categories } : {}),
  }));
}

/** A column of the given values with the storage transform expects for this step. */
function valuesColumn(step: FeatureStep, like: Column, values: FeatureValue[]): { ok: true; column: Column } | { ok: false; message: string } {
  if (like.storage === 'dictionary') {
    const dictionary: string[] = [];
    const codes = Int32Array.from(values, (v) => {
      if (v === null || String(v).trim() === '') return -1;
      dictionary.push(String(v));
      return dictionary.length - 1;
    });
    return { ok: true, column: { ...like, codes, dictionary } };
  }
  const out = new Float64Array(values.length);
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (v === null || (typeof v === 'string' && v.trim() === '')) out[i] = NaN;
    else if (typeof v === 'number') out[i] = v;
    else if (step.kind === 'datetime') {
      const ms = Date.parse(v);
      if (Number.isNaN(ms)) return { ok: false, message: `"${v}" is not a date for ${step.column}; use YYYY-MM-DD.` };
      out[i] = ms;
    } else if (step.kind === 'boolean' && /^(true|false|yes|no)$/i.test(v.trim())) out[i] = /^(true|yes)$/i.test(v.trim()) ? 1 : 0;
    else {
      const n = Number(v);
      if (!Number.isFinite(n)) return { ok: false, message: `"${v}" is not a number for ${step.column}.` };
      out[i] = n;
    }
  }
  return { ok: true, column: { ...like, values: out } };
}

/** Encoded columns of one feature for several values: values.length x width, row-major. */
export function encodeFeatureValues(pipeline: FittedPipeline, ds: Dataset, feature: number, values: FeatureValue[]): EncodeResult {
  const step = pipeline.features[feature];
  const made = valuesColumn(step, columnOf(ds, step.column), values);
  if (!made.ok) return made;
  const single: FittedPipeline = { version: 1, features: [step], outputNames: [], groups: [] };
  return { ok: true, value: transform(single, [made.column], null).matrix };
}

/** The row's model-matrix vector with some original values replaced (by column name). */
export function encodeEditedRow(pipeline: FittedPipeline, ds: Dataset, row: number, edits: Record<string, FeatureValue>): EncodeResult {
  const x = transform(pipeline, ds.columns, Int32Array.of(row)).matrix;
  const known = new Set(pipeline.features.map((s) => s.column));
  for (const name of Object.keys(edits)) if (!known.has(name)) return { ok: false, message: `The model has no feature "${name}".` };
  let offset = 0;
  for (let f = 0; f < pipeline.features.length; f++) {
    const width = pipeline.groups.filter((g) => g === f).length;
    const name = pipeline.features[f].column;
    if (Object.hasOwn(edits, name)) {
      const encoded = encodeFeatureValues(pipeline, ds, f, [edits[name]]);
      if (!encoded.ok) return encoded;
      x.set(encoded.value, offset);
    }
    offset += width;
  }
  return { ok: true, value: x };
}
