/** A trained network's weights as plain arrays: what portable export and quantisation read. */
import type { NetworkModel, TaskKind } from './types';

export type DenseActivation = 'linear' | 'relu' | 'tanh' | 'elu';

export interface DenseLayer {
  /** inputs x outputs, row-major (tfjs's kernel layout). */
  kernel: Float32Array;
  bias: Float32Array;
  inputs: number;
  outputs: number;
  activation: DenseActivation;
}

/** What the last layer turns the network's output into. */
export type NetworkHead = { kind: 'sigmoid' } | { kind: 'softmax' } | { kind: 'rescale'; scale: number; offset: number };

export interface NetworkWeights {
  task: TaskKind;
  /** k classes; 2 for binary, 1 for regression. */
  classes: number;
  layers: DenseLayer[];
  head: NetworkHead;
}

export function networkWeights(model: NetworkModel): NetworkWeights {
  const all = model.net.layers;
  const layers = all.slice(0, -1).map((layer): DenseLayer => {
    const [kernel, bias] = layer.getWeights();
    const [inputs, outputs] = kernel.shape as [number, number];
    const activation = String((layer.getConfig() as { activation?: string }).activation ?? 'linear') as DenseActivation;
    return { kernel: Float32Array.from(kernel.dataSync()), bias: Float32Array.from(bias.dataSync()), inputs, outputs, activation };
  });
  const headConfig = all[all.length - 1].getConfig() as { scale?: number; offset?: number };
  const head: NetworkHead =
    model.task === 'binary' ? { kind: 'sigmoid' } : model.task === 'multiclass' ? { kind: 'softmax' } : { kind: 'rescale', scale: headConfig.scale ?? 1, offset: headConfig.offset ?? 0 };
  return { task: model.task, classes: model.classes, layers, head };
}

function activate(v: number, a: DenseActivation): number {
  if (a === 'relu') return v > 0 ? v : 0;
  if (a === 'tanh') return Math.tanh(v);
  if (a === 'elu') return v > 0 ? v : Math.expm1(v);
  return v;
}

/**
 * The forward pass in float64 over plain weights, in predict's layout: P(positive) (binary),
 * n x k probabilities (multiclass) or predictions. Scores de-quantised weights without tfjs.
 */
export function forwardPass(w: NetworkWeights, x: Float32Array, rows: number): Float64Array {
  const width = w.task === 'multiclass' ? w.classes : 1;
  const out = new Float64Array(rows * width);
  let h = new Float64Array(0);
  for (let r = 0; r < rows; r++) {
    let input: ArrayLike<number> = x.subarray(r * w.layers[0].inputs, (r + 1) * w.layers[0].inputs);
    for (const layer of w.layers) {
      h = new Float64Array(layer.outputs);
      for (let o = 0; o < layer.outputs; o++) {
        let s = layer.bias[o];
        for (let i = 0; i < layer.inputs; i++) s += input[i] * layer.kernel[i * layer.outputs + o];
        h[o] = activate(s, layer.activation);
      }
      input = h;
    }
    if (w.head.kind === 'sigmoid') out[r] = 1 / (1 + Math.exp(-h[0]));
    else if (w.head.kind === 'rescale') out[r] = h[0] * w.head.scale + w.head.offset;
    else {
      let max = -Infinity;
      for (const v of h) max = Math.max(max, v);
      let sum = 0;
      for (let k = 0; k < h.length; k++) sum += Math.exp(h[k] - max);
      for (let k = 0; k < h.length; k++) out[r * width + k] = Math.exp(h[k] - max) / sum;
    }
  }
  return out;
}
