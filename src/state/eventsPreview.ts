/**
 * Events mode's preview of an existing user, beside onboarding: the user search, their history
 * and top-10 from the comparison in `recommendEvents`, and the all-users top-N CSV.
 */
import { create } from 'zustand';
import type { EventsUserPreview, ImplicitName } from '../engine/events/api';
import { saveBlob } from './download';
import { engineConnection } from './engine';
import { useRecommendEvents } from './recommendEvents';

interface EventsPreviewStore {
  userQuery: string;
  userMatches: string[];
  user: string | null;
  algorithm: ImplicitName | null;
  preview: EventsUserPreview | null;
  error: string | null;
  searchUsers(query: string): Promise<void>;
  pickUser(user: string): Promise<void>;
  pickAlgorithm(algorithm: ImplicitName): Promise<void>;
  exportTopN(): Promise<void>;
}

/** Only the latest search and preview answer may draw. */
let searchRequest = 0;
let previewRequest = 0;

const comparison = () => useRecommendEvents.getState().result;

export const useEventsPreview = create<EventsPreviewStore>((set, get) => {
  /** The chosen algorithm if the comparison trained it, else the one onboarding uses. */
  const algorithmOf = (): ImplicitName | null => {
    const result = comparison();
    const chosen = get().algorithm;
    if (!result) return null;
    return chosen && result.trained.includes(chosen) ? chosen : (useRecommendEvents.getState().onboardAlgorithm ?? result.trained[0] ?? null);
  };

  async function refresh() {
    const result = comparison();
    const { user } = get();
    const algorithm = algorithmOf();
    if (!result || !user || !algorithm) return;
    const request = ++previewRequest;
    const r = await engineConnection().engine.events.eventUserRecommendations(result.comparisonId, user, algorithm, 10);
    if (request !== previewRequest) return;
    set(r.ok ? { preview: r.value, error: null, algorithm } : { preview: null, error: r.message });
  }

  return {
    userQuery: '',
    userMatches: [],
    user: null,
    algorithm: null,
    preview: null,
    error: null,

    async searchUsers(query) {
      set({ userQuery: query });
      const result = comparison();
      if (!result) return;
      const request = ++searchRequest;
      const r = await engineConnection().engine.events.searchEventUsers(result.comparisonId, query, 20);
      if (request !== searchRequest) return;
      set({ userMatches: r.ok ? r.value : [] });
    },

    async pickUser(user) {
      set({ user, userQuery: user });
      await refresh();
    },

    async pickAlgorithm(algorithm) {
      set({ algorithm });
      await refresh();
    },

    async exportTopN() {
      const result = comparison();
      const algorithm = algorithmOf();
      if (!result || !algorithm) return;
      const csv = await engineConnection().engine.events.exportEventsTopN(result.comparisonId, algorithm, 10);
      if (csv.ok) saveBlob(`loupe-events-top10-${algorithm}.csv`, csv.value);
      else set({ error: csv.message });
    },
  };
});
