import { useEffect, useState } from 'react';
import type { RunSummary, TreeNodeView, TreeView } from '../../engine/api';
import { engineConnection } from '../../state/engine';
import { formatCount } from '../format';
import { ChartTable } from '../charts/ChartTable';
import { SaveChart } from '../charts/SaveChart';

const ROW = 26;
const COLUMN = 210;
const BOX = { width: 196, height: 22 };

/** Leaves get a row each, top to bottom; a split sits level with the middle of its children. */
function layout(nodes: TreeNodeView[]): { x: number; y: number }[] {
  const at = nodes.map(() => ({ x: 0, y: 0 }));
  let next = 0;
  const place = (id: number): number => {
    const n = nodes[id];
    at[id].x = n.depth * COLUMN;
    if (!n.split) at[id].y = next++ * ROW;
    else at[id].y = (place(n.left) + place(n.right)) / 2;
    return at[id].y;
  };
  place(0);
  return at;
}

const SPLIT_STYLE = { fill: '#eef2ff', stroke: '#a5b4fc' };
const UP_STYLE = { fill: '#ecfdf5', stroke: '#6ee7b7' };
const DOWN_STYLE = { fill: '#fef2f2', stroke: '#fca5a5' };

const short = (v: number) => (Math.abs(v) >= 1000 ? formatCount(Math.round(v)) : Number(v.toPrecision(3)).toString());

function Node({ node, x, y }: { node: TreeNodeView; x: number; y: number }) {
  const split = node.split;
  const label = split ? split.rule : `leaf ${node.value >= 0 ? '+' : ''}${node.value.toFixed(3)}`;
  const detail = split ? `gain ${short(split.gain)} · cover ${short(node.cover)} · missing → ${split.missing === 'left' ? 'up' : 'down'}` : `cover ${short(node.cover)}`;
  return (
    <g transform={`translate(${x},${y})`}>
      <title>{`${label}\n${detail}${split ? '\nyes (true) goes up, no goes down' : ''}`}</title>
      {/* Presentation attributes, not CSS classes, so a saved SVG looks as it does here. */}
      <rect width={BOX.width} height={BOX.height} rx={4} {...(split ? SPLIT_STYLE : node.value >= 0 ? UP_STYLE : DOWN_STYLE)} />
      <text x={6} y={10} fontSize={10.5} fill="#1f2333" fontWeight={600}>{label.length > 34 ? `${label.slice(0, 33)}…` : label}</text>
      <text x={6} y={19} fontSize={9} fill="#6b7185">{detail}</text>
    </g>
  );
}

/** One tree of a boosted model, drawn root on the left: each split's rule (yes goes up), gain and cover. */
export function TreesPanel({ run }: { run: RunSummary }) {
  const summary = run.capabilities.trees;
  const [index, setIndex] = useState(0);
  const [view, setView] = useState<TreeView | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  useEffect(() => {
    setIndex(0);
  }, [run.id]);
  useEffect(() => {
    if (!summary) return;
    let current = true;
    void engineConnection()
      .engine.runs.tree(run.id, index)
      .then((r) => {
        if (!current) return;
        setView(r.ok ? r.value : null);
        setProblem(r.ok ? null : r.message);
      });
    return () => {
      current = false;
    };
  }, [run.id, index, summary]);
  if (!summary) return null;
  const at = view ? layout(view.nodes) : [];
  const height = Math.max(...at.map((p) => p.y), 0) + BOX.height + 4;
  const width = Math.max(...at.map((p) => p.x), 0) + BOX.width + 4;
  return (
    <div className="panel" role="region" aria-label="Trees">
      <div className="row-between">
        <h2>Trees</h2>
        <div className="row-gap">
          <button className="button small" disabled={index === 0} onClick={() => setIndex(index - 1)} aria-label="Previous tree">←</button>
          <label>
            Tree{' '}
            <input type="number" min={1} max={summary.trees} value={index + 1} onChange={(e) => Number.isInteger(e.target.valueAsNumber) && setIndex(Math.min(Math.max(e.target.valueAsNumber, 1), summary.trees) - 1)} />
          </label>
          <span className="muted small">of {summary.trees}</span>
          <button className="button small" disabled={index >= summary.trees - 1} onClick={() => setIndex(index + 1)} aria-label="Next tree">→</button>
        </div>
      </div>
      <p className="muted small">
        {summary.trees} trees{summary.groups > 1 ? ` (one per class per round, ${summary.groups} classes)` : ''} · {summary.meanLeaves.toFixed(1)} leaves on average · depth up to {summary.maxDepth}
        {view?.group !== null && view?.group !== undefined ? ` · this tree scores class “${view.group}”` : ''}. A row goes up where the rule is true, down where it is false; a leaf adds its value to the
        {run.config.task === 'regression' ? ' prediction' : ' log-odds'}. Gain is how much the split lowered the loss; cover is the training weight (hessian) that reached the node.
      </p>
      {problem ? <p role="alert" className="error">{problem}</p> : null}
      {view ? (
        <SaveChart heading={`Tree ${index + 1}`} label={`tree ${index + 1}`} file={`tree-${index + 1}`}>
        <div className="tree-scroll">
          <svg width={width} height={height} role="img" aria-label={`Tree ${index + 1}: ${view.nodes.filter((n) => !n.split).length} leaves`}>
            {view.nodes.map((n) =>
              n.split
                ? [n.left, n.right].map((c) => (
                    <path key={`${n.id}-${c}`} fill="none" stroke="#c7cbd6" strokeWidth={1.2} d={`M${at[n.id].x + BOX.width},${at[n.id].y + BOX.height / 2} C${at[c].x - 8},${at[n.id].y + BOX.height / 2} ${at[n.id].x + BOX.width + 8},${at[c].y + BOX.height / 2} ${at[c].x},${at[c].y + BOX.height / 2}`} />
                  ))
                : null,
            )}
            {view.nodes.map((n) => (
              <Node key={n.id} node={n} x={at[n.id].x} y={at[n.id].y} />
            ))}
          </svg>
        </div>
        </SaveChart>
      ) : null}
      {view ? (
        <ChartTable
          caption={`Tree ${index + 1}, node by node (a row goes to "yes" where the rule holds)`}
          columns={['node', 'depth', 'rule or leaf', 'yes → node', 'no → node', 'missing goes', 'gain', 'cover', 'value']}
          rows={view.nodes.map((n) => [n.id, n.depth, n.split ? n.split.rule : 'leaf', n.split ? n.left : null, n.split ? n.right : null, n.split ? (n.split.missing === 'left' ? 'yes' : 'no') : null, n.split ? n.split.gain : null, n.cover, n.value])}
          maxRows={200}
        />
      ) : null}
    </div>
  );
}
