/**
 * A forest of boosted regression trees, as plain typed arrays. The layout mirrors XGBoost 1.7's
 * JSON model (one struct of arrays per tree, node 0 the root), so export and import are a copy,
 * and scoring is the same comparison XGBoost makes: a row goes left when x < threshold (float32),
 * to the default side when x is missing (NaN), and, at a categorical split, right when its
 * category is in the node's set.
 */

export interface Tree {
  /** Child node ids; -1 at a leaf. */
  left: Int32Array;
  right: Int32Array;
  /** Parent node id; -1 at the root (XGBoost writes 2147483647 there). */
  parent: Int32Array;
  /** Feature (model-matrix column) a split reads; 0 at a leaf. */
  feature: Int32Array;
  /** Numeric split: left when x < threshold. At a leaf: the leaf's value (learning rate applied). */
  threshold: Float32Array;
  /** 1: a missing value goes left. */
  defaultLeft: Uint8Array;
  /** 0 numeric split or leaf, 1 categorical split. */
  splitType: Uint8Array;
  /** Categorical splits: the category codes that go right, per node (empty for other nodes). */
  categories: Int32Array[];
  /** Loss reduction of the split (XGBoost's loss_changes); 0 at leaves. */
  gain: Float64Array;
  /** Sum of hessians of the training rows that reached the node (XGBoost's sum_hessian): the cover. */
  cover: Float64Array;
  /** The node's weight before the learning rate (XGBoost's base_weights). */
  baseWeight: Float64Array;
}

export type ForestObjective = 'binary:logistic' | 'multi:softprob' | 'reg:squarederror';

export interface Forest {
  objective: ForestObjective;
  /** Model-matrix columns the trees read. */
  features: number;
  /** Output groups: 1 (binary, regression) or k classes (multiclass, one tree per class per round). */
  groups: number;
  trees: Tree[];
  /** Output group of each tree (XGBoost's tree_info). */
  treeGroup: Int32Array;
  /** Added to every group's margin before the link: log-odds for binary, the value for regression. */
  baseMargin: number;
}

export function isLeaf(tree: Tree, node: number): boolean {
  return tree.left[node] < 0;
}

/** The leaf a row reaches: x is one row of the model matrix (NaN = missing). */
export function leafOf(tree: Tree, x: ArrayLike<number>, offset = 0): number {
  let node = 0;
  while (tree.left[node] >= 0) node = childOf(tree, node, x[offset + tree.feature[node]]);
  return node;
}

/** Which child a value goes to at a split node. */
export function childOf(tree: Tree, node: number, value: number): number {
  if (Number.isNaN(value)) return tree.defaultLeft[node] ? tree.left[node] : tree.right[node];
  // XGBoost reads a category code as its whole part; a negative code is no category and goes left.
  if (tree.splitType[node] === 1) return value >= 0 && tree.categories[node].includes(Math.trunc(value)) ? tree.right[node] : tree.left[node];
  return Math.fround(value) < tree.threshold[node] ? tree.left[node] : tree.right[node];
}

/** Raw margins, rows x groups, row-major: baseMargin plus the leaf values of each group's trees. */
export function forestMargins(forest: Forest, x: Float32Array, rows: number): Float64Array {
  const g = forest.groups;
  const out = new Float64Array(rows * g).fill(forest.baseMargin);
  for (let t = 0; t < forest.trees.length; t++) {
    const tree = forest.trees[t];
    const group = forest.treeGroup[t];
    for (let r = 0; r < rows; r++) out[r * g + group] += tree.threshold[leafOf(tree, x, r * forest.features)];
  }
  return out;
}

/** Probabilities (binary: P(positive), multiclass: softmax per row) or values (regression). */
export function forestPredict(forest: Forest, x: Float32Array, rows: number): Float64Array {
  const m = forestMargins(forest, x, rows);
  if (forest.objective === 'binary:logistic') return m.map((z) => 1 / (1 + Math.exp(-z)));
  if (forest.objective === 'multi:softprob') {
    const g = forest.groups;
    for (let r = 0; r < rows; r++) {
      let max = -Infinity;
      for (let c = 0; c < g; c++) max = Math.max(max, m[r * g + c]);
      let sum = 0;
      for (let c = 0; c < g; c++) sum += m[r * g + c] = Math.exp(m[r * g + c] - max);
      for (let c = 0; c < g; c++) m[r * g + c] /= sum;
    }
  }
  return m;
}
