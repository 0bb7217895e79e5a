/**
 * Recommenders from ratings, owned by the engine: the last mapped ratings (reused while the
 * mapping and its datasets are unchanged) and every finished comparison under its own id, each
 * a resource holding the models fitted for its preview. Ratings and models never leave the worker.
 */
import type { RatingModel } from '../../core/recommend';
import type { Dataset } from '../../core/frame/types';
import type { DatasetHost } from '../data/service';
import type { JobRunner } from '../jobs';
import { fail, ok, type Outcome } from '../outcome';
import type { Resources } from '../resources';
import type { RatingsApi } from './api';
import { compareRatings, TOP_K, type FittedComparison } from './comparison';
import { mapRatings, suggestMapping, type MappedRatings } from './mapping';
import { history, recommend, similar, topNCsv } from './preview';
import type { ComparisonFailure, ComparisonResult, RatingsMapping, RecommenderName } from './types';

const HISTORY_SHOWN = 50;

interface Comparison {
  label: string;
  datasetIds: string[];
  preview: NonNullable<FittedComparison['preview']> | null;
}

const clampN = (n: number) => Math.max(1, Math.min(n, 100));
const datasetIdsOf = (m: RatingsMapping) => [m.datasetId, ...(m.details && m.details.datasetId !== m.datasetId ? [m.details.datasetId] : [])];

/** foldDelayMs: the `?recommendFoldDelayMs=N` test hook (EngineConfig), read when a comparison starts. */
export function createRatingsService(datasets: DatasetHost, resources: Resources, jobs: JobRunner, hooks: { foldDelayMs?: () => number | undefined } = {}): RatingsApi {
  let current: { key: string; ids: string[]; sources: (Dataset | null)[]; mapped: MappedRatings } | null = null;
  const comparisons = new Map<string, Comparison>();
  let counter = 0;

  resources.add({
    list: (ledger) =>
      [...comparisons.entries()].map(([id, c]) => ({
        id,
        kind: 'ratings-comparison' as const,
        label: c.label,
        bytes: c.preview ? ledger.arrays(c.preview.ctx.mapped.data) + ledger.arrays([c.preview.ctx.all, c.preview.ctx.seen, c.preview.ctx.userRows]) + ledger.arrays(c.preview.models) : 0,
        dependsOn: c.datasetIds,
      })),
  });
  // A removed or re-read dataset: the cached mapping of it is dropped (comparisons keep their own copy).
  datasets.onChange((id) => {
    if (current?.ids.includes(id)) current = null;
  });

  function mapped(mapping: RatingsMapping): Outcome<MappedRatings, 'bad-input'> {
    const key = JSON.stringify(mapping);
    const ids = datasetIdsOf(mapping);
    const sources = [datasets.get(mapping.datasetId), mapping.details ? datasets.get(mapping.details.datasetId) : null];
    if (current?.key === key && current.sources.every((d, k) => d === sources[k])) return ok(current.mapped);
    const result = mapRatings(mapping, datasets.get);
    if (!result.ok) return fail('bad-input', result.error.message);
    current = { key, ids, sources, mapped: result.value };
    return ok(result.value);
  }

  function fitted(comparisonId: string, algorithm: RecommenderName, what: string): Outcome<{ preview: NonNullable<Comparison['preview']>; model: RatingModel }, 'not-found' | 'not-fitted'> {
    const c = comparisons.get(comparisonId);
    if (!c) return fail('not-found', 'That comparison is no longer held: run "Compare algorithms" again.');
    const model = c.preview?.models.get(algorithm);
    if (!c.preview || !model) return fail('not-fitted', `Run "Compare algorithms" first: the ${what} uses the models it fits.`);
    return ok({ preview: c.preview, model });
  }

  return {
    async suggestRatingsMapping(datasetId) {
      const ds = datasets.get(datasetId);
      if (!ds) return fail('not-found', 'That dataset is no longer loaded.');
      const s = suggestMapping(ds, datasets.all());
      return s.ok ? s : fail('no-mapping', s.error.message);
    },

    async summarizeRatings(mapping) {
      const result = mapped(mapping);
      return result.ok ? ok(result.value.summary) : result;
    },

    compareRecommenders(mapping, setup, jobId, onProgress) {
      return jobs.run(jobId, onProgress, async (job): Promise<Outcome<ComparisonResult, ComparisonFailure['reason']>> => {
        const built = mapped(mapping);
        if (!built.ok) return built;
        // Held from the start, so the preview calls answer for each algorithm as soon as it is
        // fitted on all ratings (progress.ready); dropped again if the comparison does not finish.
        const comparisonId = resources.newId('cmp');
        const held: Comparison = { label: `Ratings comparison ${++counter}`, datasetIds: datasetIdsOf(mapping), preview: null };
        comparisons.set(comparisonId, held);
        let outcome: Awaited<ReturnType<typeof compareRatings>> | undefined;
        try {
          outcome = await compareRatings(built.value, setup, job, { comparisonId, onPreview: (preview) => (held.preview = preview), foldDelayMs: hooks.foldDelayMs?.() });
        } finally {
          if (!outcome?.ok) comparisons.delete(comparisonId);
        }
        if (!outcome.ok) return outcome;
        return ok({ ...outcome.value.result, comparisonId });
      });
    },

    /** Case-insensitive prefix match, shortest first. */
    async searchRatingUsers(comparisonId, query, limit = 20) {
      const c = comparisons.get(comparisonId);
      if (!c) return fail('not-found', 'That comparison is no longer held.');
      if (!c.preview) return ok([]);
      const q = query.trim().toLowerCase();
      const out: string[] = [];
      for (const id of c.preview.ctx.mapped.data.users) if (id.toLowerCase().startsWith(q)) out.push(id);
      return ok(out.sort((a, b) => a.length - b.length || a.localeCompare(b, undefined, { numeric: true })).slice(0, clampN(limit)));
    },

    async userRecommendations(comparisonId, user, algorithm, n = TOP_K, minRatings = 1) {
      const f = fitted(comparisonId, algorithm, 'preview');
      if (!f.ok) return f;
      const { preview, model } = f.value;
      const u = preview.ctx.mapped.data.users.indexOf(user);
      if (u < 0) return fail('unknown-user', `There is no user "${user}" in these ratings.`);
      const past = history(preview.ctx, u);
      return ok({ user, algorithm, history: past.slice(0, HISTORY_SHOWN), historyCount: past.length, top: recommend(preview.ctx, model, u, clampN(n), minRatings) });
    },

    async similarRatedItems(comparisonId, item, algorithm, n = TOP_K) {
      const f = fitted(comparisonId, algorithm, 'preview');
      if (!f.ok) return f;
      const i = f.value.preview.ctx.mapped.data.items.indexOf(item);
      if (i < 0) return fail('unknown-item', `There is no item "${item}" in these ratings.`);
      return ok(similar(f.value.preview.ctx, f.value.model, i, clampN(n)));
    },

    async exportTopN(comparisonId, algorithm, n = TOP_K, minRatings = 1) {
      const f = fitted(comparisonId, algorithm, 'export');
      if (!f.ok) return f;
      return ok(new Blob([topNCsv(f.value.preview.ctx, f.value.model, clampN(n), minRatings)], { type: 'text/csv' }));
    },

    async removeComparison(comparisonId) {
      if (!comparisons.delete(comparisonId)) return fail('not-found', 'That comparison is no longer held.');
      return ok({ comparisonId });
    },
  };
}
