/** Explanations: exact, linear and kernel SHAP, permutation importance, partial dependence. */
export * from './types';
export { coalitionValues, featureCount } from './masked';
export { exactShap, allCoalitions, MAX_EXACT_FEATURES } from './exact';
export { linearShap } from '../models/network/linearShap';
export { kernelShap, sampleCoalitions, solveKernel } from './kernel';
export { kmeansBackground, stratifiedBackground, type BackgroundSource } from './background';
export { rowFields, encodeEditedRow, encodeFeatureValues, cellValue, type FeatureValue, type FeatureField } from './encode';
export * from './explainer';
export { permutationImportance, type ImportanceInput, type FeatureImportance } from './importance';
export { partialDependence, type DependenceInput, type DependenceCurve } from './dependence';
