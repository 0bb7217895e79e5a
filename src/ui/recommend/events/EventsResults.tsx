import type { ImplicitRow } from '../../../engine/api';
import { IMPLICIT_LABELS as LABELS } from '../../../engine/events/types';
import { IMPLICIT_ORDER, useRecommendEvents } from '../../../state/recommendEvents';

const fmt = (x: number | null | undefined, d = 3) => (x === null || x === undefined ? '—' : x.toFixed(d));

/** Algorithms to compare and the diversity trade-off for the re-ranked columns. */
export function EventsAlgorithms() {
  const algorithms = useRecommendEvents((s) => s.algorithms);
  const toggle = useRecommendEvents((s) => s.toggleAlgorithm);
  const diversity = useRecommendEvents((s) => s.diversity);
  const setDiversity = useRecommendEvents((s) => s.setDiversity);
  const compare = useRecommendEvents((s) => s.compare);
  const busy = useRecommendEvents((s) => s.job !== null);
  const ready = useRecommendEvents((s) => s.summary !== null);
  return (
    <fieldset className="form-rows" disabled={busy}>
      {IMPLICIT_ORDER.map((name) => (
        <label key={name} className="check">
          <input type="checkbox" checked={algorithms.includes(name)} onChange={(e) => toggle(name, e.target.checked)} /> {LABELS[name]}
        </label>
      ))}
      <label>
        Diversity re-ranking (MMR λ = {diversity.toFixed(2)}{diversity >= 1 ? ', off' : ''})
        <input type="range" aria-label="Diversity trade-off" min={0} max={1} step={0.05} value={diversity} onChange={(e) => setDiversity(Number(e.target.value))} />
      </label>
      <p className="muted small">1 keeps the ranking; lower values trade accuracy for lists whose items are less alike.</p>
      <button className="button primary" disabled={!ready || algorithms.length === 0} onClick={() => void compare()}>
        Compare algorithms
      </button>
    </fieldset>
  );
}

/** One row per algorithm on the held-out interactions, with novelty, diversity and the MMR trade-off. */
export function EventsResultsTable() {
  const result = useRecommendEvents((s) => s.result);
  if (!result) return null;
  const bestNdcg = Math.max(...result.rows.map((r) => r.ndcg));
  const reranked = result.rows.some((r) => r.reranked);
  return (
    <div className="panel">
      <div className="row-between">
        <h2>Comparison (events)</h2>
        <span className="muted small">
          {result.splitLabel} · top-{result.k}
        </span>
      </div>
      <div className="table-scroll results-table">
        <table aria-label="Events algorithm comparison">
          <thead>
            <tr>
              <th>Algorithm</th>
              <th title="Mean average precision at 10 (divided by all held-out items)">MAP</th>
              <th>NDCG@10</th>
              <th>Precision@10</th>
              <th>Recall@10</th>
              <th title="Mean self-information of recommended items: higher = less popular items">Novelty</th>
              <th title="Mean 1 − content similarity between items of the same list">Diversity</th>
              <th>Fit (s)</th>
              {reranked ? <th title={`After MMR re-ranking at λ = ${result.diversity}`}>Re-ranked: NDCG / diversity</th> : null}
            </tr>
          </thead>
          <tbody>
            {result.rows.map((r: ImplicitRow) => (
              <tr key={r.algorithm}>
                <td>{r.label}</td>
                <td>{fmt(r.map)}</td>
                <td className={r.ndcg === bestNdcg ? 'best' : undefined}>{r.ndcg === bestNdcg ? <strong>{fmt(r.ndcg)}</strong> : fmt(r.ndcg)}</td>
                <td>{fmt(r.precision)}</td>
                <td>{fmt(r.recall)}</td>
                <td>{fmt(r.novelty, 2)}</td>
                <td>{fmt(r.diversity)}</td>
                <td>{fmt(r.fitSeconds, 2)}</td>
                {reranked ? (
                  <td>
                    {r.reranked ? `${fmt(r.reranked.ndcg)} (${signed(r.reranked.ndcg - r.ndcg)}) / ${fmt(r.reranked.diversity)} (${signed((r.reranked.diversity ?? 0) - (r.diversity ?? 0))})` : '—'}
                  </td>
                ) : null}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {reranked ? <p className="muted small">Re-ranked at λ = {result.diversity}: the change in NDCG is the accuracy paid, the change in diversity what it buys.</p> : null}
    </div>
  );
}

function signed(x: number): string {
  return `${x >= 0 ? '+' : '−'}${Math.abs(x).toFixed(3)}`;
}
