/**
 * Exact path-dependent TreeSHAP (Lundberg, Erion & Lee 2018, "Consistent individualized feature
 * attribution for tree ensembles", Algorithm 2): Shapley values of a forest's margin in
 * O(trees x leaves x depth^2) per row, where a feature outside the coalition is integrated out by
 * the trees' cover (sum of training hessians) at each split. This is what XGBoost's
 * `predict(pred_contribs=True)` computes; its last column is our `base`.
 */

import { childOf, type Forest, type Tree } from './forest';

export interface TreeShapValues {
  /** Expected margin of the output group under the cover distribution, plus the forest's baseMargin. */
  base: number;
  /** rows x columns, row-major: base + the row's sum is its margin for the group. */
  values: Float64Array;
}

/**
 * SHAP values in margin space for one output group (0 for binary and regression, the class for
 * multiclass). x is rows x forest.features, row-major, NaN = missing.
 */
export function treeShap(forest: Forest, x: Float32Array, rows: number, group: number): TreeShapValues {
  const columns = forest.features;
  const values = new Float64Array(rows * columns);
  const trees = forest.trees.filter((_, t) => forest.treeGroup[t] === group);
  let base = forest.baseMargin;
  let maxDepth = 0;
  for (const tree of trees) {
    base += meanValue(tree, 0);
    maxDepth = Math.max(maxDepth, depthOf(tree));
  }
  const walk = new Walk(maxDepth, x, values, trees[0]);
  for (let r = 0; r < rows; r++) {
    walk.xOffset = r * columns;
    walk.phiOffset = r * columns;
    for (const tree of trees) {
      walk.tree = tree;
      // The root's path starts empty: element 0 (feature -1) carries the weight of the empty set.
      recurse(walk, 0, 0, 0, 1, 1, -1);
    }
  }
  return { base, values };
}

/**
 * State of one walk: the row, where its values go, and the unique paths of every level in one
 * buffer (a child's path is copied just past its parent's, so the recursion allocates nothing;
 * (D+2)(D+3)/2 elements cover a tree of depth D). Plain functions over this one object, rather
 * than closures made per call, keep V8's optimised code across calls.
 */
class Walk {
  readonly feature: Int32Array;
  readonly zero: Float64Array;
  readonly one: Float64Array;
  readonly weight: Float64Array;
  /** inverse[n] = 1/n: the recursion multiplies instead of dividing. */
  readonly inverse: Float64Array;
  xOffset = 0;
  phiOffset = 0;

  constructor(
    maxDepth: number,
    readonly x: Float32Array,
    readonly values: Float64Array,
    public tree: Tree,
  ) {
    const size = ((maxDepth + 2) * (maxDepth + 3)) / 2 + 1;
    this.feature = new Int32Array(size);
    this.zero = new Float64Array(size);
    this.one = new Float64Array(size);
    this.weight = new Float64Array(size);
    this.inverse = Float64Array.from({ length: maxDepth + 3 }, (_, n) => 1 / n);
  }
}

/** Adds a split to the path: zero = fraction of cover going this way, one = 1 if the row does. */
function extend(w: Walk, p: number, depth: number, zero: number, one: number, feature: number): void {
  const weight = w.weight;
  w.feature[p + depth] = feature;
  w.zero[p + depth] = zero;
  w.one[p + depth] = one;
  weight[p + depth] = depth === 0 ? 1 : 0;
  const scale = w.inverse[depth + 1];
  const oneScale = one * scale;
  const zeroScale = zero * scale;
  // one is 0 on the cold side of every split: half the nodes skip the first update.
  if (one === 0) {
    for (let i = depth - 1; i >= 0; i--) weight[p + i] = zeroScale * weight[p + i] * (depth - i);
    return;
  }
  for (let i = depth - 1; i >= 0; i--) {
    weight[p + i + 1] += oneScale * weight[p + i] * (i + 1);
    weight[p + i] = zeroScale * weight[p + i] * (depth - i);
  }
}

/** Removes element k from the path (undoing its extend), for a feature split on a second time. */
function unwind(w: Walk, p: number, depth: number, k: number): void {
  const weight = w.weight;
  const one = w.one[p + k];
  const zero = w.zero[p + k];
  let next = weight[p + depth];
  for (let i = depth - 1; i >= 0; i--) {
    if (one !== 0) {
      const previous = weight[p + i];
      weight[p + i] = (next * (depth + 1)) / ((i + 1) * one);
      next = previous - (weight[p + i] * zero * (depth - i)) / (depth + 1);
    } else {
      weight[p + i] = (weight[p + i] * (depth + 1)) / (zero * (depth - i));
    }
  }
  for (let i = k; i < depth; i++) {
    w.feature[p + i] = w.feature[p + i + 1];
    w.zero[p + i] = w.zero[p + i + 1];
    w.one[p + i] = w.one[p + i + 1];
  }
}

/** Total permutation weight of the path with element k (one != 0) unwound, leaving the path as is. */
function unwoundSum(w: Walk, p: number, depth: number, k: number): number {
  const weight = w.weight;
  const one = w.one[p + k];
  const zero = w.zero[p + k];
  const inverse = w.inverse;
  const up = (depth + 1) / one;
  const down = zero * inverse[depth + 1];
  let next = weight[p + depth];
  let total = 0;
  for (let i = depth - 1; i >= 0; i--) {
    const share = next * up * inverse[i + 1];
    total += share;
    next = weight[p + i] - share * down * (depth - i);
  }
  return total;
}

function recurse(w: Walk, node: number, parent: number, depth: number, zero: number, one: number, feature: number): void {
  const p = parent + depth + 1;
  const { feature: pathFeature, zero: pathZero, one: pathOne, weight: pathWeight, tree } = w;
  for (let i = 0; i <= depth; i++) {
    pathFeature[p + i] = pathFeature[parent + i];
    pathZero[p + i] = pathZero[parent + i];
    pathOne[p + i] = pathOne[parent + i];
    pathWeight[p + i] = pathWeight[parent + i];
  }
  extend(w, p, depth, zero, one, feature);

  const left = tree.left[node];
  if (left < 0) {
    const leaf = tree.threshold[node];
    const values = w.values;
    // For an element the row does not follow (one = 0), the unwound sum is (depth+1)/zero times
    // sum_i w_i/(depth-i), and times (0 - zero) it no longer depends on zero: one shared term per
    // leaf instead of O(depth) work per element.
    let coldSum = 0;
    for (let i = 0; i < depth; i++) coldSum += pathWeight[p + i] * w.inverse[depth - i];
    const coldShare = -(depth + 1) * coldSum * leaf;
    for (let i = 1; i <= depth; i++) {
      const one = pathOne[p + i];
      if (one === 0) {
        if (pathZero[p + i] !== 0) values[w.phiOffset + pathFeature[p + i]] += coldShare;
      } else {
        values[w.phiOffset + pathFeature[p + i]] += unwoundSum(w, p, depth, i) * (one - pathZero[p + i]) * leaf;
      }
    }
    return;
  }
  const split = tree.feature[node];
  const hot = childOf(tree, node, w.x[w.xOffset + split]);
  const cold = hot === left ? tree.right[node] : left;
  const cover = tree.cover[node];
  let incomingZero = 1;
  let incomingOne = 1;
  // A feature already on the path is undone and redone here, so its fractions multiply.
  let k = 0;
  while (k <= depth && pathFeature[p + k] !== split) k++;
  if (k <= depth) {
    incomingZero = pathZero[p + k];
    incomingOne = pathOne[p + k];
    unwind(w, p, depth, k);
    depth--;
  }
  recurse(w, hot, p, depth + 1, (tree.cover[hot] / cover) * incomingZero, incomingOne, split);
  recurse(w, cold, p, depth + 1, (tree.cover[cold] / cover) * incomingZero, 0, split);
}

/**
 * Sums SHAP columns into original features: groups[c] is the feature that model-matrix column c
 * encodes (one-hot columns of one variable share an index). Shapley values are additive over
 * columns, so the sum is the feature's own attribution.
 */
export function groupShapValues(values: Float64Array, rows: number, groups: number[], features = groups.reduce((m, g) => Math.max(m, g + 1), 0)): Float64Array {
  const columns = groups.length;
  if (values.length !== rows * columns) throw new Error(`groupShapValues: ${values.length} values for ${rows} rows x ${columns} columns`);
  const out = new Float64Array(rows * features);
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < columns; c++) out[r * features + groups[c]] += values[r * columns + c];
  }
  return out;
}

/** treeShap summed into original features (see groupShapValues). */
export function treeShapGrouped(forest: Forest, x: Float32Array, rows: number, group: number, groups: number[], features?: number): TreeShapValues {
  const { base, values } = treeShap(forest, x, rows, group);
  return { base, values: groupShapValues(values, rows, groups, features) };
}

/**
 * The cover-weighted mean of the leaves under a node: the expected value when no feature is known.
 * Divided by the node's own cover, as XGBoost does, so the bias matches its pred_contribs.
 */
export function meanValue(tree: Tree, node: number): number {
  const left = tree.left[node];
  if (left < 0) return tree.threshold[node];
  const right = tree.right[node];
  return (meanValue(tree, left) * tree.cover[left] + meanValue(tree, right) * tree.cover[right]) / tree.cover[node];
}

function depthOf(tree: Tree): number {
  let deepest = 0;
  const stack: number[] = [0, 0];
  while (stack.length) {
    const depth = stack.pop()!;
    const node = stack.pop()!;
    if (tree.left[node] < 0) deepest = Math.max(deepest, depth);
    else stack.push(tree.left[node], depth + 1, tree.right[node], depth + 1);
  }
  return deepest;
}
