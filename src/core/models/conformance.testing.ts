/**
 * The conformance suite every registered model kind passes (scikit-learn's check_estimator idea):
 * a kind that is registered is run through all of it, for every task it declares. Tolerances are
 * stated beside each check; webgpu and webgl are listed as skipped, with why.
 */
import { describe, expect, it } from 'vitest';
import { switchBackend, type BackendName } from '../compute/backends';
import { tf } from '../compute/tf';
import { exactShap } from '../explain/exact';
import { kernelShap } from '../explain/kernel';
import type { Background } from '../explain/types';
import { fitModel } from './fit';
import type { FitData, FittedModel, ModelKindDefinition, ModelSpec, TaskKind, TrainingData } from './kind';
import { blobs, linearTarget } from './testData';

/** Six features: small enough to enumerate every coalition for the brute-force Shapley check. */
const COLS = 6;
/** float32 kernels sum in another order on another backend. */
const BACKEND_TOLERANCE = 1e-4;
/** One row alone and the same row in a batch: the same maths, at most float32 rounding apart. */
const ROW_TOLERANCE = 1e-6;
const SHAP_TOLERANCE = 1e-6;

const BACKENDS: BackendName[] = ['cpu', 'wasm'];
const SKIPPED_BACKENDS: { backend: BackendName; reason: string }[] = [
  { backend: 'webgpu', reason: 'no navigator.gpu in Node; e2e/conformance.spec.ts compares webgpu with wasm in Chromium' },
  { backend: 'webgl', reason: 'needs a DOM or OffscreenCanvas WebGL2 context, which Node lacks' },
];

function dataFor(task: TaskKind, seed: number): FitData {
  const classes = task === 'binary' ? 2 : task === 'multiclass' ? 3 : 1;
  const split = (n: number, s: number): TrainingData =>
    task === 'regression' ? linearTarget(n, [2, -1, 0.5, 0, 1, -0.5], s) : blobs(n, COLS, classes, s);
  return { task, classes, train: split(240, seed), val: split(60, seed + 1), seed };
}

async function fitOrThrow(kind: ModelKindDefinition, task: TaskKind, seed = 5, control = {}): Promise<FittedModel> {
  const spec = { ...kind.defaults(task), ...kind.quickSettings } as ModelSpec;
  const r = await fitModel(spec, dataFor(task, seed), control);
  if (!r.ok) throw new Error(`${kind.kind} on ${task}: ${r.message}`);
  return r.model;
}

/** Rows whose relation moved: labels rotated by one class, or another linear target. */
function shiftedRows(task: TaskKind, seed: number): TrainingData {
  if (task === 'regression') return linearTarget(200, [-2, 1, 0.5, 1, 0, 0.5], seed);
  const classes = task === 'binary' ? 2 : 3;
  const rows = blobs(200, COLS, classes, seed);
  return { ...rows, y: rows.y.map((c) => (c + 1) % classes) };
}

function maxDiff(a: Float64Array, b: Float64Array): number {
  expect(a.length).toBe(b.length);
  let worst = 0;
  a.forEach((v, i) => (worst = Math.max(worst, Math.abs(v - b[i]))));
  return worst;
}

/** A reload as a download would give it back: text through JSON, bytes copied. */
async function roundTrip(model: FittedModel, kind: ModelKindDefinition): Promise<FittedModel> {
  const saved = await model.save();
  expect(saved.kind).toBe(kind.kind);
  const files = saved.files.map((f) => ({ name: f.name, data: typeof f.data === 'string' ? String(f.data) : f.data.slice(0) }));
  return kind.load(files, saved.format);
}

/** One output per row for the explainers: P(class 1) for classification, the value for regression. */
function scalarOutput(model: FittedModel) {
  return async (x: Float32Array, rows: number) => {
    const p = await model.predict(x, rows);
    if (model.task !== 'multiclass') return p;
    return Float64Array.from({ length: rows }, (_, r) => p[r * model.classes + 1]);
  };
}

function backgroundOf(data: TrainingData, rows: number): Background {
  return { matrix: data.x.slice(0, rows * data.cols), rows, cols: data.cols, weights: new Float64Array(rows).fill(1 / rows) };
}

export function describeConformance(kind: ModelKindDefinition): void {
  describe(`model kind "${kind.kind}" conforms`, () => {
    for (const task of kind.tasks) {
      describe(task, () => {
        it('the same seed gives the same model', async () => {
          const probe = dataFor(task, 50).val;
          const a = await fitOrThrow(kind, task);
          const b = await fitOrThrow(kind, task);
          expect(maxDiff(await a.predict(probe.x, probe.rows), await b.predict(probe.x, probe.rows))).toBe(0);
          a.dispose();
          b.dispose();
        });

        it('save then load gives identical scores, and the declared shape', async () => {
          const probe = dataFor(task, 51).val;
          const model = await fitOrThrow(kind, task);
          const loaded = await roundTrip(model, kind);
          expect([loaded.kind, loaded.task, loaded.classes, loaded.inputCols]).toEqual([model.kind, model.task, model.classes, model.inputCols]);
          const want = await model.predict(probe.x, probe.rows);
          expect(want.length).toBe(probe.rows * (task === 'multiclass' ? 3 : 1));
          expect(maxDiff(await loaded.predict(probe.x, probe.rows), want)).toBe(0);
          // The resource list charges a run for its model: a reloaded model holds as much.
          expect(model.bytes()).toBeGreaterThan(0);
          expect(loaded.bytes()).toBe(model.bytes());
          model.dispose();
          loaded.dispose();
        });

        it(`one row alone scores as it does in a batch (within ${ROW_TOLERANCE})`, async () => {
          const probe = dataFor(task, 52).val;
          const model = await fitOrThrow(kind, task);
          const batch = await model.predict(probe.x, probe.rows);
          const width = batch.length / probe.rows;
          for (const r of [0, 7, probe.rows - 1]) {
            const one = await model.predict(probe.x.slice(r * COLS, (r + 1) * COLS), 1);
            expect(maxDiff(one, batch.slice(r * width, (r + 1) * width))).toBeLessThanOrEqual(ROW_TOLERANCE);
          }
          model.dispose();
        });

        it('cancel stops within one step and frees everything', async () => {
          const before = tf.memory().numTensors;
          const signal = { aborted: false };
          let steps = 0;
          const spec = { ...kind.defaults(task), ...kind.quickSettings } as ModelSpec;
          const r = await fitModel(spec, dataFor(task, 5), { signal, onStep: () => ((signal.aborted = true), steps++) });
          if (kind.maxSteps(spec) > 1) {
            expect(r.ok ? 'finished' : r.reason).toBe('cancelled');
            expect(steps).toBeLessThanOrEqual(2);
          } else if (r.ok) r.model.dispose();
          expect(tf.memory().numTensors).toBe(before);
        });

        it('holds no tensor after dispose (fit, predict, save, load)', async () => {
          const before = tf.memory().numTensors;
          const model = await fitOrThrow(kind, task);
          const probe = dataFor(task, 53).val;
          await model.predict(probe.x, probe.rows);
          const loaded = await roundTrip(model, kind);
          model.dispose();
          loaded.dispose();
          expect(tf.memory().numTensors).toBe(before);
        });

        it(`${BACKENDS.join(' and ')} agree within ${BACKEND_TOLERANCE}`, async () => {
          const probe = dataFor(task, 54).val;
          await switchBackend('cpu');
          const model = await fitOrThrow(kind, task);
          const saved = await model.save();
          const want = await model.predict(probe.x, probe.rows);
          model.dispose();
          try {
            for (const backend of BACKENDS) {
              const switched = await switchBackend(backend);
              if (!switched.ok) throw new Error(`${backend}: ${switched.message}`);
              const loaded = await kind.load(saved.files, saved.format);
              expect(maxDiff(await loaded.predict(probe.x, probe.rows), want), backend).toBeLessThanOrEqual(BACKEND_TOLERANCE);
              loaded.dispose();
            }
          } finally {
            await switchBackend('cpu');
          }
        });
        for (const { backend, reason } of SKIPPED_BACKENDS) it.skip(`${backend}: skipped (${reason})`, () => {});

        it('partialFit, where the kind offers it: seeded, leaves the model as it was, lowers the loss on shifted rows, frees its tensors', async () => {
          const before = tf.memory().numTensors;
          const model = await fitOrThrow(kind, task);
          if (!model.partialFit) {
            model.dispose();
            return;
          }
          const probe = dataFor(task, 56).val;
          const frozen = await model.predict(probe.x, probe.rows);
          const shifted = shiftedRows(task, 57);
          const control = { seed: 9, epochs: 3, rounds: 5 };
          const a = await model.partialFit(shifted, control);
          const b = await model.partialFit(shifted, control);
          if (!a.ok || !b.ok) throw new Error(`${kind.kind} partialFit: ${a.ok ? '' : a.message} ${b.ok ? '' : b.message}`);
          expect(maxDiff(await a.model.predict(probe.x, probe.rows), await b.model.predict(probe.x, probe.rows))).toBe(0);
          expect(maxDiff(await model.predict(probe.x, probe.rows), frozen)).toBe(0);
          expect(a.lossAfter).toBeLessThan(a.lossBefore);
          expect([a.model.kind, a.model.task, a.model.classes, a.model.inputCols]).toEqual([model.kind, model.task, model.classes, model.inputCols]);
          a.model.dispose();
          b.model.dispose();
          model.dispose();
          expect(tf.memory().numTensors).toBe(before);
        });

        it(`SHAP is additive (within ${SHAP_TOLERANCE}), and an interventional exact explainer equals brute-force Shapley`, async () => {
          const data = dataFor(task, 55);
          const model = await fitOrThrow(kind, task);
          const groups = Array.from({ length: COLS }, (_, c) => c);
          const background = backgroundOf(data.train, 8);
          const x = data.val.x.slice(0, COLS);
          const spec = { f: scalarOutput(model), groups, features: COLS, background };
          const kernel = await kernelShap(spec, x, { samples: 2 ** COLS, seed: 3 });
          const exact = await exactShap(spec, x);
          for (const a of [kernel, exact]) expect(Math.abs(a.base + a.values.reduce((s, v) => s + v, 0) - a.output)).toBeLessThanOrEqual(SHAP_TOLERANCE);
          // A budget that covers every coalition makes KernelSHAP exact.
          exact.values.forEach((v, i) => expect(Math.abs(v - kernel.values[i])).toBeLessThanOrEqual(1e-4));
          if (model.exactExplainer) {
            expect(model.margin, 'an exact explainer explains the margin, so the kind must offer it').toBeDefined();
            const own = model.exactExplainer.explain(x, groups, COLS, background);
            // Additive in the margin, whatever the value function.
            const margin = model.margin!(x, 1)[0];
            expect(Math.abs(own.base + own.values.reduce((t, v) => t + v, 0) - margin)).toBeLessThanOrEqual(SHAP_TOLERANCE);
            expect(Math.abs(own.output - margin)).toBeLessThanOrEqual(SHAP_TOLERANCE);
            if (model.exactExplainer.values === 'interventional') {
              // Brute force with the same background: enumeration of the margin over every coalition.
              const brute = await exactShap({ ...spec, f: (z, n) => model.margin!(z, n) }, x);
              expect(Math.abs(own.base - brute.base)).toBeLessThanOrEqual(SHAP_TOLERANCE);
              own.values.forEach((v, i) => expect(Math.abs(v - brute.values[i])).toBeLessThanOrEqual(SHAP_TOLERANCE));
            }
            // Path-dependent explainers are checked against their own brute force beside the kind (gbdt/treeShap.test.ts).
          }
          model.dispose();
        });
      });
    }
  });
}
