/**
 * A new column from existing ones: arithmetic on two number columns (a ÷ b and the ratio are
 * missing where b is 0), log or log1p (missing where undefined), bucketize (equal-width,
 * quantile — numpy's linear percentiles — or the user's edges; bucket i holds edge[i] ≤ x <
 * edge[i+1], the last one closed), or the length of a text column in characters.
 */
import type { Column, Dataset, DictionaryColumn, NumberColumn } from '../../frame/types';
import type { StepDefinition } from '../types';
import { checkColumns, findColumn, freeName, num, numberColumn, percentileOfSorted, report, sortedPresent, str } from './stepParts';

export type DeriveFormula = 'add' | 'subtract' | 'multiply' | 'divide' | 'ratio' | 'log' | 'log1p' | 'bucketize' | 'text-length';

export interface DeriveStep {
  op: 'derive';
  formula: DeriveFormula;
  /** The new column's name; a default is made from the formula when empty. */
  name?: string;
  a: string;
  b?: string;
  /** bucketize */
  bucketing?: 'equal-width' | 'quantile' | 'edges';
  buckets?: number;
  edges?: number[];
}

const TWO: Partial<Record<DeriveFormula, (x: number, y: number) => number>> = {
  add: (x, y) => x + y,
  subtract: (x, y) => x - y,
  multiply: (x, y) => x * y,
  divide: (x, y) => (y === 0 ? NaN : x / y),
  // a / (a + b): the share of a in the pair, e.g. returns over orders + returns.
  ratio: (x, y) => (x + y === 0 ? NaN : x / (x + y)),
};
const SYMBOL: Partial<Record<DeriveFormula, string>> = { add: '+', subtract: '−', multiply: '×', divide: '÷' };

export function bucketEdges(values: Float64Array, step: { bucketing?: string; buckets?: number; edges?: number[] }): number[] {
  if (step.bucketing === 'edges') return [...(step.edges ?? [])].sort((x, y) => x - y);
  const sorted = sortedPresent(values);
  const n = Math.max(1, Math.round(step.buckets ?? 4));
  if (sorted.length === 0) return [];
  if (step.bucketing === 'quantile') {
    const edges = Array.from({ length: n + 1 }, (_, i) => percentileOfSorted(sorted, (100 * i) / n));
    return edges.filter((e, i) => i === 0 || e > edges[i - 1]);
  }
  const lo = sorted[0];
  const hi = sorted[sorted.length - 1];
  return Array.from({ length: n + 1 }, (_, i) => lo + ((hi - lo) * i) / n);
}

function label(edges: number[], i: number): string {
  const f = (v: number) => Number(v.toPrecision(4)).toString();
  return i === edges.length - 2 ? `[${f(edges[i])}, ${f(edges[i + 1])}]` : `[${f(edges[i])}, ${f(edges[i + 1])})`;
}

function bucketize(source: NumberColumn, name: string, edges: number[]): DictionaryColumn {
  const codes = new Int32Array(source.values.length);
  const last = edges.length - 2;
  for (let r = 0; r < codes.length; r++) {
    const v = source.values[r];
    if (v !== v || v < edges[0] || v > edges[edges.length - 1]) {
      codes[r] = -1;
      continue;
    }
    let lo = 0;
    let hi = last;
    // The bucket whose left edge is the largest one ≤ v (binary search over sorted edges).
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (edges[mid] <= v) lo = mid;
      else hi = mid - 1;
    }
    codes[r] = lo;
  }
  return { storage: 'dictionary', kind: 'categorical', name, codes, dictionary: Array.from({ length: last + 1 }, (_, i) => label(edges, i)) };
}

function defaultName(step: DeriveStep): string {
  if (TWO[step.formula]) return step.formula === 'ratio' ? `${step.a}_share` : `${step.a}_${step.formula}_${step.b}`;
  return step.formula === 'text-length' ? `${step.a}_length` : `${step.a}_${step.formula === 'bucketize' ? 'bucket' : step.formula}`;
}

export const derive: StepDefinition = {
  op: 'derive',
  label: 'Add a derived column',
  check(step, dataset) {
    const formula = str(step, 'formula') as DeriveFormula;
    if (TWO[formula]) return checkColumns(dataset, [str(step, 'a'), str(step, 'b')], true);
    if (formula === 'text-length') {
      const problem = checkColumns(dataset, [str(step, 'a')]);
      return problem ?? (findColumn(dataset, str(step, 'a'))!.storage === 'dictionary' ? null : `"${str(step, 'a')}" holds numbers, not text.`);
    }
    if (formula === 'log' || formula === 'log1p') return checkColumns(dataset, [str(step, 'a')], true);
    if (formula === 'bucketize') {
      const problem = checkColumns(dataset, [str(step, 'a')], true);
      if (problem) return problem;
      if (str(step, 'bucketing') === 'edges') return Array.isArray(step.edges) && step.edges.length >= 2 && step.edges.every((e) => typeof e === 'number' && Number.isFinite(e)) ? null : 'Give at least two numeric edges, e.g. 0, 18, 65, 120.';
      const n = num(step, 'buckets', 4);
      return n >= 2 && n <= 100 ? null : 'Use 2 to 100 buckets.';
    }
    return 'Choose a formula.';
  },
  describe(step) {
    const s = step as unknown as DeriveStep;
    const name = s.name || defaultName(s);
    if (SYMBOL[s.formula]) return `${name} = ${s.a} ${SYMBOL[s.formula]} ${s.b}`;
    if (s.formula === 'ratio') return `${name} = ${s.a} / (${s.a} + ${s.b})`;
    if (s.formula === 'bucketize') return `${name} = ${s.a} in ${s.bucketing === 'edges' ? `buckets at ${(s.edges ?? []).join(', ')}` : `${s.buckets ?? 4} ${s.bucketing === 'quantile' ? 'quantile' : 'equal-width'} buckets`}`;
    return `${name} = ${s.formula === 'text-length' ? 'length of' : s.formula} ${s.a}`;
  },
  apply(dataset: Dataset, step) {
    const s = step as unknown as DeriveStep;
    const name = freeName(dataset, s.name || defaultName(s));
    let column: Column;
    let missing = 0;
    if (s.formula === 'bucketize') {
      const source = numberColumn(dataset, s.a);
      const edges = bucketEdges(source.values, s);
      if (edges.length < 2) return { ok: false, message: `"${s.a}" has no values to bucket.` };
      column = bucketize(source, name, edges);
      for (const c of column.codes) if (c < 0) missing++;
    } else if (s.formula === 'text-length') {
      const source = findColumn(dataset, s.a) as DictionaryColumn;
      const lengths = source.dictionary.map((t) => [...t].length);
      const values = new Float64Array(dataset.rowCount);
      for (let r = 0; r < values.length; r++) values[r] = source.codes[r] < 0 ? NaN : lengths[source.codes[r]];
      column = { storage: 'number', kind: 'integer', name, values };
    } else {
      const a = numberColumn(dataset, s.a).values;
      const b = TWO[s.formula] ? numberColumn(dataset, s.b!).values : null;
      const values = new Float64Array(dataset.rowCount);
      const f = TWO[s.formula];
      for (let r = 0; r < values.length; r++) {
        const x = a[r];
        const v = f ? f(x, b![r]) : s.formula === 'log' ? (x > 0 ? Math.log(x) : NaN) : x > -1 ? Math.log1p(x) : NaN;
        values[r] = v;
        if (v !== v) missing++;
      }
      column = { storage: 'number', kind: 'numeric', name, values };
    }
    const next = { ...dataset, columns: [...dataset.columns, column] };
    const note = missing > 0 ? ` (${missing.toLocaleString('en-US')} missing)` : '';
    return { ok: true, dataset: next, report: report('derive', dataset, next, 0, `Added ${name}${note}`) };
  },
};
