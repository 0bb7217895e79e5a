import { useRecommendEvents } from '../../../state/recommendEvents';

const name = (x: { item: string; title: string | null }) => x.title ?? x.item;

/** A new user picks items they like; the list updates at once by folding them into the trained model. */
export function Onboarding() {
  const result = useRecommendEvents((s) => s.result);
  const algorithm = useRecommendEvents((s) => s.onboardAlgorithm);
  const setAlgorithm = useRecommendEvents((s) => s.setOnboardAlgorithm);
  const query = useRecommendEvents((s) => s.itemQuery);
  const matches = useRecommendEvents((s) => s.itemMatches);
  const picked = useRecommendEvents((s) => s.picked);
  const onboarding = useRecommendEvents((s) => s.onboarding);
  const error = useRecommendEvents((s) => s.onboardError);
  const search = useRecommendEvents((s) => s.searchItems);
  const pick = useRecommendEvents((s) => s.pick);
  const unpick = useRecommendEvents((s) => s.unpick);
  if (!result) return null;
  return (
    <div className="panel" aria-label="New user onboarding">
      <h2>New user: pick items you like</h2>
      <div className="form-rows">
        <label>
          Fold the new user into
          <select value={algorithm ?? ''} onChange={(e) => void setAlgorithm(e.target.value as typeof result.trained[number])}>
            {result.trained.map((a) => (
              <option key={a} value={a}>
                {result.rows.find((r) => r.algorithm === a)?.label ?? a}
              </option>
            ))}
          </select>
        </label>
        <label>
          Search items
          <input type="search" value={query} placeholder="title, category or id" onChange={(e) => void search(e.target.value)} />
        </label>
      </div>
      {matches.length > 0 ? (
        <ul className="plain-list" aria-label="Item search results">
          {matches.map((m) => (
            <li key={m.item}>
              <button className="button" disabled={picked.some((p) => p.item === m.item)} onClick={() => void pick(m)}>
                Pick {name(m)}
              </button>{' '}
              <span className="muted small">{m.category ?? ''}</span>
            </li>
          ))}
        </ul>
      ) : null}
      <p className="small" aria-label="Picked items">
        Picked:{' '}
        {picked.length === 0
          ? 'nothing yet'
          : picked.map((p) => (
              <button key={p.item} className="button" title="Remove" onClick={() => void unpick(p.item)}>
                {name(p)} ×
              </button>
            ))}
      </p>
      {error ? (
        <div role="alert" className="banner banner-error">
          {error}
        </div>
      ) : null}
      {onboarding ? (
        <>
          <p className="muted small" aria-label="Onboarding source">
            {onboarding.source === 'popular' ? 'Nothing picked yet: the most popular items (cold start).' : `Folded into ${onboarding.source.toUpperCase()} from ${picked.length} pick(s), no retraining`} · {onboarding.millis.toFixed(1)} ms
          </p>
          <ol aria-label="Recommendations for the new user">
            {onboarding.top.map((t) => (
              <li key={t.item}>
                {name(t)} <span className="muted small">{t.category ?? ''}</span>
              </li>
            ))}
          </ol>
        </>
      ) : null}
    </div>
  );
}
