/**
 * Model versions over the run store: numbers are given once, in the order runs appear, so a
 * removed run never renumbers the others; the first version of a line is its current one until
 * another is promoted. Promotion state lives here, per line.
 */
import { currentOf, headlineMetrics, metricDeltas, modelLineKey, promote, rollback, settingsDiff, versionSettings, type PromotionState } from '../../core/experiment/versions';
import type { DatasetLineage } from '../../core/frame/types';
import type { AuditLog } from '../audit/log';
import { fail, ok } from '../outcome';
import type { RunSummary } from '../runs/api';
import type { RunStore, StoredRun } from '../runs/store';
import type { ModelLine, ModelVersion, VersionsApi } from './api';

export function createVersionsService(store: RunStore, audit: AuditLog, now: () => Date = () => new Date()): VersionsApi {
  const numbers = new Map<string, number>();
  const counters = new Map<string, number>();
  const promotions = new Map<string, PromotionState>();

  /** Numbers new runs and makes a line's first version current. */
  function sync(): StoredRun[] {
    const runs = store.list();
    for (const { summary } of runs) {
      if (numbers.has(summary.id)) continue;
      const key = modelLineKey(summary.config);
      const n = (counters.get(key) ?? 0) + 1;
      counters.set(key, n);
      numbers.set(summary.id, n);
      if (!promotions.has(key)) promotions.set(key, promote({ stack: [], history: [] }, summary.id, n, summary.createdAt, 'first'));
    }
    return runs;
  }

  function versionOf(stored: StoredRun, current: string | null): ModelVersion {
    const s = stored.summary;
    const lineage = (s as RunSummary & { lineage?: DatasetLineage }).lineage ?? stored.dataset.lineage ?? null;
    const dataText = `${s.datasetName} (version ${s.datasetVersion})${lineage ? `, cleaned from ${lineage.parentName} by ${lineage.recipe.steps.length} step${lineage.recipe.steps.length === 1 ? '' : 's'}` : ''}`;
    return {
      runId: s.id,
      version: numbers.get(s.id)!,
      label: s.label,
      modelKind: s.config.model.kind,
      origin: s.origin ?? 'train',
      parentRunId: s.parentRunId ?? null,
      parentVersion: s.parentRunId ? (numbers.get(s.parentRunId) ?? null) : null,
      data: { datasetId: s.datasetId, datasetName: s.datasetName, datasetVersion: s.datasetVersion, lineage },
      settings: versionSettings(s.config, dataText),
      metrics: headlineMetrics(s.evaluation),
      createdAt: s.createdAt,
      current: s.id === current,
    };
  }

  function lines(): ModelLine[] {
    const runs = sync();
    const byKey = new Map<string, StoredRun[]>();
    for (const r of runs) {
      const key = modelLineKey(r.summary.config);
      byKey.set(key, [...(byKey.get(key) ?? []), r]);
    }
    const exists = (id: string) => store.get(id) !== undefined;
    return [...byKey.entries()].map(([key, members]) => {
      const state = promotions.get(key)!;
      // A removed current hands over to the one promoted before it; with none left, the newest.
      const current = currentOf(state, exists) ?? members[members.length - 1].summary.id;
      const { target, task } = members[0].summary.config;
      return { key, target, task, versions: members.map((m) => versionOf(m, current)).sort((a, b) => a.version - b.version), currentRunId: current, history: state.history };
    });
  }

  const lineOf = (key: string) => lines().find((l) => l.key === key);

  return {
    async list() {
      return lines();
    },

    async compare(runA, runB) {
      const all = lines().flatMap((l) => l.versions);
      const a = all.find((v) => v.runId === runA);
      const b = all.find((v) => v.runId === runB);
      if (!a || !b) return fail('not-found', 'One of those versions is no longer loaded; pick two from the table.');
      const sa = store.get(runA)!.summary.config;
      const sb = store.get(runB)!.summary.config;
      if (modelLineKey(sa) !== modelLineKey(sb)) return fail('other-line', `Version ${a.version} and version ${b.version} predict different things (${sa.target}, ${sb.target}); compare versions of one model.`);
      return ok({ a, b, settings: settingsDiff(a.settings, b.settings), metrics: metricDeltas(a.metrics, b.metrics) });
    },

    async promote(runId) {
      sync();
      const stored = store.get(runId);
      if (!stored) return fail('not-found', 'That version is no longer loaded.');
      const key = modelLineKey(stored.summary.config);
      const version = numbers.get(runId)!;
      promotions.set(key, promote(promotions.get(key)!, runId, version, now().toISOString()));
      audit.record('update', stored.summary.label, [runId], `promoted version ${version} of ${stored.summary.config.target} (${stored.summary.config.task}) to current`);
      return ok(lineOf(key)!);
    },

    async rollback(lineKey) {
      sync();
      const state = promotions.get(lineKey);
      if (!state) return fail('not-found', 'That model has no versions loaded.');
      const exists = (id: string) => (store.get(id) ? (numbers.get(id) ?? null) : null);
      const from = currentOf(state, (id) => store.get(id) !== undefined);
      const next = rollback(state, exists, now().toISOString());
      if (!next) return fail('no-previous', 'There is no earlier current version to roll back to: promote another version first.');
      promotions.set(lineKey, next);
      const to = next.stack[next.stack.length - 1];
      const label = store.get(to)!.summary.label;
      audit.record('update', label, [to, ...(from ? [from] : [])], `rolled back ${lineKey.split(':').slice(1).join(':')} from version ${from ? numbers.get(from) : '?'} to version ${numbers.get(to)}`);
      return ok(lineOf(lineKey)!);
    },
  };
}
