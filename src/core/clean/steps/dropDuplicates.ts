/** Drop exact duplicate rows, or rows that repeat on chosen key columns; the first one stays. */
import { selectRows } from '../../frame/select';
import type { Column, Dataset } from '../../frame/types';
import type { RecipeStep, StepDefinition } from '../types';

export interface DropDuplicatesStep {
  op: 'drop-duplicates';
  /** Key columns; empty means every column (exact duplicates). */
  columns: string[];
}

function keys(step: RecipeStep): string[] {
  return Array.isArray(step.columns) ? (step.columns as string[]) : [];
}

/** 1 for the first row of each distinct key, 0 for the repeats. Exact comparison, not hashes alone. */
export function firstOfEachKey(columns: Column[], rowCount: number): Uint8Array {
  const keep = new Uint8Array(rowCount);
  const seen = new Map<string, number>();
  const parts: string[] = new Array(columns.length);
  for (let row = 0; row < rowCount; row++) {
    for (let c = 0; c < columns.length; c++) {
      const column = columns[c];
      // Codes and number bits are exact; NaN (missing) equals NaN here, as pandas' duplicated() treats it.
      parts[c] = column.storage === 'dictionary' ? String(column.codes[row]) : String(column.values[row]);
    }
    const key = parts.join('\u0001');
    if (!seen.has(key)) {
      seen.set(key, row);
      keep[row] = 1;
    }
  }
  return keep;
}

export const dropDuplicates: StepDefinition = {
  op: 'drop-duplicates',
  label: 'Drop duplicate rows',
  check(step, dataset) {
    const missing = keys(step).filter((k) => !dataset.columns.some((c) => c.name === k));
    return missing.length ? `No column named ${missing.map((m) => `"${m}"`).join(', ')} in ${dataset.name}.` : null;
  },
  describe(step) {
    const k = keys(step);
    return k.length ? `Drop rows that repeat ${k.join(' + ')}` : 'Drop exact duplicate rows';
  },
  apply(dataset: Dataset, step) {
    const k = keys(step);
    const columns = k.length ? dataset.columns.filter((c) => k.includes(c.name)) : dataset.columns;
    const keep = firstOfEachKey(columns, dataset.rowCount);
    const next = selectRows(dataset, keep);
    const dropped = dataset.rowCount - next.rowCount;
    return {
      ok: true,
      dataset: next,
      report: { op: 'drop-duplicates', rowsBefore: dataset.rowCount, rowsAfter: next.rowCount, valuesChanged: 0, columnsAdded: [], columnsRemoved: [], summary: `Dropped ${dropped.toLocaleString('en-US')} duplicate row${dropped === 1 ? '' : 's'}` },
    };
  },
};
