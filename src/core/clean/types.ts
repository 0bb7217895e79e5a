/**
 * A cleaning recipe: an ordered, replayable list of steps, each a plain JSON object naming its
 * operation and parameters (never cell values the user did not type, never a secret). Applying
 * a recipe makes a new dataset; the original stays. Each step says what it touched.
 *
 * One file per operation under steps/, one line per operation in steps/index.ts.
 */
import type { Column, Dataset } from '../frame/types';

/** Every operation a step can name. Parameters live on the step itself (see each step file). */
export interface RecipeStepBase {
  op: string;
  /** The user's own note for the step ("drop test accounts"). */
  note?: string;
}

/** A step as stored: its op and whatever parameters that op defines. */
export type RecipeStep = RecipeStepBase & Record<string, unknown>;

export interface Recipe {
  format: 'loupe-recipe/1';
  /** The columns (name and kind) the recipe was written against: a file with these can replay it. */
  columns: { name: string; kind: Column['kind'] }[];
  steps: RecipeStep[];
}

/** What one step did, for the "rows/values affected" line under it. Counts only, never values. */
export interface StepReport {
  op: string;
  rowsBefore: number;
  rowsAfter: number;
  /** Cells changed (imputed, capped, masked, ...), when the step changes cells. */
  valuesChanged: number;
  columnsAdded: string[];
  columnsRemoved: string[];
  /** One line in words: "Dropped 12 duplicate rows", "Imputed 40 missing ages with the median 37". */
  summary: string;
  /** How long the step took, in milliseconds (set by applyRecipe; the bench reads it). */
  ms?: number;
}

/** Secrets a step may need at apply time; supplied by the user each time, never stored in the recipe. */
export interface StepSecrets {
  /** The pseudonymisation key the user holds (HMAC-SHA-256). */
  pseudonymKey?: string;
}

export interface StepContext {
  secrets: StepSecrets;
  signal?: { readonly aborted: boolean };
  /** Seeded steps (anomaly detection) take their seed from the step; this is for progress only. */
  onProgress?: (fraction: number) => void;
}

export type StepResult = { ok: true; dataset: Dataset; report: StepReport } | { ok: false; message: string };

/** One operation: how to check its parameters against a dataset, describe it, and apply it. */
export interface StepDefinition {
  op: string;
  /** In the user's words: "Drop duplicate rows". */
  label: string;
  /** A problem with the step's parameters on this dataset (a missing column), or null. */
  check(step: RecipeStep, dataset: Dataset): string | null;
  /** One line for the recipe list: "Drop duplicates on user_id". */
  describe(step: RecipeStep): string;
  apply(dataset: Dataset, step: RecipeStep, context: StepContext): Promise<StepResult> | StepResult;
}
