/**
 * Recommendations from explicit ratings: the mapping, the comparison job, and previews and
 * exports of one comparison, named by its id (every comparison is kept until removed).
 */
import type { Outcome } from '../outcome';
import type {
  ComparisonFailure, ComparisonResult, ComparisonSetup, MappingSuggestion, RatingsMapping, RatingsSummary, RecommendProgress, RecommenderName, SimilarItem, UserPreview,
} from './types';

export type * from './types';

/** The comparison id is unknown (removed), or the comparison did not fit that algorithm for the preview. */
export type PreviewFailure = 'not-found' | 'not-fitted' | 'unknown-user' | 'unknown-item';

export interface RatingsApi {
  /** Propose user/item/rating/timestamp columns and item details for a ratings dataset. */
  suggestRatingsMapping(datasetId: string): Promise<Outcome<MappingSuggestion, 'not-found' | 'no-mapping'>>;
  /** Read the mapped ratings (duplicates averaged) and say what they hold, or why they can't be used. */
  summarizeRatings(mapping: RatingsMapping): Promise<Outcome<RatingsSummary, 'bad-input'>>;
  /** Cross-validate the chosen algorithms on one split, then fit them on all ratings for the preview. Cancel with the job id; onProgress may be null (the bench). */
  compareRecommenders(mapping: RatingsMapping, setup: ComparisonSetup, jobId: string, onProgress: ((p: RecommendProgress) => void) | null): Promise<Outcome<ComparisonResult, ComparisonFailure['reason']>>;
  /** User ids starting with query, at most limit (20). */
  searchRatingUsers(comparisonId: string, query: string, limit: number): Promise<Outcome<string[], 'not-found'>>;
  /** minRatings (default 1): leave out items with fewer ratings than this. */
  userRecommendations(comparisonId: string, user: string, algorithm: RecommenderName, n: number, minRatings?: number): Promise<Outcome<UserPreview, PreviewFailure>>;
  similarRatedItems(comparisonId: string, item: string, algorithm: RecommenderName, n: number): Promise<Outcome<SimilarItem[], PreviewFailure>>;
  /** CSV Blob `user,rank,item,score` of the top-n for every user, built in the worker. */
  exportTopN(comparisonId: string, algorithm: RecommenderName, n: number, minRatings?: number): Promise<Outcome<Blob, PreviewFailure>>;
  /** Forget a comparison's fitted models. */
  removeComparison(comparisonId: string): Promise<Outcome<{ comparisonId: string }, 'not-found'>>;
}
