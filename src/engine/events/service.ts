/**
 * Implicit-feedback recommenders, owned by the engine: the mapped events, the comparison job
 * (Microsoft Recommenders' protocol: stratified 75/25 per user, k = 10), models fitted on all
 * interactions for onboarding, and content similarity for new items. Only lists leave the worker.
 */
import {
  IMPLICIT_DEFAULTS, SAR_MAX_ITEMS, buildInteractions, contentModel, densify, fitImplicit, hybridModel, mmrRerank, popularModel,
  rankingMetrics, scoreAgainst, stratifiedSplit, topK, vectorizeItem, type ImplicitModel, type Interactions, type ItemSimilarity,
} from '../../core/recommend/implicit';
import { FitCancelled } from '../../core/recommend';
import type { Dataset } from '../../core/frame/types';
import type { DatasetHost } from '../data/service';
import type { JobRunner } from '../jobs';
import { fail, ok, type Outcome } from '../outcome';
import type { Resources } from '../resources';
import type { ComparisonFailure, ItemRef } from '../ratings/types';
import type { EventsApi } from './api';
import { eventsTopNCsv, eventsUserPreview } from './preview';
import { mapEvents, suggestEvents, type MappedEvents } from './mapping';
import type { EventsMapping, ImplicitComparison, ImplicitName, ImplicitRow, RankingScores } from './types';
import { IMPLICIT_LABELS } from './types';

const K = 10;

/** BPR with Cornac's rates at 50 factors: NDCG@10 0.426 on ml-100k against 0.436 at 200, in a quarter of the time. */
const BPR_SPEC = { kind: 'bpr' as const, factors: 50, epochs: 100, lr: 0.01, reg: 0.001, seed: 42 };

interface Trained {
  label: string;
  datasetIds: string[];
  mapped: MappedEvents;
  models: Map<ImplicitName, ImplicitModel>;
}

const datasetIdsOf = (m: EventsMapping) => [m.datasetId, ...(m.details && m.details.datasetId !== m.datasetId ? [m.details.datasetId] : [])];
const gone = () => fail('not-found', 'That comparison is no longer held: run "Compare algorithms" again.');

export function createEventsService(datasets: DatasetHost, resources: Resources, jobs: JobRunner): EventsApi {
  let current: { key: string; ids: string[]; sources: (Dataset | null)[]; mapped: MappedEvents } | null = null;
  // Every finished comparison, by id: a second one does not replace the first.
  const comparisons = new Map<string, Trained>();
  let counter = 0;

  resources.add({
    list: (ledger) =>
      [...comparisons.entries()].map(([id, t]) => ({ id, kind: 'events-comparison' as const, label: t.label, bytes: ledger.arrays(t.mapped) + ledger.arrays(t.models), dependsOn: t.datasetIds })),
  });
  datasets.onChange((id) => {
    if (current?.ids.includes(id)) current = null;
  });

  function mapped(mapping: EventsMapping): Outcome<MappedEvents, 'bad-input'> {
    const key = JSON.stringify(mapping);
    const sources = [datasets.get(mapping.datasetId), mapping.details ? datasets.get(mapping.details.datasetId) : null];
    if (current?.key === key && current.sources.every((d, k) => d === sources[k])) return ok(current.mapped);
    const result = mapEvents(mapping, datasets.get);
    if (!result.ok) return fail('bad-input', result.error.message);
    current = { key, ids: datasetIdsOf(mapping), sources, mapped: result.value };
    return ok(result.value);
  }

  function fit(name: ImplicitName, m: MappedEvents, x: Interactions, seed: number, signal: { readonly aborted: boolean }, onProgress: (f: number) => void): ImplicitModel {
    const options = { signal, onProgress };
    switch (name) {
      case 'popular':
        return popularModel(x);
      case 'sar':
        return fitImplicit(x, IMPLICIT_DEFAULTS.sar);
      case 'als':
        return fitImplicit(x, { ...IMPLICIT_DEFAULTS.als, seed }, options);
      case 'bpr':
        return fitImplicit(x, { ...BPR_SPEC, seed }, options);
      case 'content':
        return contentModel(m.content!, x);
      case 'hybrid':
        return hybridModel(fitImplicit(x, { ...IMPLICIT_DEFAULTS.als, seed }, options), contentModel(m.content!, x), x, { weight: 0.8, minInteractions: 5 });
    }
  }

  function ref(m: MappedEvents, i: number): ItemRef {
    return { item: m.items[i], title: m.titles[i], category: m.categories[i] };
  }

  return {
    async suggestEventsMapping(datasetId) {
      const ds = datasets.get(datasetId);
      if (!ds) return fail('not-found', 'That dataset is no longer loaded.');
      const s = suggestEvents(ds, datasets.all());
      return s.ok ? s : fail('no-mapping', s.error.message);
    },

    async summarizeEvents(mapping) {
      const r = mapped(mapping);
      return r.ok ? ok(r.value.summary) : r;
    },

    compareImplicit: (mapping, setup, jobId, onProgress) => jobs.run(jobId, onProgress, async (job): Promise<Outcome<ImplicitComparison, ComparisonFailure['reason']>> => {
      const built = mapped(mapping);
      if (!built.ok) return built;
      const m = built.value;
      const signal = job.signal;
      const onProgress = (fraction: number, message: string, urgent = true) => job.progress({ jobId, fraction, message }, urgent);
      if (setup.algorithms.length === 0) return fail('bad-input', 'Pick at least one algorithm to compare.');
      if (!m.content && setup.algorithms.some((a) => a === 'content' || a === 'hybrid')) {
        return fail('bad-input', 'Content-based and hybrid need item titles or categories: map the item details first.');
      }
      if (setup.algorithms.includes('sar') && m.items.length > SAR_MAX_ITEMS) {
        return fail('bad-input', `SAR keeps an item-by-item table and allows up to ${SAR_MAX_ITEMS.toLocaleString('en-US')} items; these events have ${m.items.length.toLocaleString('en-US')}. Leave SAR out or use ALS or BPR.`);
      }
      const lambda = Math.min(1, Math.max(0, setup.diversity));
      const nu = m.users.length;
      const ni = m.items.length;
      const { train, test } = stratifiedSplit(m.pairUser, nu, 0.75, setup.seed);
      const pairs = { user: m.pairUser, item: m.pairItem, weight: m.pairConf };
      const trainX = buildInteractions(nu, ni, pairs, undefined, train);
      const testX = buildInteractions(nu, ni, pairs, undefined, test);
      const similarity: ItemSimilarity | undefined = m.content ? contentModel(m.content, null).itemSimilarity : undefined;
      const steps = setup.algorithms.length * 2;
      let done = 0;
      const rows: ImplicitRow[] = [];
      const models = new Map<ImplicitName, ImplicitModel>();
      try {
        for (const name of setup.algorithms) {
          const label = IMPLICIT_LABELS[name];
          onProgress(done / steps, `${label}: fitting on 75% of each user's interactions`);
          await job.yield(true);
          if (signal.aborted) throw new FitCancelled();
          const t0 = performance.now();
          const model = fit(name, m, trainX, setup.seed, signal, (f) => onProgress((done + f * 0.8) / steps, label, false));
          const fitSeconds = (performance.now() - t0) / 1000;
          const plain = scores(rankingMetrics(model, trainX, testX, K, { similarity }));
          const reranked = lambda < 1 && similarity ? scores(rankingMetrics(model, trainX, testX, K, { similarity, rerank: (_u, s, k) => mmrRerank(s, k, similarity, lambda) })) : null;
          rows.push({ algorithm: name, label, fitSeconds, ...plain, reranked });
          done++;
        }
        for (const name of setup.algorithms) {
          onProgress(done / steps, `${IMPLICIT_LABELS[name]}: fitting on all interactions for onboarding`);
          await job.yield(true);
          if (signal.aborted) throw new FitCancelled();
          models.set(name, fit(name, m, m.all, setup.seed, signal, () => {}));
          done++;
        }
      } catch (error) {
        if (error instanceof FitCancelled) return fail('cancelled', 'The comparison was cancelled. Earlier results are kept.');
        throw error;
      }
      if (!models.has('popular')) models.set('popular', popularModel(m.all));
      const comparisonId = resources.newId('cmp');
      comparisons.set(comparisonId, { label: `Events comparison ${++counter}`, datasetIds: datasetIdsOf(mapping), mapped: m, models });
      onProgress(1, 'Done');
      return ok({
        rows, k: K, diversity: lambda, summary: m.summary, trained: setup.algorithms, comparisonId,
        splitLabel: `stratified 75/25 split per user (seed ${setup.seed}), every held-out item relevant, seen items removed`,
      });
    }),

    async searchEventUsers(comparisonId, query, limit = 20) {
      const trained = comparisons.get(comparisonId);
      if (!trained) return gone();
      const q = query.trim().toLowerCase();
      const found = trained.mapped.users.filter((id) => id.toLowerCase().startsWith(q));
      return ok(found.sort((a, b) => a.length - b.length || a.localeCompare(b, undefined, { numeric: true })).slice(0, Math.max(1, Math.min(limit, 100))));
    },

    async eventUserRecommendations(comparisonId, user, algorithm, n = K) {
      const trained = comparisons.get(comparisonId);
      if (!trained) return gone();
      const model = trained.models.get(algorithm);
      if (!model) return fail('not-fitted', `${IMPLICIT_LABELS[algorithm]} was not trained: include it in the comparison.`);
      const u = trained.mapped.users.indexOf(user);
      if (u < 0) return fail('unknown-user', `There is no user "${user}" in these events.`);
      return ok(eventsUserPreview(trained.mapped, model, u, Math.max(1, Math.min(n, 100))));
    },

    async exportEventsTopN(comparisonId, algorithm, n = K) {
      const trained = comparisons.get(comparisonId);
      if (!trained) return gone();
      const model = trained.models.get(algorithm);
      if (!model) return fail('not-fitted', `${IMPLICIT_LABELS[algorithm]} was not trained: include it in the comparison.`);
      return ok(new Blob([eventsTopNCsv(trained.mapped, model, Math.max(1, Math.min(n, 100)))], { type: 'text/csv' }));
    },

    /** Catalogue items whose id, title or category contains query (case-insensitive). */
    async searchEventItems(comparisonId, query, limit = 20) {
      const trained = comparisons.get(comparisonId);
      if (!trained) return gone();
      const m = trained.mapped;
      const q = query.trim().toLowerCase();
      const out: ItemRef[] = [];
      for (let i = 0; i < m.items.length && out.length < Math.min(limit, 100); i++) {
        const hay = `${m.items[i]} ${m.titles[i] ?? ''} ${m.categories[i] ?? ''}`.toLowerCase();
        if (hay.includes(q)) out.push(ref(m, i));
      }
      return ok(out);
    },

    /** A new user's list from the items they picked: popularity with none, else fold-in (no retrain). */
    async onboardUser(comparisonId, algorithm, picked, n = K, diversity = 1) {
      const trained = comparisons.get(comparisonId);
      if (!trained) return gone();
      const m = trained.mapped;
      const idx = new Map(m.items.map((id, i) => [id, i]));
      const items = Int32Array.from(picked.filter((p) => idx.has(p)).map((p) => idx.get(p)!));
      const source: ImplicitName = items.length === 0 ? 'popular' : algorithm;
      const model = trained.models.get(source);
      if (!model) return fail('not-fitted', `${IMPLICIT_LABELS[algorithm]} was not trained: include it in the comparison.`);
      const t0 = performance.now();
      const out = new Float32Array(m.items.length);
      model.scoreHistory({ items, conf: new Float32Array(items.length).fill(1) }, out);
      for (const i of items) out[i] = -Infinity;
      const sim = m.content ? contentModel(m.content, null).itemSimilarity : undefined;
      const size = Math.max(1, Math.min(n, 100));
      const list = diversity < 1 && sim ? mmrRerank(out, size, sim, diversity) : topK(out, size);
      const millis = performance.now() - t0;
      return ok({ source, millis, top: Array.from(list, (i, r) => ({ ...ref(m, i), rank: r + 1, score: out[i] })) });
    },

    /** Items most like a new item described by a name and a category (content similarity). */
    async similarToNewItem(comparisonId, name, category, n = K) {
      const trained = comparisonId ? comparisons.get(comparisonId) : undefined;
      if (comparisonId && !trained) return gone();
      const m = trained?.mapped ?? current?.mapped;
      if (!m) return fail('bad-input', 'Map the events first.');
      if (!m.content) return fail('no-content', 'There are no item titles or categories to compare a new item with: map the item details.');
      if (!name.trim() && !category.trim()) return fail('bad-input', 'Enter a name or a category for the new item.');
      const v = vectorizeItem(m.content, { text: name, categories: category });
      if (v.idx.length === 0) return fail('bad-input', 'No word of that name and no such category occurs in the catalogue, so nothing is similar yet.');
      const out = new Float32Array(m.items.length);
      scoreAgainst(m.content, densify(m.content, v), out);
      return ok(Array.from(topK(out, Math.max(1, Math.min(n, 100)))).filter((i) => out[i] > 0).map((i) => ({ ...ref(m, i), similarity: out[i] })));
    },

    async removeComparison(comparisonId) {
      return comparisons.delete(comparisonId) ? ok({ comparisonId }) : gone();
    },
  };
}

function scores(r: ReturnType<typeof rankingMetrics>): RankingScores {
  return { map: r.map, ndcg: r.ndcg, precision: r.precision, recall: r.recall, novelty: r.novelty, diversity: r.diversity };
}

