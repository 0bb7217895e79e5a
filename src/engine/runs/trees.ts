/** A tree model's trees as the Trees panel draws them: sizes, and one tree's nodes with feature names. */
import type { Experiment } from '../../core/experiment/run';
import type { FittedModel } from '../../core/models';
import type { TreeNodeView, TreeSummary, TreeView } from './api';

export function treeSummary(model: FittedModel): TreeSummary | null {
  const t = model.trees;
  if (!t || t.list.length === 0) return null;
  let leaves = 0;
  let maxDepth = 0;
  for (const tree of t.list) {
    const depth = new Int32Array(tree.left.length);
    for (let n = 0; n < tree.left.length; n++) {
      if (tree.left[n] < 0) leaves++;
      else depth[tree.left[n]] = depth[tree.right[n]] = depth[n] + 1;
      maxDepth = Math.max(maxDepth, depth[n]);
    }
  }
  return { trees: t.list.length, groups: t.groups, meanLeaves: leaves / t.list.length, maxDepth };
}

/**
 * How a split reads, true for the rows that go left: "tenure < 12.5", or "country not in {FR, DE}"
 * (the listed categories go right; names from the pipeline).
 */
function ruleOf(run: Experiment, featureName: string, threshold: number, categories: Int32Array | null): string {
  if (!categories) return `${featureName} < ${Number(threshold.toPrecision(6))}`;
  const step = run.pipeline.features.find((f) => f.column === featureName);
  const names = step?.kind === 'category' ? [...step.categories, 'other'] : null;
  return `${featureName} not in {${Array.from(categories, (c) => names?.[c] ?? String(c)).join(', ')}}`;
}

export function treeView(run: Experiment, index: number): TreeView | null {
  const t = run.model.trees;
  if (!t || !Number.isInteger(index) || index < 0 || index >= t.list.length) return null;
  const tree = t.list[index];
  const depth = new Int32Array(tree.left.length);
  const nodes: TreeNodeView[] = [];
  for (let n = 0; n < tree.left.length; n++) {
    const leaf = tree.left[n] < 0;
    if (!leaf) depth[tree.left[n]] = depth[tree.right[n]] = depth[n] + 1;
    const name = t.featureNames[tree.feature[n]] ?? `f${tree.feature[n]}`;
    nodes.push({
      id: n,
      depth: depth[n],
      split: leaf ? null : { feature: name, rule: ruleOf(run, name, tree.threshold[n], tree.splitType[n] === 1 ? tree.categories[n] : null), missing: tree.defaultLeft[n] ? 'left' : 'right', gain: tree.gain[n] },
      left: tree.left[n],
      right: tree.right[n],
      cover: tree.cover[n],
      value: leaf ? tree.threshold[n] : tree.baseWeight[n],
    });
  }
  const group = t.groups > 1 ? (run.classes[t.group[index]] ?? String(t.group[index])) : null;
  return { index, group, nodes };
}
