import { useRecommendEvents } from '../../../state/recommendEvents';

/** A product not yet in any event: its name and category find the catalogue items most like it. */
export function NewItemPanel() {
  const newItem = useRecommendEvents((s) => s.newItem);
  const setNewItem = useRecommendEvents((s) => s.setNewItem);
  const find = useRecommendEvents((s) => s.findSimilarToNewItem);
  const similar = useRecommendEvents((s) => s.newItemSimilar);
  const error = useRecommendEvents((s) => s.newItemError);
  const summary = useRecommendEvents((s) => s.summary);
  if (!summary) return null;
  return (
    <div className="panel" aria-label="New item">
      <h2>New item: similar by content</h2>
      <form
        className="form-rows"
        onSubmit={(e) => {
          e.preventDefault();
          void find();
        }}
      >
        <label>
          New item name
          <input value={newItem.name} onChange={(e) => setNewItem({ name: e.target.value })} />
        </label>
        <label>
          New item category
          <input value={newItem.category} onChange={(e) => setNewItem({ category: e.target.value })} />
        </label>
        <button className="button" type="submit">
          Find similar items
        </button>
      </form>
      {error ? (
        <div role="alert" className="banner banner-error">
          {error}
        </div>
      ) : null}
      {similar ? (
        <ol aria-label="Items similar to the new item">
          {similar.map((s) => (
            <li key={s.item}>
              {s.title ?? s.item} <span className="muted small">{s.category ?? ''} · similarity {s.similarity.toFixed(2)}</span>
            </li>
          ))}
        </ol>
      ) : null}
    </div>
  );
}
