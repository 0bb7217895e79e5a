/** Every cleaning operation, by op name: one line per operation. */
import type { StepDefinition } from '../types';
import { dropDuplicates } from './dropDuplicates';
import { excludeAnomalies } from './excludeAnomalies';
import { dropColumns } from './dropColumns';
import { mask } from './mask';
import { pseudonymise } from './pseudonymise';
import { generalise } from './generalise';
import { filterRows } from './filterRows';
import { impute } from './impute';
import { capOutliers } from './capOutliers';
import { castType } from './castType';
import { dateParts } from './dateParts';
import { derive } from './derive';
import { entityAggregates } from './entityAggregates';

export const STEP_DEFINITIONS: readonly StepDefinition[] = [
  dropDuplicates,
  filterRows,
  impute,
  capOutliers,
  castType,
  dateParts,
  derive,
  entityAggregates,
  excludeAnomalies,
  dropColumns,
  mask,
  pseudonymise,
  generalise,
];

export function stepDefinition(op: string): StepDefinition | null {
  return STEP_DEFINITIONS.find((d) => d.op === op) ?? null;
}
