/**
 * A boosted-tree run and its fitted pipeline as one ONNX graph over raw rows (docs/formats.md,
 * "ONNX export"). Inputs are the networks' (rawInputs). The trees read the pipeline's native
 * encoding: numbers and yes/no as they are (NaN or ±Infinity = missing), dates as their calendar
 * parts (datetime.ts), categories as their kept index (LabelEncoder; unseen = "other", "" =
 * missing) or one-hot, as transform writes them.
 *
 * One ai.onnx.ml TreeEnsembleRegressor (opset 3, what every ONNX runtime has) sums the leaves per
 * output group from the forest's base margin; Sigmoid, Softmax or nothing follows, as in
 * forestPredict. Splits are `x < threshold` in float32 (BRANCH_LT) with the missing side from
 * XGBoost's default direction, the comparison Loupe makes. A categorical split ("right when the
 * category is in this set") has no opset-3 mode, so each distinct (feature, set) becomes one more
 * input column, 1 when the row's category is in the set (LabelEncoder over the labels), and the
 * node splits it at 0.5.
 */
import type { Forest } from '../../models/gbdt/forest';
import { outputWidth } from '../../prep/outputNames';
import type { CategoryStep, FeatureStep, FittedPipeline, TaskKind } from '../../prep/types';
import { categoryIndex, FLOAT_TO, GraphBuilder, oneHotOf, outputName, rawInputs, unsupportedSteps } from './graph';
import { datetimeParts } from './datetime';
import { DataType, type Model } from './proto';

export interface ForestExportInput {
  pipeline: FittedPipeline;
  forest: Forest;
  /** Class labels in output order (binary: [negative, positive]); [] for regression. */
  classes: string[];
  target: string;
  modelKind: string;
  task: TaskKind;
}

const NAN = Number.NaN;

/** The matrix columns of a native step, in transform's order. */
function nativeParts(g: GraphBuilder, step: FeatureStep, input: string): string[] {
  if ((step.kind === 'number' || step.kind === 'boolean') && step.native && !step.missingIndicator) {
    return [g.op('Where', [g.missing(input), g.float('nan', NAN), input], 'raw')];
  }
  if (step.kind === 'category' && step.native === 'codes' && !step.missingIndicator) return [categoryValue(g, step, input, (i) => i, 'code')];
  if (step.kind === 'datetime' && step.native && !step.missingIndicator) {
    // Parts of the date as it is, NaN where it is missing (0 stands in only to keep the arithmetic finite).
    const missing = g.missing(input);
    const filled = g.op('Where', [missing, g.double('zero', 0), input], 'filled');
    return datetimeParts(g, filled, step.parts).map((part) => g.op('Cast', [g.op('Where', [missing, g.double('nan', NAN), part], 'part_missing')], 'part', [FLOAT_TO]));
  }
  if (step.kind === 'category' && step.native === 'one-hot' && !step.missingIndicator) {
    // Missing: every column NaN, as transform writes it.
    const { index, missing } = categoryIndex(g, step, input);
    return [g.op('Where', [missing, g.float('nan', NAN), oneHotOf(g, step, index)], 'onehot_missing')];
  }
  throw new Error(`ONNX export of trees cannot write the ${step.kind} feature "${step.column}" in this encoding.`);
}

/** A float per row from the category's slot (0..k-1 kept, k "other"): value(slot), NaN when missing. */
function categoryValue(g: GraphBuilder, step: CategoryStep, input: string, value: (slot: number) => number, hint: string): string {
  const k = step.categories.length;
  return g.op(
    'LabelEncoder',
    [input],
    hint,
    [
      { name: 'keys_strings', strings: [...step.categories, ''] },
      { name: 'values_floats', floats: [...step.categories.map((_, i) => value(i)), NAN] },
      { name: 'default_float', float: value(k) },
    ],
    'ai.onnx.ml',
  );
}

export function forestOnnxModel(input: ForestExportInput): Model {
  const { pipeline, forest } = input;
  const unsupported = unsupportedSteps(pipeline, true);
  if (unsupported) throw new Error(unsupported);
  const g = new GraphBuilder();
  const inputs = rawInputs(pipeline);
  const parts = pipeline.features.flatMap((step) => nativeParts(g, step, step.column));
  // The step behind each matrix column, for the categorical splits' membership columns.
  const stepOf: FeatureStep[] = pipeline.features.flatMap((step) => Array.from({ length: outputWidth(step) }, () => step));
  if (stepOf.length !== forest.features) throw new Error(`The pipeline writes ${stepOf.length} columns but the trees read ${forest.features}.`);
  const membership = new Map<string, number>();
  const memberColumn = (feature: number, set: Int32Array): number => {
    const sorted = [...set].sort((a, b) => a - b);
    const key = `${feature}:${sorted.join(',')}`;
    let at = membership.get(key);
    if (at === undefined) {
      const step = stepOf[feature];
      if (step.kind !== 'category' || step.native !== 'codes') throw new Error(`A categorical split reads "${step.column}", which is not a category code.`);
      const inSet = new Set(sorted);
      parts.push(categoryValue(g, step, step.column, (slot) => (inSet.has(slot) ? 1 : 0), 'member'));
      at = forest.features + membership.size;
      membership.set(key, at);
    }
    return at;
  };

  const treeIds: number[] = [];
  const nodeIds: number[] = [];
  const featureIds: number[] = [];
  const values: number[] = [];
  const modes: string[] = [];
  const trueIds: number[] = [];
  const falseIds: number[] = [];
  const missingTrue: number[] = [];
  const leafTrees: number[] = [];
  const leafNodes: number[] = [];
  const leafTargets: number[] = [];
  const leafWeights: number[] = [];
  const node = (t: number, n: number, feature: number, value: number, mode: 'LEAF' | 'BRANCH_LT', left: number, right: number, missingLeft: number) => {
    treeIds.push(t);
    nodeIds.push(n);
    featureIds.push(feature);
    values.push(value);
    modes.push(mode);
    trueIds.push(left);
    falseIds.push(right);
    missingTrue.push(missingLeft);
  };
  forest.trees.forEach((tree, t) => {
    for (let n = 0; n < tree.left.length; n++) {
      if (tree.left[n] < 0) {
        node(t, n, 0, 0, 'LEAF', 0, 0, 0);
        leafTrees.push(t);
        leafNodes.push(n);
        leafTargets.push(forest.treeGroup[t]);
        leafWeights.push(tree.threshold[n]);
        continue;
      }
      const categorical = tree.splitType[n] === 1;
      // Numbers: left when x < threshold. Categories: left when not in the set (member = 0 < 0.5).
      const feature = categorical ? memberColumn(tree.feature[n], tree.categories[n]) : tree.feature[n];
      node(t, n, feature, categorical ? 0.5 : tree.threshold[n], 'BRANCH_LT', tree.left[n], tree.right[n], tree.defaultLeft[n]);
    }
  });

  const x = parts.length === 1 ? parts[0] : g.op('Concat', parts, 'features', [{ name: 'axis', int: 1 }]);
  const margin = g.op(
    'TreeEnsembleRegressor',
    [x],
    'margin',
    [
      { name: 'n_targets', int: forest.groups },
      { name: 'aggregate_function', text: 'SUM' },
      { name: 'post_transform', text: 'NONE' },
      { name: 'base_values', floats: Array.from({ length: forest.groups }, () => forest.baseMargin) },
      { name: 'nodes_treeids', ints: treeIds },
      { name: 'nodes_nodeids', ints: nodeIds },
      { name: 'nodes_featureids', ints: featureIds },
      { name: 'nodes_values', floats: values },
      { name: 'nodes_modes', strings: modes },
      { name: 'nodes_truenodeids', ints: trueIds },
      { name: 'nodes_falsenodeids', ints: falseIds },
      { name: 'nodes_missing_value_tracks_true', ints: missingTrue },
      { name: 'target_treeids', ints: leafTrees },
      { name: 'target_nodeids', ints: leafNodes },
      { name: 'target_ids', ints: leafTargets },
      { name: 'target_weights', floats: leafWeights },
    ],
    'ai.onnx.ml',
  );
  let out: string;
  if (forest.objective === 'binary:logistic') out = g.op('Sigmoid', [margin], 'sigmoid');
  else if (forest.objective === 'multi:softprob') out = g.op('Softmax', [margin], 'softmax', [{ name: 'axis', int: 1 }]);
  else out = margin;
  const name = outputName(input.task);
  g.nodes.push({ op: 'Identity', inputs: [out], outputs: [name] });
  const width = input.task === 'multiclass' ? forest.groups : 1;
  return {
    producer: 'Loupe',
    producerVersion: '1',
    doc: `Loupe ${input.modelKind} model predicting "${input.target}": ${forest.trees.length} trees with their preprocessing, float32 thresholds and leaf values.`,
    opsets: [
      { domain: '', version: 17 },
      { domain: 'ai.onnx.ml', version: 3 },
    ],
    graph: { name: 'loupe', nodes: g.nodes, initializers: g.initializers, inputs, outputs: [{ name, type: DataType.FLOAT, shape: ['N', width] }] },
    metadata: {
      'loupe.task': input.task,
      'loupe.target': input.target,
      'loupe.classes': JSON.stringify(input.classes),
      'loupe.precision': 'float32',
      'loupe.features': JSON.stringify(pipeline.features.map((s) => s.column)),
      'loupe.trees': String(forest.trees.length),
    },
  };
}
