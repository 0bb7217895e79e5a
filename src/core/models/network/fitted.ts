/**
 * The tfjs networks as registry models: fit (with the divergence check), a FittedModel around a
 * trained network, and reload from model.json + weights.bin. The three network kinds (logistic/,
 * linear/, mlp/) build their definitions from these.
 */
import { linearShap } from './linearShap';
import type { FitControl, FitData, FitOutcome, FittedModel, ModelFile, SavedModel } from '../kind';
import { loadModel, saveModel, WEIGHTS_FILE } from './persist';
import { disposeModel, linearWeights, predictAsync } from './predict';
import { trainModel } from './train';
import { partialFitNetwork } from './partialFit';
import type { NetworkModel, NetworkSpec } from './types';

/** The format name written into the pipeline file for these files. */
export const NETWORK_FORMAT = 'tfjs-layers-model';
export const MODEL_JSON_FILE = 'model.json';

/**
 * A final loss this many times that of a constant prediction means the optimiser diverged. Adam's
 * bounded steps rarely overflow to NaN: at learning rate 1e6 linear regression ends with a finite
 * loss of ~1e11 and R2 of -1e11, which must not be reported as a trained model.
 */
const DIVERGED_FACTOR = 10;

/** Loss of a constant prediction, in the trainer's units: MSE of the standardized target is 1; log loss of the uniform guess is ln k. */
function constantLoss(data: FitData): number {
  return data.task === 'regression' ? 1 : Math.log(data.classes);
}

export async function fitNetwork(data: FitData, spec: NetworkSpec, control: FitControl): Promise<FitOutcome> {
  const k = data.task === 'regression' ? 1 : data.classes;
  const trained = await trainModel(spec, data.task, k, data.train, data.val, { seed: data.seed, signal: control.signal, onEpoch: control.onStep });
  if (!trained.ok) return trained;
  const kept = trained.history[trained.bestEpoch - 1];
  const keptLoss = kept && Number.isFinite(kept.valLoss) ? kept.valLoss : kept?.trainLoss;
  if (keptLoss !== undefined && keptLoss > DIVERGED_FACTOR * constantLoss(data)) {
    disposeModel(trained.model);
    const which = kept && Number.isFinite(kept.valLoss) ? 'validation' : 'training';
    return {
      ok: false,
      reason: 'diverged',
      message: `Training diverged: the ${which} loss ended at ${keptLoss.toPrecision(3)}, over ${DIVERGED_FACTOR} times that of a constant prediction. Try a lower learning rate (for example ${spec.learningRate / 100}).`,
    };
  }
  return { ok: true, model: networkFitted(trained.model), history: trained.history, stoppedEarly: trained.stoppedEarly, bestStep: trained.bestEpoch };
}

/** Margin and linear SHAP where the network is linear with one output (binary logistic, linear regression). */
function linearParts(model: NetworkModel): Pick<FittedModel, 'margin' | 'exactExplainer'> {
  const linear = model.task !== 'multiclass' ? linearWeights(model) : null;
  if (!linear) return {};
  const { weights, bias } = linear;
  const cols = model.inputCols;
  return {
    // Float64 from the weights, not logit(sigmoid): exact in the tails where float32 probabilities round to 0 or 1.
    margin(x, rows) {
      const out = new Float64Array(rows);
      for (let r = 0; r < rows; r++) {
        let s = bias[0];
        for (let c = 0; c < cols; c++) s += x[r * cols + c] * weights[c];
        out[r] = s;
      }
      return out;
    },
    exactExplainer: { method: 'linear', values: 'interventional', explain: (x, groups, features, background) => linearShap(weights, bias[0], groups, features, background, x) },
  };
}

/** The network inside a fitted network model, for the network kinds' own tests. */
const networks = new WeakMap<FittedModel, NetworkModel>();
export function networkOf(model: FittedModel): NetworkModel | null {
  return networks.get(model) ?? null;
}

export function networkFitted(model: NetworkModel): FittedModel {
  const fitted: FittedModel = {
    kind: model.spec.kind,
    spec: model.spec,
    task: model.task,
    classes: model.classes,
    inputCols: model.inputCols,
    predict: (x, rows) => predictAsync(model, x, rows),
    ...linearParts(model),
    async save(): Promise<SavedModel> {
      const files = await saveModel(model);
      return { kind: model.spec.kind, format: NETWORK_FORMAT, files: [{ name: MODEL_JSON_FILE, data: files.modelJson }, { name: WEIGHTS_FILE, data: files.weights }] };
    },
    async partialFit(data, control) {
      const r = await partialFitNetwork(model, data, control);
      return r.ok ? { ...r, model: networkFitted(r.model) } : r;
    },
    // float32 weights, however the backend stores them.
    bytes: () => model.net.countParams() * 4,
    dispose: () => disposeModel(model),
  };
  networks.set(fitted, model);
  return fitted;
}

/** model.json is told apart by its topology, weights by being binary, whatever the files were renamed to. */
export async function loadNetwork(files: ModelFile[], format: string): Promise<FittedModel> {
  if (format !== NETWORK_FORMAT) throw new Error(`This model is in the "${format}" format; the network kinds read "${NETWORK_FORMAT}".`);
  const json = files.find((f) => typeof f.data === 'string' && f.data.includes('"modelTopology"'));
  const weights = files.find((f) => f.data instanceof ArrayBuffer);
  if (!json || !weights) throw new Error(`A network model needs its ${MODEL_JSON_FILE} and ${WEIGHTS_FILE} together.`);
  return networkFitted(await loadModel({ modelJson: json.data as string, weights: weights.data as ArrayBuffer }));
}
