/**
 * A point that moves over a chart without redrawing the chart: the threshold slider moves the
 * operating point on ROC and PR many times a second, and re-rendering recharts' 2,000-point lines
 * each step cost more than a frame. The chart is memoized; only this dot subscribes to the value.
 */
import { useSyncExternalStore } from 'react';
import { useXAxisScale, useYAxisScale, ZIndexLayer } from 'recharts';

export type MarkerPoint = { x: number; y: number } | null;

export interface MarkerBox {
  get(): MarkerPoint;
  set(point: MarkerPoint): void;
  subscribe(listener: () => void): () => void;
}

export function createMarkerBox(initial: MarkerPoint): MarkerBox {
  let point = initial;
  const listeners = new Set<() => void>();
  return {
    get: () => point,
    set(next) {
      if (next?.x === point?.x && next?.y === point?.y) return;
      point = next;
      for (const l of listeners) l();
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

/** Rendered inside a recharts chart: maps the box's point through the chart's own axis scales. */
export function MovingMarker({ box }: { box: MarkerBox }) {
  const point = useSyncExternalStore(box.subscribe, box.get);
  const xScale = useXAxisScale();
  const yScale = useYAxisScale();
  const cx = point && xScale && Number.isFinite(point.x) ? xScale(point.x) : undefined;
  const cy = point && yScale && Number.isFinite(point.y) ? yScale(point.y) : undefined;
  // Above the curve, as recharts draws its own ReferenceDot (the scatter layer, 600).
  return <ZIndexLayer zIndex={600}>{cx !== undefined && cy !== undefined ? <circle className="moving-marker" cx={cx} cy={cy} r={6} fill="#ef4444" stroke="white" strokeWidth={2} /> : null}</ZIndexLayer>;
}
