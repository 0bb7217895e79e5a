/**
 * Gradient-boosted trees: histogram boosting on typed arrays (no tfjs), exact TreeSHAP, and
 * XGBoost's JSON model format for export and import. Defaults are XGBoost's `hist` ones; the
 * scikit-learn preset gives HistGradientBoosting's.
 */
import type { ModelKindDefinition, TaskKind } from '../kind';
import { boost } from './boost';
import { forestFitted, loadForest } from './fitted';
import { MAX_CATEGORIES_PER_SPLIT, XGBOOST_DEFAULTS as XGBOOST, type GbdtSpec } from './spec';

export type { GbdtSpec };


/** scikit-learn 1.2's HistGradientBoostingClassifier/Regressor defaults (min_hessian_to_split 1e-3). */
const SKLEARN: Partial<GbdtSpec> = { rounds: 100, learningRate: 0.1, maxDepth: 0, maxLeaves: 31, minChildWeight: 1e-3, minSamplesLeaf: 20, lambda: 0, gamma: 0, subsample: 1, colsample: 1, maxBins: 255, earlyStoppingRounds: 10 };


export const gbdtKind: ModelKindDefinition<GbdtSpec> = {
  kind: 'gbdt',
  label: 'gradient-boosted trees',
  tasks: ['binary', 'multiclass', 'regression'],
  progress: 'rounds',
  threads: 'histograms',
  settings: [
    { key: 'rounds', label: 'Boosting rounds', type: 'integer', min: 1, max: 5000, search: true },
    { key: 'learningRate', label: 'Learning rate (eta)', type: 'number', min: 0, minExclusive: true, max: 1, search: true },
    { key: 'maxDepth', label: 'Max depth', type: 'integer', min: 0, max: 32, help: '0: no limit', search: true },
    { key: 'maxLeaves', label: 'Max leaves', type: 'integer', min: 0, max: 4096, help: '0: no limit (every split down to max depth)', search: true },
    { key: 'minChildWeight', label: 'Min child weight', type: 'number', min: 0, search: true },
    { key: 'minSamplesLeaf', label: 'Min samples per leaf', type: 'integer', min: 1 },
    { key: 'lambda', label: 'L2 on leaves (lambda)', type: 'number', min: 0, search: true },
    { key: 'gamma', label: 'Min split gain (gamma)', type: 'number', min: 0, search: true },
    { key: 'subsample', label: 'Row subsample', type: 'number', min: 0, minExclusive: true, max: 1, step: 0.05, search: true },
    { key: 'colsample', label: 'Column subsample', type: 'number', min: 0, minExclusive: true, max: 1, step: 0.05, search: true },
    { key: 'maxBins', label: 'Max bins', type: 'integer', min: 2, max: 255 },
    { key: 'categories', label: 'Categories', type: 'choice', options: [{ value: 'native', label: 'native splits' }, { value: 'one-hot', label: 'one-hot' }] },
    { key: 'scalePosWeight', label: 'Positive class weight (scale_pos_weight)', type: 'number', min: 0, minExclusive: true, help: 'binary only' },
    { key: 'earlyStoppingRounds', label: 'Early stopping rounds', type: 'integer', min: 0, help: 'rounds without a better validation loss; 0 turns it off' },
  ],
  presets: [
    { name: 'XGBoost hist defaults', settings: XGBOOST },
    { name: 'scikit-learn HistGradientBoosting defaults', settings: SKLEARN },
  ],
  defaults: (): GbdtSpec => ({ kind: 'gbdt', ...XGBOOST }),
  maxSteps: (spec) => spec.rounds,
  quickSettings: { rounds: 5, maxDepth: 3 },
  encoding: (spec) => ({ categories: spec.categories === 'one-hot' ? 'one-hot' : 'codes' }),
  check: (spec, task: TaskKind) => (task !== 'binary' && spec.scalePosWeight !== 1 ? 'The positive class weight applies to binary targets only; leave it at 1.' : null),
  async fit(data, spec, control) {
    const categorical = data.columns?.categorical ?? new Array<boolean>(data.train.cols).fill(false);
    const r = await boost(data, { ...spec, maxCategoriesPerSplit: MAX_CATEGORIES_PER_SPLIT }, categorical, control, control.helpers?.histograms ?? null);
    if (!r.ok) return r;
    const names = data.columns?.names ?? Array.from({ length: data.train.cols }, (_, i) => `f${i}`);
    return { ok: true, model: forestFitted(r.forest, spec, data.task, names, categorical), history: r.history, stoppedEarly: r.stoppedEarly, bestStep: r.bestStep };
  },
  load: loadForest,
};
