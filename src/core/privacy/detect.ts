/**
 * Personal-data detection per column, by content and by header. Each column is judged on a
 * sample of at most `maxDistinct` distinct values (2,000 by default), so a 1M-row file takes
 * milliseconds. Confidence combines the two kinds of evidence as a noisy-or:
 * 1 - (1 - content) × (1 - header), so either alone can flag a column and both together agree.
 */
import type { Column, Dataset } from '../frame/types';
import { COMMON_FIRST_NAMES } from './firstNames';
import { isCardNumber, isEmail, isIban, isIp, isIPv4, isPhone, nameWords, parseDateText } from './values';

export type PiiKind = 'email' | 'phone' | 'ip' | 'card' | 'iban' | 'birth-date' | 'name';

export const PII_KIND_LABELS: Record<PiiKind, string> = {
  email: 'email',
  phone: 'phone number',
  ip: 'IP address',
  card: 'card number',
  iban: 'IBAN',
  'birth-date': 'date of birth',
  name: 'name',
};

export interface PiiKindScore {
  kind: PiiKind;
  confidence: number;
  /** Share of the sampled values that match this kind (0 when only the header spoke). */
  share: number;
  byHeader: boolean;
}

export interface PiiFinding {
  column: string;
  /** The most confident kind. */
  kind: PiiKind;
  confidence: number;
  /** Share of sampled values matching `kind`. */
  share: number;
  /** Distinct values looked at. */
  sampled: number;
  /** Every kind that scored, most confident first. */
  kinds: PiiKindScore[];
  /** In words, without any value: "97% of 2,000 sampled values are emails; the header says email". */
  evidence: string;
}

export interface DetectOptions {
  /** "Now" in epoch ms, for ages from dates of birth. */
  now?: number;
  maxDistinct?: number;
  /** Findings below this confidence are not reported. */
  minConfidence?: number;
}

/** A column is flagged by content when at least this share of its values match. */
const MIN_SHARE = 0.5;
const HEADER_WEIGHT = 0.6;
const YEAR_MS = 365.2425 * 86_400_000;

/** "customerEmail", "Customer E-mail" → ["customer", "email"]. */
export function headerTokens(name: string): string[] {
  return name
    .replace(/([a-z\d])([A-Z])/g, '$1_$2')
    .toLowerCase()
    .replace(/e-mail/g, 'email')
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
}

const PERSON = new Set(['customer', 'client', 'contact', 'user', 'person', 'employee', 'patient', 'member', 'owner', 'holder', 'account', 'buyer', 'sender', 'recipient', 'first', 'last', 'full', 'middle', 'given', 'family', 'maiden', 'display', 'legal']);

/** What the header alone says, per kind, as a weight in 0-1. */
export function headerHints(name: string): Partial<Record<PiiKind, number>> {
  const t = headerTokens(name);
  const joined = t.join('_');
  const has = (...words: string[]) => words.some((w) => t.includes(w));
  const hints: Partial<Record<PiiKind, number>> = {};
  if (has('email', 'mail') || /email/.test(joined)) hints.email = HEADER_WEIGHT;
  if (has('phone', 'mobile', 'cell', 'tel', 'telephone', 'fax', 'msisdn') || /phone|telephone/.test(joined)) hints.phone = HEADER_WEIGHT;
  if (has('ip', 'ipv4', 'ipv6', 'ipaddress', 'ipaddr')) hints.ip = HEADER_WEIGHT;
  if (/credit_?card|card_?(number|no|num)|cc_?(number|num|no)|^pan$/.test(joined)) hints.card = HEADER_WEIGHT;
  if (has('iban') || /bank_?account/.test(joined)) hints.iban = HEADER_WEIGHT;
  if (/birth|^dob$|_dob$|^dob_|born|bday/.test(joined)) hints['birth-date'] = HEADER_WEIGHT + 0.1;
  if (has('firstname', 'lastname', 'fullname', 'surname', 'forename', 'givenname', 'familyname') || (t.includes('name') && t.some((w) => PERSON.has(w)))) hints.name = HEADER_WEIGHT;
  // "name" alone may be a product or a file: a weaker hint that content must confirm.
  else if (t.length === 1 && t[0] === 'name') hints.name = 0.35;
  return hints;
}

interface Sample {
  /** Distinct present values as text. */
  values: string[];
  /** Distinct present numbers (number columns), for dates. */
  numbers: number[];
  present: number;
  /** Distinct values over present rows (estimated from the rows looked at). */
  distinctness: number;
}

/** Evenly spaced distinct values: the same sample every time, spread over the whole column. */
function sampleColumn(column: Column, rowCount: number, maxDistinct: number): Sample {
  if (column.storage === 'dictionary') {
    let present = 0;
    for (let r = 0; r < rowCount; r++) if (column.codes[r] >= 0) present++;
    const d = column.dictionary;
    const k = Math.min(d.length, maxDistinct);
    const values: string[] = new Array(k);
    for (let i = 0; i < k; i++) values[i] = d[Math.floor((i * d.length) / k)];
    return { values, numbers: [], present, distinctness: present ? Math.min(1, d.length / present) : 0 };
  }
  // Numbers: look at up to 20 rows per wanted value, evenly spaced, and keep the distinct ones.
  const look = Math.min(rowCount, maxDistinct * 20);
  const stride = rowCount / Math.max(look, 1);
  const seen = new Set<number>();
  let present = 0;
  for (let i = 0; i < look; i++) {
    const v = column.values[Math.floor(i * stride)];
    if (Number.isNaN(v)) continue;
    present++;
    if (seen.size < maxDistinct) seen.add(v);
  }
  const numbers = [...seen];
  const values = column.kind === 'datetime' ? [] : numbers.map((v) => (Number.isInteger(v) ? v.toFixed(0) : String(v)));
  return { values, numbers, present: present * stride, distinctness: present ? seen.size / present : 0 };
}

const shareOf = (values: string[], test: (v: string) => boolean) => (values.length ? values.filter(test).length / values.length : 0);

/** Ages at `now` for birth dates; a column of them has plausible ages for nearly every value. */
function birthDateScore(epochs: number[], now: number): number {
  if (epochs.length < 5) return 0;
  const ages = epochs.map((t) => (now - t) / YEAR_MS).sort((a, b) => a - b);
  const plausible = ages.filter((a) => a >= 14 && a <= 105).length / ages.length;
  const median = ages[Math.floor(ages.length / 2)];
  const spread = ages[Math.floor(ages.length * 0.9)] - ages[Math.floor(ages.length * 0.1)];
  // Signup or order dates give ages of a few years; birth dates spread over decades of adulthood.
  return plausible >= 0.9 && median >= 18 && median <= 90 && spread >= 10 ? plausible : 0;
}

/** Share of name-shaped values, and how sure that they are people's names. */
function nameScore(sample: Sample): { share: number; score: number } {
  const words = sample.values.map(nameWords);
  const shaped = words.filter(Boolean) as string[][];
  const share = sample.values.length ? shaped.length / sample.values.length : 0;
  if (share < 0.8 || shaped.length < 5) return { share, score: 0 };
  const known = shaped.filter((w) => w.some((x) => COMMON_FIRST_NAMES.has(x.toLowerCase()))).length / shaped.length;
  const meanWords = shaped.reduce((s, w) => s + w.length, 0) / shaped.length;
  if (known >= 0.3) return { share, score: share * (0.6 + 0.35 * Math.min(1, known / 0.6)) };
  // Full names from outside the list: two or three words, nearly every one different.
  if (meanWords >= 1.8 && sample.distinctness >= 0.5) return { share, score: share * 0.5 };
  return { share, score: 0 };
}

/** Four-part version numbers (1.2.3.4) are valid IPv4: a column of small octets starting below 10 is versions. */
function looksLikeVersions(values: string[]): boolean {
  const v4 = values.filter(isIPv4);
  if (v4.length === 0) return false;
  const small = v4.filter((v) => {
    const parts = v.split('.').map(Number);
    return parts[0] < 10 && parts.every((p) => p < 32);
  }).length;
  return small / v4.length >= 0.8;
}

export function detectColumn(column: Column, rowCount: number, options: DetectOptions = {}): PiiFinding | null {
  const now = options.now ?? Date.now();
  const sample = sampleColumn(column, rowCount, options.maxDistinct ?? 2000);
  if (sample.present === 0) return null;
  const hints = headerHints(column.name);
  const content: Partial<Record<PiiKind, number>> = {};
  const shares: Partial<Record<PiiKind, number>> = {};
  const v = sample.values;
  const put = (kind: PiiKind, share: number, strength = 1) => {
    shares[kind] = share;
    if (share >= MIN_SHARE) content[kind] = Math.min(0.99, share * strength);
  };
  if (column.kind === 'datetime') {
    put('birth-date', birthDateScore(sample.numbers, now), 0.5);
  } else if (v.length > 0) {
    if (column.storage === 'dictionary') {
      put('email', shareOf(v, isEmail));
      put('ip', looksLikeVersions(v) ? 0 : shareOf(v, isIp), 0.97);
      put('iban', shareOf(v, isIban));
      const names = nameScore(sample);
      shares.name = names.share;
      if (names.score > 0) content.name = names.score;
      if (hints['birth-date']) {
        const dates = v.map(parseDateText).filter((t): t is number => t !== null);
        put('birth-date', dates.length / v.length >= MIN_SHARE ? birthDateScore(dates, now) : 0, 0.5);
      }
    }
    put('card', shareOf(v, isCardNumber));
    put('phone', shareOf(v, (x) => isPhone(x, hints.phone !== undefined)), 0.9);
  }
  const kinds: PiiKindScore[] = [];
  for (const kind of Object.keys(PII_KIND_LABELS) as PiiKind[]) {
    const c = content[kind] ?? 0;
    // A header the content contradicts (a "phone" column of yes/no) counts for less.
    const h = hints[kind] ? (v.length > 0 && (shares[kind] ?? 0) < 0.05 && column.kind !== 'datetime' ? hints[kind]! * 0.6 : hints[kind]!) : 0;
    const confidence = 1 - (1 - c) * (1 - h);
    if (confidence > 0) kinds.push({ kind, confidence, share: shares[kind] ?? 0, byHeader: h > 0 });
  }
  kinds.sort((a, b) => b.confidence - a.confidence);
  const top = kinds[0];
  if (!top || top.confidence < (options.minConfidence ?? 0.3)) return null;
  return { column: column.name, kind: top.kind, confidence: top.confidence, share: top.share, sampled: column.kind === 'datetime' ? sample.numbers.length : v.length, kinds, evidence: evidenceOf(column.name, top, column.kind === 'datetime' ? sample.numbers.length : v.length) };
}

function evidenceOf(name: string, top: PiiKindScore, sampled: number): string {
  const label = PII_KIND_LABELS[top.kind];
  const parts: string[] = [];
  if (top.share > 0) parts.push(top.kind === 'birth-date' ? `${Math.round(top.share * 100)}% of ${sampled.toLocaleString('en-US')} sampled dates give a plausible adult age` : `${Math.round(top.share * 100)}% of ${sampled.toLocaleString('en-US')} sampled values look like ${label}s`);
  if (top.byHeader) parts.push(`the header "${name}" suggests ${label}`);
  return parts.join('; ');
}

/** Findings for every column that looks like personal data, most confident first. */
export function detectPii(dataset: Dataset, options: DetectOptions = {}): PiiFinding[] {
  return dataset.columns
    .map((c) => detectColumn(c, dataset.rowCount, options))
    .filter((f): f is PiiFinding => f !== null)
    .sort((a, b) => b.confidence - a.confidence);
}
