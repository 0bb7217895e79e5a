/** Rating-prediction recommenders with Surprise-faithful semantics, and their evaluation. */
export * from './types';
export { buildRatings, parseRatingsText, type RatingMatrix, type RatingsError } from './ratings';
export { fitAlgorithm, fitAlgorithmAsync, DEFAULT_SPECS } from './algorithms';
export { BEST_SPEC } from './best';
export { kFoldSplits, complementIndices, temporalSplit, predictAt, rmse, mae } from './evaluate';
export { topNMetrics, topNMetricsAsync, topNForUser, similarItems, seenItems, type TopNMetrics, type ScoredItem, type SeenItems } from './topn';
