import { useMemo } from 'react';
import type { RecommenderName } from '../../engine/api';
import { previewSource, useRecommend, type PreviewSource } from '../../state/recommend';
import { algorithmLabel } from './AlgorithmPicker';
import { HistoryList, SimilarList, TopList } from './ItemLists';
import { UserPicker } from './UserPicker';

/** The running comparison once a model is ready, else the last finished one (selected by parts, so progress ticks do not redraw). */
function usePreviewSource(): PreviewSource | null {
  const result = useRecommend((s) => s.result);
  const comparisonId = useRecommend((s) => s.job?.comparisonId ?? null);
  const ready = useRecommend((s) => s.job?.ready ?? null);
  const chosen = useRecommend((s) => s.job?.chosen ?? null);
  return useMemo(
    () => previewSource({ result, job: comparisonId && ready && chosen ? { comparisonId, ready, chosen } : null }),
    [result, comparisonId, ready, chosen],
  );
}

/** One user's history and top-10 (optionally two algorithms side by side), similar items, export. */
export function PreviewPanel() {
  const source = usePreviewSource();
  const algorithm = useRecommend((s) => s.algorithm);
  const compareWith = useRecommend((s) => s.compareWith);
  const preview = useRecommend((s) => s.preview);
  const other = useRecommend((s) => s.comparePreview);
  const error = useRecommend((s) => s.previewError);
  const similar = useRecommend((s) => s.similar);
  const item = useRecommend((s) => s.item);
  const pickAlgorithm = useRecommend((s) => s.pickAlgorithm);
  const pickCompareWith = useRecommend((s) => s.pickCompareWith);
  const exportTopN = useRecommend((s) => s.exportTopN);
  const minRatings = useRecommend((s) => s.minRatings);
  const setMinRatings = useRecommend((s) => s.setMinRatings);
  if (!source) return null;
  const { names, running } = source;
  const itemName = similar && item ? ([...(preview?.history ?? []), ...(preview?.top ?? []), ...(other?.top ?? []), ...similar].find((i) => i.item === item)?.title ?? item) : null;
  return (
    <div className="panel" aria-label="Preview">
      <div className="row-between">
        <h2>Preview recommendations</h2>
        <span className="muted small">Models fitted on all ratings; already-rated items are never recommended.</span>
      </div>
      {running.length > 0 ? (
        <p className="muted small preview-running" role="status">
          Ready now: {names.map(algorithmLabel).join(', ')}. Still comparing: {running.map(algorithmLabel).join(', ')} — {running.length > 1 ? 'they join' : 'it joins'} the
          Algorithm list when fitted on all ratings.
        </p>
      ) : null}
      <div className="preview-controls form-rows">
        <UserPicker />
        <label>
          Algorithm
          <select aria-label="Algorithm" value={algorithm ?? ''} onChange={(e) => void pickAlgorithm(e.target.value as RecommenderName)}>
            {names.map((n) => (
              <option key={n} value={n}>
                {algorithmLabel(n)}
              </option>
            ))}
          </select>
        </label>
        <label>
          Compare with
          <select aria-label="Compare with" value={compareWith ?? ''} onChange={(e) => void pickCompareWith(e.target.value === '' ? null : (e.target.value as RecommenderName))}>
            <option value="">nothing</option>
            {names
              .filter((n) => n !== algorithm)
              .map((n) => (
                <option key={n} value={n}>
                  {algorithmLabel(n)}
                </option>
              ))}
          </select>
        </label>
        <label className="min-ratings">
          At least
          <input aria-label="Minimum ratings per item" type="number" min={1} step={1} value={minRatings} onChange={(e) => void setMinRatings(Number(e.target.value))} style={{ width: '5em' }} />
          ratings per item
        </label>
        <div className="export-row">
          <button className="button" onClick={() => void exportTopN()} disabled={!algorithm}>
            Download top-N (CSV)
          </button>
          <span className="muted small">Top 10 of every user from {algorithm ? algorithmLabel(algorithm) : '…'}: user, rank, item id, score. Saved on this device only.</span>
        </div>
      </div>
      {error ? (
        <p role="alert" className="error">
          {error}
        </p>
      ) : null}
      {preview ? (
        <div className={`preview-grid ${other ? 'with-compare' : ''}`}>
          <HistoryList items={preview.history} total={preview.historyCount} />
          <TopList title={`Top 10 · ${algorithmLabel(preview.algorithm)}`} items={preview.top} label={`Top 10 from ${algorithmLabel(preview.algorithm)}`} />
          {other ? <TopList title={`Top 10 · ${algorithmLabel(other.algorithm)}`} items={other.top} label={`Top 10 from ${algorithmLabel(other.algorithm)}`} /> : null}
          {similar && itemName ? <SimilarList items={similar} of={itemName} /> : <p className="muted small">Click any item to see similar items.</p>}
        </div>
      ) : null}
    </div>
  );
}
