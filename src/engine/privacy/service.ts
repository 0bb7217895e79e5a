/**
 * The privacy service: detection and k-anonymity on the datasets the engine holds. Detection is
 * kept per dataset version, so looking again (a re-render, another tab) costs nothing and writes
 * one audit entry per version, not one per look.
 */
import { detectPii, PII_KIND_LABELS } from '../../core/privacy/detect';
import { kAnonymity } from '../../core/privacy/kAnonymity';
import type { AuditLog } from '../audit/log';
import type { DatasetHost } from '../data/service';
import { fail, ok } from '../outcome';
import type { Dataset } from '../../core/frame/types';
import type { PiiDetection, PrivacyApi } from './api';

const PROTECTING: Record<string, string> = { pseudonymise: 'pseudonymised', mask: 'masked', generalise: 'generalised' };

/** Columns the recipe that made this version pseudonymised, masked or generalised. */
function protectedColumns(ds: Dataset): Record<string, string> {
  const out: Record<string, string> = {};
  for (const step of (ds.lineage?.recipe.steps ?? []) as { op: string; columns?: unknown; column?: unknown }[]) {
    const done = PROTECTING[step.op];
    if (!done) continue;
    const names = Array.isArray(step.columns) ? step.columns : typeof step.column === 'string' ? [step.column] : [];
    for (const name of names) if (typeof name === 'string' && ds.columns.some((c) => c.name === name)) out[name] = done;
  }
  return out;
}

export function createPrivacyService(datasets: DatasetHost, audit: AuditLog, now: () => number = () => Date.now()): PrivacyApi {
  const detected = new Map<string, PiiDetection>();
  datasets.onChange((id) => detected.delete(id));
  const gone = (id: string) => fail('not-found' as const, `That dataset (${id}) is no longer loaded.`);

  return {
    async detect(datasetId) {
      const ds = datasets.get(datasetId);
      if (!ds) return gone(datasetId);
      const version = datasets.version(datasetId);
      const cached = detected.get(datasetId);
      if (cached && cached.version === version) return ok(cached);
      const protectedByStep = protectedColumns(ds);
      const findings = detectPii(ds, { now: now() }).filter((f) => !(f.column in protectedByStep));
      const result: PiiDetection = { datasetId, version, columnsChecked: ds.columns.length, findings, protectedColumns: protectedByStep };
      detected.set(datasetId, result);
      // Column names and kinds only: never a value.
      const found = findings.map((f) => `${f.column} (${PII_KIND_LABELS[f.kind]})`).join(', ');
      audit.record('pii', ds.name, [datasetId], `Checked ${ds.columns.length} columns for personal data: ${findings.length === 0 ? 'none found' : `${findings.length} found: ${found}`}`);
      return ok(result);
    },

    async kAnonymity(datasetId, columns, targetK) {
      const ds = datasets.get(datasetId);
      if (!ds) return gone(datasetId);
      const report = kAnonymity(ds, columns, targetK);
      if (typeof report === 'string') return fail('bad-request', report);
      audit.record('pii', ds.name, [datasetId], `k-anonymity on ${columns.join(', ')}: k = ${report.k}, ${report.rowsToSuppress.toLocaleString('en-US')} rows below k = ${targetK}`);
      return ok(report);
    },
  };
}
