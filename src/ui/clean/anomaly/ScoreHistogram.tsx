/**
 * The histogram of anomaly scores with the threshold marked: plain SVG (40 bars, one line), its
 * colours as attributes so "Save as SVG/PNG" keeps them. Rows above the threshold are drawn red.
 * Bars have at least 2 px when they hold any row: the anomalous tail is a handful of rows beside
 * a hump of thousands and would otherwise vanish.
 */
import type { ScoreBin } from '../../../engine/api';

const W = 800;
const H = 220;
const M = { left: 52, right: 12, top: 16, bottom: 34 };
const INK = '#646b7d';
const NORMAL = '#4f46e5';
const FLAGGED = '#d92d20';

function ticks(lo: number, hi: number, n: number): number[] {
  const step = (hi - lo) / n;
  return Array.from({ length: n + 1 }, (_, i) => lo + i * step);
}

export function ScoreHistogram({ bins, threshold, flagged, rows }: { bins: ScoreBin[]; threshold: number; flagged: number; rows: number }) {
  if (bins.length === 0) return <p className="muted">No scores to draw.</p>;
  const lo = bins[0].from;
  const hi = bins.at(-1)!.to;
  const max = Math.max(1, ...bins.map((b) => b.count));
  const x = (v: number) => M.left + ((v - lo) / (hi - lo || 1)) * (W - M.left - M.right);
  const height = (count: number) => (count > 0 ? Math.max(2, (count / max) * (H - M.top - M.bottom)) : 0);
  const base = H - M.bottom;
  const inside = threshold >= lo && threshold <= hi;
  const label = `Histogram of anomaly scores for ${rows.toLocaleString('en-US')} rows, from ${lo.toFixed(3)} to ${hi.toFixed(3)}; threshold ${threshold.toFixed(3)}, ${flagged.toLocaleString('en-US')} rows above it`;
  return (
    <div role="img" aria-label={label}>
      <svg viewBox={`0 0 ${W} ${H}`} width="100%" style={{ maxWidth: W, display: 'block' }} aria-hidden="true" fontSize={11}>
        {bins.map((b, k) => {
          const x0 = x(b.from) + 0.5;
          const w = Math.max(1, x(b.to) - x(b.from) - 1);
          const all = height(b.count);
          const red = b.flagged > 0 ? Math.max(2, (b.flagged / b.count) * all) : 0;
          return (
            <g key={k}>
              <title>{`${b.from.toFixed(3)} – ${b.to.toFixed(3)}: ${b.count.toLocaleString('en-US')} rows${b.flagged ? `, ${b.flagged.toLocaleString('en-US')} above the threshold` : ''}`}</title>
              <rect x={x0} y={base - all} width={w} height={all - red} fill={NORMAL} />
              {red > 0 ? <rect x={x0} y={base - red} width={w} height={red} fill={FLAGGED} /> : null}
            </g>
          );
        })}
        <line x1={M.left} x2={W - M.right} y1={base} y2={base} stroke={INK} />
        {ticks(lo, hi, 5).map((t) => (
          <text key={t} x={x(t)} y={base + 14} textAnchor="middle" fill={INK}>{t.toFixed(2)}</text>
        ))}
        <text x={(M.left + W - M.right) / 2} y={H - 4} textAnchor="middle" fill={INK}>anomaly score (higher = more isolated)</text>
        {[0, max].map((c) => (
          <text key={c} x={M.left - 6} y={base - height(c) + 4} textAnchor="end" fill={INK}>{c.toLocaleString('en-US')}</text>
        ))}
        <text x={12} y={(M.top + base) / 2} textAnchor="middle" fill={INK} transform={`rotate(-90 12 ${(M.top + base) / 2})`}>rows</text>
        {inside ? (
          <g>
            <line x1={x(threshold)} x2={x(threshold)} y1={M.top - 4} y2={base} stroke={FLAGGED} strokeDasharray="4 3" strokeWidth={1.5} />
            <text x={x(threshold) + (x(threshold) > W * 0.7 ? -4 : 4)} y={M.top + 6} textAnchor={x(threshold) > W * 0.7 ? 'end' : 'start'} fill={FLAGGED}>
              threshold {threshold.toFixed(3)} · {flagged.toLocaleString('en-US')} rows above
            </text>
          </g>
        ) : null}
      </svg>
    </div>
  );
}
