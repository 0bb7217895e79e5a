/**
 * What the privacy panel and the Data view draw: PII findings per dataset (the engine keeps them
 * per version, so asking again is cheap) and the last k-anonymity report per dataset. The
 * smallest groups' values live here, on the page, and nowhere else.
 */
import { create } from 'zustand';
import type { KAnonymityReport, PiiDetection, PiiFinding } from '../engine/api';
import { engineConnection } from './engine';

export interface KAnonymityState {
  columns: string[];
  targetK: number;
  report: KAnonymityReport | null;
  problem: string | null;
  busy: boolean;
}

export interface PrivacyStore {
  detections: Record<string, PiiDetection>;
  detectProblems: Record<string, string>;
  k: Record<string, KAnonymityState>;
  detect(datasetId: string): Promise<void>;
  setQuasiIdentifiers(datasetId: string, columns: string[]): void;
  setTargetK(datasetId: string, targetK: number): void;
  computeK(datasetId: string): Promise<void>;
}

const EMPTY_K: KAnonymityState = { columns: [], targetK: 5, report: null, problem: null, busy: false };

export const usePrivacy = create<PrivacyStore>((set, get) => {
  const patchK = (datasetId: string, patch: Partial<KAnonymityState>) => set((s) => ({ k: { ...s.k, [datasetId]: { ...(s.k[datasetId] ?? EMPTY_K), ...patch } } }));
  return {
    detections: {},
    detectProblems: {},
    k: {},

    async detect(datasetId) {
      const result = await engineConnection().engine.privacy.detect(datasetId);
      if (result.ok) set((s) => ({ detections: { ...s.detections, [datasetId]: result.value }, detectProblems: { ...s.detectProblems, [datasetId]: '' } }));
      else set((s) => ({ detectProblems: { ...s.detectProblems, [datasetId]: result.message } }));
    },

    // A changed choice clears the report: a k shown beside other columns would be wrong.
    setQuasiIdentifiers: (datasetId, columns) => patchK(datasetId, { columns, report: null, problem: null }),
    setTargetK: (datasetId, targetK) => patchK(datasetId, { targetK, report: null, problem: null }),

    async computeK(datasetId) {
      const state = get().k[datasetId] ?? EMPTY_K;
      patchK(datasetId, { busy: true, problem: null });
      const result = await engineConnection().engine.privacy.kAnonymity(datasetId, state.columns, state.targetK);
      patchK(datasetId, result.ok ? { report: result.value, busy: false } : { problem: result.message, report: null, busy: false });
    },
  };
});

export const EMPTY_K_STATE = EMPTY_K;

/** The finding for one column of a dataset, or null. */
export function findingFor(detection: PiiDetection | undefined, column: string): PiiFinding | null {
  return detection?.findings.find((f) => f.column === column) ?? null;
}
