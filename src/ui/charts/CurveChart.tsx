import { memo, useLayoutEffect, useMemo } from 'react';
import { CartesianGrid, Line, LineChart, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { CurvePoints } from '../../core/experiment/evaluation';
import { createMarkerBox, MovingMarker, type MarkerBox, type MarkerPoint } from './movingMarker';
import { ChartTable } from './ChartTable';

export interface CurveSeries {
  name: string;
  points: CurvePoints;
  color: string;
}

/** At most this many points per drawn line: 2,000 per curve cost recharts a long task; 400 look the same at this size. */
const DRAWN_POINTS = 400;

/** Every k-th point, keeping both ends, for drawing only (the table and the marker use all). */
function drawn(points: CurvePoints): { x: number; y: number }[] {
  const n = points.x.length;
  const every = Math.max(1, Math.ceil(n / DRAWN_POINTS));
  const out: { x: number; y: number }[] = [];
  for (let i = 0; i < n; i += every) out.push({ x: points.x[i], y: points.y[i] });
  if (n > 0 && (n - 1) % every !== 0) out.push({ x: points.x[n - 1], y: points.y[n - 1] });
  return out;
}

interface CurveChartProps {
  series: CurveSeries[];
  xLabel: string;
  yLabel: string;
  marker?: MarkerPoint;
  chance?: 'diagonal' | number;
  ariaLabel: string;
  height?: number;
}

/** A curve on [0,1] x [0,1] (ROC, PR) with an optional marker and chance line. */
export function CurveChart({ marker = null, ...chart }: CurveChartProps) {
  // The marker moves with the threshold slider; the curves do not, so only the marker redraws.
  const box = useMemo(() => createMarkerBox(marker), []);
  useLayoutEffect(() => box.set(marker), [box, marker]);
  return <CurveChartBody {...chart} box={box} />;
}

type BodyProps = Omit<CurveChartProps, 'marker'> & { box: MarkerBox };

/** Same curves (by their points, not a new array of the same) means no redraw. */
function sameChart(a: BodyProps, b: BodyProps): boolean {
  return (
    a.box === b.box && a.xLabel === b.xLabel && a.yLabel === b.yLabel && a.chance === b.chance && a.ariaLabel === b.ariaLabel && a.height === b.height &&
    a.series.length === b.series.length && a.series.every((s, i) => s.points === b.series[i].points && s.name === b.series[i].name && s.color === b.series[i].color)
  );
}

const CurveChartBody = memo(function CurveChartBody({ series, xLabel, yLabel, chance, ariaLabel, height = 280, box }: BodyProps) {
  return (
    <>
    <div role="img" aria-label={ariaLabel} style={{ width: '100%', height }}>
      <ResponsiveContainer>
        <LineChart margin={{ top: 8, right: 16, bottom: 20, left: 4 }}>
          <CartesianGrid stroke="#eef0f5" />
          <XAxis type="number" dataKey="x" domain={[0, 1]} ticks={[0, 0.25, 0.5, 0.75, 1]} tick={{ fontSize: 11 }} label={{ value: xLabel, position: 'insideBottom', offset: -10, fontSize: 11 }} />
          <YAxis type="number" dataKey="y" domain={[0, 1]} ticks={[0, 0.25, 0.5, 0.75, 1]} tick={{ fontSize: 11 }} width={40} label={{ value: yLabel, angle: -90, position: 'insideLeft', fontSize: 11, offset: 10 }} />
          <Tooltip formatter={(v) => (typeof v === 'number' ? v.toFixed(3) : String(v))} labelFormatter={(v) => `${xLabel} ${Number(v).toFixed(3)}`} />
          {chance === 'diagonal' ? <ReferenceLine segment={[{ x: 0, y: 0 }, { x: 1, y: 1 }]} stroke="#c5c9d6" strokeDasharray="4 4" /> : null}
          {typeof chance === 'number' ? <ReferenceLine y={chance} stroke="#c5c9d6" strokeDasharray="4 4" /> : null}
          {series.map((s) => (
            <Line
              key={s.name}
              name={s.name}
              data={drawn(s.points)}
              dataKey="y"
              type="linear"
              stroke={s.color}
              dot={false}
              strokeWidth={2}
              isAnimationActive={false}
            />
          ))}
          <MovingMarker box={box} />
        </LineChart>
      </ResponsiveContainer>
    </div>
    <ChartTable
      caption={ariaLabel}
      columns={['series', xLabel, yLabel]}
      rows={series.flatMap((s) => s.points.x.map((x, i) => [s.name, x, s.points.y[i]]))}
    />
    </>
  );
}, sameChart);
