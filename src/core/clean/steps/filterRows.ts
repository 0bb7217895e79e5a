/**
 * Keep or drop the rows where a condition on one column holds. Numbers and dates compare as
 * numbers (dates typed as ISO text, compared as UTC), categories and text by their label;
 * "contains" is a case-insensitive substring test. Missing values never satisfy a comparison.
 */
import { parseIsoDateTime } from '../../frame/datetime';
import { selectRows } from '../../frame/select';
import type { Column, Dataset } from '../../frame/types';
import type { StepDefinition } from '../types';
import { checkColumns, count, findColumn, report, str } from './stepParts';

export type RowTest = '=' | '!=' | '<' | '<=' | '>' | '>=' | 'missing' | 'not-missing' | 'contains';

export interface FilterRowsStep {
  op: 'filter-rows';
  column: string;
  test: RowTest;
  value?: string | number;
  /** Keep the rows that match (true) or drop them (false). */
  keep: boolean;
}

const TESTS: RowTest[] = ['=', '!=', '<', '<=', '>', '>=', 'missing', 'not-missing', 'contains'];

function compare(a: number | string, b: number | string, test: RowTest): boolean {
  switch (test) {
    case '=': return a === b;
    case '!=': return a !== b;
    case '<': return a < b;
    case '<=': return a <= b;
    case '>': return a > b;
    case '>=': return a >= b;
    default: return false;
  }
}

function numberOperand(column: Column, value: unknown): number {
  if (typeof value === 'number') return value;
  const text = String(value ?? '').trim();
  return column.kind === 'datetime' ? parseIsoDateTime(text) : Number(text);
}

/** 1 where the condition holds. */
export function rowsMatching(column: Column, test: RowTest, value: unknown, rowCount: number): Uint8Array | string {
  const out = new Uint8Array(rowCount);
  if (column.storage === 'number') {
    const values = column.values;
    if (test === 'missing' || test === 'not-missing') {
      for (let i = 0; i < rowCount; i++) out[i] = (values[i] !== values[i]) === (test === 'missing') ? 1 : 0;
      return out;
    }
    if (test === 'contains') {
      const needle = String(value ?? '').toLowerCase();
      for (let i = 0; i < rowCount; i++) out[i] = values[i] === values[i] && String(values[i]).includes(needle) ? 1 : 0;
      return out;
    }
    const operand = numberOperand(column, value);
    if (!Number.isFinite(operand)) return `"${String(value ?? '')}" is not ${column.kind === 'datetime' ? 'a date (use YYYY-MM-DD)' : 'a number'}, so ${column.name} cannot be compared with it.`;
    for (let i = 0; i < rowCount; i++) out[i] = values[i] === values[i] && compare(values[i], operand, test) ? 1 : 0;
    return out;
  }
  // Dictionaries: decide once per label, then per row by code.
  const text = String(value ?? '');
  const needle = text.toLowerCase();
  const byCode = column.dictionary.map((label) => (test === 'contains' ? label.toLowerCase().includes(needle) : compare(label, text, test)));
  for (let i = 0; i < rowCount; i++) {
    const code = column.codes[i];
    out[i] = test === 'missing' ? (code < 0 ? 1 : 0) : test === 'not-missing' ? (code >= 0 ? 1 : 0) : code >= 0 && byCode[code] ? 1 : 0;
  }
  return out;
}

export const filterRows: StepDefinition = {
  op: 'filter-rows',
  label: 'Keep or drop rows by a condition',
  check(step, dataset) {
    const problem = checkColumns(dataset, [str(step, 'column')]);
    if (problem) return problem;
    const test = str(step, 'test') as RowTest;
    if (!TESTS.includes(test)) return 'Choose a condition.';
    if (test !== 'missing' && test !== 'not-missing' && (step.value === undefined || step.value === '')) return 'Give the value to compare with.';
    return null;
  },
  describe(step) {
    const test = str(step, 'test');
    const what = test === 'missing' ? 'is missing' : test === 'not-missing' ? 'is not missing' : `${test === 'contains' ? 'contains' : test} ${JSON.stringify(step.value)}`;
    return `${step.keep === false ? 'Drop' : 'Keep'} rows where ${str(step, 'column')} ${what}`;
  },
  apply(dataset: Dataset, step) {
    const column = findColumn(dataset, str(step, 'column'))!;
    const matching = rowsMatching(column, str(step, 'test') as RowTest, step.value, dataset.rowCount);
    if (typeof matching === 'string') return { ok: false, message: matching };
    if (step.keep === false) for (let i = 0; i < matching.length; i++) matching[i] ^= 1;
    const next = selectRows(dataset, matching);
    const dropped = dataset.rowCount - next.rowCount;
    if (next.rowCount === 0) return { ok: false, message: `No row would be left (all ${count(dataset.rowCount, 'row')} ${step.keep === false ? 'match' : 'fail'} the condition).` };
    return { ok: true, dataset: next, report: report('filter-rows', dataset, next, 0, `Dropped ${count(dropped, 'row')}, kept ${count(next.rowCount, 'row')}`) };
  },
};
