/**
 * Charts as standalone SVG text, built from the curve points the run already holds, for the HTML
 * report: no DOM, no chart library, no network, so the report opens anywhere and prints to PDF.
 */

export interface SvgSeries {
  name: string;
  x: ArrayLike<number>;
  y: ArrayLike<number | null>;
  color: string;
  /** Points (a scatter) instead of a line. */
  points?: boolean;
}

export interface SvgChartSpec {
  title: string;
  xLabel: string;
  yLabel: string;
  series: SvgSeries[];
  /** Axis ranges; computed from the data when left out. */
  xDomain?: [number, number];
  yDomain?: [number, number];
  /** A dashed reference line: the diagonal (ROC, predicted = actual) or a level (PR chance). */
  reference?: { kind: 'diagonal' } | { kind: 'level'; y: number };
  /** A highlighted point (the operating point at the threshold). */
  marker?: { x: number; y: number } | null;
  width?: number;
  height?: number;
}

/** Text for an SVG or HTML text node or attribute. */
export function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function extent(values: number[]): [number, number] {
  let lo = Infinity, hi = -Infinity;
  for (const v of values) if (Number.isFinite(v)) (lo = Math.min(lo, v)), (hi = Math.max(hi, v));
  if (!Number.isFinite(lo)) return [0, 1];
  return lo === hi ? [lo - 1, hi + 1] : [lo, hi];
}

function tickText(v: number): string {
  return String(Number(v.toPrecision(3)));
}

const round = (v: number) => Math.round(v * 100) / 100;

export function svgChart(spec: SvgChartSpec): string {
  const width = spec.width ?? 440;
  const height = spec.height ?? 320;
  const m = { top: 28, right: 16, bottom: 42, left: 52 };
  const xs = spec.series.flatMap((s) => Array.from(s.x));
  const ys = spec.series.flatMap((s) => Array.from(s.y).filter((v): v is number => v !== null));
  const [x0, x1] = spec.xDomain ?? extent(xs);
  const [y0, y1] = spec.yDomain ?? extent(ys);
  const px = (x: number) => round(m.left + ((x - x0) / (x1 - x0)) * (width - m.left - m.right));
  const py = (y: number) => round(height - m.bottom - ((y - y0) / (y1 - y0)) * (height - m.top - m.bottom));
  const out: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" aria-label="${escapeXml(spec.title)}" font-family="system-ui, sans-serif" font-size="11">`,
    `<rect width="${width}" height="${height}" fill="white"/>`,
    `<text x="${m.left}" y="16" font-size="13" font-weight="600">${escapeXml(spec.title)}</text>`,
  ];
  for (let i = 0; i <= 4; i++) {
    const tx = x0 + ((x1 - x0) * i) / 4;
    const ty = y0 + ((y1 - y0) * i) / 4;
    out.push(`<line x1="${px(tx)}" y1="${py(y0)}" x2="${px(tx)}" y2="${py(y1)}" stroke="#eef0f5"/>`, `<text x="${px(tx)}" y="${py(y0) + 14}" text-anchor="middle" fill="#555">${tickText(tx)}</text>`);
    out.push(`<line x1="${px(x0)}" y1="${py(ty)}" x2="${px(x1)}" y2="${py(ty)}" stroke="#eef0f5"/>`, `<text x="${px(x0) - 6}" y="${py(ty) + 4}" text-anchor="end" fill="#555">${tickText(ty)}</text>`);
  }
  out.push(`<rect x="${px(x0)}" y="${py(y1)}" width="${round(px(x1) - px(x0))}" height="${round(py(y0) - py(y1))}" fill="none" stroke="#c5c9d6"/>`);
  out.push(`<text x="${round((px(x0) + px(x1)) / 2)}" y="${height - 8}" text-anchor="middle">${escapeXml(spec.xLabel)}</text>`);
  out.push(`<text transform="translate(14 ${round((py(y0) + py(y1)) / 2)}) rotate(-90)" text-anchor="middle">${escapeXml(spec.yLabel)}</text>`);
  const ref = spec.reference;
  if (ref?.kind === 'diagonal') {
    const a = Math.max(x0, y0), b = Math.min(x1, y1);
    out.push(`<line x1="${px(a)}" y1="${py(a)}" x2="${px(b)}" y2="${py(b)}" stroke="#c5c9d6" stroke-dasharray="4 4"/>`);
  } else if (ref?.kind === 'level') out.push(`<line x1="${px(x0)}" y1="${py(ref.y)}" x2="${px(x1)}" y2="${py(ref.y)}" stroke="#c5c9d6" stroke-dasharray="4 4"/>`);
  spec.series.forEach((s, k) => {
    if (s.points) {
      const dots: string[] = [];
      for (let i = 0; i < s.x.length; i++) {
        const y = s.y[i];
        if (y !== null && Number.isFinite(y) && Number.isFinite(s.x[i])) dots.push(`<circle cx="${px(s.x[i])}" cy="${py(y)}" r="2"/>`);
      }
      out.push(`<g fill="${s.color}" fill-opacity="0.5">${dots.join('')}</g>`);
    } else {
      // A missing value (no validation loss) breaks the line rather than drawing it at 0.
      const parts: string[] = [];
      let pen = 'M';
      for (let i = 0; i < s.x.length; i++) {
        const y = s.y[i];
        if (y === null || !Number.isFinite(y) || !Number.isFinite(s.x[i])) {
          pen = 'M';
          continue;
        }
        parts.push(`${pen}${px(s.x[i])} ${py(y)}`);
        pen = 'L';
      }
      if (parts.length) out.push(`<path d="${parts.join(' ')}" fill="none" stroke="${s.color}" stroke-width="2"/>`);
    }
    if (spec.series.length > 1) {
      const lx = px(x1) - 120, ly = py(y1) + 12 + k * 14;
      out.push(`<rect x="${lx}" y="${ly - 8}" width="10" height="10" fill="${s.color}"/><text x="${lx + 14}" y="${ly + 1}">${escapeXml(s.name)}</text>`);
    }
  });
  if (spec.marker && Number.isFinite(spec.marker.x) && Number.isFinite(spec.marker.y)) out.push(`<circle cx="${px(spec.marker.x)}" cy="${py(spec.marker.y)}" r="5" fill="#ef4444" stroke="white" stroke-width="2"/>`);
  out.push('</svg>');
  return out.join('\n');
}
