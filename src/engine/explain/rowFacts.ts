/**
 * Facts about a finished run's rows the explain calls share: predicted classes, test rows, the
 * label of the output space, the colours of the beeswarm, row search and the worst errors.
 */
import { cellValue, type ExplainSpace } from '../../core/explain';
import { SPLIT_NAMES, type Experiment } from '../../core/experiment/run';
import type { Dataset } from '../../core/frame/types';
import type { RowMatch, WorstError } from './types';

export function spaceLabel(run: Experiment, space: ExplainSpace, classIndex: number): string {
  const { target, task } = run.config;
  if (task === 'regression') return `predicted ${target}`;
  const label = `${target} = ${run.classes[classIndex]}`;
  return space === 'margin' ? `log-odds of ${label}` : `P(${label})`;
}

export function predictedClass(run: Experiment, row: number): number {
  if (run.config.task === 'binary') return run.scores[row] >= run.config.threshold ? 1 : 0;
  const k = run.classes.length;
  let best = 0;
  for (let c = 1; c < k; c++) if (run.scores[row * k + c] > run.scores[row * k + best]) best = c;
  return best;
}

export function labelOf(run: Experiment, value: number): string {
  return run.config.task === 'regression' ? String(value) : run.classes[value];
}

export function testRows(run: Experiment): number[] {
  const rows: number[] = [];
  run.splitOf.forEach((s, r) => s === 3 && rows.push(r));
  return rows;
}

/** Per feature, per row: the value scaled to 0..1 for the beeswarm colour (categories by their code). */
export function colorValues(run: Experiment, ds: Dataset, rows: number[]): (number | null)[][] {
  return run.pipeline.features.map((step) => {
    const column = ds.columns.find((c) => c.name === step.column)!;
    const raw = rows.map((r) => {
      if (column.storage === 'number') return Number.isFinite(column.values[r]) ? column.values[r] : null;
      if (step.kind === 'category') {
        const v = column.codes[r] < 0 ? null : column.dictionary[column.codes[r]];
        return v === null ? null : Math.max(0, step.categories.indexOf(v));
      }
      return null;
    });
    const finite = raw.filter((v): v is number => v !== null).sort((a, b) => a - b);
    if (finite.length === 0) return raw;
    // 5th-95th percentile scaling: one outlier should not wash out every other dot's colour.
    const lo = finite[Math.floor(finite.length * 0.05)];
    const hi = finite[Math.floor((finite.length - 1) * 0.95)];
    return raw.map((v) => (v === null ? null : hi > lo ? Math.min(1, Math.max(0, (v - lo) / (hi - lo))) : 0.5));
  });
}

/** A row number, or rows whose feature values contain the text (test rows first), at most 20. */
export function matchRows({ run, ds }: { run: Experiment; ds: Dataset }, query: string): RowMatch[] {
  const q = query.trim().toLowerCase();
  if (q === '') return [];
  const preview = (r: number) => run.pipeline.features.slice(0, 4).map((s) => `${s.column}: ${String(cellValue(ds.columns.find((c) => c.name === s.column)!, r, s) ?? '—').slice(0, 24)}`).join(' · ');
  const match = (r: number): RowMatch => ({ rowIndex: r, split: SPLIT_NAMES[run.splitOf[r]], preview: preview(r) });
  if (/^\d+$/.test(q)) {
    const r = Number(q);
    return r < ds.rowCount ? [match(r)] : [];
  }
  const hits: number[] = [];
  const columns = ds.columns.filter((c) => c.storage === 'dictionary' && c.name !== run.config.target);
  for (const column of columns) {
    if (column.storage !== 'dictionary') continue;
    const entries = new Set<number>();
    column.dictionary.forEach((text, i) => text.toLowerCase().includes(q) && entries.add(i));
    if (entries.size === 0) continue;
    for (let r = 0; r < ds.rowCount && hits.length < 2000; r++) if (entries.has(column.codes[r])) hits.push(r);
  }
  const unique = [...new Set(hits)].sort((a, b) => (run.splitOf[b] === 3 ? 1 : 0) - (run.splitOf[a] === 3 ? 1 : 0) || a - b);
  return unique.slice(0, 20).map(match);
  }

/** The most confidently wrong test predictions, at most 100. */
export function worstErrors(run: Experiment, n: number): WorstError[] {
  const k = run.classes.length;
  const task = run.config.task;
  const out: WorstError[] = testRows(run).map((r) => {
    const y = run.y[r];
    if (task === 'binary') return { rowIndex: r, actual: run.classes[y], predicted: run.classes[predictedClass(run, r)], score: run.scores[r], error: Math.abs(y - run.scores[r]) };
    if (task === 'multiclass') {
      const c = predictedClass(run, r);
      return { rowIndex: r, actual: run.classes[y], predicted: run.classes[c], score: run.scores[r * k + c], error: 1 - run.scores[r * k + y] };
    }
    return { rowIndex: r, actual: String(y), predicted: run.scores[r].toPrecision(4), score: run.scores[r], error: Math.abs(y - run.scores[r]) };
  });
  const wrong = task === 'regression' ? out : out.filter((e) => e.actual !== e.predicted);
  return wrong.sort((a, b) => b.error - a.error).slice(0, Math.max(0, Math.min(n, 100)));
  }

export function majorityPrediction(run: Experiment, rows: number[]): number {
  const k = run.classes.length;
  const mean = new Float64Array(k);
  for (const r of rows) for (let c = 0; c < k; c++) mean[c] += run.scores[r * k + c];
  let best = 0;
  for (let c = 1; c < k; c++) if (mean[c] > mean[best]) best = c;
  return best;
}

export function accuracy(p: Float64Array, y: Float64Array, k: number): number {
  let right = 0;
  for (let i = 0; i < y.length; i++) {
    let best = 0;
    for (let c = 1; c < k; c++) if (p[i * k + c] > p[i * k + best]) best = c;
    if (best === y[i]) right++;
  }
  return right / y.length;
}

export function rmse(p: Float64Array, y: Float64Array): number {
  let s = 0;
  for (let i = 0; i < y.length; i++) s += (p[i] - y[i]) ** 2;
  return Math.sqrt(s / y.length);
}

