import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { ScatterCanvas } from '../charts/ScatterCanvas';
import type { RegressionEvaluation } from '../../core/experiment/evaluation';
import { SaveChart } from '../charts/SaveChart';
import { formatNumber } from '../format';
import { ChartTable } from '../charts/ChartTable';

/** Residuals (actual - predicted) against predicted, and their histogram over every test row. */
export function ResidualCharts({ evaluation }: { evaluation: RegressionEvaluation }) {
  const points = evaluation.residuals.x.map((x, i) => ({ predicted: x, residual: evaluation.residuals.y[i] }));
  const h = evaluation.residualHistogram;
  const bars = h.counts.map((count, i) => ({ bin: (h.edges[i] + h.edges[i + 1]) / 2, count, from: h.edges[i], to: h.edges[i + 1] }));
  return (
    <div className="eval-grid">
      <div className="panel">
        <SaveChart heading="Residuals vs predicted (actual − predicted)" label="residual plot" file="residuals">
          <ScatterCanvas x={evaluation.residuals.x} y={evaluation.residuals.y} xLabel="predicted" yLabel="residual" ariaLabel="Residual plot" color="#0ea5e9" height={280} guide="zero" />
        </SaveChart>
        <ChartTable caption="Residual versus predicted (a sample of test rows)" columns={['predicted', 'residual']} rows={points.map((p) => [p.predicted, p.residual])} />
      </div>
      <div className="panel">
        <SaveChart heading="Residual histogram (all test rows)" label="residual histogram" file="residual-histogram">
          <div role="img" aria-label="Residual histogram" style={{ width: '100%', height: 280 }}>
            <ResponsiveContainer>
              <BarChart data={bars} margin={{ top: 8, right: 16, bottom: 20, left: 8 }}>
                <CartesianGrid stroke="#eef0f5" />
                <XAxis dataKey="bin" tickFormatter={formatNumber} tick={{ fontSize: 11 }} label={{ value: 'residual', position: 'insideBottom', offset: -10, fontSize: 11 }} />
                <YAxis allowDecimals={false} width={48} tick={{ fontSize: 11 }} />
                <Tooltip formatter={(v) => String(v)} labelFormatter={(_, p) => (p?.[0] ? `${formatNumber(p[0].payload.from)} to ${formatNumber(p[0].payload.to)}` : '')} />
                <Bar dataKey="count" fill="#6366f1" isAnimationActive={false} />
              </BarChart>
            </ResponsiveContainer>
          </div>
        </SaveChart>
        <ChartTable caption="Residual histogram" columns={['from', 'to', 'test rows']} rows={bars.map((b) => [b.from, b.to, b.count])} />
      </div>
    </div>
  );
}
