/**
 * Plain data that crosses the worker boundary for the Recommend view: mappings, the comparison
 * table and previews. Ratings and fitted models stay in the worker.
 */

/** Which columns hold what. details (optional) joins item titles/categories on the item id. */
export interface RatingsMapping {
  datasetId: string;
  user: string;
  item: string;
  rating: string;
  timestamp: string | null;
  details: ItemDetailsMapping | null;
}

export interface ItemDetailsMapping {
  /** The same dataset as the ratings, or a second one (e.g. MovieLens u.item). */
  datasetId: string;
  /** The column of that dataset holding the item id. */
  idColumn: string;
  titleColumn: string;
  categoryColumn: string | null;
}

export interface MappingSuggestion {
  mapping: RatingsMapping;
  /** Why each column was picked, in words ("rating: numbers from 1 to 5"). */
  notes: string[];
}

/** What the mapped ratings contain, shown under the mapping form. */
export interface RatingsSummary {
  ratings: number;
  users: number;
  items: number;
  ratingMin: number;
  ratingMax: number;
  /** Rows folded into an earlier (user, item) row: their ratings are averaged. */
  duplicatesAveraged: number;
  /** Items that got a title from the item details. */
  itemsWithTitles: number;
  /** How well the item details joined, shown before the user compares; null without details. */
  titleMatch: TitleMatch | null;
  /** Users with a single rating: kept for training, but a held-out test can't say much about them. */
  usersWithOneRating: number;
}

export interface TitleMatch {
  /** Share of rated items that got a title. */
  rate: number;
  /** Under half the rated items matched: probably the wrong key column. */
  weak: boolean;
  /** The three most-rated items with a title, so a wrong join shows at a glance. */
  samples: { id: string; title: string }[];
}

/** The algorithms the view offers; 'best' is our tuned SVD++. */
export type RecommenderName = 'popularity' | 'baseline' | 'knn-user' | 'knn-item' | 'svd' | 'best';

export type EvaluationSplit = { kind: 'kfold'; folds: number; seed: number } | { kind: 'temporal'; lastN: number };

export interface ComparisonSetup {
  algorithms: RecommenderName[];
  split: EvaluationSplit;
  /** Fit every algorithm on all ratings afterwards, for the preview (the default). */
  fitForPreview?: boolean;
}

/** One row of the comparison table: means over the folds. */
export interface AlgorithmScore {
  algorithm: RecommenderName;
  label: string;
  rmse: number;
  mae: number;
  /** Top-N metrics at k = 10; relevant = held-out items rated >= 4 (or the scale's top fifth). */
  precision: number;
  recall: number;
  ndcg: number;
  map: number;
  hitRate: number;
  coverage: number;
  /** Seconds summed over the folds. */
  fitSeconds: number;
  predictSeconds: number;
}

export interface ComparisonResult {
  /** The comparison's handle: the preview and export calls name it, so a later comparison does not replace this one. */
  comparisonId: string;
  rows: AlgorithmScore[];
  /** "5-fold cross-validation (seed 0)" or "last 2 ratings of each user held out". */
  splitLabel: string;
  k: number;
  relevantThreshold: number;
  summary: RatingsSummary;
  /** Algorithms fitted on all ratings, ready for the preview. */
  previewable: RecommenderName[];
}

export type ComparisonFailure = { reason: 'bad-input' | 'cancelled'; message: string };

export interface RecommendProgress {
  jobId: string;
  fraction: number;
  message: string;
  /**
   * While the job runs: the comparison's id and the algorithms already fitted on all ratings,
   * each as soon as its own folds are done. userRecommendations, similarRatedItems, searchRatingUsers
   * and exportTopN answer for these before the comparison ends (it is dropped if cancelled).
   */
  comparisonId?: string;
  ready?: RecommenderName[];
  /** Each chosen algorithm's state and time left, in the order they run (absent from the bench's bare calls). */
  algorithms?: AlgorithmProgress[];
}

/** One algorithm of a running comparison, for the per-algorithm lines under the bar. */
export interface AlgorithmProgress {
  algorithm: RecommenderName;
  /** waiting (not started), running (folds or the fit on all ratings), ready (previewable), scored (folds done, no preview fit). */
  status: 'waiting' | 'running' | 'ready' | 'scored';
  foldsDone: number;
  folds: number;
  elapsedSeconds: number;
  /** From its own measured steps so far; null until its first fold is done (and once it is done). */
  secondsLeft: number | null;
}

export interface ItemRef {
  item: string;
  title: string | null;
  category: string | null;
  /** How many ratings the item has (its support), shown beside a score; events mode has none. */
  ratings?: number;
}

export interface RatedItem extends ItemRef {
  rating: number;
}

export interface RecommendedItem extends ItemRef {
  rank: number;
  score: number;
  /** Items the user rated that contributed most: "because you liked …". Empty when none did. */
  because: ItemRef[];
}

export interface UserPreview {
  user: string;
  algorithm: RecommenderName;
  /** The user's ratings, best first (at most 50). */
  history: RatedItem[];
  historyCount: number;
  top: RecommendedItem[];
}

export interface SimilarItem extends ItemRef {
  similarity: number;
}
