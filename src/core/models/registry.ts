/**
 * The model kinds Loupe can train, one line each. A kind is one folder under src/core/models/<kind>/
 * exporting a ModelKindDefinition; everything else (Train form, search, share links, Explain,
 * export and reload, the fold workers, the bench) finds it here.
 */
import type { ModelKindDefinition, ModelKindInfo, ModelSpec, TaskKind } from './kind';
import { logisticKind } from './logistic';
import { linearKind } from './linear';
import { mlpKind } from './mlp';
import { gbdtKind } from './gbdt';

const kinds = new Map<string, ModelKindDefinition>();

/** Adds a kind (tests add toy kinds this way); a kind registered twice replaces the first. */
export function registerModelKind<S extends ModelSpec>(definition: ModelKindDefinition<S>): void {
  // The registry only calls a kind with specs its own parse accepted, so S is safe to widen.
  kinds.set(definition.kind, definition as unknown as ModelKindDefinition);
}

registerModelKind(logisticKind);
registerModelKind(linearKind);
registerModelKind(mlpKind);
registerModelKind(gbdtKind);

export function modelKinds(): ModelKindDefinition[] {
  return [...kinds.values()];
}

export function modelKind(kind: string): ModelKindDefinition | null {
  return kinds.get(kind) ?? null;
}

/** The kinds that can learn a task, in registration order (the Train form's list). */
export function kindsFor(task: TaskKind): ModelKindDefinition[] {
  return modelKinds().filter((k) => k.tasks.includes(task));
}

/** The UI's view of every kind: plain data, no functions. */
export function modelKindInfos(): ModelKindInfo[] {
  return modelKinds().map(({ kind, label, tasks, progress, settings, presets }) => ({ kind, label, tasks, progress, settings, presets: (presets ?? []) as ModelKindInfo['presets'] }));
}
