import { createRandom, shuffledIndices, type Random } from '../core/random';
import { demoCustomerId, DEMO_CUSTOMER_COUNT } from './customers';
import { csvBytes, type CsvField } from './csv';
import { exponential, isoDateTime, pick, weightedIndex, weightedSampleWithoutReplacement } from './sample';
import { DEFAULT_DEMO_SEED, type DemoFile } from './types';
import { PRODUCT_CATEGORIES } from './words';

export const DEMO_RATING_USER_COUNT = 1000;
export const DEMO_PRODUCT_COUNT = 300;
export const DEMO_RATINGS_COLUMNS = ['user_id', 'product_id', 'product_name', 'category', 'rating', 'timestamp'] as const;

/** Latent taste dimensions: low rank is what lets matrix factorization beat popularity. */
const RANK = 6;
const GLOBAL_MEAN = 3.6;
const USER_BIAS_SD = 0.35;
const ITEM_BIAS_SD = 0.3;
/** Items in a category share a taste direction, so content (category) carries some signal too. */
const CATEGORY_FACTOR_SD = 0.5;
const ITEM_FACTOR_SD = 0.2;
const USER_FACTOR_SD = 0.45;
const NOISE_SD = 0.5;
/** Zipf-like popularity 1/(rank+OFFSET)^EXPONENT: a short head and a long tail of rarely rated items. */
const ZIPF_OFFSET = 2;
const ZIPF_EXPONENT = 1.2;
/**
 * People mostly rate what they chose, and they choose what they expect to like: an item's
 * chance of being rated by a user is its popularity times exp(CHOICE_TASTE x taste match).
 * Without this, which items a user touches says nothing about them, and implicit-feedback
 * models (and onboarding by picks) could do no better than popularity.
 */
const CHOICE_TASTE = 2.5;
/** Ratings per user: log-normal around ~50, at least 5. */
const MEDIAN_RATINGS_PER_USER = 40;
const RATINGS_SPREAD = 0.7;

const DAY_MS = 86_400_000;
const ACTIVE_FROM = Date.UTC(2022, 0, 1);
const ACTIVE_TO = Date.UTC(2024, 5, 30);

interface Product {
  id: string;
  name: string;
  category: string;
  bias: number;
  factors: Float64Array;
  popularity: number;
}

function normalVector(sd: number, random: Random): Float64Array {
  const v = new Float64Array(RANK);
  for (let k = 0; k < RANK; k++) v[k] = sd * random.normal();
  return v;
}

function makeProducts(random: Random): Product[] {
  const categories = Object.keys(PRODUCT_CATEGORIES);
  const categoryWeights = categories.map(() => 0.5 + random.next());
  const categoryFactors = categories.map(() => normalVector(CATEGORY_FACTOR_SD, random));
  const popularityRank = shuffledIndices(DEMO_PRODUCT_COUNT, random);
  const used = new Map<string, number>();
  const products: Product[] = [];
  for (let p = 0; p < DEMO_PRODUCT_COUNT; p++) {
    const c = weightedIndex(categoryWeights, random);
    const base = pick(PRODUCT_CATEGORIES[categories[c]], random);
    const n = (used.get(base) ?? 0) + 1;
    used.set(base, n);
    const rank = popularityRank[p];
    const factors = normalVector(ITEM_FACTOR_SD, random);
    for (let k = 0; k < RANK; k++) factors[k] += categoryFactors[c][k];
    products.push({
      id: 'P' + String(p + 1).padStart(4, '0'),
      name: `${base} ${n}`,
      category: categories[c],
      // Popular items are a little better liked, as in real catalogues.
      bias: ITEM_BIAS_SD * random.normal() + 0.15 * (rank < 30 ? 1 : 0),
      factors,
      popularity: 1 / (rank + ZIPF_OFFSET) ** ZIPF_EXPONENT,
    });
  }
  return products;
}

function dot(a: Float64Array, b: Float64Array): number {
  let sum = 0;
  for (let k = 0; k < RANK; k++) sum += a[k] * b[k];
  return sum;
}

function rate(userBias: number, user: Float64Array, product: Product, random: Random): number {
  let r = GLOBAL_MEAN + userBias + product.bias + NOISE_SD * random.normal();
  r += dot(user, product.factors);
  return Math.min(5, Math.max(1, Math.round(r)));
}

/**
 * demo-ratings.csv: ~50,000 1-5 ratings by 1,000 demo customers on 300 products, from a rank-6
 * model with user and item biases and noise; no user rates an item twice.
 */
export function generateDemoRatings(seed: number = DEFAULT_DEMO_SEED): DemoFile {
  // Its own stream, so the ratings do not shift when the customer generator changes.
  const random = createRandom((seed ^ 0x5eed_4a7e) >>> 0);
  const products = makeProducts(random);
  const users = shuffledIndices(DEMO_CUSTOMER_COUNT, random).subarray(0, DEMO_RATING_USER_COUNT);
  const rows: { ms: number; fields: CsvField[] }[] = [];
  for (const u of users) {
    const userBias = USER_BIAS_SD * random.normal();
    const factors = normalVector(USER_FACTOR_SD, random);
    const count = Math.min(
      DEMO_PRODUCT_COUNT - 50,
      Math.max(5, Math.round(MEDIAN_RATINGS_PER_USER * Math.exp(RATINGS_SPREAD * random.normal()))),
    );
    const start = ACTIVE_FROM + random.next() * (ACTIVE_TO - ACTIVE_FROM - 30 * DAY_MS);
    const end = Math.min(ACTIVE_TO, start + (7 + exponential(150, random)) * DAY_MS);
    const weights = products.map((p) => p.popularity * Math.exp(CHOICE_TASTE * dot(factors, p.factors)));
    for (const p of weightedSampleWithoutReplacement(weights, count, random)) {
      const product = products[p];
      const ms = Math.floor(start + random.next() * (end - start));
      rows.push({
        ms,
        fields: [demoCustomerId(u), product.id, product.name, product.category, rate(userBias, factors, product, random), isoDateTime(ms)],
      });
    }
  }
  // An event log: oldest first (ties keep generation order, so the output stays deterministic).
  rows.sort((a, b) => a.ms - b.ms);
  return {
    name: 'demo-ratings.csv',
    bytes: csvBytes(DEMO_RATINGS_COLUMNS, rows.map((r) => r.fields)),
    description:
      `${rows.length.toLocaleString('en-US')} product ratings (1-5) by ${DEMO_RATING_USER_COUNT.toLocaleString('en-US')} ` +
      `of the demo customers on ${DEMO_PRODUCT_COUNT} products; try the recommenders.`,
  };
}
