import { useRecommend } from '../../state/recommend';

/** How to hold out ratings, and the button that starts the comparison. */
export function EvaluationForm() {
  const split = useRecommend((s) => s.split);
  const setSplit = useRecommend((s) => s.setSplit);
  const compare = useRecommend((s) => s.compare);
  const busy = useRecommend((s) => s.job !== null);
  const ready = useRecommend((s) => s.mapping !== null && s.mappingError === null && s.algorithms.length > 0);
  const none = useRecommend((s) => s.algorithms.length === 0);
  const int = (v: number, min: number, max: number) => Math.max(min, Math.min(max, Math.round(v)));
  return (
    <fieldset className="form-rows" disabled={busy}>
      <label>
        Split
        <select value={split.kind} onChange={(e) => setSplit(e.target.value === 'kfold' ? { kind: 'kfold', folds: 5, seed: 0 } : { kind: 'temporal', lastN: 2 })}>
          <option value="kfold">k-fold cross-validation</option>
          <option value="temporal">latest ratings per user</option>
        </select>
      </label>
      {split.kind === 'kfold' ? (
        <>
          <label>
            Folds
            <input type="number" min={2} max={20} value={split.folds} onChange={(e) => Number.isFinite(e.target.valueAsNumber) && setSplit({ ...split, folds: int(e.target.valueAsNumber, 2, 20) })} />
          </label>
          <label>
            Seed
            <input type="number" value={split.seed} onChange={(e) => Number.isFinite(e.target.valueAsNumber) && setSplit({ ...split, seed: int(e.target.valueAsNumber, 0, 2 ** 31 - 1) })} />
          </label>
        </>
      ) : (
        <label>
          Held out per user
          <input type="number" min={1} max={50} value={split.lastN} onChange={(e) => Number.isFinite(e.target.valueAsNumber) && setSplit({ kind: 'temporal', lastN: int(e.target.valueAsNumber, 1, 50) })} />
        </label>
      )}
      <p className="muted small">RMSE and MAE on the held-out ratings; top-10 metrics count held-out ratings of 4+ as relevant.</p>
      <button className="button primary" disabled={!ready || busy} onClick={() => void compare()}>
        Compare algorithms
      </button>
      {none ? <p className="muted small">Pick at least one algorithm.</p> : null}
    </fieldset>
  );
}
