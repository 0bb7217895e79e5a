/**
 * The generic doors into any kind: check a spec, fit it, load a saved model. These are what
 * experiment/, explain/ and the engine call; none of them knows which kinds exist.
 */
import type { FitControl, FitData, FitOutcome, FittedModel, ModelFile, ModelSpec, TaskKind, TrainingData } from './kind';
import { kindsFor, modelKind } from './registry';
import { pickSettings, settingsProblem } from './settings';

const TASK_WORDS: Record<TaskKind, string> = { binary: 'two classes', multiclass: 'several classes', regression: 'a number' };

/** A spec as the kind accepts it (only its own settings), or why not. */
export function parseModelSpec(raw: unknown, task?: TaskKind): { ok: true; value: ModelSpec } | { ok: false; message: string } {
  if (!raw || typeof raw !== 'object' || typeof (raw as { kind?: unknown }).kind !== 'string') return { ok: false, message: 'The model settings name no model kind.' };
  const kind = modelKind((raw as { kind: string }).kind);
  if (!kind) return { ok: false, message: `Loupe does not know the model kind "${(raw as { kind: string }).kind}".` };
  const settings = pickSettings(kind.settings, raw as Record<string, unknown>);
  const problem = settingsProblem(kind.settings, settings);
  if (problem) return { ok: false, message: problem };
  const spec = { ...settings, kind: kind.kind } as ModelSpec;
  if (task) {
    if (!kind.tasks.includes(task)) {
      const others = kindsFor(task).map((k) => k.label);
      return { ok: false, message: `${capitalise(kind.label)} cannot predict ${TASK_WORDS[task]}${others.length ? `; use ${listWords(others)}` : ''}.` };
    }
    const extra = kind.check?.(spec, task);
    if (extra) return { ok: false, message: extra };
  }
  return { ok: true, value: spec };
}

/** "a", "a or b", "a, b or c". */
function listWords(items: string[]): string {
  return items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} or ${items.at(-1)}`;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** Data problems any kind would refuse, checked before it sees the data. */
export function dataProblem(data: FitData): string | null {
  const { task, classes, train, val } = data;
  if (train.cols < 1) return 'There are no feature columns: choose at least one feature.';
  if (train.rows < 1) return 'The training split has no rows.';
  if (val.rows > 0 && val.cols !== train.cols) return `Validation has ${val.cols} columns but training has ${train.cols}.`;
  for (const d of [train, val]) {
    if (d.x.length !== d.rows * d.cols || d.y.length !== d.rows) return 'The design matrix does not match its row and column counts.';
  }
  if (train.weights && (train.weights.length !== train.rows || !train.weights.every((w) => Number.isFinite(w) && w >= 0))) {
    return 'Sample weights must be one finite, non-negative number per training row.';
  }
  if (task === 'binary' && classes !== 2) return 'A binary task has exactly two classes.';
  if (task === 'multiclass' && !(classes >= 2)) return 'A multiclass task needs at least two classes.';
  if (task !== 'regression') {
    const k = task === 'binary' ? 2 : classes;
    for (const d of [train, val] as TrainingData[]) {
      for (const v of d.y) if (!(Number.isInteger(v) && v >= 0 && v < k)) return `Class labels must be whole numbers from 0 to ${k - 1}.`;
    }
  } else if (!train.y.every(Number.isFinite)) {
    return 'The target has missing or infinite values in the training rows.';
  }
  return null;
}

/** Fit any registered kind: the spec and the data are checked first, so a kind sees only what it accepts. */
export async function fitModel(rawSpec: ModelSpec, data: FitData, control: FitControl = {}): Promise<FitOutcome> {
  const parsed = parseModelSpec(rawSpec, data.task);
  if (!parsed.ok) return { ok: false, reason: 'bad-config', message: parsed.message };
  const problem = dataProblem(data);
  if (problem) return { ok: false, reason: 'bad-config', message: problem };
  return modelKind(parsed.value.kind)!.fit(data, parsed.value, control);
}

/** The steps a spec trains for at most (epochs, rounds), for the progress bar; 0 for an unknown kind. */
export function maxSteps(spec: ModelSpec): number {
  return modelKind(spec.kind)?.maxSteps(spec) ?? 0;
}

/** Read a saved model of the named kind and format back. */
export async function loadFittedModel(kind: string, format: string, files: ModelFile[]): Promise<FittedModel> {
  const definition = modelKind(kind);
  if (!definition) throw new Error(`Loupe does not know the model kind "${kind}".`);
  return definition.load(files, format);
}

/** A kind's default settings for a task (the Train form's starting point). */
export function defaultModelSpec(kind: string, task: TaskKind): ModelSpec {
  const definition = modelKind(kind);
  if (!definition) throw new Error(`Loupe does not know the model kind "${kind}".`);
  return definition.defaults(task);
}
