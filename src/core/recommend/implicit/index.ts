/** Implicit feedback, content-based and hybrid recommenders, cold start and diversity. */
export * from './types';
export { buildInteractions, userHistory, itemPopularity, type EventColumns, type DecayOptions } from './interactions';
export { fitImplicit, popularModel, IMPLICIT_DEFAULTS } from './fit';
export { fitSar, SAR_MAX_ITEMS } from './sar';
export { fitAls, type AlsModel } from './als';
export { fitBpr } from './bpr';
export { buildContentIndex, vectorizeItem, contentModel, scoreAgainst, densify, type ContentIndex, type ItemMetadata, type SparseVector } from './content';
export { hybridModel, type HybridOptions } from './hybrid';
export { mmrRerank } from './diversity';
export { rankingMetrics, intraListDiversity, topK, type RankingMetrics, type ItemSimilarity } from './metrics';
export { stratifiedSplit } from './split';
