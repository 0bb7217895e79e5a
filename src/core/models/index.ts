/** Models: specs and defaults, the training loop, prediction, save/load. */
export * from './types';
export { defaultModelSpec } from './defaults';
export { trainModel } from './train';
export { predict, predictAsync, linearWeights, disposeModel } from './predict';
export { saveModel, loadModel, WEIGHTS_FILE, type ModelArtifactsFiles } from './persist';
export { rankAuc } from './validation';
