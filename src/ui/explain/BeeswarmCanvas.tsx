/**
 * The beeswarm on a canvas: a thousand rows × a dozen features as SVG elements froze the page
 * about a second (issue 16); on a canvas they draw in a few milliseconds. Names and ticks are
 * drawn too; the text alternative is the table of mean |SHAP| beside it.
 */
import { useEffect, useMemo } from 'react';
import { clearedContext, pixelRatio, useCanvasBox } from '../charts/useCanvasBox';
import type { GlobalExplanation } from '../../engine/explain/types';
import { beeswarmColor, beeswarmDots } from './beeswarm';

const LABEL_WIDTH = 150;
const AXIS_HEIGHT = 24;
const ROW_HEIGHT = 26;

function ticks(lo: number, hi: number): number[] {
  const span = hi - lo || 1;
  const step = 10 ** Math.floor(Math.log10(span / 4));
  const nice = [1, 2, 5, 10].map((m) => m * step).find((s) => span / s <= 6) ?? step * 10;
  const out: number[] = [];
  for (let t = Math.ceil(lo / nice) * nice; t <= hi + 1e-12; t += nice) out.push(Number(t.toPrecision(6)));
  return out;
}

export function BeeswarmCanvas({ global }: { global: GlobalExplanation }) {
  const dots = useMemo(() => beeswarmDots(global.features), [global]);
  const { box, canvas, width } = useCanvasBox();
  const lines = global.features.length;
  const height = AXIS_HEIGHT + 8 + lines * ROW_HEIGHT;

  useEffect(() => {
    const ctx = clearedContext(canvas.current, width, height);
    if (!ctx) return;
    const plotLeft = LABEL_WIDTH;
    const plotWidth = Math.max(10, width - plotLeft - 16);
    const pad = (dots.xMax - dots.xMin) * 0.05 || 0.1;
    const lo = dots.xMin - pad;
    const hi = dots.xMax + pad;
    const px = (v: number) => plotLeft + ((v - lo) / (hi - lo)) * plotWidth;
    const py = (y: number) => 4 + (y + 0.5) * ROW_HEIGHT;
    ctx.font = '12px system-ui, sans-serif';
    ctx.textBaseline = 'middle';
    ctx.textAlign = 'right';
    ctx.fillStyle = '#374151';
    global.features.forEach((f, i) => ctx.fillText(f.name, plotLeft - 8, py(i), LABEL_WIDTH - 12));
    if (lo < 0 && hi > 0) {
      ctx.strokeStyle = '#9aa1b2';
      ctx.beginPath();
      ctx.moveTo(px(0), 4);
      ctx.lineTo(px(0), 4 + lines * ROW_HEIGHT);
      ctx.stroke();
    }
    ctx.globalAlpha = 0.85;
    for (let i = 0; i < dots.x.length; i++) {
      ctx.fillStyle = beeswarmColor(dots.value[i]);
      ctx.beginPath();
      ctx.arc(px(dots.x[i]), py(dots.y[i]), 2.5, 0, 2 * Math.PI);
      ctx.fill();
    }
    ctx.globalAlpha = 1;
    ctx.font = '11px system-ui, sans-serif';
    ctx.textAlign = 'center';
    ctx.fillStyle = '#6b7280';
    const axisY = 4 + lines * ROW_HEIGHT + AXIS_HEIGHT / 2;
    for (const t of ticks(lo, hi)) ctx.fillText(t.toFixed(2), px(t), axisY);
  }, [dots, width, height, lines, global.features]);

  const ratio = pixelRatio();
  return (
    <div ref={box} style={{ width: '100%', height }}>
      <canvas
        ref={canvas}
        role="img"
        aria-label={`Beeswarm summary: one dot per row per feature (${dots.x.length.toLocaleString('en-US')} dots), coloured by the feature's value`}
        width={Math.max(1, width * ratio)}
        height={height * ratio}
        style={{ width: '100%', height }}
      />
    </div>
  );
}
