/**
 * The Recommend view's Events mode: the events mapping, the implicit comparison job and its table,
 * onboarding a new user (picked items, list by fold-in) and similar items for a new item.
 * Events and models stay in the worker; this holds what is on screen.
 */
import { create } from 'zustand';
import type { EventsMapping, EventsSummary, ImplicitComparison, ImplicitName, ItemRef, OnboardingResult, RecommendProgress, SimilarItem } from '../engine/api';
import { engineConnection } from './engine';
import type { CompareJob } from './recommend';

export const IMPLICIT_ORDER: ImplicitName[] = ['popular', 'sar', 'als', 'bpr', 'content', 'hybrid'];

export interface EventsStore {
  mode: 'ratings' | 'events';
  mapping: EventsMapping | null;
  notes: string[];
  eventTypes: { type: string; count: number }[];
  mappingError: string | null;
  summary: EventsSummary | null;
  algorithms: ImplicitName[];
  /** MMR trade-off: 1 = plain ranking, lower = more varied lists. */
  diversity: number;
  job: CompareJob | null;
  jobError: string | null;
  result: ImplicitComparison | null;
  /** Onboarding: the algorithm that folds the new user in, their picks and their list. */
  onboardAlgorithm: ImplicitName | null;
  itemQuery: string;
  itemMatches: ItemRef[];
  picked: ItemRef[];
  onboarding: OnboardingResult | null;
  onboardError: string | null;
  newItem: { name: string; category: string };
  newItemSimilar: SimilarItem[] | null;
  newItemError: string | null;

  setMode(mode: 'ratings' | 'events'): void;
  suggest(datasetId: string): Promise<void>;
  updateMapping(patch: Partial<EventsMapping>): Promise<void>;
  toggleAlgorithm(name: ImplicitName, on: boolean): void;
  setDiversity(value: number): void;
  compare(): Promise<void>;
  cancel(): Promise<void>;
  searchItems(query: string): Promise<void>;
  pick(item: ItemRef): Promise<void>;
  unpick(item: string): Promise<void>;
  setOnboardAlgorithm(name: ImplicitName): Promise<void>;
  setNewItem(patch: Partial<{ name: string; category: string }>): void;
  findSimilarToNewItem(): Promise<void>;
}

let jobCounter = 0;
/** Only the latest search and onboarding answer may draw. */
let searchRequest = 0;
let onboardRequest = 0;

export const useRecommendEvents = create<EventsStore>((set, get) => {
  async function summarize(mapping: EventsMapping) {
    const result = await engineConnection().engine.events.summarizeEvents(mapping);
    if (get().mapping !== mapping) return;
    set(result.ok ? { summary: result.value, mappingError: null } : { summary: null, mappingError: result.message });
  }

  async function refreshOnboarding() {
    const { onboardAlgorithm, picked, result, diversity } = get();
    if (!result || !onboardAlgorithm) return;
    const request = ++onboardRequest;
    const r = await engineConnection().engine.events.onboardUser(result.comparisonId, onboardAlgorithm, picked.map((p) => p.item), 10, diversity);
    if (request !== onboardRequest) return;
    set(r.ok ? { onboarding: r.value, onboardError: null } : { onboarding: null, onboardError: r.message });
  }

  return {
    mode: 'ratings',
    mapping: null,
    notes: [],
    eventTypes: [],
    mappingError: null,
    summary: null,
    algorithms: ['popular', 'sar', 'als', 'bpr', 'content', 'hybrid'],
    diversity: 1,
    job: null,
    jobError: null,
    result: null,
    onboardAlgorithm: null,
    itemQuery: '',
    itemMatches: [],
    picked: [],
    onboarding: null,
    onboardError: null,
    newItem: { name: '', category: '' },
    newItemSimilar: null,
    newItemError: null,

    setMode(mode) {
      set({ mode });
    },

    async suggest(datasetId) {
      const result = await engineConnection().engine.events.suggestEventsMapping(datasetId);
      if (!result.ok) {
        set({ mappingError: result.message, summary: null, notes: [] });
        return;
      }
      set({ mapping: result.value.mapping, notes: result.value.notes, eventTypes: result.value.eventTypes, mappingError: null });
      await summarize(result.value.mapping);
    },

    async updateMapping(patch) {
      const current = get().mapping;
      if (!current) return;
      const mapping = { ...current, ...patch };
      set({ mapping });
      await summarize(mapping);
    },

    toggleAlgorithm(name, on) {
      const algorithms = get().algorithms.filter((a) => a !== name);
      set({ algorithms: on ? [...algorithms, name] : algorithms });
    },

    setDiversity(value) {
      set({ diversity: value });
      void refreshOnboarding();
    },

    async compare() {
      const { mapping, algorithms, diversity, job } = get();
      if (!mapping || job) return;
      const chosen = IMPLICIT_ORDER.filter((a) => algorithms.includes(a));
      const { engine, callback } = engineConnection();
      const id = `recommend-events-${++jobCounter}`;
      set({ job: { id, fraction: 0, message: 'Reading the events…', startedAt: Date.now() }, jobError: null });
      try {
        const result = await engine.events.compareImplicit(
          mapping,
          { algorithms: chosen, seed: 42, diversity },
          id,
          callback((p: RecommendProgress) => set((s) => (s.job && s.job.id === p.jobId ? { job: { ...s.job, fraction: p.fraction, message: p.message } } : {}))),
        );
        if (!result.ok) {
          set({ jobError: result.message });
          return;
        }
        const keep = get().onboardAlgorithm && result.value.trained.includes(get().onboardAlgorithm!) ? get().onboardAlgorithm : null;
        const best = [...result.value.rows].sort((a, b) => b.ndcg - a.ndcg)[0]?.algorithm ?? null;
        set({ result: result.value, summary: result.value.summary, onboardAlgorithm: keep ?? best });
        await refreshOnboarding();
      } catch (error) {
        // A worker failure still ends the job with a message, never a silent spinner.
        set({ jobError: `The comparison failed: ${error instanceof Error ? error.message : String(error)}` });
      } finally {
        set({ job: null });
      }
    },

    async cancel() {
      const job = get().job;
      if (job) await engineConnection().engine.session.cancel(job.id);
    },

    async searchItems(query) {
      set({ itemQuery: query });
      const request = ++searchRequest;
      const comparisonId = get().result?.comparisonId;
      const matches = query.trim() && comparisonId ? await engineConnection().engine.events.searchEventItems(comparisonId, query, 8) : null;
      if (request === searchRequest) set({ itemMatches: matches?.ok ? matches.value : [] });
    },

    async pick(item) {
      if (get().picked.some((p) => p.item === item.item)) return;
      set({ picked: [...get().picked, item] });
      await refreshOnboarding();
    },

    async unpick(item) {
      set({ picked: get().picked.filter((p) => p.item !== item) });
      await refreshOnboarding();
    },

    async setOnboardAlgorithm(name) {
      set({ onboardAlgorithm: name });
      await refreshOnboarding();
    },

    setNewItem(patch) {
      set({ newItem: { ...get().newItem, ...patch } });
    },

    async findSimilarToNewItem() {
      const { name, category } = get().newItem;
      const r = await engineConnection().engine.events.similarToNewItem(get().result?.comparisonId ?? null, name, category, 10);
      set(r.ok ? { newItemSimilar: r.value, newItemError: null } : { newItemSimilar: null, newItemError: r.message });
    },
  };
});
