/**
 * The one shape of an engine answer: `{ ok: true, value }` or `{ ok: false, reason, message }`.
 * `reason` is a string literal union per call, for code to branch on; `message` is what the UI
 * shows as is. Core keeps its own `Result` (with an `error` object); services convert at the edge.
 */
export type Failure<R extends string = string> = { ok: false; reason: R; message: string };
export type Outcome<T, R extends string = string> = { ok: true; value: T } | Failure<R>;

/** What any call that takes an id may answer when nothing by that id is held. */
export type NotFound = 'not-found';

export const ok = <T>(value: T): { ok: true; value: T } => ({ ok: true, value });

export function fail<R extends string>(reason: R, message: string): Failure<R> {
  return { ok: false, reason, message };
}

/** A core Result whose error carries a message (and maybe a reason) as an Outcome. */
export function fromResult<T, R extends string>(
  result: { ok: true; value: T } | { ok: false; error: { message: string; reason?: string; code?: string } },
  fallback: R,
): Outcome<T, R> {
  if (result.ok) return result;
  return fail((result.error.reason ?? result.error.code ?? fallback) as R, result.error.message);
}
