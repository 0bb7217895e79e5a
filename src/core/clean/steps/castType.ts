/** Change a column's type, as the Data view's type menu does (the same conversion and messages). */
import { convertColumn } from '../../frame/convert';
import type { ColumnKind, Dataset } from '../../frame/types';
import type { StepDefinition } from '../types';
import { checkColumns, findColumn, report, str } from './stepParts';

export interface CastTypeStep {
  op: 'cast';
  column: string;
  kind: ColumnKind;
}

const KINDS: ColumnKind[] = ['numeric', 'integer', 'boolean', 'categorical', 'datetime', 'text', 'identifier'];

export const castType: StepDefinition = {
  op: 'cast',
  label: 'Change a column type',
  check(step, dataset) {
    return checkColumns(dataset, [str(step, 'column')]) ?? (KINDS.includes(str(step, 'kind') as ColumnKind) ? null : 'Choose the new type.');
  },
  describe(step) {
    return `Read ${str(step, 'column')} as ${str(step, 'kind')}`;
  },
  apply(dataset: Dataset, step) {
    const before = findColumn(dataset, str(step, 'column'))!;
    const converted = convertColumn(dataset, before.name, str(step, 'kind') as ColumnKind);
    if (!converted.ok) return { ok: false, message: converted.error.message };
    const next = converted.value;
    return { ok: true, dataset: next, report: report('cast', dataset, next, dataset.rowCount, `${before.name}: ${before.kind} → ${str(step, 'kind')}`) };
  },
};
