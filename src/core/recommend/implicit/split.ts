import { createRandom, shuffledIndices } from '../../random';

/**
 * Microsoft Recommenders' python_stratified_split: each user's rows shuffled (seeded) and the first
 * round(ratio * n) go to train, so every user is in both sides and the split is per user 75/25.
 */
export function stratifiedSplit(user: Int32Array, nUsers: number, ratio: number, seed: number): { train: Int32Array; test: Int32Array } {
  const byUser: number[][] = Array.from({ length: nUsers }, () => []);
  for (let r = 0; r < user.length; r++) byUser[user[r]].push(r);
  const random = createRandom(seed);
  const train: number[] = [];
  const test: number[] = [];
  for (const rows of byUser) {
    const order = shuffledIndices(rows.length, random);
    const cut = Math.round(ratio * rows.length);
    for (let k = 0; k < rows.length; k++) (k < cut ? train : test).push(rows[order[k]]);
  }
  return { train: Int32Array.from(train).sort(), test: Int32Array.from(test).sort() };
}
