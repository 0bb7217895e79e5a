import type { TitleMatch } from '../../engine/ratings/types';

/** How the item details joined, with three id → title pairs, so a wrong key is caught before comparing. */
export function TitleMatchNote({ match }: { match: TitleMatch }) {
  const percent = `${Math.round(match.rate * 100)}%`;
  const samples = match.samples.map((s) => `${s.id} → ${s.title}`).join('; ');
  return (
    <p className={match.weak ? 'error small' : 'muted small'} role={match.weak ? 'alert' : undefined} aria-label="Title match">
      Titles found for {percent} of rated items{samples ? ` (for example ${samples})` : ''}.
      {match.weak ? ' Under half the rated items matched: the item id column of the details is probably wrong.' : ''}
    </p>
  );
}
