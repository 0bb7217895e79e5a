/**
 * Plain data crossing the worker boundary for the Recommend view's Events mode: implicit feedback
 * (clicks, carts, purchases), its comparison table, onboarding of a new user and new items.
 */
import type { RankingMetrics } from '../../core/recommend/implicit/metrics';
import type { ItemDetailsMapping, ItemRef, SimilarItem } from '../ratings/types';

export interface EventsMapping {
  datasetId: string;
  user: string;
  item: string;
  timestamp: string | null;
  /** A column naming the event type (view, cart, purchase); each type's weight in typeWeights (default 1). */
  eventType: string | null;
  typeWeights: Record<string, number>;
  /** A numeric column such as a rating: rows with value >= minimum become events, the rest are dropped. */
  threshold: { column: string; minimum: number } | null;
  /** Time decay: an event this many days older than the latest counts half. null: no decay. */
  halfLifeDays: number | null;
  details: ItemDetailsMapping | null;
}

export interface EventsSuggestion {
  mapping: EventsMapping;
  notes: string[];
  /** Distinct values of the event type column with counts (empty without one). */
  eventTypes: { type: string; count: number }[];
}

export interface EventsSummary {
  events: number;
  /** Rows dropped: below the threshold, a type weighted 0, or no user/item. */
  dropped: number;
  users: number;
  items: number;
  /** Distinct user-item pairs after summing repeated events. */
  interactions: number;
  itemsWithContent: number;
}

export type ImplicitName = 'popular' | 'sar' | 'als' | 'bpr' | 'content' | 'hybrid';

/** Each algorithm's name as the comparison table, progress and checkboxes show it. */
export const IMPLICIT_LABELS: Record<ImplicitName, string> = {
  popular: 'Most popular',
  sar: 'SAR (item co-occurrence)',
  als: 'Implicit ALS',
  bpr: 'BPR',
  content: 'Content-based',
  hybrid: 'Hybrid (ALS + content)',
};

export interface ImplicitSetup {
  algorithms: ImplicitName[];
  seed: number;
  /** MMR trade-off for the re-ranked columns: 1 = no re-ranking, lower = more varied lists. */
  diversity: number;
}

/** The ranking metrics of src/core/recommend/implicit/metrics.ts, without the user count. */
export type RankingScores = Omit<RankingMetrics, 'users'>;

export interface ImplicitRow extends RankingScores {
  algorithm: ImplicitName;
  label: string;
  fitSeconds: number;
  /** The same model's lists after MMR re-ranking at setup.diversity (null when diversity is 1). */
  reranked: RankingScores | null;
}

export interface ImplicitComparison {
  rows: ImplicitRow[];
  splitLabel: string;
  k: number;
  summary: EventsSummary;
  diversity: number;
  /** Fitted on all interactions, ready for onboarding. */
  trained: ImplicitName[];
  /** The comparison's handle, for onboarding and new-item calls: a later comparison does not replace this one. */
  comparisonId: string;
}

export interface OnboardingResult {
  /** 'popular' when nothing is picked yet (cold start), else the algorithm that folded the user in. */
  source: ImplicitName;
  top: (ItemRef & { rank: number; score: number })[];
  /** Time for the fold-in and scoring, in the worker. */
  millis: number;
}

export type NewItemSimilar = SimilarItem[];
