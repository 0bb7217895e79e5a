/**
 * Fits the preprocessing steps on the training rows only, so nothing about validation or
 * test rows leaks into the medians, scales, kept categories or idf weights.
 */
import type { Column, Dataset, DictionaryColumn } from '../frame/types';
import {
  booleanCodes,
  datetimePart,
  meanStd,
  median,
  numberAt,
} from './columnValues';
import { hashCounts, smoothIdf } from './textHash';
import { outputNamesOf } from './outputNames';
import {
  PipelineError,
  type BooleanStep,
  type CategoryStep,
  type DatetimePart,
  type DatetimeStep,
  type FeatureStep,
  type FittedPipeline,
  type NumberStep,
  type PipelineSpec,
  type TextStep,
} from './types';

export const DEFAULT_TOP_CATEGORIES = 20;
export const DEFAULT_TEXT_BUCKETS = 1024;

interface FitContext {
  rows: Int32Array;
  native: PipelineSpec['native'];
  indicators: boolean;
  topCategories: number;
  textBuckets: number;
}

export function fitPipeline(ds: Dataset, spec: PipelineSpec, trainRows: Int32Array): FittedPipeline {
  if (spec.features.length === 0) throw new PipelineError('Choose at least one feature column.');
  if (trainRows.length === 0) throw new PipelineError('The training split has no rows.');
  const ctx: FitContext = {
    rows: trainRows,
    native: spec.native,
    // Trees send missing values down a learned side: no imputation, so no indicator either.
    indicators: spec.native ? false : (spec.missingIndicators ?? true),
    topCategories: Math.max(1, Math.floor(spec.topCategories ?? DEFAULT_TOP_CATEGORIES)),
    textBuckets: Math.max(1, Math.floor(spec.textHashBuckets ?? DEFAULT_TEXT_BUCKETS)),
  };
  const byName = new Map(ds.columns.map((c) => [c.name, c]));
  const features = spec.features.map((name) => {
    const column = byName.get(name);
    if (!column) throw new PipelineError(`There is no column named "${name}".`);
    return markNative(fitStep(column, ctx), ctx.native);
  });
  const outputNames: string[] = [];
  const groups: number[] = [];
  features.forEach((step, i) => {
    for (const name of outputNamesOf(step)) {
      outputNames.push(name);
      groups.push(i);
    }
  });
  return { version: 1, features, outputNames, groups };
}

function markNative(step: FeatureStep, native: PipelineSpec['native']): FeatureStep {
  if (!native || step.kind === 'text') return step;
  return step.kind === 'category' ? { ...step, native: native.categories } : { ...step, native: true };
}

function fitStep(column: Column, ctx: FitContext): FeatureStep {
  if (column.kind === 'identifier') {
    throw new PipelineError(
      `"${column.name}" is an identifier: it names rows rather than describing them, so it cannot be a feature. Remove it, or change its type if it really is a measurement.`,
    );
  }
  if (column.kind === 'boolean') return fitBoolean(column, ctx);
  if (column.storage === 'dictionary') {
    return column.kind === 'text' ? fitText(column, ctx) : fitCategory(column, ctx);
  }
  if (column.kind === 'datetime') return fitDatetime(column.name, column.values, ctx);
  return fitNumber(column.name, column.values, ctx);
}

/** Finite training values and whether any training value was missing. */
function trainValues(values: Float64Array, rows: Int32Array): { present: Float64Array; missing: boolean } {
  const present: number[] = [];
  for (const r of rows) {
    const v = numberAt(values, r);
    if (!Number.isNaN(v)) present.push(v);
  }
  return { present: Float64Array.from(present), missing: present.length < rows.length };
}

function fitNumber(name: string, values: Float64Array, ctx: FitContext): NumberStep {
  const { present, missing } = trainValues(values, ctx.rows);
  const med = present.length > 0 ? median(present) : 0;
  // The scaler sees imputed values, as in scikit-learn's SimpleImputer -> StandardScaler pipeline.
  const imputed = new Float64Array(ctx.rows.length).fill(med);
  imputed.set(present);
  const { mean, std } = meanStd(imputed);
  return { kind: 'number', column: name, median: med, mean, std, missingIndicator: ctx.indicators && missing };
}

function fitBoolean(column: Column, ctx: FitContext): BooleanStep {
  const { present, missing } = trainValues(booleanCodes(column), ctx.rows);
  let ones = 0;
  for (const v of present) if (v !== 0) ones++;
  return {
    kind: 'boolean',
    column: column.name,
    mostFrequent: ones * 2 > present.length ? 1 : 0,
    missingIndicator: ctx.indicators && missing,
  };
}

function fitCategory(column: DictionaryColumn, ctx: FitContext): CategoryStep {
  // Count by string, not code, so duplicate dictionary entries cannot split a category.
  const counts = new Map<string, number>();
  let missing = false;
  for (const r of ctx.rows) {
    const c = column.codes[r];
    if (c < 0) missing = true;
    else counts.set(column.dictionary[c], (counts.get(column.dictionary[c]) ?? 0) + 1);
  }
  // Most frequent first; ties by label so the same data always keeps the same categories.
  const ranked = [...counts.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  const categories = ranked.slice(0, ctx.topCategories).map(([label]) => label);
  return {
    kind: 'category',
    column: column.name,
    categories,
    mostFrequent: categories[0] ?? '',
    missingIndicator: ctx.indicators && missing,
  };
}

function fitDatetime(name: string, values: Float64Array, ctx: FitContext): DatetimeStep {
  const { present, missing } = trainValues(values, ctx.rows);
  const medianMs = present.length > 0 ? median(present) : 0;
  const hasTime = present.some((ms) => ms % 86_400_000 !== 0);
  const parts: DatetimePart[] = ['year', 'month', 'dayOfWeek', ...(hasTime ? (['hour'] as const) : []), 'days'];
  const imputed = new Float64Array(ctx.rows.length).fill(medianMs);
  imputed.set(present);
  const means: number[] = [];
  const stds: number[] = [];
  for (const part of parts) {
    const { mean, std } = meanStd(imputed.map((ms) => datetimePart(ms, part)));
    means.push(mean);
    stds.push(std);
  }
  return { kind: 'datetime', column: name, medianMs, parts, means, stds, missingIndicator: ctx.indicators && missing };
}

function fitText(column: DictionaryColumn, ctx: FitContext): TextStep {
  const buckets = ctx.textBuckets;
  // Hash each dictionary entry once; rows only look up their entry.
  const perEntry = column.dictionary.map((text) => hashCounts(text, buckets).buckets);
  const df = new Float64Array(buckets);
  for (const r of ctx.rows) {
    const c = column.codes[r];
    // A missing text is an empty document: it counts in n but adds no term.
    if (c >= 0) for (const b of perEntry[c]) df[b]++;
  }
  return { kind: 'text', column: column.name, buckets, idf: smoothIdf(df, ctx.rows.length) };
}
