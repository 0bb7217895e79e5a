/**
 * The Add step form, as data: for each operation the Clean view offers, its fields and defaults.
 * One entry per operation; the form component draws any entry. (PII and anomaly steps are added
 * from their own panels, which know their settings better.)
 */
import type { ColumnProfile } from '../../core/frame/profile';

export type FieldKind = 'column' | 'columns' | 'choice' | 'number' | 'text' | 'checks' | 'numbers';

export interface StepField {
  key: string;
  label: string;
  kind: FieldKind;
  /** For column pickers: which columns fit. */
  columns?: (c: ColumnProfile) => boolean;
  options?: { value: string; label: string }[];
  /** Shown only when another field has one of these values. */
  when?: { key: string; values: string[] };
  optional?: boolean;
}

export interface StepForm {
  op: string;
  label: string;
  fields: StepField[];
  defaults: (columns: ColumnProfile[]) => Record<string, unknown>;
}

const isNumber = (c: ColumnProfile) => ['numeric', 'integer', 'boolean', 'datetime'].includes(c.kind);
const isDate = (c: ColumnProfile) => c.kind === 'datetime';
const isText = (c: ColumnProfile) => ['categorical', 'text', 'identifier'].includes(c.kind) && !c.numeric;
const first = (columns: ColumnProfile[], fits: (c: ColumnProfile) => boolean = () => true) => columns.find(fits)?.name ?? '';
const withMissing = (columns: ColumnProfile[]) => columns.find((c) => c.missing > 0)?.name ?? first(columns);
const key = (columns: ColumnProfile[]) => columns.find((c) => c.kind === 'identifier')?.name ?? first(columns);

export const STEP_FORMS: StepForm[] = [
  { op: 'drop-duplicates', label: 'Drop duplicate rows', fields: [{ key: 'columns', label: 'Key columns (none = exact duplicates)', kind: 'columns', optional: true }], defaults: () => ({ columns: [] }) },
  {
    op: 'filter-rows', label: 'Keep or drop rows by a condition',
    fields: [
      { key: 'keep', label: 'Rows to', kind: 'choice', options: [{ value: 'true', label: 'keep' }, { value: 'false', label: 'drop' }] },
      { key: 'column', label: 'Where column', kind: 'column' },
      { key: 'test', label: 'Condition', kind: 'choice', options: ['=', '!=', '<', '<=', '>', '>=', 'contains', 'missing', 'not-missing'].map((v) => ({ value: v, label: v === 'missing' ? 'is missing' : v === 'not-missing' ? 'is not missing' : v })) },
      { key: 'value', label: 'Value', kind: 'text', when: { key: 'test', values: ['=', '!=', '<', '<=', '>', '>=', 'contains'] } },
    ],
    defaults: (c) => ({ keep: 'false', column: withMissing(c), test: 'missing', value: '' }),
  },
  {
    op: 'impute', label: 'Fill missing values',
    fields: [
      { key: 'column', label: 'Column', kind: 'column' },
      { key: 'method', label: 'Fill with', kind: 'choice', options: [{ value: 'median', label: 'median' }, { value: 'mean', label: 'mean' }, { value: 'mode', label: 'most frequent' }, { value: 'constant', label: 'a constant' }] },
      { key: 'value', label: 'Constant', kind: 'text', when: { key: 'method', values: ['constant'] } },
    ],
    defaults: (c) => {
      const column = c.find((x) => x.missing > 0) ?? c[0];
      return { column: column?.name ?? '', method: column && isNumber(column) ? 'median' : 'mode', value: '' };
    },
  },
  {
    op: 'cap-outliers', label: 'Cap outliers',
    fields: [
      { key: 'column', label: 'Column', kind: 'column', columns: (c) => isNumber(c) && !isDate(c) },
      { key: 'method', label: 'Fences', kind: 'choice', options: [{ value: 'iqr', label: 'IQR × k beyond the quartiles' }, { value: 'percentile', label: 'percentiles' }] },
      { key: 'k', label: 'k', kind: 'number', when: { key: 'method', values: ['iqr'] } },
      { key: 'low', label: 'Low percentile', kind: 'number', when: { key: 'method', values: ['percentile'] } },
      { key: 'high', label: 'High percentile', kind: 'number', when: { key: 'method', values: ['percentile'] } },
    ],
    defaults: (c) => ({ column: first(c, (x) => ['numeric'].includes(x.kind)) || first(c, isNumber), method: 'iqr', k: 1.5, low: 1, high: 99 }),
  },
  {
    op: 'cast', label: 'Change a column type',
    fields: [
      { key: 'column', label: 'Column', kind: 'column' },
      { key: 'kind', label: 'New type', kind: 'choice', options: ['numeric', 'integer', 'boolean', 'categorical', 'datetime', 'text', 'identifier'].map((v) => ({ value: v, label: v })) },
    ],
    defaults: (c) => ({ column: first(c), kind: 'categorical' }),
  },
  {
    op: 'date-parts', label: 'Split a date into parts',
    fields: [
      { key: 'column', label: 'Date column', kind: 'column', columns: isDate },
      { key: 'parts', label: 'Parts', kind: 'checks', options: ['year', 'month', 'day', 'weekday', 'hour'].map((v) => ({ value: v, label: v })) },
    ],
    defaults: (c) => ({ column: first(c, isDate), parts: ['year', 'month', 'weekday'] }),
  },
  {
    op: 'derive', label: 'Add a derived column',
    fields: [
      { key: 'formula', label: 'Formula', kind: 'choice', options: [
        { value: 'divide', label: 'a ÷ b' }, { value: 'multiply', label: 'a × b' }, { value: 'add', label: 'a + b' }, { value: 'subtract', label: 'a − b' },
        { value: 'ratio', label: 'share a / (a + b)' }, { value: 'log', label: 'log a' }, { value: 'log1p', label: 'log(1 + a)' },
        { value: 'bucketize', label: 'buckets of a' }, { value: 'text-length', label: 'text length of a' },
      ] },
      { key: 'a', label: 'a', kind: 'column' },
      { key: 'b', label: 'b', kind: 'column', columns: isNumber, when: { key: 'formula', values: ['divide', 'multiply', 'add', 'subtract', 'ratio'] } },
      { key: 'bucketing', label: 'Buckets', kind: 'choice', options: [{ value: 'quantile', label: 'quantiles' }, { value: 'equal-width', label: 'equal width' }, { value: 'edges', label: 'my edges' }], when: { key: 'formula', values: ['bucketize'] } },
      { key: 'buckets', label: 'How many', kind: 'number', when: { key: 'bucketing', values: ['quantile', 'equal-width'] } },
      { key: 'edges', label: 'Edges (comma-separated)', kind: 'numbers', when: { key: 'bucketing', values: ['edges'] } },
      { key: 'name', label: 'New column name (optional)', kind: 'text', optional: true },
    ],
    defaults: (c) => ({ formula: 'divide', a: first(c, (x) => x.kind === 'numeric') || first(c, isNumber), b: c.filter(isNumber).map((x) => x.name)[1] ?? first(c, isNumber), bucketing: 'quantile', buckets: 4, edges: [], name: '' }),
  },
  {
    op: 'entity-aggregates', label: 'Add per-entity aggregates',
    fields: [
      { key: 'key', label: 'Group by', kind: 'column' },
      { key: 'aggregates', label: 'Aggregates', kind: 'checks', options: [
        { value: 'count', label: 'count' }, { value: 'sum', label: 'sum' }, { value: 'mean', label: 'mean' }, { value: 'std', label: 'std' }, { value: 'min', label: 'min' }, { value: 'max', label: 'max' },
        { value: 'first-date', label: 'first date' }, { value: 'last-date', label: 'last date' }, { value: 'days-since-last', label: 'days since last' }, { value: 'is-recurring', label: 'is recurring' },
      ] },
      { key: 'value', label: 'Of the number column', kind: 'column', columns: (c) => isNumber(c) && !isDate(c), optional: true },
      { key: 'date', label: 'Date column', kind: 'column', columns: isDate, optional: true },
    ],
    defaults: (c) => ({ key: key(c), aggregates: ['count', 'mean', 'is-recurring'], value: first(c, (x) => x.kind === 'numeric') || first(c, (x) => isNumber(x) && !isDate(x)), date: first(c, isDate) }),
  },
];

/** The step as the recipe stores it: form strings turned into the types each operation reads. */
export function stepOfForm(op: string, values: Record<string, unknown>): Record<string, unknown> & { op: string } {
  const step: Record<string, unknown> & { op: string } = { op };
  for (const [k, v] of Object.entries(values)) {
    if (k === 'keep') step.keep = v === 'true' || v === true;
    else if (k === 'value' && op === 'filter-rows' && typeof v === 'string' && v.trim() !== '' && Number.isFinite(Number(v))) step.value = Number(v);
    else if (v === '' && (k === 'name' || k === 'value' || k === 'date')) continue;
    else step[k] = v;
  }
  // Only keep what the chosen aggregates read, so the recipe names no column it does not use.
  if (op === 'entity-aggregates') {
    const a = (step.aggregates as string[]) ?? [];
    if (!a.some((x) => ['sum', 'mean', 'std', 'min', 'max'].includes(x))) delete step.value;
    if (!a.some((x) => ['first-date', 'last-date', 'days-since-last'].includes(x))) delete step.date;
  }
  return step;
}
