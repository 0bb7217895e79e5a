/**
 * XGBoost's JSON model format (what `Booster.save_model('m.json')` writes in XGBoost 1.7): read a
 * gbtree model into a Forest, and write a Forest back in the same schema so
 * `xgboost.Booster(model_file='m.json')` scores the encoded rows as Loupe does.
 *
 * Conventions XGBoost 1.7 uses, pinned by fixtures/categorical.json and the others:
 * - base_score is a string in learner_model_param, in the objective's output space: a probability for
 *   binary:logistic (margin = logit(base_score)), the value itself for reg:squarederror, and for
 *   multi:softprob a margin added to every class (0.5 by default; softmax ignores it).
 * - a categorical node lists, in categories[categories_segments[k] ..][..categories_sizes[k]] for
 *   node categories_nodes[k], the codes that go to the right child; other codes go left, missing
 *   goes the default side. split_conditions holds NaN there, written as a bare NaN token.
 */

import type { Forest, ForestObjective, Tree } from './forest';

export interface XgboostModel {
  forest: Forest;
  /** Names stored in the model, one per column; null when XGBoost wrote none. */
  featureNames: string[] | null;
  /** 'q' (numeric), 'c' (categorical), ... per column; null when XGBoost wrote none. */
  featureTypes: string[] | null;
}

export type XgboostParse = { ok: true; value: XgboostModel } | { ok: false; message: string };

/** XGBoost writes this as the root's parent. */
const ROOT_PARENT = 2147483647;
const WRITTEN_VERSION = [1, 7, 4];

class ModelError extends Error {}

function fail(message: string): never {
  throw new ModelError(message);
}

export function parseXgboostModel(text: string): XgboostParse {
  try {
    return { ok: true, value: readModel(readJson(text)) };
  } catch (error) {
    if (error instanceof ModelError) return { ok: false, message: error.message };
    throw error;
  }
}

/** JSON.parse, after turning XGBoost's bare NaN / Infinity tokens (outside strings) into JSON. */
function readJson(text: string): unknown {
  const json = text.replace(/"(?:[^"\\]|\\.)*"|-?Infinity|NaN/g, (t) =>
    t[0] === '"' ? t : t === 'NaN' ? 'null' : t[0] === '-' ? '-1e999' : '1e999',
  );
  try {
    return JSON.parse(json);
  } catch (error) {
    fail(`This is not an XGBoost JSON model: the file is not valid JSON (${(error as Error).message}). Save the model with Booster.save_model('model.json').`);
  }
}

type Json = Record<string, unknown>;

function object(value: unknown, where: string): Json {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) fail(`Malformed XGBoost model: ${where} is missing or not an object.`);
  return value as Json;
}

function array(value: unknown, where: string, length?: number): unknown[] {
  if (!Array.isArray(value)) fail(`Malformed XGBoost model: ${where} is missing or not an array.`);
  if (length !== undefined && value.length !== length) fail(`Malformed XGBoost model: ${where} has ${value.length} entries, expected ${length}.`);
  return value;
}

/** XGBoost stores numeric parameters as strings ("5E-1"); NaN (null here) is allowed where noted. */
function number(value: unknown, where: string, allowNaN = false): number {
  const n = typeof value === 'string' && value.trim() !== '' ? Number(value) : value === null && allowNaN ? NaN : value;
  if (typeof n !== 'number' || (Number.isNaN(n) && !allowNaN)) fail(`Malformed XGBoost model: ${where} is not a number.`);
  return n;
}

function integer(value: unknown, where: string, min = 0): number {
  const n = number(value, where);
  if (!Number.isInteger(n) || n < min) fail(`Malformed XGBoost model: ${where} is not an integer of at least ${min}.`);
  return n;
}

function numbers(value: unknown, where: string, length: number, allowNaN = false): number[] {
  return array(value, where, length).map((v, i) => number(v, `${where}[${i}]`, allowNaN));
}

function optionalStrings(value: unknown, where: string, length: number): string[] | null {
  if (value === undefined) return null;
  const list = array(value, where);
  if (list.length === 0) return null;
  if (list.length !== length || list.some((s) => typeof s !== 'string')) fail(`Malformed XGBoost model: ${where} should hold ${length} strings.`);
  return list as string[];
}

const OBJECTIVES: Record<string, ForestObjective> = {
  'binary:logistic': 'binary:logistic',
  // softmax only differs in predict() returning the argmax; the trees and margins are the same.
  'multi:softprob': 'multi:softprob',
  'multi:softmax': 'multi:softprob',
  'reg:squarederror': 'reg:squarederror',
};

function readModel(root: unknown): XgboostModel {
  const top = object(root, 'the top level');
  const version = array(top.version, 'version');
  const major = version[0];
  // 2.x keeps this schema (it adds keys we do not need); 0.x wrote no JSON and 3.x stores base_score as a vector.
  if (major !== 1 && major !== 2) fail(`This model was saved by XGBoost ${version.join('.')}; Loupe reads JSON models saved by XGBoost 1.x and 2.x.`);
  const learner = object(top.learner, 'learner');
  const booster = object(learner.gradient_booster, 'learner.gradient_booster');
  if (booster.name === 'dart') fail('This is a DART model (booster="dart"); Loupe reads gbtree models only. Re-train with booster="gbtree".');
  if (booster.name === 'gblinear') fail('This is a linear model (booster="gblinear"), not trees; Loupe reads gbtree models only.');
  if (booster.name !== 'gbtree') fail(`Unknown XGBoost booster "${String(booster.name)}"; Loupe reads gbtree models only.`);
  const objectiveName = String(object(learner.objective, 'learner.objective').name);
  const objective = OBJECTIVES[objectiveName];
  if (!objective) fail(`The objective "${objectiveName}" is not supported; Loupe reads binary:logistic, multi:softprob, multi:softmax and reg:squarederror models.`);

  const param = object(learner.learner_model_param, 'learner.learner_model_param');
  const features = integer(param.num_feature, 'num_feature', 1);
  if (param.num_target !== undefined && integer(param.num_target, 'num_target') !== 1) fail('Multi-target models are not supported; Loupe reads models with one target.');
  const numClass = integer(param.num_class ?? '0', 'num_class');
  const groups = objective === 'multi:softprob' ? numClass : 1;
  if (objective === 'multi:softprob' && groups < 2) fail(`Malformed XGBoost model: a ${objectiveName} model needs num_class of at least 2.`);
  // XGBoost holds base_score as a float32.
  const baseScore = Math.fround(number(String(param.base_score).replace(/^\[(.*)\]$/, '$1'), 'base_score'));
  if (objective === 'binary:logistic' && !(baseScore > 0 && baseScore < 1)) fail(`Malformed XGBoost model: base_score ${baseScore} of a binary:logistic model must lie strictly between 0 and 1.`);
  const baseMargin = objective === 'binary:logistic' ? Math.log(baseScore / (1 - baseScore)) : baseScore;

  const model = object(booster.model, 'gradient_booster.model');
  const treeParam = object(model.gbtree_model_param, 'gbtree_model_param');
  if (treeParam.size_leaf_vector !== undefined && integer(treeParam.size_leaf_vector, 'size_leaf_vector') !== 0) fail('Vector-leaf (multi-target) trees are not supported.');
  const trees = array(model.trees, 'trees', integer(treeParam.num_trees, 'num_trees')).map((t, i) => readTree(t, i, features));
  const treeGroup = Int32Array.from(array(model.tree_info, 'tree_info', trees.length), (g, i) => integer(g, `tree_info[${i}]`));
  if (treeGroup.some((g) => g >= groups)) fail(`Malformed XGBoost model: tree_info names an output group beyond the model's ${groups}.`);

  return {
    forest: { objective, features, groups, trees, treeGroup, baseMargin },
    featureNames: optionalStrings(learner.feature_names, 'feature_names', features),
    featureTypes: optionalStrings(learner.feature_types, 'feature_types', features),
  };
}

function readTree(value: unknown, index: number, features: number): Tree {
  const where = `trees[${index}]`;
  const t = object(value, where);
  const n = integer(object(t.tree_param, `${where}.tree_param`).num_nodes, `${where}.num_nodes`, 1);
  const intArray = (key: string) => numbers(t[key], `${where}.${key}`, n).map((v) => Math.trunc(v));
  const left = intArray('left_children');
  const right = intArray('right_children');
  const feature = intArray('split_indices');
  // Older files lack split_type and the category arrays: every split is numeric then.
  const splitType = t.split_type === undefined ? new Array<number>(n).fill(0) : intArray('split_type');
  const categories: Int32Array[] = Array.from({ length: n }, () => new Int32Array(0));
  if (t.categories_nodes !== undefined) {
    const nodes = array(t.categories_nodes, `${where}.categories_nodes`);
    const codes = array(t.categories, `${where}.categories`).map((c) => integer(c, `${where}.categories`));
    const starts = numbers(t.categories_segments, `${where}.categories_segments`, nodes.length);
    const sizes = numbers(t.categories_sizes, `${where}.categories_sizes`, nodes.length);
    nodes.forEach((node, k) => {
      const id = integer(node, `${where}.categories_nodes`);
      if (id >= n || starts[k] + sizes[k] > codes.length) fail(`Malformed XGBoost model: ${where} has a category segment out of range.`);
      categories[id] = Int32Array.from(codes.slice(starts[k], starts[k] + sizes[k])).sort();
    });
  }
  const tree: Tree = {
    left: Int32Array.from(left),
    right: Int32Array.from(right),
    parent: Int32Array.from(intArray('parents'), (p) => (p === ROOT_PARENT ? -1 : p)),
    feature: Int32Array.from(feature, (f, i) => (left[i] < 0 ? 0 : f)),
    threshold: Float32Array.from(numbers(t.split_conditions, `${where}.split_conditions`, n, true)),
    defaultLeft: Uint8Array.from(intArray('default_left'), (d) => (d ? 1 : 0)),
    splitType: Uint8Array.from(splitType, (s, i) => (left[i] < 0 ? 0 : s)),
    categories,
    gain: Float64Array.from(numbers(t.loss_changes, `${where}.loss_changes`, n, true)),
    cover: Float64Array.from(numbers(t.sum_hessian, `${where}.sum_hessian`, n)),
    baseWeight: Float64Array.from(numbers(t.base_weights, `${where}.base_weights`, n, true)),
  };
  for (let i = 0; i < n; i++) {
    const leaf = left[i] < 0;
    if (leaf !== right[i] < 0 || left[i] >= n || right[i] >= n) fail(`Malformed XGBoost model: ${where} node ${i} has invalid children.`);
    if (!leaf && (feature[i] < 0 || feature[i] >= features)) fail(`Malformed XGBoost model: ${where} node ${i} splits on column ${feature[i]}, beyond num_feature ${features}.`);
    if (!leaf && splitType[i] !== 0 && splitType[i] !== 1) fail(`Malformed XGBoost model: ${where} node ${i} has an unknown split type ${splitType[i]}.`);
  }
  return withoutDeletedNodes(tree, where);
}

/** Pruning can leave deleted nodes in the arrays; drop what the root cannot reach, keeping node order. */
function withoutDeletedNodes(tree: Tree, where: string): Tree {
  const n = tree.left.length;
  const seen = new Uint8Array(n);
  const stack = [0];
  while (stack.length) {
    const node = stack.pop()!;
    if (seen[node]) fail(`Malformed XGBoost model: ${where} is not a tree (node ${node} is reached twice).`);
    seen[node] = 1;
    if (tree.left[node] >= 0) stack.push(tree.left[node], tree.right[node]);
  }
  if (seen.every((s) => s)) return tree;
  const keep = [...seen.keys()].filter((i) => seen[i]);
  const id = new Int32Array(n).fill(-1);
  keep.forEach((old, i) => (id[old] = i));
  const remap = (v: number) => (v < 0 ? -1 : id[v]);
  return {
    left: Int32Array.from(keep, (i) => remap(tree.left[i])),
    right: Int32Array.from(keep, (i) => remap(tree.right[i])),
    parent: Int32Array.from(keep, (i) => remap(tree.parent[i])),
    feature: Int32Array.from(keep, (i) => tree.feature[i]),
    threshold: Float32Array.from(keep, (i) => tree.threshold[i]),
    defaultLeft: Uint8Array.from(keep, (i) => tree.defaultLeft[i]),
    splitType: Uint8Array.from(keep, (i) => tree.splitType[i]),
    categories: keep.map((i) => tree.categories[i]),
    gain: Float64Array.from(keep, (i) => tree.gain[i]),
    cover: Float64Array.from(keep, (i) => tree.cover[i]),
    baseWeight: Float64Array.from(keep, (i) => tree.baseWeight[i]),
  };
}

/** Raw JSON text spliced into the output as is (number arrays in XGBoost's float format). */
class Raw {
  constructor(readonly text: string) {}
}

/**
 * The shortest decimal that reads back as the same float32, in XGBoost's style ("3.006851E-1",
 * "0E0", bare NaN): XGBoost stores every tree statistic as a float32.
 */
export function formatFloat32(value: number): string {
  if (Number.isNaN(value)) return 'NaN';
  const f = Math.fround(value);
  if (!Number.isFinite(f)) return f > 0 ? 'Infinity' : '-Infinity';
  if (f === 0) return Object.is(f, -0) ? '-0E0' : '0E0';
  let s = f.toExponential(8);
  for (let digits = 0; digits < 9; digits++) {
    const candidate = f.toExponential(digits);
    if (Math.fround(Number(candidate)) === f) {
      s = candidate;
      break;
    }
  }
  return s.replace('e+', 'E').replace('e', 'E');
}

const floats = (values: ArrayLike<number>) => new Raw(`[${Array.from(values, formatFloat32).join(',')}]`);
const ints = (values: ArrayLike<number>) => new Raw(`[${Array.from(values).join(',')}]`);

function emit(value: unknown): string {
  if (value instanceof Raw) return value.text;
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number') return String(value);
  if (Array.isArray(value)) return `[${value.map(emit).join(',')}]`;
  const entries = Object.entries(value as Json).map(([k, v]) => `${JSON.stringify(k)}:${emit(v)}`);
  return `{${entries.join(',')}}`;
}

function treeJson(tree: Tree, id: number, features: number): Json {
  const n = tree.left.length;
  const catNodes: number[] = [];
  const codes: number[] = [];
  const starts: number[] = [];
  const sizes: number[] = [];
  for (let i = 0; i < n; i++) {
    if (tree.left[i] < 0 || tree.splitType[i] !== 1) continue;
    catNodes.push(i);
    starts.push(codes.length);
    sizes.push(tree.categories[i].length);
    codes.push(...Array.from(tree.categories[i]).sort((a, b) => a - b));
  }
  // Keys in XGBoost's (alphabetical) order; leaves carry split index 0, default_left 0, type 0.
  return {
    base_weights: floats(tree.baseWeight),
    categories: ints(codes),
    categories_nodes: ints(catNodes),
    categories_segments: ints(starts),
    categories_sizes: ints(sizes),
    default_left: ints(Array.from(tree.defaultLeft, (d, i) => (tree.left[i] < 0 ? 0 : d ? 1 : 0))),
    id,
    left_children: ints(tree.left),
    loss_changes: floats(tree.gain),
    parents: ints(Array.from(tree.parent, (p) => (p < 0 ? ROOT_PARENT : p))),
    right_children: ints(tree.right),
    split_conditions: floats(tree.threshold),
    split_indices: ints(Array.from(tree.feature, (f, i) => (tree.left[i] < 0 ? 0 : f))),
    split_type: ints(Array.from(tree.splitType, (s, i) => (tree.left[i] < 0 ? 0 : s))),
    sum_hessian: floats(tree.cover),
    tree_param: { num_deleted: '0', num_feature: String(features), num_nodes: String(n), size_leaf_vector: '0' },
  };
}

/**
 * XGBoost 1.7 JSON for a forest. featureNames: one per model-matrix column, or [] for none.
 * featureTypes defaults to 'c' for columns a categorical split reads and 'q' otherwise ([] when the
 * forest has no categorical split), which is what XGBoost writes for a DMatrix with those types.
 */
export function writeXgboostModel(forest: Forest, featureNames: string[], featureTypes?: string[]): string {
  const f = forest.features;
  if (featureNames.length !== 0 && featureNames.length !== f) throw new Error(`writeXgboostModel: ${featureNames.length} feature names for ${f} columns`);
  if (featureTypes && featureTypes.length !== 0 && featureTypes.length !== f) throw new Error(`writeXgboostModel: ${featureTypes.length} feature types for ${f} columns`);
  const multi = forest.objective === 'multi:softprob';
  const baseScore = forest.objective === 'binary:logistic' ? 1 / (1 + Math.exp(-forest.baseMargin)) : forest.baseMargin;
  const objective = multi
    ? { name: 'multi:softprob', softmax_multiclass_param: { num_class: String(forest.groups) } }
    : { name: forest.objective, reg_loss_param: { scale_pos_weight: '1' } };
  const model = {
    learner: {
      attributes: {},
      feature_names: featureNames,
      feature_types: featureTypes ?? defaultFeatureTypes(forest),
      gradient_booster: {
        model: {
          gbtree_model_param: { num_parallel_tree: '1', num_trees: String(forest.trees.length), size_leaf_vector: '0' },
          tree_info: ints(forest.treeGroup),
          trees: forest.trees.map((tree, i) => treeJson(tree, i, f)),
        },
        name: 'gbtree',
      },
      learner_model_param: {
        base_score: formatFloat32(baseScore),
        boost_from_average: '1',
        num_class: String(multi ? forest.groups : 0),
        num_feature: String(f),
        num_target: '1',
      },
      objective,
    },
    version: WRITTEN_VERSION,
  };
  return emit(model);
}

function defaultFeatureTypes(forest: Forest): string[] {
  const categorical = new Uint8Array(forest.features);
  for (const tree of forest.trees) {
    for (let i = 0; i < tree.left.length; i++) if (tree.left[i] >= 0 && tree.splitType[i] === 1) categorical[tree.feature[i]] = 1;
  }
  return categorical.some((c) => c) ? Array.from(categorical, (c) => (c ? 'c' : 'q')) : [];
}
