/** Drop whole columns (a detected email, a name): the rows stay, the columns are gone from the new version. */
import { withoutColumns } from '../../frame/select';
import type { StepDefinition } from '../types';
import { missingColumnProblem, stepColumns } from './columnText';

export interface DropColumnsStep {
  op: 'drop-columns';
  columns: string[];
}

export const dropColumns: StepDefinition = {
  op: 'drop-columns',
  label: 'Drop columns',
  check(step, dataset) {
    const names = stepColumns(step.columns);
    const problem = missingColumnProblem(names, dataset);
    if (problem) return problem;
    return names.length >= dataset.columns.length ? 'Dropping every column would leave nothing: keep at least one.' : null;
  },
  describe(step) {
    return `Drop ${stepColumns(step.columns).join(', ')}`;
  },
  apply(dataset, step) {
    const names = stepColumns(step.columns);
    const next = withoutColumns(dataset, names);
    return {
      ok: true,
      dataset: next,
      report: { op: 'drop-columns', rowsBefore: dataset.rowCount, rowsAfter: next.rowCount, valuesChanged: 0, columnsAdded: [], columnsRemoved: names, summary: `Dropped ${names.length === 1 ? `the column ${names[0]}` : `${names.length} columns: ${names.join(', ')}`}` },
    };
  },
};
