/** Portable export of network and boosted-tree runs (core/export); each download is audited as an export. */
import { onnxBytes, precisionOptions, type PortableRun } from '../../core/export/portable';
import { outputName, unsupportedSteps } from '../../core/export/onnx/graph';
import { forestOf } from '../../core/models/gbdt/fitted';
import { networkOf } from '../../core/models/network/fitted';
import { networkWeights } from '../../core/models/network/layers';
import type { AuditLog } from '../audit/log';
import { fail, ok } from '../outcome';
import type { RunStore, StoredRun } from '../runs/store';
import type { OnnxOffer, PortableApi } from './api';

const TEST = 3;

function portableRun(stored: StoredRun): PortableRun | string {
  const { run, dataset, summary } = stored;
  const network = networkOf(run.model);
  const forest = network ? null : forestOf(run.model);
  if (!network && !forest) return `ONNX export covers logistic, linear, MLP and boosted-tree models; a ${summary.config.model.kind} model is not offered.`;
  const unsupported = unsupportedSteps(run.pipeline, forest !== null);
  if (unsupported) return unsupported;
  const testRows: number[] = [];
  run.splitOf.forEach((s, r) => s === TEST && testRows.push(r));
  return {
    pipeline: run.pipeline,
    scorer: network ? { kind: 'network', weights: networkWeights(network) } : { kind: 'forest', forest: forest! },
    classes: run.classes,
    target: run.config.target,
    modelKind: run.config.model.kind,
    task: run.config.task,
    threshold: run.config.threshold,
    columns: dataset.columns,
    testRows: Int32Array.from(testRows),
    yTest: Float64Array.from(testRows, (r) => run.y[r]),
  };
}

export function createPortableService(store: RunStore, audit: AuditLog): PortableApi {
  // The offer scores the test split three times; it is kept per run, as the model never changes.
  const offers = new WeakMap<StoredRun, OnnxOffer>();
  return {
    async onnxOffer(runId) {
      const stored = store.get(runId);
      if (!stored) return fail('not-found', 'That run is no longer available; train it again.');
      const cached = offers.get(stored);
      if (cached) return ok(cached);
      const { run } = stored;
      const inputs = run.pipeline.features.map((s) => ({ name: s.column, type: s.kind === 'category' ? ('string' as const) : s.kind === 'datetime' ? ('double' as const) : ('float' as const) }));
      const output = { name: outputName(run.config.task), width: run.config.task === 'multiclass' ? run.classes.length : 1 };
      const portable = portableRun(stored);
      const holds = run.config.model.kind === 'gbdt' ? 'trees' : 'network';
      const offer: OnnxOffer = typeof portable === 'string' ? { unavailable: portable, holds, inputs, output, options: [] } : { unavailable: null, holds, inputs, output, options: precisionOptions(portable) };
      offers.set(stored, offer);
      return ok(offer);
    },

    async exportOnnx(runId, precision) {
      const stored = store.get(runId);
      if (!stored) return fail('not-found', 'That run is no longer available; train it again.');
      const portable = portableRun(stored);
      if (typeof portable === 'string') return fail('not-exportable', portable);
      const bytes = onnxBytes(portable, precision);
      audit.record('export', stored.summary.label, [runId, stored.summary.datasetId], `downloaded the model as ONNX (${precision} weights, ${bytes.length} bytes; no data rows)`);
      return ok(new Blob([bytes], { type: 'application/octet-stream' }));
    },
  };
}
