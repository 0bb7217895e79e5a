/** A dataset's origin in words, for run headers, reports and the audit log. */
import type { DatasetLineage } from '../frame/types';

/** "orders.csv · cleaned 1 (5 cleaning steps from orders.csv v1)", or "orders.csv (version 2)". */
export function datasetWords(summary: { datasetName: string; datasetVersion: number; datasetLineage?: DatasetLineage }): string {
  const l = summary.datasetLineage;
  return l ? `${summary.datasetName} (${l.recipe.steps.length} cleaning step${l.recipe.steps.length === 1 ? '' : 's'} from ${l.parentName} v${l.parentVersion})` : `${summary.datasetName} (version ${summary.datasetVersion})`;
}
