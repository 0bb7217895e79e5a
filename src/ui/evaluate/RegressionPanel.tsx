import { CartesianGrid, ReferenceLine, ResponsiveContainer, Scatter, ScatterChart, Tooltip, XAxis, YAxis } from 'recharts';
import type { RegressionEvaluation } from '../../core/experiment/evaluation';
import { formatNumber } from '../format';
import { SaveChart } from '../charts/SaveChart';
import { MetricCards } from './MetricCards';
import { ResidualCharts } from './ResidualCharts';

export function RegressionPanel({ evaluation }: { evaluation: RegressionEvaluation }) {
  const m = evaluation.metrics;
  const points = evaluation.scatter.x.map((x, i) => ({ actual: x, predicted: evaluation.scatter.y[i] }));
  const all = [...evaluation.scatter.x, ...evaluation.scatter.y];
  // Round the shared axis range outward to two significant digits so ticks read as numbers.
  const span = Math.max(...all) - Math.min(...all) || 1;
  const step = 10 ** Math.floor(Math.log10(span) - 1);
  const lo = Math.floor(Math.min(...all) / step) * step;
  const hi = Math.ceil(Math.max(...all) / step) * step;
  return (
    <>
      <MetricCards cards={[{ label: 'RMSE', value: m.rmse, digits: 4 }, { label: 'MAE', value: m.mae, digits: 4 }, { label: 'R²', value: m.r2 }, { label: 'Median abs. error', value: m.medianAbsoluteError, digits: 4 }]} />
      <div className="panel">
        <SaveChart heading="Predicted vs actual (test split)" label="predicted versus actual plot" file="predicted-vs-actual">
          <div role="img" aria-label="Predicted versus actual scatter plot" style={{ width: '100%', height: 320 }}>
            <ResponsiveContainer>
              <ScatterChart margin={{ top: 8, right: 16, bottom: 20, left: 8 }}>
                <CartesianGrid stroke="#eef0f5" />
                <XAxis type="number" dataKey="actual" name="actual" domain={[lo, hi]} tickFormatter={formatNumber} tick={{ fontSize: 11 }} label={{ value: 'actual', position: 'insideBottom', offset: -10, fontSize: 11 }} />
                <YAxis type="number" dataKey="predicted" name="predicted" domain={[lo, hi]} tickFormatter={formatNumber} width={56} tick={{ fontSize: 11 }} label={{ value: 'predicted', angle: -90, position: 'insideLeft', fontSize: 11 }} />
                <Tooltip />
                <ReferenceLine segment={[{ x: lo, y: lo }, { x: hi, y: hi }]} stroke="#c5c9d6" strokeDasharray="4 4" />
                <Scatter data={points} fill="#6366f1" fillOpacity={0.5} isAnimationActive={false} />
              </ScatterChart>
            </ResponsiveContainer>
          </div>
        </SaveChart>
      </div>
      <ResidualCharts evaluation={evaluation} />
    </>
  );
}
