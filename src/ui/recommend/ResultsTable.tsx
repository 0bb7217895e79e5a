import { useState } from 'react';
import type { AlgorithmScore } from '../../engine/api';
import { useRecommend } from '../../state/recommend';

type Key = keyof Pick<AlgorithmScore, 'rmse' | 'mae' | 'precision' | 'recall' | 'ndcg' | 'map' | 'hitRate' | 'coverage' | 'fitSeconds' | 'predictSeconds'>;

const COLUMNS: { key: Key; label: string; title: string; lowerIsBetter: boolean; digits: number }[] = [
  { key: 'rmse', label: 'RMSE', title: 'Root mean squared error of predicted ratings (lower is better)', lowerIsBetter: true, digits: 4 },
  { key: 'mae', label: 'MAE', title: 'Mean absolute error of predicted ratings (lower is better)', lowerIsBetter: true, digits: 4 },
  { key: 'precision', label: 'Precision@10', title: 'Share of the top 10 that the user rated 4+ in the held-out ratings', lowerIsBetter: false, digits: 3 },
  { key: 'recall', label: 'Recall@10', title: 'Share of the user’s held-out 4+ ratings found in the top 10', lowerIsBetter: false, digits: 3 },
  { key: 'ndcg', label: 'NDCG@10', title: 'Rank-weighted hits (binary gain, log2 discount)', lowerIsBetter: false, digits: 3 },
  { key: 'map', label: 'MAP@10', title: 'Mean average precision at 10', lowerIsBetter: false, digits: 3 },
  { key: 'hitRate', label: 'Hit rate', title: 'Share of users with at least one hit in their top 10', lowerIsBetter: false, digits: 3 },
  { key: 'coverage', label: 'Coverage', title: 'Share of the catalogue that appears in some top 10', lowerIsBetter: false, digits: 3 },
  { key: 'fitSeconds', label: 'Fit (s)', title: 'Training time summed over the folds', lowerIsBetter: true, digits: 2 },
  { key: 'predictSeconds', label: 'Predict (s)', title: 'Time to predict the held-out ratings, summed over the folds', lowerIsBetter: true, digits: 2 },
];

/** One row per algorithm, means over folds; click a header to sort, best values in bold. */
export function ResultsTable() {
  const result = useRecommend((s) => s.result);
  const [sort, setSort] = useState<{ key: Key; descending: boolean }>({ key: 'rmse', descending: false });
  if (!result) return null;
  const rows = [...result.rows].sort((a, b) => (sort.descending ? b[sort.key] - a[sort.key] : a[sort.key] - b[sort.key]));
  const best = Object.fromEntries(
    COLUMNS.map((c) => [c.key, c.lowerIsBetter ? Math.min(...result.rows.map((r) => r[c.key])) : Math.max(...result.rows.map((r) => r[c.key]))]),
  ) as Record<Key, number>;
  return (
    <div className="panel">
      <div className="row-between">
        <h2>Comparison</h2>
        <span className="muted small">
          {result.splitLabel} · means over folds · top-{result.k} relevant = held-out ratings ≥ {result.relevantThreshold}
        </span>
      </div>
      <div className="table-scroll results-table">
        <table aria-label="Algorithm comparison">
          <thead>
            <tr>
              <th>Algorithm</th>
              {COLUMNS.map((c) => (
                <th key={c.key} title={c.title} aria-sort={sort.key === c.key ? (sort.descending ? 'descending' : 'ascending') : 'none'}>
                  <button className="ghost" onClick={() => setSort({ key: c.key, descending: sort.key === c.key ? !sort.descending : !c.lowerIsBetter })}>
                    {c.label}
                    {sort.key === c.key ? (sort.descending ? ' ▾' : ' ▴') : ''}
                  </button>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.algorithm}>
                <th scope="row">{r.label}</th>
                {COLUMNS.map((c) => (
                  <td key={c.key} className={r[c.key] === best[c.key] && result.rows.length > 1 ? 'best' : undefined}>
                    {Number.isFinite(r[c.key]) ? r[c.key].toFixed(c.digits) : '—'}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
