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

  // The unique path of every level lives in one buffer: a child's path is copied just past its
  // parent's, so the recursion allocates nothing. (D+2)(D+3)/2 elements cover a tree of depth D.
  const size = ((maxDepth + 2) * (maxDepth + 3)) / 2 + 1;
  const pathFeature = new Int32Array(size);
  const pathZero = new Float64Array(size);
  const pathOne = new Float64Array(size);
  const pathWeight = new Float64Array(size);

  let tree = trees[0];
  let xOffset = 0;
  let phiOffset = 0;

  /** Adds a split to the path: zero = fraction of cover going this way, one = 1 if the row does. */
  function extend(p: number, depth: number, zero: number, one: number, feature: number): void {
    pathFeature[p + depth] = feature;
    pathZero[p + depth] = zero;
    pathOne[p + depth] = one;
    pathWeight[p + depth] = depth === 0 ? 1 : 0;
    for (let i = depth - 1; i >= 0; i--) {
      pathWeight[p + i + 1] += (one * pathWeight[p + i] * (i + 1)) / (depth + 1);
      pathWeight[p + i] = (zero * pathWeight[p + i] * (depth - i)) / (depth + 1);
    }
  }

  /** Removes element k from the path (undoing its extend), for a feature split on a second time. */
  function unwind(p: number, depth: number, k: number): void {
    const one = pathOne[p + k];
    const zero = pathZero[p + k];
    let next = pathWeight[p + depth];
    for (let i = depth - 1; i >= 0; i--) {
      if (one !== 0) {
        const previous = pathWeight[p + i];
        pathWeight[p + i] = (next * (depth + 1)) / ((i + 1) * one);
        next = previous - (pathWeight[p + i] * zero * (depth - i)) / (depth + 1);
      } else {
        pathWeight[p + i] = (pathWeight[p + i] * (depth + 1)) / (zero * (depth - i));
      }
    }
    for (let i = k; i < depth; i++) {
      pathFeature[p + i] = pathFeature[p + i + 1];
      pathZero[p + i] = pathZero[p + i + 1];
      pathOne[p + i] = pathOne[p + i + 1];
    }
  }

  /** Total permutation weight of the path with element k unwound, without changing the path. */
  function unwoundSum(p: number, depth: number, k: number): number {
    const one = pathOne[p + k];
    const zero = pathZero[p + k];
    let next = pathWeight[p + depth];
    let total = 0;
    for (let i = depth - 1; i >= 0; i--) {
      if (one !== 0) {
        const share = (next * (depth + 1)) / ((i + 1) * one);
        total += share;
        next = pathWeight[p + i] - (share * zero * (depth - i)) / (depth + 1);
      } else if (zero !== 0) {
        total += (pathWeight[p + i] * (depth + 1)) / (zero * (depth - i));
      }
    }
    return total;
  }

  function recurse(node: number, parent: number, depth: number, zero: number, one: number, feature: number): void {
    const p = parent + depth + 1;
    for (let i = 0; i <= depth; i++) {
      pathFeature[p + i] = pathFeature[parent + i];
      pathZero[p + i] = pathZero[parent + i];
      pathOne[p + i] = pathOne[parent + i];
      pathWeight[p + i] = pathWeight[parent + i];
    }
    extend(p, depth, zero, one, feature);

    const left = tree.left[node];
    if (left < 0) {
      const leaf = tree.threshold[node];
      for (let i = 1; i <= depth; i++) {
        values[phiOffset + pathFeature[p + i]] += unwoundSum(p, depth, i) * (pathOne[p + i] - pathZero[p + i]) * leaf;
      }
      return;
    }
    const split = tree.feature[node];
    const hot = childOf(tree, node, x[xOffset + split]);
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
      unwind(p, depth, k);
      depth--;
    }
    recurse(hot, p, depth + 1, (tree.cover[hot] / cover) * incomingZero, incomingOne, split);
    recurse(cold, p, depth + 1, (tree.cover[cold] / cover) * incomingZero, 0, split);
  }

  for (let r = 0; r < rows; r++) {
    xOffset = r * columns;
    phiOffset = r * columns;
    for (const t of trees) {
      tree = t;
      // The root's path starts empty: element 0 (feature -1) carries the weight of the empty set.
      recurse(0, 0, 0, 1, 1, -1);
    }
  }
  return { base, values };
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
