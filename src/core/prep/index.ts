/** Preprocessing: target encoding, splits, and the fitted feature pipeline. */
export * from './types';
export { encodeTarget, inferTask, MAX_CLASSES } from './target';
export { stratifiedSplit, type Split, type SplitFractions } from './split';
export { fitPipeline, DEFAULT_TEXT_BUCKETS, DEFAULT_TOP_CATEGORIES } from './fitPipeline';
export { transform } from './transform';
export { tokenize, fnv1a32 } from './textHash';
export { balancedClassWeights, randomOversample, randomUndersample, sampleWeights, smote, rowsByClass, NO_IMBALANCE, type ImbalanceMethod, type ImbalanceSpec, type SyntheticRows } from './resample';
export { augmentActive, augmentedColumns, augmentProblem, augmentWords, NO_AUGMENT, type AugmentSpec } from './augment';
