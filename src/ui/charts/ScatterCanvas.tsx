/**
 * A scatter plot on one canvas. Recharts draws each point as its own SVG element and React
 * component: 2,000 predicted-vs-actual points plus 2,000 residuals froze Evaluate (issue 16).
 * The numbers stay reachable through the table toggle beside the chart.
 */
import { useEffect } from 'react';
import { clearedContext, pixelRatio, useCanvasBox } from './useCanvasBox';
import { formatNumber } from '../format';

export interface ScatterCanvasProps {
  x: readonly number[];
  y: readonly number[];
  xLabel: string;
  yLabel: string;
  ariaLabel: string;
  color: string;
  height?: number;
  /** The same range on both axes (predicted vs actual), else each axis fits its values. */
  sharedRange?: [number, number];
  /** A dashed guide: the diagonal y = x, or the horizontal y = 0. */
  guide?: 'diagonal' | 'zero';
}

const LEFT = 60;
const BOTTOM = 36;
const TOP = 8;
const RIGHT = 16;

function extent(values: readonly number[]): [number, number] {
  let lo = Infinity;
  let hi = -Infinity;
  for (const v of values) {
    if (!Number.isFinite(v)) continue;
    lo = Math.min(lo, v);
    hi = Math.max(hi, v);
  }
  if (lo === Infinity) return [0, 1];
  const pad = (hi - lo) * 0.04 || 1;
  return [lo - pad, hi + pad];
}

function niceTicks(lo: number, hi: number): number[] {
  const span = hi - lo || 1;
  const raw = span / 5;
  const step = 10 ** Math.floor(Math.log10(raw));
  const nice = [1, 2, 5, 10].map((m) => m * step).find((s) => s >= raw) ?? step * 10;
  const out: number[] = [];
  for (let t = Math.ceil(lo / nice) * nice; t <= hi + nice * 1e-9; t += nice) out.push(Number(t.toPrecision(6)));
  return out;
}

export function ScatterCanvas({ x, y, xLabel, yLabel, ariaLabel, color, height = 300, sharedRange, guide }: ScatterCanvasProps) {
  const { box, canvas, width } = useCanvasBox();

  useEffect(() => {
    const ctx = clearedContext(canvas.current, width, height);
    if (!ctx) return;
    const [x0, x1] = sharedRange ?? extent(x);
    const [y0, y1] = sharedRange ?? extent(y);
    const w = Math.max(10, width - LEFT - RIGHT);
    const h = Math.max(10, height - TOP - BOTTOM);
    const px = (v: number) => LEFT + ((v - x0) / (x1 - x0 || 1)) * w;
    const py = (v: number) => TOP + h - ((v - y0) / (y1 - y0 || 1)) * h;
    ctx.font = '11px system-ui, sans-serif';
    ctx.strokeStyle = '#eef0f5';
    ctx.fillStyle = '#6b7280';
    ctx.textAlign = 'center';
    ctx.textBaseline = 'top';
    for (const t of niceTicks(x0, x1)) {
      ctx.beginPath();
      ctx.moveTo(px(t), TOP);
      ctx.lineTo(px(t), TOP + h);
      ctx.stroke();
      ctx.fillText(formatNumber(t), px(t), TOP + h + 4);
    }
    ctx.textAlign = 'right';
    ctx.textBaseline = 'middle';
    for (const t of niceTicks(y0, y1)) {
      ctx.beginPath();
      ctx.moveTo(LEFT, py(t));
      ctx.lineTo(LEFT + w, py(t));
      ctx.stroke();
      ctx.fillText(formatNumber(t), LEFT - 6, py(t));
    }
    ctx.textAlign = 'center';
    ctx.textBaseline = 'bottom';
    ctx.fillText(xLabel, LEFT + w / 2, height - 2);
    ctx.save();
    ctx.translate(12, TOP + h / 2);
    ctx.rotate(-Math.PI / 2);
    ctx.textBaseline = 'middle';
    ctx.fillText(yLabel, 0, 0);
    ctx.restore();
    if (guide) {
      ctx.strokeStyle = '#c5c9d6';
      ctx.setLineDash([4, 4]);
      ctx.beginPath();
      if (guide === 'diagonal') {
        ctx.moveTo(px(x0), py(x0));
        ctx.lineTo(px(x1), py(x1));
      } else {
        ctx.moveTo(LEFT, py(0));
        ctx.lineTo(LEFT + w, py(0));
      }
      ctx.stroke();
      ctx.setLineDash([]);
    }
    ctx.fillStyle = color;
    ctx.globalAlpha = 0.5;
    for (let i = 0; i < x.length; i++) {
      ctx.beginPath();
      ctx.arc(px(x[i]), py(y[i]), 3, 0, 2 * Math.PI);
      ctx.fill();
    }
    ctx.globalAlpha = 1;
  }, [x, y, width, height, sharedRange, guide, color, xLabel, yLabel]);

  const ratio = pixelRatio();
  return (
    <div ref={box} style={{ width: '100%', height }}>
      <canvas ref={canvas} role="img" aria-label={ariaLabel} width={Math.max(1, width * ratio)} height={height * ratio} style={{ width: '100%', height }} />
    </div>
  );
}
