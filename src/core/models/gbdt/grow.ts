/**
 * One regression tree on gradient statistics, grown leaf-wise (best gain first, as LightGBM and
 * XGBoost's lossguide do) under max_leaves and max_depth. With max_leaves off, every split that
 * gains enough is taken down to max_depth, which is the tree XGBoost's depthwise hist grows.
 */
import type { BinnedFeatures } from './bins';
import type { Tree } from './forest';
import type { HistogramHelpers } from './parallel';
import { BIN_SLOTS, bestSplit, buildHistogram, leafWeight, subtractInto, type HistogramPool, type Split, type SplitRules } from './split';

export interface GrowRules extends SplitRules {
  /** 0 = no limit. */
  maxDepth: number;
  /** 0 = no limit. */
  maxLeaves: number;
  learningRate: number;
}

/** A grown tree and, for scoring binned rows, each split node's bin rule. */
export interface GrownTree {
  tree: Tree;
  /** Numeric split: bins <= splitBin go left; -1 elsewhere. */
  splitBin: Int32Array;
  /** Categorical split: 256 flags, 1 for a bin (code) that goes right; null elsewhere. */
  rightBins: (Uint8Array | null)[];
}

interface OpenLeaf {
  node: number;
  start: number;
  end: number;
  depth: number;
  total: number[];
  hist: Float64Array;
  split: Split | null;
}

/** Node arrays that grow as nodes are made; frozen into a Tree at the end. */
class NodeList {
  left: number[] = [];
  right: number[] = [];
  parent: number[] = [];
  feature: number[] = [];
  threshold: number[] = [];
  defaultLeft: number[] = [];
  splitType: number[] = [];
  categories: Int32Array[] = [];
  gain: number[] = [];
  cover: number[] = [];
  baseWeight: number[] = [];
  splitBin: number[] = [];
  rightBins: (Uint8Array | null)[] = [];

  add(parent: number, total: number[], lambda: number, learningRate: number): number {
    const id = this.left.length;
    const w = leafWeight(total[0], total[1], lambda);
    this.left.push(-1);
    this.right.push(-1);
    this.parent.push(parent);
    this.feature.push(0);
    this.threshold.push(w * learningRate);
    this.defaultLeft.push(0);
    this.splitType.push(0);
    this.categories.push(new Int32Array(0));
    this.gain.push(0);
    this.cover.push(total[1]);
    this.baseWeight.push(w);
    this.splitBin.push(-1);
    this.rightBins.push(null);
    return id;
  }

  freeze(): GrownTree {
    const tree: Tree = {
      left: Int32Array.from(this.left),
      right: Int32Array.from(this.right),
      parent: Int32Array.from(this.parent),
      feature: Int32Array.from(this.feature),
      threshold: Float32Array.from(this.threshold),
      defaultLeft: Uint8Array.from(this.defaultLeft),
      splitType: Uint8Array.from(this.splitType),
      categories: this.categories,
      gain: Float64Array.from(this.gain),
      cover: Float64Array.from(this.cover),
      baseWeight: Float64Array.from(this.baseWeight),
    };
    return { tree, splitBin: Int32Array.from(this.splitBin), rightBins: this.rightBins };
  }
}

/** Whether a binned value goes left at a split node. */
function goesLeft(bin: number, missingBin: number, splitBin: number, rightBins: Uint8Array | null, defaultLeft: boolean): boolean {
  if (bin === missingBin) return defaultLeft;
  return rightBins ? rightBins[bin] === 0 : bin <= splitBin;
}

/**
 * Grows a tree over rows[0..count) (the round's sample; the array is reordered in place).
 * `use` lists the features this tree may split on (column subsampling).
 */
export function growTree(data: BinnedFeatures, g: Float64Array, h: Float64Array, rows: Int32Array, count: number, use: Int32Array, rules: GrowRules, pool: HistogramPool, aborted: () => boolean, helpers: HistogramHelpers | null = null): GrownTree {
  const nodes = new NodeList();
  const totalOf = (start: number, end: number) => {
    const t = [0, 0, 0];
    for (let i = start; i < end; i++) {
      t[0] += g[rows[i]];
      t[1] += h[rows[i]];
    }
    t[2] = end - start;
    return t;
  };
  const rootTotal = totalOf(0, count);
  const rootHist = pool.take();
  buildHistogram(rootHist, data, g, h, rows, 0, count, use, helpers);
  const canSplit = (depth: number) => rules.maxDepth <= 0 || depth < rules.maxDepth;
  const open: OpenLeaf[] = [{ node: nodes.add(-1, rootTotal, rules.lambda, rules.learningRate), start: 0, end: count, depth: 0, total: rootTotal, hist: rootHist, split: null }];
  open[0].split = canSplit(0) ? bestSplit(rootHist, data, rootTotal, use, rules) : null;
  if (!open[0].split) pool.give(open.pop()!.hist);
  let leaves = 1;

  while (!aborted()) {
    if (rules.maxLeaves > 0 && leaves >= rules.maxLeaves) break;
    let pick = -1;
    for (let i = 0; i < open.length; i++) if (open[i].split && (pick < 0 || open[i].split!.gain > open[pick].split!.gain)) pick = i;
    if (pick < 0) break;
    const leaf = open[pick];
    open.splice(pick, 1);
    const split = leaf.split!;
    const f = split.feature;
    const rightBins = split.rightCategories ? new Uint8Array(BIN_SLOTS) : null;
    split.rightCategories?.forEach((c) => (rightBins![c] = 1));

    // Partition the leaf's rows: left ones first.
    let mid = leaf.start;
    for (let i = leaf.start; i < leaf.end; i++) {
      const r = rows[i];
      if (goesLeft(data.bins[r * data.features + f], data.missing[f], split.bin, rightBins, split.defaultLeft)) {
        rows[i] = rows[mid];
        rows[mid++] = r;
      }
    }
    const leftTotal = [split.left.g, split.left.h, split.left.n];
    const rightTotal = [split.right.g, split.right.h, split.right.n];
    const leftId = nodes.add(leaf.node, leftTotal, rules.lambda, rules.learningRate);
    const rightId = nodes.add(leaf.node, rightTotal, rules.lambda, rules.learningRate);
    const n = leaf.node;
    nodes.left[n] = leftId;
    nodes.right[n] = rightId;
    nodes.feature[n] = f;
    nodes.defaultLeft[n] = split.defaultLeft ? 1 : 0;
    nodes.gain[n] = split.gain;
    nodes.splitBin[n] = split.bin;
    nodes.rightBins[n] = rightBins;
    if (split.rightCategories) {
      nodes.splitType[n] = 1;
      nodes.categories[n] = Int32Array.from(split.rightCategories);
      nodes.threshold[n] = 0;
    } else {
      // bins <= b are exactly the values below the next edge.
      nodes.threshold[n] = data.edges[f][split.bin];
    }
    leaves++;

    // Build the smaller child from its rows; the larger is the parent minus it.
    const leftSmaller = mid - leaf.start <= leaf.end - mid;
    const small = pool.take();
    if (leftSmaller) buildHistogram(small, data, g, h, rows, leaf.start, mid, use, helpers);
    else buildHistogram(small, data, g, h, rows, mid, leaf.end, use, helpers);
    const large = subtractInto(leaf.hist, small);
    const depth = leaf.depth + 1;
    const children: OpenLeaf[] = [
      { node: leftId, start: leaf.start, end: mid, depth, total: leftTotal, hist: leftSmaller ? small : large, split: null },
      { node: rightId, start: mid, end: leaf.end, depth, total: rightTotal, hist: leftSmaller ? large : small, split: null },
    ];
    for (const child of children) {
      child.split = canSplit(depth) ? bestSplit(child.hist, data, child.total, use, rules) : null;
      // A leaf that will not split needs its histogram no more.
      if (child.split) open.push(child);
      else pool.give(child.hist);
    }
  }
  for (const leaf of open) pool.give(leaf.hist);
  return nodes.freeze();
}

/** Leaf values of binned rows: out[r] += the tree's leaf value for row r. */
export function addTreeToMargins(grown: GrownTree, data: BinnedFeatures, margins: Float64Array, stride: number, group: number): void {
  const { tree, splitBin, rightBins } = grown;
  const { bins, features, rows } = data;
  for (let r = 0; r < rows; r++) {
    let node = 0;
    while (tree.left[node] >= 0) {
      const f = tree.feature[node];
      node = goesLeft(bins[r * features + f], data.missing[f], splitBin[node], rightBins[node], tree.defaultLeft[node] === 1) ? tree.left[node] : tree.right[node];
    }
    margins[r * stride + group] += tree.threshold[node];
  }
}
