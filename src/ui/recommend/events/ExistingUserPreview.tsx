import type { ImplicitName } from '../../../engine/events/api';
import { useEventsPreview } from '../../../state/eventsPreview';
import { useRecommendEvents } from '../../../state/recommendEvents';

const name = (x: { item: string; title: string | null }) => x.title ?? x.item;

/** An existing user's history and top-10 with reasons, and every user's top-10 as CSV, as in ratings mode. */
export function ExistingUserPreview() {
  const result = useRecommendEvents((s) => s.result);
  const query = useEventsPreview((s) => s.userQuery);
  const matches = useEventsPreview((s) => s.userMatches);
  const preview = useEventsPreview((s) => s.preview);
  const algorithm = useEventsPreview((s) => s.algorithm);
  const error = useEventsPreview((s) => s.error);
  const search = useEventsPreview((s) => s.searchUsers);
  const pick = useEventsPreview((s) => s.pickUser);
  const pickAlgorithm = useEventsPreview((s) => s.pickAlgorithm);
  const exportTopN = useEventsPreview((s) => s.exportTopN);
  const fallback = useRecommendEvents((s) => s.onboardAlgorithm);
  if (!result) return null;
  const label = (a: ImplicitName) => result.rows.find((r) => r.algorithm === a)?.label ?? a;
  return (
    <div className="panel" aria-label="Existing user preview">
      <h2>Existing user: history and top-10</h2>
      <div className="form-rows preview-controls">
        <label>
          User
          <input
            type="search"
            aria-label="Events user"
            list="events-users"
            value={query}
            placeholder="type a user id"
            onChange={(e) => {
              void search(e.target.value);
              if (matches.includes(e.target.value)) void pick(e.target.value);
            }}
            onKeyDown={(e) => {
              if (e.key === 'Enter' && matches[0]) void pick(matches.includes(query) ? query : matches[0]);
            }}
          />
        </label>
        <datalist id="events-users">
          {matches.map((u) => (
            <option key={u} value={u} />
          ))}
        </datalist>
        <label>
          Algorithm
          <select aria-label="Events algorithm" value={algorithm ?? fallback ?? ''} onChange={(e) => void pickAlgorithm(e.target.value as ImplicitName)}>
            {result.trained.map((a) => (
              <option key={a} value={a}>
                {label(a)}
              </option>
            ))}
          </select>
        </label>
        <div className="export-row">
          <button className="button" onClick={() => void exportTopN()}>
            Download top-N (CSV)
          </button>
          <span className="muted small">Top 10 of every user: user, rank, item id, score. Saved on this device only.</span>
        </div>
      </div>
      {error ? (
        <p role="alert" className="error small">
          {error}
        </p>
      ) : null}
      {preview ? (
        <div className="train-grid">
          <div>
            <h3>
              History <span className="muted small">({preview.historyCount} items)</span>
            </h3>
            <ol className="item-list" aria-label="Events history">
              {preview.history.map((h) => (
                <li key={h.item}>
                  {name(h)}
                  {h.category ? <span className="muted small"> · {h.category}</span> : null}
                  <span className="score" title="Summed, decayed event weight">
                    {h.confidence.toFixed(1)}
                  </span>
                </li>
              ))}
            </ol>
          </div>
          <div>
            <h3>Top 10 · {algorithm ? label(algorithm) : ''}</h3>
            <ol className="item-list" aria-label="Events top 10">
              {preview.top.map((t) => (
                <li key={t.item}>
                  <span className="rank">{t.rank}</span>
                  {name(t)}
                  {t.category ? <span className="muted small"> · {t.category}</span> : null}
                  <span className="score" title="Ranking score">
                    {t.score.toFixed(3)}
                  </span>
                  <div className="muted small because">{t.because.length > 0 ? `because of ${t.because.map(name).join(' and ')}` : 'from how everyone interacted with it'}</div>
                </li>
              ))}
            </ol>
          </div>
        </div>
      ) : null}
    </div>
  );
}
