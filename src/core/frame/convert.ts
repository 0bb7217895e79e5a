/**
 * The user overrides a column's type. Returns a new Dataset sharing every other column; when the
 * values cannot be read as the new type, a message says how many and gives an example.
 */
import { parseIsoDateTime } from './datetime';
import { booleanOfLabel } from './infer';
import { isMissingText } from './number';
import { cellFormatter } from './rows';
import type { Column, ColumnKind, Dataset, DictionaryColumn, NumberColumn, Result } from './types';

type Converted = Result<Column, { message: string }>;

const fail = (message: string): { ok: false; error: { message: string } } => ({ ok: false, error: { message } });

/** What a value should have been, singular and plural: ['a number', 'numbers']. */
type Expected = readonly [one: string, many: string];

function notReadable(name: string, rows: number, expected: Expected, example: string): { ok: false; error: { message: string } } {
  const values = rows === 1 ? `1 value that is not ${expected[0]}` : `${rows} values that are not ${expected[1]}`;
  return fail(`"${name}" has ${values} (e.g. ${example})`);
}

/** Column as dictionary text: numbers formatted as displayed (ISO for datetimes). */
function toDictionary(column: Column, kind: DictionaryColumn['kind']): DictionaryColumn {
  if (column.storage === 'dictionary') return { ...column, kind };
  const format = cellFormatter(column);
  const lookup = new Map<string, number>();
  const dictionary: string[] = [];
  const codes = new Int32Array(column.values.length);
  for (let i = 0; i < codes.length; i++) {
    const label = format(i);
    if (label === null) {
      codes[i] = -1;
      continue;
    }
    let code = lookup.get(label);
    if (code === undefined) {
      code = dictionary.length;
      lookup.set(label, code);
      dictionary.push(label);
    }
    codes[i] = code;
  }
  return { storage: 'dictionary', kind, name: column.name, codes, dictionary };
}

/**
 * Reads each distinct label once with parse (NaN = not readable; missing markers stay missing) and
 * spreads the results over rows. On failure, counts the rows and quotes the first bad label.
 */
function parseLabels(column: DictionaryColumn, parse: (label: string) => number, what: Expected): Result<Float64Array, { message: string }> {
  const parsed = column.dictionary.map((label) => (isMissingText(label) ? NaN : parse(label)));
  const bad = column.dictionary.map((label, c) => Number.isNaN(parsed[c]) && !isMissingText(label));
  const values = new Float64Array(column.codes.length);
  let badRows = 0;
  let example = -1;
  for (let i = 0; i < values.length; i++) {
    const code = column.codes[i];
    if (code < 0) values[i] = NaN;
    else if (bad[code]) {
      badRows++;
      if (example < 0) example = code;
    } else values[i] = parsed[code];
  }
  if (badRows > 0) return notReadable(column.name, badRows, what, `"${column.dictionary[example]}"`);
  return { ok: true, value: values };
}

const parseNumberLoose = (label: string): number => (label.trim() === '' ? NaN : Number(label.trim()));
const wholeNumber = (label: string): number => {
  const v = parseNumberLoose(label);
  return Number.isInteger(v) ? v : NaN;
};
const booleanNumber = (label: string): number => {
  const b = booleanOfLabel(label);
  if (b !== null) return b ? 1 : 0;
  const v = parseNumberLoose(label);
  return v === 0 || v === 1 ? v : NaN;
};

function numberKind(column: Column, kind: NumberColumn['kind']): Converted {
  if (column.storage === 'number') {
    const values = column.values;
    const check = kind === 'integer' ? Number.isInteger : kind === 'boolean' ? (v: number) => v === 0 || v === 1 : kind === 'datetime' ? null : () => true;
    if (check === null) {
      if (column.kind !== 'datetime') return fail(`"${column.name}" holds numbers, not dates; dates are read from text like 2023-01-31 or 2023-01-31T10:20:00Z.`);
      return { ok: true, value: { ...column, kind } };
    }
    let badRows = 0;
    let example = NaN;
    for (let i = 0; i < values.length; i++) {
      const v = values[i];
      if (v === v && !check(v)) {
        if (badRows === 0) example = v;
        badRows++;
      }
    }
    const what: Expected = kind === 'integer' ? ['a whole number', 'whole numbers'] : ['0 or 1', '0 or 1'];
    if (badRows > 0) return notReadable(column.name, badRows, what, String(example));
    return { ok: true, value: { ...column, kind } };
  }
  if (kind === 'boolean') {
    const parsed = parseLabels(column, booleanNumber, ['true/false, yes/no or 0/1', 'true/false, yes/no or 0/1']);
    // Text booleans keep their labels ("yes"/"no"); the parse above only validates them.
    return parsed.ok ? { ok: true, value: { ...column, kind: 'boolean' } } : parsed;
  }
  const parse = kind === 'datetime' ? parseIsoDateTime : kind === 'integer' ? wholeNumber : parseNumberLoose;
  const what: Expected =
    kind === 'datetime'
      ? ['an ISO date like 2023-01-31', 'ISO dates like 2023-01-31']
      : kind === 'integer'
        ? ['a whole number', 'whole numbers']
        : ['a number', 'numbers'];
  const parsed = parseLabels(column, parse, what);
  if (!parsed.ok) return parsed;
  return { ok: true, value: { storage: 'number', kind, name: column.name, values: parsed.value } };
}

export function convertColumnData(column: Column, kind: ColumnKind): Converted {
  if (column.kind === kind) return { ok: true, value: column };
  switch (kind) {
    case 'numeric':
    case 'integer':
    case 'boolean':
    case 'datetime':
      return numberKind(column, kind);
    case 'identifier':
      // Integer ids stay numbers (compact, and sort as numbers); anything else becomes labels.
      if (column.storage === 'number' && column.kind !== 'datetime' && column.values.every((v) => v !== v || Number.isInteger(v))) {
        return { ok: true, value: { ...column, kind } };
      }
      return { ok: true, value: toDictionary(column, kind) };
    case 'categorical':
    case 'text':
      return { ok: true, value: toDictionary(column, kind) };
  }
}

export function convertColumn(ds: Dataset, column: string, kind: ColumnKind): Result<Dataset, { message: string }> {
  const index = ds.columns.findIndex((c) => c.name === column);
  if (index < 0) return fail(`There is no column named "${column}".`);
  const converted = convertColumnData(ds.columns[index], kind);
  if (!converted.ok) return converted;
  const columns = ds.columns.slice();
  columns[index] = converted.value;
  return { ok: true, value: { ...ds, columns } };
}
