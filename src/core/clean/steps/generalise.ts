/**
 * Generalise a quasi-identifier so fewer people stand alone (see core/privacy/kAnonymity.ts):
 * an age into a band of width N ("30–39"), a date into its month ("2024-03"), a zip or postcode
 * into its first N characters. The column keeps its name and becomes categorical.
 */
import { withColumn } from '../../frame/select';
import { parseDateText } from '../../privacy/values';
import type { StepDefinition } from '../types';
import { count, distinctTexts, reencode } from './columnText';

export type GeneraliseMethod = 'age-band' | 'month' | 'prefix';

export interface GeneraliseStep {
  op: 'generalise';
  column: string;
  method: GeneraliseMethod;
  /** age-band: the band width in years (default 10). */
  width?: number;
  /** prefix: characters kept (default 3). */
  chars?: number;
}

const METHODS: GeneraliseMethod[] = ['age-band', 'month', 'prefix'];
const widthOf = (step: Record<string, unknown>) => (typeof step.width === 'number' ? step.width : 10);
const charsOf = (step: Record<string, unknown>) => (typeof step.chars === 'number' ? step.chars : 3);

/** "30–39" for 34 with width 10; "34" for width 1. Bands start at multiples of the width. */
export function ageBand(age: number, width: number): string {
  const lo = Math.floor(age / width) * width;
  return width === 1 ? String(lo) : `${lo}–${lo + width - 1}`;
}

export function monthOf(epochMs: number): string {
  return new Date(epochMs).toISOString().slice(0, 7);
}

export const generalise: StepDefinition = {
  op: 'generalise',
  label: 'Generalise values',
  check(step, dataset) {
    const column = dataset.columns.find((c) => c.name === step.column);
    if (!column) return `No column named "${String(step.column)}" in ${dataset.name}.`;
    const method = step.method as GeneraliseMethod;
    if (!METHODS.includes(method)) return `Generalise by age band, month or prefix, not "${String(step.method)}".`;
    if (method === 'age-band') {
      if (column.storage !== 'number' || column.kind === 'datetime') return `${column.name} is not a number column, so it cannot be put into age bands.`;
      const w = widthOf(step);
      if (!Number.isInteger(w) || w < 1 || w > 100) return 'The band width must be a whole number of years from 1 to 100.';
    }
    if (method === 'month' && column.kind !== 'datetime' && column.storage !== 'dictionary') return `${column.name} holds numbers, not dates: set its type to datetime on the Data view first.`;
    if (method === 'prefix') {
      const n = charsOf(step);
      if (!Number.isInteger(n) || n < 1 || n > 20) return 'Characters to keep must be a whole number from 1 to 20.';
    }
    return null;
  },
  describe(step) {
    const col = String(step.column);
    if (step.method === 'age-band') return `Generalise ${col} into ${widthOf(step)}-year bands`;
    if (step.method === 'month') return `Generalise ${col} to its month`;
    return `Generalise ${col} to its first ${charsOf(step)} characters`;
  },
  apply(dataset, step) {
    const column = dataset.columns.find((c) => c.name === step.column)!;
    const method = step.method as GeneraliseMethod;
    const source = distinctTexts(column, dataset.rowCount);
    let mapped: (string | null)[];
    let order: ((a: string, b: string) => number) | undefined;
    if (method === 'age-band' && column.storage === 'number') {
      const w = widthOf(step);
      mapped = source.texts.map((t) => ageBand(Number(t), w));
      order = (a, b) => parseFloat(a) - parseFloat(b);
    } else if (method === 'month') {
      mapped = column.storage === 'number' ? source.texts.map((t) => monthOf(Date.parse(t))) : source.texts.map((t) => {
        const ms = parseDateText(t);
        return ms === null ? null : monthOf(ms);
      });
      order = (a, b) => (a < b ? -1 : a > b ? 1 : 0);
    } else {
      const n = charsOf(step);
      mapped = source.texts.map((t) => [...t.trim()].slice(0, n).join(''));
    }
    const next = withColumn(dataset, reencode(column.name, 'categorical', source, mapped, order));
    const unreadable = mapped.filter((m) => m === null).length;
    const note = unreadable > 0 ? `; ${count(unreadable, 'value')} that were not dates became missing` : '';
    return {
      ok: true,
      dataset: next,
      report: { op: 'generalise', rowsBefore: dataset.rowCount, rowsAfter: next.rowCount, valuesChanged: source.present, columnsAdded: [], columnsRemoved: [], summary: `Generalised ${count(source.present, 'value')} in ${column.name}${note}` },
    };
  },
};
