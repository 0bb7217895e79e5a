/**
 * Mask values: every present value becomes "••••", or "••••" and its last N characters
 * ("••••1234" for a card). The mask has a fixed length so it does not give the value's length away;
 * a value no longer than N is masked whole, since keeping N of it would keep all of it.
 */
import { withColumn } from '../../frame/select';
import type { StepDefinition } from '../types';
import { count, distinctTexts, missingColumnProblem, reencode, stepColumns } from './columnText';

export interface MaskStep {
  op: 'mask';
  columns: string[];
  /** Characters kept at the end; 0 masks the whole value. */
  keepLast: number;
}

export const MASK = '••••';

const keepOf = (step: Record<string, unknown>) => (typeof step.keepLast === 'number' ? step.keepLast : 0);

export function maskValue(value: string, keepLast: number): string {
  const chars = [...value.trim()];
  return keepLast > 0 && chars.length > keepLast ? MASK + chars.slice(-keepLast).join('') : MASK;
}

export const mask: StepDefinition = {
  op: 'mask',
  label: 'Mask values',
  check(step, dataset) {
    const keep = keepOf(step);
    if (!Number.isInteger(keep) || keep < 0 || keep > 8) return 'Characters to keep must be a whole number from 0 to 8.';
    return missingColumnProblem(stepColumns(step.columns), dataset);
  },
  describe(step) {
    const keep = keepOf(step);
    return `Mask ${stepColumns(step.columns).join(', ')}${keep > 0 ? `, keeping the last ${keep}` : ''}`;
  },
  apply(dataset, step) {
    const keep = keepOf(step);
    let next = dataset;
    let changed = 0;
    for (const name of stepColumns(step.columns)) {
      const column = dataset.columns.find((c) => c.name === name)!;
      const source = distinctTexts(column, dataset.rowCount);
      next = withColumn(next, reencode(name, keep > 0 ? 'identifier' : 'categorical', source, source.texts.map((t) => maskValue(t, keep))));
      changed += source.present;
    }
    return {
      ok: true,
      dataset: next,
      report: { op: 'mask', rowsBefore: dataset.rowCount, rowsAfter: next.rowCount, valuesChanged: changed, columnsAdded: [], columnsRemoved: [], summary: `Masked ${count(changed, 'value')} in ${stepColumns(step.columns).join(', ')}` },
    };
  },
};
