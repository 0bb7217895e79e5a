/**
 * Prequential metric per window, frozen vs updated, with drift and DDM markers: a canvas that
 * subscribes to the bounded series and redraws itself (the page does not re-render per window).
 */
import { useEffect, useSyncExternalStore } from 'react';
import { clearedContext, pixelRatio, useCanvasBox } from '../charts/useCanvasBox';
import { ChartTable } from '../charts/ChartTable';
import type { StreamPoint } from '../../state/streamSeries';
import { streamSeries } from '../../state/stream';

const HEIGHT = 220;
const PAD = { left: 40, right: 12, top: 12, bottom: 24 };
const FROZEN = '#9aa1b1';
const UPDATED = '#4f46e5';

function draw(canvas: HTMLCanvasElement | null, width: number, points: StreamPoint[], metric: string) {
  const ctx = clearedContext(canvas, width, HEIGHT);
  if (!ctx) return;
  const w = width - PAD.left - PAD.right;
  const h = HEIGHT - PAD.top - PAD.bottom;
  const values = points.flatMap((p) => [p.frozen, p.updated]).filter(Number.isFinite);
  const [lo, hi] = metric === 'RMSE' ? [0, Math.max(1e-9, ...values)] : [0, 1];
  const first = points[0]?.index ?? 0;
  const span = Math.max(1, (points[points.length - 1]?.index ?? 1) - first);
  const x = (i: number) => PAD.left + ((i - first) / span) * w;
  const y = (v: number) => PAD.top + h - ((v - lo) / (hi - lo || 1)) * h;
  ctx.font = '11px system-ui, sans-serif';
  ctx.fillStyle = '#646b7d';
  ctx.strokeStyle = '#e3e6ee';
  for (let t = 0; t <= 4; t++) {
    const v = lo + ((hi - lo) * t) / 4;
    ctx.beginPath();
    ctx.moveTo(PAD.left, y(v));
    ctx.lineTo(PAD.left + w, y(v));
    ctx.stroke();
    ctx.fillText(v.toFixed(2), 4, y(v) + 4);
  }
  ctx.fillStyle = '#646b7d';
  if (points.length > 0) {
    ctx.fillText(`window ${first + 1}`, PAD.left, HEIGHT - 6);
    const lastLabel = `window ${first + span + 1}`;
    ctx.fillText(lastLabel, PAD.left + w - ctx.measureText(lastLabel).width, HEIGHT - 6);
  }
  for (const p of points) {
    if (p.alert) {
      ctx.fillStyle = 'rgba(180, 35, 24, 0.18)';
      ctx.fillRect(x(p.index) - 2, PAD.top, 4, h);
    } else if (p.ddm === 'warning') {
      ctx.fillStyle = 'rgba(147, 55, 13, 0.10)';
      ctx.fillRect(x(p.index) - 1, PAD.top, 2, h);
    }
  }
  const line = (key: 'frozen' | 'updated', colour: string, dash: number[]) => {
    ctx.strokeStyle = colour;
    ctx.lineWidth = 2;
    ctx.setLineDash(dash);
    ctx.beginPath();
    let pen = false;
    for (const p of points) {
      const v = p[key];
      if (!Number.isFinite(v)) {
        pen = false;
        continue;
      }
      if (pen) ctx.lineTo(x(p.index), y(v));
      else ctx.moveTo(x(p.index), y(v));
      pen = true;
    }
    ctx.stroke();
    ctx.setLineDash([]);
  };
  line('frozen', FROZEN, [5, 3]);
  line('updated', UPDATED, []);
}

/** Redraws on series changes, at most once a frame. */
export function StreamChart({ metric }: { metric: string }) {
  const { box, canvas, width } = useCanvasBox();
  useEffect(() => {
    let frame = 0;
    const redraw = () => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(() => {
        const c = canvas.current;
        if (c && width > 0) {
          c.width = width * pixelRatio();
          c.height = HEIGHT * pixelRatio();
        }
        draw(c, width, streamSeries.points(), metric);
      });
    };
    redraw();
    const off = streamSeries.subscribe(redraw);
    return () => {
      off();
      cancelAnimationFrame(frame);
    };
  }, [canvas, width, metric]);
  return (
    <figure className="stream-chart" aria-label={`Prequential ${metric} per window`}>
      <div ref={box}>
        <canvas ref={canvas} style={{ width: '100%', height: HEIGHT }} role="img" aria-label={`Prequential ${metric} of the frozen and the updated model per window; red bands mark drift alerts`} />
      </div>
      <figcaption className="small muted">
        <span className="legend-swatch" style={{ background: UPDATED }} /> updated model · <span className="legend-swatch dashed" style={{ borderColor: FROZEN }} /> frozen model · <span className="legend-swatch" style={{ background: 'rgba(180, 35, 24, 0.35)' }} /> drift alert
      </figcaption>
      <StreamTable metric={metric} />
    </figure>
  );
}

const subscribeSlowly = (listener: () => void) => {
  let timer: ReturnType<typeof setTimeout> | null = null;
  const off = streamSeries.subscribe(() => {
    timer ??= setTimeout(() => ((timer = null), listener()), 500);
  });
  return () => {
    off();
    if (timer) clearTimeout(timer);
  };
};

/** The chart's numbers, refreshed at most twice a second (it sits closed behind a toggle). */
function StreamTable({ metric }: { metric: string }) {
  useSyncExternalStore(subscribeSlowly, streamSeries.version);
  const rows = streamSeries.points().map((p) => [p.index + 1, Number.isFinite(p.frozen) ? p.frozen : null, Number.isFinite(p.updated) ? p.updated : null, p.maxPsi, p.ddm, p.alert ? 'alert' : '']);
  return <ChartTable caption={`Prequential ${metric} per window`} columns={['Window', `Frozen ${metric}`, `Updated ${metric}`, 'Largest PSI', 'DDM', 'Alert']} rows={rows} />;
}
