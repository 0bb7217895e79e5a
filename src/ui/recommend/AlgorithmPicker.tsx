import type { RecommenderName } from '../../engine/api';
import { useRecommend } from '../../state/recommend';

export const ALGORITHMS: { name: RecommenderName; label: string; hint: string }[] = [
  { name: 'popularity', label: 'Popularity', hint: 'damped item mean: the same list for everyone' },
  { name: 'baseline', label: 'Baseline', hint: 'global mean + user and item biases (Surprise BaselineOnly)' },
  { name: 'knn-user', label: 'User kNN', hint: 'similar users’ ratings: the 40 nearest of each user’s 200 most similar, MSD shrunk by support (Surprise KNNWithMeans)' },
  { name: 'knn-item', label: 'Item kNN', hint: 'ratings of similar items: the 40 nearest of each item’s 200 most similar, MSD shrunk by support' },
  { name: 'svd', label: 'SVD', hint: 'matrix factorization, 100 factors (Surprise SVD)' },
  { name: 'best', label: 'SVD++ best', hint: 'SVD with implicit feedback, tuned: usually the most accurate, slowest' },
];

export function algorithmLabel(name: RecommenderName): string {
  return ALGORITHMS.find((a) => a.name === name)?.label ?? name;
}

export function AlgorithmPicker() {
  const chosen = useRecommend((s) => s.algorithms);
  const toggle = useRecommend((s) => s.toggleAlgorithm);
  const busy = useRecommend((s) => s.job !== null);
  return (
    <fieldset className="feature-list" disabled={busy} aria-label="Algorithms">
      {ALGORITHMS.map((a) => (
        <label key={a.name} className="feature">
          <input type="checkbox" aria-label={a.label} checked={chosen.includes(a.name)} onChange={(e) => toggle(a.name, e.target.checked)} />
          <span>
            {a.label} <span className="muted small">— {a.hint}</span>
          </span>
        </label>
      ))}
    </fieldset>
  );
}
