/** Every cleaning operation, by op name: one line per operation. */
import type { StepDefinition } from '../types';
import { dropDuplicates } from './dropDuplicates';
import { excludeAnomalies } from './excludeAnomalies';

export const STEP_DEFINITIONS: readonly StepDefinition[] = [
  dropDuplicates,
  excludeAnomalies,
];

export function stepDefinition(op: string): StepDefinition | null {
  return STEP_DEFINITIONS.find((d) => d.op === op) ?? null;
}
