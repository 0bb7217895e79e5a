import { Bar, BarChart, Tooltip, XAxis, YAxis } from 'recharts';

export interface MiniBar {
  label: string;
  count: number;
}

/** A small bar chart for a column card: a histogram or top values. */
export function MiniBars({ bars, horizontal, ariaLabel }: { bars: MiniBar[]; horizontal?: boolean; ariaLabel: string }) {
  if (horizontal) {
    return (
      <div role="img" aria-label={ariaLabel}>
        <BarChart width={240} height={Math.max(60, bars.length * 16 + 10)} data={bars} layout="vertical" margin={{ top: 2, right: 8, bottom: 2, left: 4 }}>
          <XAxis type="number" hide />
          <YAxis type="category" dataKey="label" width={90} tick={{ fontSize: 10 }} interval={0} />
          <Tooltip cursor={{ fill: 'rgba(79,70,229,0.08)' }} formatter={(v) => [String(v), 'rows']} />
          <Bar dataKey="count" fill="#6366f1" isAnimationActive={false} radius={[0, 3, 3, 0]} />
        </BarChart>
      </div>
    );
  }
  return (
    <div role="img" aria-label={ariaLabel}>
      <BarChart width={240} height={72} data={bars} margin={{ top: 4, right: 4, bottom: 0, left: 4 }} barCategoryGap={1}>
        <XAxis dataKey="label" hide />
        <Tooltip cursor={{ fill: 'rgba(79,70,229,0.08)' }} formatter={(v) => [String(v), 'rows']} />
        <Bar dataKey="count" fill="#6366f1" isAnimationActive={false} />
      </BarChart>
    </div>
  );
}
