/**
 * A toy kind for tests only (not registered in the app): it predicts the training split's class
 * shares (Laplace-smoothed) or mean, whatever the row. constantPrior.test.ts registers it with one
 * line and checks that it then works everywhere a kind must: the conformance suite, the Train
 * form's kind list, search, evaluation, explanation (KernelSHAP: all zero) and export/reload.
 */
import type { FittedModel, ModelKindDefinition, TaskKind, TrainingStep } from '../kind';

export type ConstantPriorSpec = { kind: 'constant-prior'; smoothing: number };

const FORMAT = 'loupe-constant-prior/1';
const FILE = 'constant-prior.json';

interface Saved {
  task: TaskKind;
  classes: number;
  inputCols: number;
  /** k probabilities (multiclass), P(positive) (binary) or the mean (regression). */
  values: number[];
}

function fitted(spec: ConstantPriorSpec, saved: Saved): FittedModel {
  const { task, classes, inputCols, values } = saved;
  return {
    kind: 'constant-prior',
    spec,
    task,
    classes,
    inputCols,
    async predict(x, rows) {
      if (x.length !== rows * inputCols) throw new Error(`predict: expected ${rows} x ${inputCols} values, got ${x.length}.`);
      const out = new Float64Array(rows * values.length);
      for (let r = 0; r < rows; r++) out.set(values, r * values.length);
      return out;
    },
    save: async () => ({ kind: 'constant-prior', format: FORMAT, files: [{ name: FILE, data: JSON.stringify({ format: FORMAT, spec, ...saved }) }] }),
    bytes: () => values.length * 8,
    dispose() {},
  };
}

export const constantPriorKind: ModelKindDefinition<ConstantPriorSpec> = {
  kind: 'constant-prior',
  label: 'constant prior (baseline)',
  tasks: ['binary', 'multiclass', 'regression'],
  progress: 'rounds',
  settings: [{ key: 'smoothing', label: 'Smoothing', type: 'number', min: 0, search: true, help: 'added to every class count' }],
  defaults: () => ({ kind: 'constant-prior', smoothing: 1 }),
  maxSteps: () => 1,
  quickSettings: {},
  async fit(data, spec, control) {
    const started = performance.now();
    const { train, task } = data;
    const k = task === 'multiclass' ? data.classes : 1;
    const counts = new Float64Array(task === 'multiclass' ? k : 2);
    let sum = 0;
    for (const v of train.y) {
      sum += v;
      if (task !== 'regression') counts[v]++;
    }
    const values =
      task === 'regression'
        ? [sum / train.rows]
        : task === 'binary'
          ? [(counts[1] + spec.smoothing) / (train.rows + 2 * spec.smoothing)]
          : Array.from(counts, (c) => (c + spec.smoothing) / (train.rows + k * spec.smoothing));
    const step: TrainingStep = { step: 1, trainLoss: NaN, valLoss: NaN, valMetric: NaN, metricName: task === 'binary' ? 'auc' : task === 'multiclass' ? 'accuracy' : 'rmse', elapsedMs: performance.now() - started, samplesPerSecond: train.rows / Math.max((performance.now() - started) / 1000, 1e-9) };
    control.onStep?.(step);
    return { ok: true, model: fitted(spec, { task, classes: data.classes, inputCols: train.cols, values }), history: [step], stoppedEarly: false, bestStep: 1 };
  },
  async load(files, format) {
    if (format !== FORMAT) throw new Error(`Expected the ${FORMAT} format, got "${format}".`);
    const file = files.find((f) => typeof f.data === 'string' && f.data.includes(FORMAT));
    if (!file) throw new Error(`The ${FILE} file is missing.`);
    const json = JSON.parse(file.data as string) as Saved & { spec: ConstantPriorSpec };
    return fitted(json.spec, json);
  },
};
