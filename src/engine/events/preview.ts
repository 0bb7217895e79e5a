/**
 * An existing user's preview in events mode, as ratings mode has: their history (strongest
 * first), their top-N with seen items removed and reasons, and every user's top-N as CSV.
 */
import { topK, type ImplicitModel } from '../../core/recommend/implicit';
import type { ItemRef } from '../ratings/types';
import type { MappedEvents } from './mapping';

export interface EventsUserPreview {
  user: string;
  /** The user's items, strongest confidence first (summed, decayed events). */
  history: (ItemRef & { confidence: number })[];
  historyCount: number;
  top: (ItemRef & { rank: number; score: number; because: ItemRef[] })[];
}

const HISTORY_SHOWN = 12;

export function eventsRef(m: MappedEvents, i: number): ItemRef {
  return { item: m.items[i], title: m.titles[i], category: m.categories[i] };
}

function scoredUnseen(m: MappedEvents, model: ImplicitModel, u: number, out: Float32Array): void {
  model.scoreUser(u, out);
  for (let p = m.all.userStart[u]; p < m.all.userStart[u + 1]; p++) out[m.all.userItems[p]] = -Infinity;
}

export function eventsUserPreview(m: MappedEvents, model: ImplicitModel, u: number, n: number): EventsUserPreview {
  const { userStart, userItems, userConf } = m.all;
  const rows = Array.from({ length: userStart[u + 1] - userStart[u] }, (_, k) => userStart[u] + k).sort((a, b) => userConf[b] - userConf[a] || a - b);
  const out = new Float32Array(m.items.length);
  scoredUnseen(m, model, u, out);
  const sims = model.itemSimilarity ? new Float32Array(m.items.length) : null;
  const top = Array.from(topK(out, n))
    .filter((i) => out[i] !== -Infinity)
    .map((i, r) => {
      // Reasons only from the model's own item similarity (SAR scores are affinity x this similarity);
      // a model without one names none rather than a made-up look-alike.
      let because: ItemRef[] = [];
      if (sims) {
        model.itemSimilarity!(i, sims);
        because = rows
          .map((p) => userItems[p])
          .filter((j) => sims[j] > 0)
          .sort((a, b) => sims[b] - sims[a] || a - b)
          .slice(0, 2)
          .map((j) => eventsRef(m, j));
      }
      return { ...eventsRef(m, i), rank: r + 1, score: out[i], because };
    });
  return {
    user: m.users[u],
    history: rows.slice(0, HISTORY_SHOWN).map((p) => ({ ...eventsRef(m, userItems[p]), confidence: userConf[p] })),
    historyCount: rows.length,
    top,
  };
}

/** user,rank,item,score for every user, best first; fields quoted when they hold a comma or quote. */
export function eventsTopNCsv(m: MappedEvents, model: ImplicitModel, n: number): string {
  const out = new Float32Array(m.items.length);
  const lines = ['user,rank,item,score'];
  const field = (v: string) => (/[",\n\r]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
  for (let u = 0; u < m.users.length; u++) {
    scoredUnseen(m, model, u, out);
    Array.from(topK(out, n))
      .filter((i) => out[i] !== -Infinity)
      .forEach((i, r) => lines.push(`${field(m.users[u])},${r + 1},${field(m.items[i])},${out[i].toFixed(4)}`));
  }
  return lines.join('\n') + '\n';
}
