/**
 * Drop the rows an isolation forest flags as anomalous, so training does not learn from them.
 * Replayable: the forest takes its seed from the step, so the same data and step drop the same
 * rows on every replay and every host.
 */
import { checkSpec, describeSpec, detectAnomalies, type AnomalySpec } from '../../anomaly/detect';
import { FOREST_DEFAULTS } from '../../anomaly/forest';
import { unusableReason } from '../../anomaly/matrix';
import { selectRows } from '../../frame/select';
import type { RecipeStep, StepDefinition } from '../types';

// A type, not an interface, so it is assignable to RecipeStep (an index signature).
export type ExcludeAnomaliesStep = {
  op: 'exclude-anomalies';
  columns: string[];
  nTrees: number;
  sampleSize: number;
  seed: number;
  /** Share of rows to drop (the highest scores); or give threshold instead. */
  contamination?: number;
  /** Drop rows whose anomaly score is above this (0..1). */
  threshold?: number;
};

/** The step's parameters as a forest spec; missing numbers take the forest's defaults. */
export function specOfStep(step: RecipeStep): AnomalySpec {
  const num = (v: unknown, fallback: number) => (typeof v === 'number' ? v : fallback);
  return {
    columns: Array.isArray(step.columns) ? (step.columns as string[]) : [],
    nTrees: num(step.nTrees, FOREST_DEFAULTS.nTrees),
    sampleSize: num(step.sampleSize, FOREST_DEFAULTS.sampleSize),
    seed: num(step.seed, FOREST_DEFAULTS.seed),
    cut: typeof step.threshold === 'number' ? { kind: 'threshold', score: step.threshold } : { kind: 'contamination', share: num(step.contamination, NaN) },
  };
}

/** The step for a spec, as the anomaly panel adds it to the recipe draft. */
export function stepOfSpec(spec: AnomalySpec): ExcludeAnomaliesStep {
  const base = { op: 'exclude-anomalies' as const, columns: [...spec.columns], nTrees: spec.nTrees, sampleSize: spec.sampleSize, seed: spec.seed };
  return spec.cut.kind === 'contamination' ? { ...base, contamination: spec.cut.share } : { ...base, threshold: spec.cut.score };
}

export const excludeAnomalies: StepDefinition = {
  op: 'exclude-anomalies',
  label: 'Exclude anomalies',
  check(step, dataset) {
    const spec = specOfStep(step);
    if (spec.columns.length === 0) return 'Choose the columns to look for anomalies in.';
    const missing = spec.columns.filter((k) => !dataset.columns.some((c) => c.name === k));
    if (missing.length) return `No column named ${missing.map((m) => `"${m}"`).join(', ')} in ${dataset.name}.`;
    // A recipe names exactly what it uses: a text or id column is refused, not silently skipped.
    for (const name of spec.columns) {
      const why = unusableReason(dataset.columns.find((c) => c.name === name)!);
      if (why) return `Column "${name}" cannot be used: ${why}.`;
    }
    if (typeof step.contamination !== 'number' && typeof step.threshold !== 'number') return 'Give a contamination share or a score threshold.';
    return checkSpec(spec);
  },
  describe(step) {
    const spec = specOfStep(step);
    return `Exclude anomalies: ${describeSpec(spec)} (${spec.nTrees} trees, seed ${spec.seed})`;
  },
  async apply(dataset, step, context) {
    const result = await detectAnomalies(dataset, specOfStep(step), { signal: context.signal, onProgress: context.onProgress });
    if (!result.ok) return { ok: false, message: result.message };
    const keep = new Uint8Array(dataset.rowCount);
    const { flags, flagged } = result.value;
    for (let i = 0; i < keep.length; i++) keep[i] = flags[i] ? 0 : 1;
    const next = selectRows(dataset, keep);
    return {
      ok: true,
      dataset: next,
      report: {
        op: 'exclude-anomalies', rowsBefore: dataset.rowCount, rowsAfter: next.rowCount, valuesChanged: 0, columnsAdded: [], columnsRemoved: [],
        summary: `Excluded ${flagged.toLocaleString('en-US')} anomalous row${flagged === 1 ? '' : 's'} (score above ${result.value.threshold.toFixed(3)})`,
      },
    };
  },
};
