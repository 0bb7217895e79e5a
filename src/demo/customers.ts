import { createRandom, type Random } from '../core/random';
import { csvBytes, type CsvField } from './csv';
import { exponential, isoDate, pick, poisson, weightedIndex } from './sample';
import { DEFAULT_DEMO_SEED, type DemoFile } from './types';
import { reviewText, sampleComplaints, type Complaints } from './reviews';
import { FIRST_NAMES, LAST_NAMES } from './words';

/** Distinct customers; the file has about 1% more rows because some rows are exact duplicates. */
export const DEMO_CUSTOMER_COUNT = 5000;

export const DEMO_CUSTOMER_COLUMNS = [
  'user_id', 'age', 'country', 'device', 'signup_date', 'days_since_last_visit',
  'sessions', 'spend', 'review', 'email', 'churned',
] as const;

/** 'U00001' for index 0: ids do not depend on the seed, so demo-ratings can always refer to them. */
export function demoCustomerId(index: number): string {
  return 'U' + String(index + 1).padStart(5, '0');
}

/** Every user_id in demo-customers, in file order of first appearance. */
export function demoCustomerIds(): string[] {
  return Array.from({ length: DEMO_CUSTOMER_COUNT }, (_, i) => demoCustomerId(i));
}

const COUNTRIES = ['US', 'UK', 'DE', 'FR', 'IN', 'BR', 'CA', 'JP'] as const;
const COUNTRY_WEIGHTS = [0.34, 0.14, 0.12, 0.1, 0.11, 0.08, 0.07, 0.04];
/** Small per-country shifts in churn log-odds: one-hot features pick these up. */
const COUNTRY_RISK: Record<string, number> = { IN: 0.35, BR: 0.3, JP: -0.3, DE: -0.15 };
const DEVICES = ['ios', 'android', 'web', 'tablet'] as const;
const DEVICE_WEIGHTS = [0.36, 0.4, 0.18, 0.06];

const DAY_MS = 86_400_000;
const SIGNUP_FROM = Date.UTC(2019, 0, 1);
const SIGNUP_TO = Date.UTC(2024, 5, 30);

/** Share of values blanked per column: the dirt real exports have. */
const MISSING = { age: 0.03, country: 0.02, device: 0.01, days: 0.015, spend: 0.025 };
const DUPLICATE_SHARE = 0.01;
/** Chosen so that about 15% of customers churn (see CALIBRATION.md). */
const CHURN_INTERCEPT = -4.5;
const LABEL_FLIP = 0.015;

interface Customer {
  age: number;
  country: string;
  device: string;
  signupMs: number;
  days: number;
  sessions: number;
  spend: number;
  complaints: Complaints;
}

/**
 * Churn log-odds: a linear part (recency, spend, age), a threshold and an interaction
 * (recency past six weeks; few sessions on android), a U-shape in age, and review complaints.
 * The non-linear parts are what an MLP can find and a logistic model on raw features cannot.
 */
function churnLogit(c: Customer): number {
  let z = CHURN_INTERCEPT;
  z += 0.06 * Math.min(c.days, 120) - 0.4 * Math.log1p(c.spend) - 0.01 * (c.age - 41);
  // U-shape, capped: the young and the old leave more, up to a point.
  z += Math.min(2.8, ((c.age - 41) / 14) ** 2);
  if (c.days > 30) z += 0.8;
  if (c.device === 'android' && c.sessions < 10) z += 2.9;
  z += COUNTRY_RISK[c.country] ?? 0;
  if (c.complaints.price) z += 1.8;
  if (c.complaints.speed) z += 1.6;
  if (c.complaints.bugs) z += 1.7;
  if (c.complaints.leaving) z += 2.6;
  return z;
}

function sampleCustomer(random: Random): Customer {
  // One latent "engagement" drives sessions, recency and spend together, as in real usage data.
  const engagement = random.normal();
  const age = Math.min(85, Math.max(18, Math.round(40 + 13 * random.normal())));
  return {
    age,
    country: COUNTRIES[weightedIndex(COUNTRY_WEIGHTS, random)],
    device: DEVICES[weightedIndex(DEVICE_WEIGHTS, random)],
    signupMs: SIGNUP_FROM + random.int(Math.floor((SIGNUP_TO - SIGNUP_FROM) / DAY_MS)) * DAY_MS,
    sessions: poisson(Math.exp(2.9 + 0.7 * engagement + 0.3 * random.normal()), random),
    days: Math.min(400, Math.round(exponential(Math.exp(2.6 - 0.5 * engagement), random))),
    spend: Math.round(Math.exp(3.5 + 0.6 * engagement + 0.7 * random.normal()) * 100) / 100,
    complaints: sampleComplaints(random),
  };
}

/** Unique first.last123@example.com addresses (PII the profile view should flag). */
function uniqueEmail(taken: Set<string>, random: Random): string {
  for (;;) {
    const email = `${pick(FIRST_NAMES, random)}.${pick(LAST_NAMES, random)}${1 + random.int(999)}@example.com`;
    if (!taken.has(email)) {
      taken.add(email);
      return email;
    }
  }
}

/** A value, or null (missing) with the given probability. */
function maybe<T extends CsvField>(value: T, share: number, random: Random): T | null {
  return random.next() < share ? null : value;
}

/** Rare gross errors: a few absurd ages, bot-like session counts, and whale spenders. */
function outliers(c: Customer, random: Random): Customer {
  const u = random.next();
  if (u < 0.001) return { ...c, age: pick([0, 117, 130], random) };
  if (u < 0.002) return { ...c, sessions: 2000 + random.int(3000) };
  if (u < 0.005) return { ...c, spend: Math.round(c.spend * (30 + 70 * random.next()) * 100) / 100 };
  return c;
}

/** demo-customers.csv: ~5,050 rows of customers with a learnable but noisy churn label. */
export function generateDemoCustomers(seed: number = DEFAULT_DEMO_SEED): DemoFile {
  const random = createRandom(seed);
  const emails = new Set<string>();
  const rows: CsvField[][] = [];
  let positives = 0;
  for (let i = 0; i < DEMO_CUSTOMER_COUNT; i++) {
    const truth = sampleCustomer(random);
    const p = 1 / (1 + Math.exp(-churnLogit(truth)));
    let churned = random.next() < p ? 1 : 0;
    if (random.next() < LABEL_FLIP) churned = 1 - churned;
    positives += churned;
    // Outliers and blanks are applied after the label: they are recording errors, not behaviour.
    const c = outliers(truth, random);
    rows.push([
      demoCustomerId(i),
      maybe(c.age, MISSING.age, random),
      maybe(c.country, MISSING.country, random),
      maybe(c.device, MISSING.device, random),
      isoDate(c.signupMs),
      maybe(c.days, MISSING.days, random),
      c.sessions,
      maybe(c.spend, MISSING.spend, random),
      reviewText(c.complaints, random),
      uniqueEmail(emails, random),
      churned,
    ]);
  }
  // Exact duplicate rows, as a double export produces: each copy sits right after a random row.
  const duplicates = Math.round(DEMO_CUSTOMER_COUNT * DUPLICATE_SHARE);
  for (let d = 0; d < duplicates; d++) {
    const at = random.int(rows.length);
    rows.splice(at + 1, 0, rows[at].slice());
  }
  const rate = Math.round((100 * positives) / DEMO_CUSTOMER_COUNT);
  return {
    name: 'demo-customers.csv',
    bytes: csvBytes(DEMO_CUSTOMER_COLUMNS, rows),
    description:
      `${rows.length.toLocaleString('en-US')} customers of an online shop; predict "churned" (${rate}% positive). ` +
      'Has missing values, ~1% duplicate rows, outliers, free-text reviews and emails (PII).',
  };
}
