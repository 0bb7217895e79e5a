/**
 * Portable export of a network or boosted-tree run: the ONNX file at a precision, and what each
 * precision costs before download: the file's size and the test-split metrics computed by scoring
 * the test rows with the weights as the file stores them (de-quantised), never assumed. Trees are
 * written at float32 only: a threshold moved by rounding sends rows down other branches.
 */
import type { Column } from '../frame/types';
import { binaryMetrics, multiclassMetrics, regressionMetrics } from '../metrics';
import { forestPredict, type Forest } from '../models/gbdt/forest';
import { forwardPass, type NetworkWeights } from '../models/network/layers';
import { transform } from '../prep/transform';
import type { FittedPipeline, TaskKind } from '../prep/types';
import { encodeModel } from './onnx/proto';
import { onnxModel } from './onnx/graph';
import { forestOnnxModel } from './onnx/trees';
import { quantizeNetwork, type Precision } from './quantize';

export const PRECISIONS: Precision[] = ['float32', 'float16', 'int8'];

export interface PortableRun {
  pipeline: FittedPipeline;
  /** What scores: a network's weights or a forest. */
  scorer: { kind: 'network'; weights: NetworkWeights } | { kind: 'forest'; forest: Forest };
  classes: string[];
  target: string;
  modelKind: string;
  task: TaskKind;
  threshold: number;
  /** The run's dataset columns, its test rows and their encoded targets. */
  columns: Column[];
  testRows: Int32Array;
  yTest: Float64Array;
}

export interface MetricChange {
  name: string;
  /** With float32 weights (Loupe's own scores, to float rounding). */
  before: number;
  after: number;
  delta: number;
  /** Whether a larger value is better (AUC) or worse (RMSE, log loss). */
  higherIsBetter: boolean;
}

export interface PrecisionOption {
  precision: Precision;
  bytes: number;
  metrics: MetricChange[];
  /** Largest change of any test score from the float32 model's. */
  maxScoreChange: number;
}

/** The precisions a run can be written at: all three for networks, float32 for trees. */
export function precisionsOf(run: PortableRun): Precision[] {
  return run.scorer.kind === 'network' ? PRECISIONS : ['float32'];
}

export function onnxBytes(run: PortableRun, precision: Precision): Uint8Array<ArrayBuffer> {
  const { scorer } = run;
  if (scorer.kind === 'forest') {
    if (precision !== 'float32') throw new Error('Boosted trees are written at float32 only.');
    return encodeModel(forestOnnxModel({ pipeline: run.pipeline, forest: scorer.forest, classes: run.classes, target: run.target, modelKind: run.modelKind, task: run.task }));
  }
  return encodeModel(onnxModel({ pipeline: run.pipeline, weights: scorer.weights, precision, classes: run.classes, target: run.target, modelKind: run.modelKind }));
}

type Named = { name: string; value: number; higherIsBetter: boolean }[];

function metricsOf(run: PortableRun, scores: Float64Array): Named {
  if (run.task === 'binary') {
    const m = binaryMetrics(run.yTest, scores, run.threshold);
    return [
      { name: 'AUC', value: m.auc ?? NaN, higherIsBetter: true },
      { name: 'accuracy', value: m.accuracy, higherIsBetter: true },
      { name: 'log loss', value: m.logLoss, higherIsBetter: false },
    ];
  }
  if (run.task === 'multiclass') {
    const m = multiclassMetrics(Int32Array.from(run.yTest), scores, run.classes);
    return [
      { name: 'accuracy', value: m.accuracy, higherIsBetter: true },
      { name: 'log loss', value: m.logLoss, higherIsBetter: false },
    ];
  }
  const m = regressionMetrics(run.yTest, scores);
  return [
    { name: 'RMSE', value: m.rmse, higherIsBetter: false },
    { name: 'R²', value: m.r2, higherIsBetter: true },
  ];
}

/** Size and test-split metric change of every precision. */
export function precisionOptions(run: PortableRun): PrecisionOption[] {
  const design = transform(run.pipeline, run.columns, run.testRows);
  const { scorer } = run;
  const score = (precision: Precision): Float64Array => {
    if (scorer.kind === 'forest') return forestPredict(scorer.forest, design.matrix, design.rows);
    return forwardPass(precision === 'float32' ? scorer.weights : quantizeNetwork(scorer.weights, precision).readBack, design.matrix, design.rows);
  };
  const baseScores = score('float32');
  const base = metricsOf(run, baseScores);
  return precisionsOf(run).map((precision) => {
    const scores = precision === 'float32' ? baseScores : score(precision);
    let maxScoreChange = 0;
    for (let i = 0; i < scores.length; i++) maxScoreChange = Math.max(maxScoreChange, Math.abs(scores[i] - baseScores[i]));
    const after = metricsOf(run, scores);
    return {
      precision,
      bytes: onnxBytes(run, precision).length,
      maxScoreChange,
      metrics: base.map((b, i) => ({ name: b.name, before: b.value, after: after[i].value, delta: after[i].value - b.value, higherIsBetter: b.higherIsBetter })),
    };
  });
}
