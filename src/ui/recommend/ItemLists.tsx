import type { ItemRef, RatedItem, RecommendedItem, SimilarItem } from '../../engine/api';
import { useRecommend } from '../../state/recommend';

const name = (i: ItemRef) => i.title ?? i.item;

function ItemName({ item }: { item: ItemRef }) {
  const pickItem = useRecommend((s) => s.pickItem);
  return (
    <button className="item-link" title={`Show items similar to ${name(item)} (id ${item.item})`} onClick={() => void pickItem(item.item)}>
      {name(item)}
    </button>
  );
}

export function HistoryList({ items, total }: { items: RatedItem[]; total: number }) {
  return (
    <div>
      <h3>
        History <span className="muted small">({total} rated{total > items.length ? `, best ${items.length} shown` : ''})</span>
      </h3>
      <ol className="item-list history" aria-label="History">
        {items.map((h) => (
          <li key={h.item}>
            <ItemName item={h} />
            {h.category ? <span className="muted small"> · {h.category}</span> : null}
            <span className="score">{'★'.repeat(Math.max(0, Math.round(h.rating)))} {formatRating(h.rating)}</span>
          </li>
        ))}
      </ol>
    </div>
  );
}

export function TopList({ title, items, label }: { title: string; items: RecommendedItem[]; label: string }) {
  return (
    <div>
      <h3>{title}</h3>
      <ol className="item-list" aria-label={label}>
        {items.map((r) => (
          <li key={r.item}>
            <span className="rank">{r.rank}</span>
            <ItemName item={r} />
            {r.category ? <span className="muted small"> · {r.category}</span> : null}
            <span className="score" title="Predicted rating">
              {r.score.toFixed(2)}
            </span>
            {r.ratings !== undefined ? (
              <span className="muted small support" title="How many ratings the item has">
                {' · '}
                {formatRatings(r.ratings)}
              </span>
            ) : null}
            {r.because.length > 0 ? <div className="muted small because">because you liked {r.because.map(name).join(' and ')}</div> : <div className="muted small because">from how everyone rated it</div>}
          </li>
        ))}
      </ol>
    </div>
  );
}

export function SimilarList({ items, of }: { items: SimilarItem[]; of: string }) {
  return (
    <div>
      <h3>Similar items to {of}</h3>
      <ol className="item-list" aria-label="Similar items">
        {items.map((s) => (
          <li key={s.item}>
            <ItemName item={s} />
            {s.category ? <span className="muted small"> · {s.category}</span> : null}
            <span className="score" title="Similarity">
              {s.similarity.toFixed(3)}
            </span>
          </li>
        ))}
      </ol>
    </div>
  );
}

function formatRating(r: number): string {
  return Number.isInteger(r) ? String(r) : r.toFixed(2);
}

/** Support beside a score: a 5.00 from one rating reads differently from one from 300. */
function formatRatings(n: number): string {
  return `${n.toLocaleString('en-US')} rating${n === 1 ? '' : 's'}`;
}
