/** Every cleaning operation, by op name: one line per operation. */
import type { StepDefinition } from '../types';
import { dropDuplicates } from './dropDuplicates';
import { excludeAnomalies } from './excludeAnomalies';
import { dropColumns } from './dropColumns';
import { mask } from './mask';
import { pseudonymise } from './pseudonymise';
import { generalise } from './generalise';

export const STEP_DEFINITIONS: readonly StepDefinition[] = [
  dropDuplicates,
  excludeAnomalies,
  dropColumns,
  mask,
  pseudonymise,
  generalise,
];

export function stepDefinition(op: string): StepDefinition | null {
  return STEP_DEFINITIONS.find((d) => d.op === op) ?? null;
}
