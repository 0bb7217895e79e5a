/**
 * Applying and exchanging recipes. Steps run in order, each on the previous step's output; the
 * first step that fails stops the recipe with its message and nothing is kept, so a half-applied
 * recipe never becomes a dataset.
 */
import type { Dataset } from '../frame/types';
import { stepDefinition } from './steps';
import type { Recipe, RecipeStep, StepContext, StepReport } from './types';

export type RecipeOutcome = { ok: true; dataset: Dataset; reports: StepReport[] } | { ok: false; stepIndex: number; message: string };

export function recipeFor(dataset: Dataset, steps: RecipeStep[]): Recipe {
  return { format: 'loupe-recipe/1', columns: dataset.columns.map((c) => ({ name: c.name, kind: c.kind })), steps };
}

export async function applyRecipe(dataset: Dataset, steps: readonly RecipeStep[], context: StepContext): Promise<RecipeOutcome> {
  let current = dataset;
  const reports: StepReport[] = [];
  for (let i = 0; i < steps.length; i++) {
    if (context.signal?.aborted) return { ok: false, stepIndex: i, message: 'Cancelled.' };
    const step = steps[i];
    const definition = stepDefinition(step.op);
    if (!definition) return { ok: false, stepIndex: i, message: `Step ${i + 1}: Loupe does not know the operation "${step.op}".` };
    const problem = definition.check(step, current);
    if (problem) return { ok: false, stepIndex: i, message: `Step ${i + 1} (${definition.describe(step)}): ${problem}` };
    const started = performance.now();
    const result = await definition.apply(current, step, context);
    if (!result.ok) return { ok: false, stepIndex: i, message: `Step ${i + 1} (${definition.describe(step)}): ${result.message}` };
    current = result.dataset;
    reports.push({ ...result.report, ms: performance.now() - started });
    context.onProgress?.((i + 1) / steps.length);
  }
  return { ok: true, dataset: current, reports };
}

/** Reads a recipe file; a problem is a message naming what is wrong, never a half-read recipe. */
export function parseRecipe(text: string): { ok: true; recipe: Recipe } | { ok: false; message: string } {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { ok: false, message: 'This file is not JSON, so it is not a Loupe recipe.' };
  }
  const r = value as Partial<Recipe>;
  if (!r || typeof r !== 'object' || r.format !== 'loupe-recipe/1') return { ok: false, message: 'This JSON is not a Loupe recipe (it has no "format": "loupe-recipe/1").' };
  if (!Array.isArray(r.steps) || !Array.isArray(r.columns)) return { ok: false, message: 'This recipe has no list of steps or columns.' };
  for (const [i, step] of r.steps.entries()) {
    if (!step || typeof step !== 'object' || typeof (step as RecipeStep).op !== 'string') return { ok: false, message: `Step ${i + 1} of this recipe has no operation.` };
    if (!stepDefinition((step as RecipeStep).op)) return { ok: false, message: `Step ${i + 1} uses "${(step as RecipeStep).op}", an operation this version of Loupe does not know.` };
  }
  return { ok: true, recipe: r as Recipe };
}

/** Columns the recipe needs that this dataset lacks: replaying on another file needs the same columns. */
export function missingColumns(recipe: Recipe, dataset: Dataset): string[] {
  const have = new Set(dataset.columns.map((c) => c.name));
  return recipe.columns.map((c) => c.name).filter((n) => !have.has(n));
}
