import type { Random } from '../core/random';
import { pick } from './sample';
import { COMPLAINT_PHRASES, NEUTRAL_PHRASES } from './words';

export type ComplaintTopic = 'price' | 'speed' | 'bugs' | 'leaving';
export type Complaints = Record<ComplaintTopic, boolean>;

const TOPICS: readonly ComplaintTopic[] = ['price', 'speed', 'bugs', 'leaving'];
/** How often each hidden reason to leave occurs; independent of usage, so only text reveals it. */
const TOPIC_RATE: Record<ComplaintTopic, number> = {
  price: 0.12,
  speed: 0.1,
  bugs: 0.1,
  leaving: 0.06,
};
const REVIEW_RATE = 0.8;
/** A customer with a complaint does not always write about it; a happy one sometimes grumbles. */
const MENTION_RATE = 0.85;
const FALSE_MENTION_RATE = 0.02;

export function sampleComplaints(random: Random): Complaints {
  return {
    price: random.next() < TOPIC_RATE.price,
    speed: random.next() < TOPIC_RATE.speed,
    bugs: random.next() < TOPIC_RATE.bugs,
    leaving: random.next() < TOPIC_RATE.leaving,
  };
}

function sentence(phrase: string): string {
  return phrase.charAt(0).toUpperCase() + phrase.slice(1) + '.';
}

/**
 * A one-to-three sentence review, or null (no review). Complaint phrases carry the words that
 * predict churn ("expensive", "slow", "bug", "cancel"); a few reviews span two lines.
 */
export function reviewText(complaints: Complaints, random: Random): string | null {
  if (random.next() >= REVIEW_RATE) return null;
  const phrases: string[] = [];
  if (random.next() < 0.7) phrases.push(pick(NEUTRAL_PHRASES, random));
  for (const topic of TOPICS) {
    const rate = complaints[topic] ? MENTION_RATE : FALSE_MENTION_RATE;
    if (random.next() < rate) phrases.push(pick(COMPLAINT_PHRASES[topic], random));
  }
  if (phrases.length === 0) phrases.push(pick(NEUTRAL_PHRASES, random));
  if (random.next() < 0.3) phrases.push(pick(NEUTRAL_PHRASES, random));
  // Shuffle so complaints are not always in the same position.
  for (let i = phrases.length - 1; i > 0; i--) {
    const j = random.int(i + 1);
    [phrases[i], phrases[j]] = [phrases[j], phrases[i]];
  }
  const separator = random.next() < 0.01 ? '\n' : ' ';
  return phrases.map(sentence).join(separator);
}
