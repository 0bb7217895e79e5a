/**
 * The clean service: recipes run in the engine on the held columns; a result is held as a new
 * dataset beside its parent, with its lineage, and recorded in the audit log (op names and
 * counts, never values or the pseudonymisation key).
 */
import { applyRecipe, missingColumns, parseRecipe, recipeFor } from '../../core/clean/recipe';
import { STEP_DEFINITIONS } from '../../core/clean/steps';
import type { AuditLog } from '../audit/log';
import type { DatasetHost } from '../data/service';
import type { JobRunner } from '../jobs';
import { fail, ok } from '../outcome';
import { createLedger, formatMB, type Resources } from '../resources';
import type { CleanApi } from './api';

export function createCleanService(datasets: DatasetHost, resources: Resources, jobs: JobRunner, audit: AuditLog, budgetBytes: () => number = () => Infinity): CleanApi {
  const gone = () => fail('not-found' as const, 'That dataset is no longer loaded: pick another one to clean.');
  /** Versions made from each parent, so names count on: "orders.csv · cleaned 2". */
  const made = new Map<string, number>();

  return {
    async operations() {
      return STEP_DEFINITIONS.map((d) => ({ op: d.op, label: d.label }));
    },

    async preview(datasetId, steps, secrets) {
      const dataset = datasets.get(datasetId);
      if (!dataset) return gone();
      const out = await applyRecipe(dataset, steps, { secrets });
      if (out.ok) return ok({ reports: out.reports, failedStep: null, message: null, rowsAfter: out.dataset.rowCount, columnsAfter: out.dataset.columns.length });
      // Re-run the steps before the failing one, so the preview still shows what they do.
      const before = await applyRecipe(dataset, steps.slice(0, out.stepIndex), { secrets });
      const reports = before.ok ? before.reports : [];
      return ok({ reports, failedStep: out.stepIndex, message: out.message, rowsAfter: before.ok ? before.dataset.rowCount : dataset.rowCount, columnsAfter: before.ok ? before.dataset.columns.length : dataset.columns.length });
    },

    apply: (datasetId, steps, secrets, jobId, onProgress) =>
      jobs.run(jobId, onProgress, async (job) => {
        const dataset = datasets.get(datasetId);
        if (!dataset) return gone();
        if (steps.length === 0) return fail('bad-step', 'The recipe has no steps yet: add one first.');
        job.progress({ jobId, fraction: 0, message: `Applying step 1 of ${steps.length}` }, true);
        const out = await applyRecipe(dataset, steps, {
          secrets,
          signal: job.signal,
          onProgress: (fraction) => job.progress({ jobId, fraction, message: `Applied ${Math.round(fraction * steps.length)} of ${steps.length} steps` }),
        });
        if (!out.ok) return job.signal.aborted ? fail('cancelled', 'Cleaning was cancelled; nothing was changed.') : fail('bad-step', out.message);
        // A recipe applied to a cleaned version extends that version's recipe, so lineage names the original file.
        const root = dataset.lineage ? { id: dataset.lineage.parentId, name: dataset.lineage.parentName, version: dataset.lineage.parentVersion } : { id: dataset.id, name: dataset.name, version: datasets.version(dataset.id) };
        const allSteps = [...(dataset.lineage?.recipe.steps ?? []), ...steps];
        const n = (made.get(root.id) ?? 0) + 1;
        made.set(root.id, n);
        // The new version is held beside its parent: refuse it when it would pass the memory budget.
        const bytes = createLedger().dataset(out.dataset);
        const held = resources.heldBytes();
        if (held + bytes > budgetBytes()) return fail('too-large', `The cleaned version would take ${formatMB(bytes)} on top of the ${formatMB(held)} held, more than the ${formatMB(budgetBytes())} memory budget: remove a dataset or a run first; nothing was changed.`);
        const id = resources.newId('ds');
        const recipe = recipeFor(datasets.get(root.id) ?? dataset, allSteps as typeof steps);
        const cleaned = { ...out.dataset, id, name: `${root.name} · cleaned ${n}`, lineage: { parentId: root.id, parentName: root.name, parentVersion: root.version, recipe } };
        const profile = datasets.add(cleaned);
        audit.record('clean', cleaned.name, [dataset.id, id], `Applied ${steps.length} steps (${steps.map((s) => s.op).join(', ')}) to ${dataset.name}: ${dataset.rowCount} → ${cleaned.rowCount} rows, ${dataset.columns.length} → ${cleaned.columns.length} columns`);
        job.progress({ jobId, fraction: 1, message: 'Done' }, true);
        return ok({ profile, reports: out.reports });
      }),

    async exportRecipe(datasetId, steps) {
      const dataset = datasets.get(datasetId);
      if (!dataset) return gone();
      audit.record('export', dataset.name, [dataset.id], `Exported a recipe of ${steps.length} steps`);
      return ok(new Blob([JSON.stringify(recipeFor(dataset, steps), null, 2)], { type: 'application/json' }));
    },

    async readRecipe(text, datasetId) {
      const dataset = datasets.get(datasetId);
      if (!dataset) return gone();
      const parsed = parseRecipe(text);
      if (!parsed.ok) return fail('bad-recipe', parsed.message);
      const missing = missingColumns(parsed.recipe, dataset);
      const needed = missing;
      if (needed.length) return fail('bad-recipe', `This recipe was written for a file with ${needed.length === 1 ? 'a column' : 'columns'} ${needed.map((n) => `"${n}"`).join(', ')}, which ${dataset.name} does not have.`);
      return ok(parsed.recipe.steps);
    },
  };
}
