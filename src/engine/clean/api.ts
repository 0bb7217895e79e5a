/**
 * Cleaning recipes in the engine: preview what each step would do, apply a recipe as a job that
 * makes a new dataset version (the original stays), and exchange recipes as JSON files.
 */
import type { Recipe, RecipeStep, StepReport, StepSecrets } from '../../core/clean/types';
import type { DatasetProfile } from '../../core/frame/profile';
import type { ProgressCallback } from '../jobs';
import type { Outcome } from '../outcome';

export type { Recipe, RecipeStep, StepReport, StepSecrets };

export type CleanFailure = 'not-found' | 'bad-step' | 'bad-recipe' | 'cancelled' | 'too-large';

export interface RecipePreview {
  /** One report per step that ran; a failing step stops the preview with its message. */
  reports: StepReport[];
  failedStep: number | null;
  message: string | null;
  rowsAfter: number;
  columnsAfter: number;
}

export interface StepOperation {
  op: string;
  label: string;
}

export interface CleanApi {
  /** Every operation a recipe can name, for the Add step menu. */
  operations(): Promise<StepOperation[]>;
  /** What each step would do on this dataset, without keeping anything. */
  preview(datasetId: string, steps: RecipeStep[], secrets: StepSecrets): Promise<Outcome<RecipePreview, CleanFailure>>;
  /** Apply as a job: a new dataset "<name> · cleaned N" with its lineage; the original stays. */
  apply(datasetId: string, steps: RecipeStep[], secrets: StepSecrets, jobId: string, onProgress: ProgressCallback): Promise<Outcome<{ profile: DatasetProfile; reports: StepReport[] }, CleanFailure>>;
  /** The recipe as a JSON file (format loupe-recipe/1): operations and parameters, never a secret or a cell value it was not given. */
  exportRecipe(datasetId: string, steps: RecipeStep[]): Promise<Outcome<Blob, CleanFailure>>;
  /** Reads a recipe file for a dataset: its steps, or why they cannot replay there (missing columns). */
  readRecipe(text: string, datasetId: string): Promise<Outcome<RecipeStep[], CleanFailure>>;
}
