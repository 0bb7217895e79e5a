/**
 * A forest as a registry model: scores, margins, exact TreeSHAP, and files in XGBoost's JSON
 * model format (so `xgboost.Booster(model_file=...)` scores the pipeline's encoded rows the same).
 */
import type { FittedModel, ModelFile, TaskKind } from '../kind';
import { forestMargins, forestPredict, type Forest } from './forest';
import { MAX_CATEGORIES_PER_SPLIT, XGBOOST_DEFAULTS, type GbdtSpec } from './spec';
import { boost } from './boost';
import { meanLoss } from './objectives';
import { treeShap } from './treeShap';
import { parseXgboostModel, writeXgboostModel } from './xgboostJson';

export const XGBOOST_FORMAT = 'xgboost-json-1.7';
export const XGBOOST_FILE = 'xgboost-model.json';

function taskOf(forest: Forest): TaskKind {
  return forest.objective === 'binary:logistic' ? 'binary' : forest.objective === 'multi:softprob' ? 'multiclass' : 'regression';
}

/** The forest of a fitted tree model, for the kind's own tests and the trees panel. */
const forests = new WeakMap<FittedModel, Forest>();
export function forestOf(model: FittedModel): Forest | null {
  return forests.get(model) ?? null;
}

export function forestFitted(forest: Forest, spec: GbdtSpec, task: TaskKind, featureNames: string[], categorical: boolean[]): FittedModel {
  const single = forest.groups === 1;
  const model: FittedModel = {
    kind: 'gbdt',
    spec,
    task,
    classes: task === 'regression' ? 1 : task === 'binary' ? 2 : forest.groups,
    inputCols: forest.features,
    predict: async (x, rows) => forestPredict(forest, x, rows),
    // One output group: the summed leaves are the log-odds (binary) or the prediction (regression).
    ...(single
      ? {
          margin: (x: Float32Array, rows: number) => forestMargins(forest, x, rows),
          exactExplainer: {
            method: 'tree' as const,
            values: 'path-dependent' as const,
            explain(x: Float32Array, groups: number[], features: number) {
              const shap = treeShap(forest, x, 1, 0);
              const values = new Float64Array(features);
              for (let c = 0; c < groups.length; c++) values[groups[c]] += shap.values[c];
              let output = shap.base;
              for (const v of shap.values) output += v;
              return { base: shap.base, output, values };
            },
          },
        }
      : {}),
    trees: { list: forest.trees, group: forest.treeGroup, groups: forest.groups, featureNames },
    /** Adds `rounds` trees fitted on the new rows from the current margins; the spec's other settings apply. */
    async partialFit(data, control) {
      if (data.rows === 0) return { ok: true, model: forestFitted(forest, spec, task, featureNames, categorical), lossBefore: NaN, lossAfter: NaN };
      const empty = { x: new Float32Array(0), y: new Float32Array(0), rows: 0, cols: data.cols };
      const settings = { ...spec, rounds: Math.max(1, Math.floor(control.rounds ?? 10)), earlyStoppingRounds: 0, maxCategoriesPerSplit: MAX_CATEGORIES_PER_SPLIT };
      const r = await boost({ task, classes: forest.groups > 1 ? forest.groups : task === 'binary' ? 2 : 1, train: data, val: empty, seed: control.seed }, settings, categorical, { signal: control.signal }, null, forest);
      if (!r.ok) return r;
      const lossBefore = meanLoss(forest.objective, forestMargins(forest, data.x, data.rows), data.y, forest.groups);
      const lossAfter = meanLoss(r.forest.objective, forestMargins(r.forest, data.x, data.rows), data.y, r.forest.groups);
      return { ok: true, model: forestFitted(r.forest, spec, task, featureNames, categorical), lossBefore, lossAfter };
    },
    async save() {
      const types = categorical.map((c) => (c ? 'c' : 'q'));
      return { kind: 'gbdt', format: XGBOOST_FORMAT, files: [{ name: XGBOOST_FILE, data: writeXgboostModel(forest, featureNames, types) }] };
    },
    bytes: () => forest.trees.reduce((sum, t) => sum + t.left.byteLength * 2 + t.parent.byteLength + t.feature.byteLength + t.threshold.byteLength + t.defaultLeft.byteLength + t.splitType.byteLength + t.gain.byteLength * 3, 0),
    dispose() {},
  };
  forests.set(model, forest);
  return model;
}

/** XGBoost's JSON from Loupe or trained elsewhere. Settings are not part of that format: the loaded model reports the defaults. */
export async function loadForest(files: ModelFile[], format: string): Promise<FittedModel> {
  if (format !== XGBOOST_FORMAT) throw new Error(`This model is in the "${format}" format; gradient-boosted trees read "${XGBOOST_FORMAT}".`);
  const file = files.find((f) => typeof f.data === 'string' && f.data.includes('"gradient_booster"'));
  if (!file) throw new Error(`The XGBoost model file (${XGBOOST_FILE}) is missing.`);
  const parsed = parseXgboostModel(file.data as string);
  if (!parsed.ok) throw new Error(parsed.message);
  const { forest, featureNames, featureTypes } = parsed.value;
  const task = taskOf(forest);
  const spec: GbdtSpec = { kind: 'gbdt', ...XGBOOST_DEFAULTS, rounds: Math.max(1, Math.round(forest.trees.length / forest.groups)) };
  const names = featureNames ?? Array.from({ length: forest.features }, (_, i) => `f${i}`);
  const categorical = (featureTypes ?? []).map((t) => t === 'c').concat(new Array<boolean>(forest.features).fill(false)).slice(0, forest.features);
  return forestFitted(forest, spec, task, names, categorical);
}
