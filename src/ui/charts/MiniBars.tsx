export interface MiniBar {
  label: string;
  count: number;
}

/**
 * The chart in words, for its accessible name: every top value with its count, or a histogram's
 * range and fullest bin (a dozen bins read out one by one would be noise).
 */
export function miniBarsSummary(bars: MiniBar[], horizontal: boolean): string {
  if (bars.length === 0) return 'no values';
  const rows = (n: number) => `${n.toLocaleString('en-US')} ${n === 1 ? 'row' : 'rows'}`;
  if (horizontal) return bars.map((b) => `${b.label}: ${rows(b.count)}`).join('; ');
  const fullest = bars.reduce((a, b) => (b.count > a.count ? b : a));
  return `${bars.length} bins, ${bars[0].label.split(' – ')[0]} to ${bars.at(-1)!.label.split(' – ').at(-1)}; most rows in ${fullest.label} (${rows(fullest.count)})`;
}

const WIDTH = 240;
const HISTOGRAM_HEIGHT = 72;
const ROW_HEIGHT = 16;
const LABEL_WIDTH = 90;
const PAD = 4;

/**
 * A small bar chart for a column card: a histogram or top values. Plain SVG rather than recharts:
 * a data view shows up to a dozen of these at once, and drawing them with recharts held the page
 * thread for 94-198 ms each time a dataset was opened (360 ms after a 1M-row load); this draws in
 * a few. Hovering a bar shows its range or value and its count (a native tooltip).
 */
export function MiniBars({ bars, horizontal, ariaLabel }: { bars: MiniBar[]; horizontal?: boolean; ariaLabel: string }) {
  const max = Math.max(1, ...bars.map((b) => b.count));
  const tip = (bar: MiniBar) => `${bar.label}: ${bar.count.toLocaleString()} ${bar.count === 1 ? 'row' : 'rows'}`;
  if (horizontal) {
    const height = Math.max(60, bars.length * ROW_HEIGHT + 10);
    const span = WIDTH - LABEL_WIDTH - PAD * 2;
    return (
      <div role="img" aria-label={`${ariaLabel}: ${miniBarsSummary(bars, true)}`}>
        <svg className="mini-bars" width={WIDTH} height={height} aria-hidden="true">
          {bars.map((bar, k) => {
            const y = PAD + k * ROW_HEIGHT;
            return (
              <g key={k}>
                <title>{tip(bar)}</title>
                <rect className="mini-bars-row" x={0} y={y} width={WIDTH} height={ROW_HEIGHT} />
                <text x={LABEL_WIDTH - 2} y={y + ROW_HEIGHT / 2} textAnchor="end" dominantBaseline="central">
                  {bar.label}
                </text>
                <rect className="mini-bars-bar" x={LABEL_WIDTH + PAD} y={y + 2} width={Math.max(1, (bar.count / max) * span)} height={ROW_HEIGHT - 4} rx={2} />
              </g>
            );
          })}
        </svg>
      </div>
    );
  }
  const slot = (WIDTH - PAD * 2) / Math.max(1, bars.length);
  const span = HISTOGRAM_HEIGHT - PAD;
  return (
    <div role="img" aria-label={`${ariaLabel}: ${miniBarsSummary(bars, false)}`}>
      <svg className="mini-bars" width={WIDTH} height={HISTOGRAM_HEIGHT} aria-hidden="true">
        {bars.map((bar, k) => {
          const h = bar.count > 0 ? Math.max(1, (bar.count / max) * span) : 0;
          const x = PAD + k * slot;
          return (
            <g key={k}>
              <title>{tip(bar)}</title>
              <rect className="mini-bars-row" x={x} y={0} width={slot} height={HISTOGRAM_HEIGHT} />
              <rect className="mini-bars-bar" x={x + 0.5} y={HISTOGRAM_HEIGHT - h} width={Math.max(1, slot - 1)} height={h} />
            </g>
          );
        })}
      </svg>
    </div>
  );
}
