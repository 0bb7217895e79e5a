/**
 * An experiment's configuration in a link: what to predict, from which columns, with which model
 * and seed — never data, never a fitted model. It travels in the URL fragment (#loupe=…), which
 * browsers do not send to any server. A colleague opens the link, adds the same file, and the
 * Train view is set up to reproduce the run.
 */
import type { ExperimentConfig } from './run';

export const SHARE_KEY = 'loupe';
export const SHARE_VERSION = 1;

/** The shareable fields, one by one: adding a field to ExperimentConfig does not leak it into links by accident. */
export function shareableConfig(config: ExperimentConfig): ExperimentConfig {
  const { target, task, positiveClass, features, model, seed, split, threshold, imbalance, augment } = config;
  return { target, task, positiveClass, features, model, seed, split, threshold, ...(imbalance ? { imbalance } : {}), ...(augment ? { augment } : {}) };
}

export function configToFragment(config: ExperimentConfig): string {
  return `#${SHARE_KEY}=${encodeURIComponent(JSON.stringify({ v: SHARE_VERSION, ...shareableConfig(config) }))}`;
}

/**
 * The configuration in a URL fragment, null when the fragment holds none, or a message when it is
 * damaged. The model's settings are checked by its kind in the engine when the link is applied
 * (this runs on the page, which does not load the model kinds).
 */
export function configFromFragment(fragment: string): { ok: true; value: ExperimentConfig | null } | { ok: false; message: string } {
  const match = fragment.replace(/^#/, '').split('&').find((part) => part.startsWith(`${SHARE_KEY}=`));
  if (!match) return { ok: true, value: null };
  let json: Record<string, unknown>;
  try {
    json = JSON.parse(decodeURIComponent(match.slice(SHARE_KEY.length + 1))) as Record<string, unknown>;
  } catch {
    return { ok: false, message: 'The shared link is damaged: its configuration could not be read.' };
  }
  if (json.v !== SHARE_VERSION) return { ok: false, message: 'The shared link comes from another version of Loupe.' };
  const c = json as unknown as ExperimentConfig;
  const valid =
    typeof c.target === 'string' &&
    (c.task === 'binary' || c.task === 'multiclass' || c.task === 'regression') &&
    Array.isArray(c.features) &&
    c.features.every((f) => typeof f === 'string') &&
    typeof c.seed === 'number' &&
    !!c.model &&
    typeof c.model.kind === 'string' &&
    !!c.split &&
    typeof c.threshold === 'number';
  if (!valid) return { ok: false, message: 'The shared link is missing part of the configuration (target, task, features, model or seed).' };
  return { ok: true, value: shareableConfig(c) };
}
