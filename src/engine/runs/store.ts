/**
 * Training runs, owned by the engine: each keeps its model, pipeline, per-row scores and the
 * dataset object it was trained on (so explanations and error analysis still work after the
 * dataset is re-read or removed); the UI gets a RunSummary.
 */
import { activeBackend } from '../../core/compute/backends';
import { runExperiment, type Experiment, type ExperimentConfig } from '../../core/experiment/run';
import type { Dataset } from '../../core/frame/types';
import { maxSteps, modelKind, type FitControl, type FittedModel, type TrainingStep } from '../../core/models';
import { experimentWithModel } from '../../core/experiment/withModel';
import { treeSummary } from './trees';
import type { Job } from '../jobs';
import { fail, ok, type Outcome } from '../outcome';
import type { Ledger, Resources } from '../resources';
import type { DatasetHost } from '../data/service';
import type { RunSummary, TrainProgress } from './api';

export interface StoredRun {
  summary: RunSummary;
  run: Experiment;
  dataset: Dataset;
}

/** Helper threads for a fit, started once when a kind that uses them first trains. */
export type FitHelpers = () => Promise<NonNullable<FitControl['helpers']>>;

export function createRunStore(datasets: DatasetHost, resources: Resources, helpers: FitHelpers = async () => ({})) {
  const runs = new Map<string, StoredRun>();
  let counter = 0;
  // What other services keep for a run (explanation backgrounds, explained rows) is charged to the run.
  const holders: ((runId: string, ledger: Ledger) => number)[] = [];

  resources.add({
    list: (ledger) =>
      [...runs.values()].map((s) => {
        const own = ledger.arrays([s.run.scores, s.run.y, s.run.splitOf]) + s.run.model.bytes();
        const current = datasets.get(s.summary.datasetId) === s.dataset;
        // The dataset's columns are charged here only when the dataset list no longer holds them.
        const columns = ledger.dataset(s.dataset);
        return {
          id: s.summary.id,
          kind: 'run' as const,
          label: s.summary.label,
          bytes: own + columns + holders.reduce((sum, held) => sum + held(s.summary.id, ledger), 0),
          dependsOn: [s.summary.datasetId],
          ...(columns > 0 ? { note: `${current ? '' : 'an earlier version of '}${s.summary.datasetName}, kept for this run` } : {}),
        };
      }),
  });

  return {
    async train(datasetId: string, config: ExperimentConfig, job: Job<TrainProgress>): Promise<Outcome<RunSummary, 'not-found' | 'cancelled' | 'nan-loss' | 'diverged' | 'bad-config'>> {
      const ds = datasets.get(datasetId);
      if (!ds) return fail('not-found', 'That dataset is no longer loaded.');
      const totalSteps = maxSteps(config.model);
      const fitHelpers = modelKind(config.model.kind)?.threads ? await helpers() : undefined;
      const result = await runExperiment(ds, config, {
        helpers: fitHelpers,
        signal: job.signal,
        onStep: (step: TrainingStep) => job.progress({ jobId: job.id, steps: [step], totalSteps }),
      });
      if (!result.ok) return fail(result.error.reason, result.error.message);
      const run = result.value;
      counter++;
      const id = resources.newId('run');
      const summary: RunSummary = {
        id,
        label: `Run ${counter} · ${config.model.kind}${config.imbalance && config.imbalance.method !== 'none' ? ` · ${config.imbalance.method}` : ''}`,
        datasetId,
        datasetName: ds.name,
        datasetVersion: datasets.version(datasetId),
        ...(ds.lineage ? { datasetLineage: ds.lineage } : {}),
        config,
        classes: run.classes,
        backend: activeBackend(),
        createdAt: new Date().toISOString(),
        progress: run.progress,
        history: run.history,
        stoppedEarly: run.stoppedEarly,
        bestStep: run.bestStep,
        capabilities: { margin: run.model.margin !== undefined, exactExplainer: run.model.exactExplainer?.method ?? null, trees: treeSummary(run.model) },
        evaluation: run.evaluation,
        timings: run.timings,
        helperThreads: fitHelpers?.histograms?.count ?? 0,
        trainRows: run.trainRows,
      };
      runs.set(id, { summary, run, dataset: ds });
      return ok(summary);
    },

    /** Every run, in the order trained (the workspace saves them). */
    all(): StoredRun[] {
      return [...runs.values()];
    },

    /** Holds a run read back from the saved workspace under its own id; later runs number on from it. */
    restore(stored: StoredRun): void {
      runs.set(stored.summary.id, stored);
      resources.claim(stored.summary.id);
      counter = Math.max(counter, Number(/^Run (\d+)/.exec(stored.summary.label)?.[1] ?? 0));
    },

    /**
     * A new run from an updated model of `parentId` (a stream's online update), evaluated on the
     * parent's test rows; it keeps the parent's dataset, pipeline and split (origin 'update').
     */
    async addUpdated(parentId: string, model: FittedModel, note: string): Promise<RunSummary | null> {
      const parent = runs.get(parentId);
      if (!parent) return null;
      const run = await experimentWithModel(parent.run, parent.dataset, model);
      counter++;
      const id = resources.newId('run');
      const summary: RunSummary = {
        ...parent.summary,
        id,
        label: `Run ${counter} · ${model.kind} · updated from ${parent.summary.label.split(' · ')[0]}`,
        createdAt: new Date().toISOString(),
        history: [],
        capabilities: { margin: model.margin !== undefined, exactExplainer: model.exactExplainer?.method ?? null, trees: treeSummary(model) },
        evaluation: run.evaluation,
        timings: run.timings,
        origin: 'update',
        parentRunId: parentId,
        updateNote: note,
      };
      runs.set(id, { summary, run, dataset: parent.dataset });
      return summary;
    },

    /** Another service holds memory for runs: it says how much for a run id. */
    holdFor(held: (runId: string, ledger: Ledger) => number): void {
      holders.push(held);
    },

    get(runId: string): StoredRun | undefined {
      return runs.get(runId);
    },

    /** Every run, in the order they were made (model versions number them so). */
    list(): StoredRun[] {
      return [...runs.values()];
    },

    remove(runId: string): boolean {
      const stored = runs.get(runId);
      if (!stored) return false;
      stored.run.model.dispose();
      runs.delete(runId);
      return true;
    },
  };
}

export type RunStore = ReturnType<typeof createRunStore>;

/** Train progress merges steps that wait for the next message, so none is dropped. */
export const mergeSteps = (waiting: TrainProgress, next: TrainProgress): TrainProgress => ({ ...next, steps: [...waiting.steps, ...next.steps] });
