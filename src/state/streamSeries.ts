/**
 * The stream's per-window points in a bounded buffer outside React state (DESIGN.md: high-frequency
 * series). Charts subscribe and redraw themselves; the page never re-renders per window.
 */
import type { WindowReport } from '../engine/api';

/** Windows kept for the charts; older ones fall off the left edge. */
export const MAX_STREAM_POINTS = 2000;

export interface StreamPoint {
  index: number;
  frozen: number;
  updated: number;
  /** The largest PSI of any feature in the window. */
  maxPsi: number;
  ddm: WindowReport['ddmLevel'];
  /** A feature alert or a DDM drift in the window. */
  alert: boolean;
  updatedHere: boolean;
  drift: { feature: string; psi: number; level: string }[];
}

export function createStreamSeries() {
  let points: StreamPoint[] = [];
  let version = 0;
  const listeners = new Set<() => void>();
  const notify = () => {
    version++;
    listeners.forEach((l) => l());
  };
  return {
    push(reports: WindowReport[], metric: 'auc' | 'accuracy' | 'rmse') {
      if (reports.length === 0) return;
      for (const w of reports) {
        points.push({
          index: w.index,
          frozen: w.frozen[metric],
          updated: w.updated[metric],
          maxPsi: w.drift.reduce((m, d) => Math.max(m, d.psi), 0),
          ddm: w.ddmLevel,
          alert: w.alerts.some((a) => a.kind !== 'ddm-warning'),
          updatedHere: w.update !== null,
          drift: w.drift.map((d) => ({ feature: d.feature, psi: d.psi, level: d.level })),
        });
      }
      if (points.length > MAX_STREAM_POINTS) points = points.slice(-MAX_STREAM_POINTS);
      notify();
    },
    clear() {
      points = [];
      notify();
    },
    points: () => points,
    version: () => version,
    subscribe(listener: () => void) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

export type StreamSeries = ReturnType<typeof createStreamSeries>;
