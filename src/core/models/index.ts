/** Models: the kind registry and the generic doors (fit, parse, load); each kind lives in its own folder. */
export * from './kind';
export * from './settings';
export { modelKind, modelKinds, kindsFor, modelKindInfos, registerModelKind } from './registry';
export { fitModel, parseModelSpec, dataProblem, loadFittedModel, maxSteps, defaultModelSpec } from './fit';
export { createEarlyStopping, type EarlyStopping } from './earlyStopping';
export { rankAuc } from './validation';
