/**
 * Recommendations from implicit feedback (views, carts, purchases): the mapping, the comparison
 * job, and onboarding and new-item similarity against one comparison, named by its id.
 */
import type { Outcome } from '../outcome';
import type { ComparisonFailure, ItemRef, RecommendProgress, SimilarItem } from '../ratings/types';
import type { EventsMapping, EventsSuggestion, EventsSummary, ImplicitComparison, ImplicitName, ImplicitSetup, OnboardingResult } from './types';

import type { EventsUserPreview } from './preview';

export type * from './types';
export type { EventsUserPreview } from './preview';

export interface EventsApi {
  /** Propose user/item/event-type/time columns (or a rating threshold) for implicit feedback. */
  suggestEventsMapping(datasetId: string): Promise<Outcome<EventsSuggestion, 'not-found' | 'no-mapping'>>;
  summarizeEvents(mapping: EventsMapping): Promise<Outcome<EventsSummary, 'bad-input'>>;
  /** Stratified 75/25 per-user comparison at k = 10 (with MMR re-ranked columns), then fit on all interactions for onboarding. Cancel with the job id. */
  compareImplicit(mapping: EventsMapping, setup: ImplicitSetup, jobId: string, onProgress: ((p: RecommendProgress) => void) | null): Promise<Outcome<ImplicitComparison, ComparisonFailure['reason']>>;
  searchEventItems(comparisonId: string, query: string, limit: number): Promise<Outcome<ItemRef[], 'not-found'>>;
  /** A new user's top-n from the items they picked (fold-in, no retrain); popularity when none. */
  onboardUser(comparisonId: string, algorithm: ImplicitName, picked: string[], n: number, diversity: number): Promise<Outcome<OnboardingResult, 'not-found' | 'not-fitted'>>;
  /** Catalogue items most like a new item (content similarity of name and category); comparisonId null: the last mapped events. */
  similarToNewItem(comparisonId: string | null, name: string, category: string, n: number): Promise<Outcome<SimilarItem[], 'not-found' | 'no-content' | 'bad-input'>>;
  /** Users of a comparison whose id starts with query, shortest first. */
  searchEventUsers(comparisonId: string, query: string, limit: number): Promise<Outcome<string[], 'not-found'>>;
  /** An existing user's history and top-n (seen items removed) with reasons, as ratings mode's preview. */
  eventUserRecommendations(comparisonId: string, user: string, algorithm: ImplicitName, n: number): Promise<Outcome<EventsUserPreview, 'not-found' | 'not-fitted' | 'unknown-user'>>;
  /** Top-n of every user as CSV (user,rank,item,score), built in the worker. */
  exportEventsTopN(comparisonId: string, algorithm: ImplicitName, n: number): Promise<Outcome<Blob, 'not-found' | 'not-fitted'>>;
  removeComparison(comparisonId: string): Promise<Outcome<{ comparisonId: string }, 'not-found'>>;
}
