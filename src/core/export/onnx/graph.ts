/**
 * A network model and its fitted pipeline as one ONNX graph that scores raw rows (docs/formats.md,
 * "ONNX export"). Inputs: one [N, 1] tensor per raw feature column, float for numbers and
 * booleans (NaN or ±Infinity = missing), double epoch milliseconds for dates, string for
 * categories ("" = missing). Dates become their calendar parts (datetime.ts). The pipeline is
 * written with standard ops: numbers IsNaN/IsInf -> Where (median) -> Sub/Div (mean, std);
 * categories ai.onnx.ml LabelEncoder (kept category -> index, "" -> -1, unseen -> "other") ->
 * Equal against 0..k -> Cast (one-hot); missing indicators Cast the missing mask. Then Concat,
 * MatMul/Add per dense layer with Relu/Tanh/Elu, and Sigmoid, Softmax or Mul/Add (target units).
 */
import type { CategoryStep, DatetimeStep, FeatureStep, FittedPipeline } from '../../prep/types';
import { datetimeParts } from './datetime';
import type { NetworkWeights } from '../../models/network/layers';
import { DataType, type Model, type Node, type Tensor, type ValueInfo } from './proto';
import { quantizeNetwork, type Precision } from '../quantize';

export interface OnnxExportInput {
  pipeline: FittedPipeline;
  weights: NetworkWeights;
  precision: Precision;
  /** Class labels in output order (binary: [negative, positive]); [] for regression. */
  classes: string[];
  target: string;
  modelKind: string;
}

/** The output tensor's name by task. */
export function outputName(task: NetworkWeights['task']): string {
  return task === 'binary' ? 'probability' : task === 'multiclass' ? 'probabilities' : 'prediction';
}

/**
 * Steps ONNX export cannot write (hashed text; for networks also trees' native encodings), as a
 * message; null when all can.
 */
export function unsupportedSteps(p: FittedPipeline, native = false): string | null {
  const bad = p.features.filter((s) => s.kind === 'text' || (!native && 'native' in s && s.native));
  if (bad.length === 0) return null;
  return `ONNX export writes number, yes/no, category and date features; ${bad.map((s) => `"${s.column}" (${s.kind})`).join(', ')} cannot be written yet. Train without ${bad.length === 1 ? 'it' : 'them'} to export.`;
}

export class GraphBuilder {
  nodes: Node[] = [];
  initializers: Tensor[] = [];
  private count = 0;

  /** A fresh internal value name; "loupe/" keeps it apart from column names. */
  value(hint: string): string {
    return `loupe/${hint}_${this.count++}`;
  }

  op(op: string, inputs: string[], hint: string, attributes: Node['attributes'] = [], domain?: string): string {
    const out = this.value(hint);
    this.nodes.push({ op, inputs, outputs: [out], attributes, ...(domain ? { domain } : {}) });
    return out;
  }

  constant(hint: string, type: Tensor['type'], dims: number[], data: Tensor['data']): string {
    const name = this.value(hint);
    this.initializers.push({ name, type, dims, data });
    return name;
  }

  float(hint: string, v: number): string {
    return this.constant(hint, DataType.FLOAT, [], Float32Array.of(v));
  }

  double(hint: string, v: number): string {
    return this.constant(hint, DataType.DOUBLE, [], Float64Array.of(v));
  }

  /** Missing (NaN or ±Infinity) mask of a float or double input. */
  missing(input: string): string {
    return this.op('Or', [this.op('IsNaN', [input], 'nan'), this.op('IsInf', [input], 'inf')], 'missing');
  }
}

export const FLOAT_TO = { name: 'to', int: DataType.FLOAT };

/** Impute, standardise, and the missing indicator: the encoded columns of a number or yes/no input. */
function numberParts(g: GraphBuilder, input: string, fill: number, mean: number, std: number, indicator: boolean): string[] {
  const missing = g.missing(input);
  const filled = g.op('Where', [missing, g.float('fill', fill), input], 'filled');
  const scaled = g.op('Div', [g.op('Sub', [filled, g.float('mean', mean)], 'centred'), g.float('std', std)], 'scaled');
  return indicator ? [scaled, g.op('Cast', [missing], 'indicator', [FLOAT_TO])] : [scaled];
}

/** Missing dates take the training median; each part is standardised in double, then made float. */
function datetimeColumns(g: GraphBuilder, step: DatetimeStep, input: string): string[] {
  const missing = g.missing(input);
  const filled = g.op('Where', [missing, g.double('median', step.medianMs), input], 'filled');
  const parts = datetimeParts(g, filled, step.parts).map((part, p) => {
    const scaled = g.op('Div', [g.op('Sub', [part, g.double('mean', step.means[p])], 'centred'), g.double('std', step.stds[p])], 'scaled');
    return g.op('Cast', [scaled], 'part', [FLOAT_TO]);
  });
  return step.missingIndicator ? [...parts, g.op('Cast', [missing], 'indicator', [FLOAT_TO])] : parts;
}

/** A category label's kept index (int64: 0..k-1, k for "other", -1 for missing "") and its missing mask. */
export function categoryIndex(g: GraphBuilder, step: CategoryStep, input: string): { index: string; missing: string } {
  const k = step.categories.length;
  const index = g.op(
    'LabelEncoder',
    [input],
    'index',
    [
      { name: 'keys_strings', strings: [...step.categories, ''] },
      { name: 'values_int64s', ints: [...step.categories.map((_, i) => i), -1] },
      { name: 'default_int64', int: k },
    ],
    'ai.onnx.ml',
  );
  return { index, missing: g.op('Less', [index, g.constant('zero', DataType.INT64, [], BigInt64Array.of(0n))], 'missing') };
}

/** k + 1 float columns (the kept categories, then "other"), 1 at the slot. */
export function oneHotOf(g: GraphBuilder, step: CategoryStep, slot: string): string {
  const k = step.categories.length;
  const slots = g.constant('slots', DataType.INT64, [k + 1], BigInt64Array.from({ length: k + 1 }, (_, i) => BigInt(i)));
  return g.op('Cast', [g.op('Equal', [slot, slots], 'is')], 'onehot', [FLOAT_TO]);
}

function stepParts(g: GraphBuilder, step: FeatureStep, input: string): string[] {
  if (step.kind === 'number') return numberParts(g, input, step.median, step.mean, step.std, step.missingIndicator);
  if (step.kind === 'datetime') return datetimeColumns(g, step, input);
  if (step.kind === 'boolean') return numberParts(g, input, step.mostFrequent, 0, 1, step.missingIndicator);
  if (step.kind !== 'category') throw new Error(`ONNX export cannot write a ${step.kind} feature.`);
  const { index, missing } = categoryIndex(g, step, input);
  // Missing takes the most frequent category, slot 0, as transform does.
  const slot = g.op('Where', [missing, g.constant('zero', DataType.INT64, [], BigInt64Array.of(0n)), index], 'slot');
  const oneHot = oneHotOf(g, step, slot);
  return step.missingIndicator ? [oneHot, g.op('Cast', [missing], 'indicator', [FLOAT_TO])] : [oneHot];
}

/** One [N, 1] input per raw feature column: a string for categories, a double for dates, a float otherwise. */
export function rawInputs(p: FittedPipeline): ValueInfo[] {
  return p.features.map((step) => ({
    name: step.column,
    type: step.kind === 'category' ? DataType.STRING : step.kind === 'datetime' ? DataType.DOUBLE : DataType.FLOAT,
    shape: ['N', 1],
    doc: step.kind === 'category' ? 'category label; empty string = missing' : step.kind === 'datetime' ? 'epoch milliseconds, UTC; NaN = missing' : 'number; NaN = missing',
  }));
}

export function onnxModel(input: OnnxExportInput): Model {
  const unsupported = unsupportedSteps(input.pipeline);
  if (unsupported) throw new Error(unsupported);
  const g = new GraphBuilder();
  const inputs = rawInputs(input.pipeline);
  const parts = input.pipeline.features.flatMap((step) => stepParts(g, step, step.column));
  let h = parts.length === 1 ? parts[0] : g.op('Concat', parts, 'features', [{ name: 'axis', int: 1 }]);
  const { stored } = quantizeNetwork(input.weights, input.precision);
  input.weights.layers.forEach((layer, i) => {
    const dims = [layer.inputs, layer.outputs];
    const k = stored[i];
    let kernel: string;
    if (k.precision === 'float32') kernel = g.constant('kernel', DataType.FLOAT, dims, k.values);
    else if (k.precision === 'float16') kernel = g.op('Cast', [g.constant('kernel_f16', DataType.FLOAT16, dims, k.bits)], 'kernel', [FLOAT_TO]);
    else {
      const q = g.constant('kernel_q', DataType.INT8, dims, k.q);
      // (q - zeroPoint) * scale written out with Cast/Sub/Mul rather than DequantizeLinear: with its
      // default optimisations onnxruntime fuses DequantizeLinear -> MatMul into an integer matmul
      // that quantises the activations too (scores moved by ~1e-3); these ops fold to the same
      // float32 weights DequantizeLinear gives.
      const centred = g.op('Sub', [g.op('Cast', [q], 'kernel_int', [FLOAT_TO]), g.float('kernel_zero', k.zeroPoint)], 'kernel_centred');
      kernel = g.op('Mul', [centred, g.float('kernel_scale', k.scale)], 'kernel');
    }
    h = g.op('Add', [g.op('MatMul', [h, kernel], 'matmul'), g.constant('bias', DataType.FLOAT, [layer.outputs], layer.bias)], 'dense');
    if (layer.activation === 'relu') h = g.op('Relu', [h], 'relu');
    else if (layer.activation === 'tanh') h = g.op('Tanh', [h], 'tanh');
    else if (layer.activation === 'elu') h = g.op('Elu', [h], 'elu', [{ name: 'alpha', float: 1 }]);
  });
  const head = input.weights.head;
  let out: string;
  if (head.kind === 'sigmoid') out = g.op('Sigmoid', [h], 'sigmoid');
  else if (head.kind === 'softmax') out = g.op('Softmax', [h], 'softmax', [{ name: 'axis', int: 1 }]);
  else out = g.op('Add', [g.op('Mul', [h, g.float('scale', head.scale)], 'scaled'), g.float('offset', head.offset)], 'prediction');
  const name = outputName(input.weights.task);
  g.nodes.push({ op: 'Identity', inputs: [out], outputs: [name] });
  const width = input.weights.task === 'multiclass' ? input.weights.classes : 1;
  return {
    producer: 'Loupe',
    producerVersion: '1',
    doc: `Loupe ${input.modelKind} model predicting "${input.target}", with its preprocessing; weights stored as ${input.precision}.`,
    opsets: [
      { domain: '', version: 17 },
      { domain: 'ai.onnx.ml', version: 3 },
    ],
    graph: { name: 'loupe', nodes: g.nodes, initializers: g.initializers, inputs, outputs: [{ name, type: DataType.FLOAT, shape: ['N', width] }] },
    metadata: {
      'loupe.task': input.weights.task,
      'loupe.target': input.target,
      'loupe.classes': JSON.stringify(input.classes),
      'loupe.precision': input.precision,
      'loupe.features': JSON.stringify(input.pipeline.features.map((s) => s.column)),
    },
  };
}
