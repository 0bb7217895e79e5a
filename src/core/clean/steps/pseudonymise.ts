/**
 * Keyed pseudonymisation: each value becomes its HMAC-SHA-256 token under the user's key
 * (core/privacy/pseudonym.ts). The key comes from the apply call's secrets, never from the step,
 * so a recipe file or the audit log never holds it; the same key reproduces the same tokens.
 */
import { withColumn } from '../../frame/select';
import { pseudonymKey, pseudonymTokens, TOKEN_HEX_CHARS } from '../../privacy/pseudonym';
import type { StepDefinition } from '../types';
import { count, distinctTexts, missingColumnProblem, reencode, stepColumns } from './columnText';

export interface PseudonymiseStep {
  op: 'pseudonymise';
  columns: string[];
}

export const NO_KEY_MESSAGE = 'Pseudonymising needs your key: type it in the Personal data panel. Loupe never stores it, so it is asked for on every apply, and the same key gives the same tokens.';

export const NO_WEBCRYPTO_MESSAGE = 'Pseudonymising needs the browser\'s WebCrypto, which it offers only on a secure page: open Loupe over https or from localhost.';

export const pseudonymise: StepDefinition = {
  op: 'pseudonymise',
  label: 'Pseudonymise with a key',
  check(step, dataset) {
    return missingColumnProblem(stepColumns(step.columns), dataset);
  },
  describe(step) {
    return `Pseudonymise ${stepColumns(step.columns).join(', ')} (HMAC-SHA-256, ${TOKEN_HEX_CHARS} hex characters)`;
  },
  async apply(dataset, step, context) {
    const secret = context.secrets.pseudonymKey;
    if (!secret) return { ok: false, message: NO_KEY_MESSAGE };
    // Browsers offer crypto.subtle only on secure pages (https, localhost).
    if (!globalThis.crypto?.subtle) return { ok: false, message: NO_WEBCRYPTO_MESSAGE };
    const key = await pseudonymKey(secret);
    const names = stepColumns(step.columns);
    let next = dataset;
    let changed = 0;
    for (const name of names) {
      const column = dataset.columns.find((c) => c.name === name)!;
      const source = distinctTexts(column, dataset.rowCount);
      // One HMAC per distinct value, not per row.
      // (In-step progress is left to the recipe: its bar counts steps, and a per-step fraction would send it back.)
      const tokens = await pseudonymTokens(key, source.texts, { signal: context.signal });
      if (!tokens) return { ok: false, message: 'Cancelled.' };
      next = withColumn(next, reencode(name, 'identifier', source, tokens));
      changed += source.present;
    }
    return {
      ok: true,
      dataset: next,
      report: { op: 'pseudonymise', rowsBefore: dataset.rowCount, rowsAfter: next.rowCount, valuesChanged: changed, columnsAdded: [], columnsRemoved: [], summary: `Pseudonymised ${count(changed, 'value')} in ${names.join(', ')}` },
    };
  },
};
