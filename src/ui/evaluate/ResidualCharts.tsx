import { Bar, BarChart, CartesianGrid, ReferenceLine, ResponsiveContainer, Scatter, ScatterChart, Tooltip, XAxis, YAxis } from 'recharts';
import type { RegressionEvaluation } from '../../core/experiment/evaluation';
import { SaveChart } from '../charts/SaveChart';
import { formatNumber } from '../format';

/** Residuals (actual - predicted) against predicted, and their histogram over every test row. */
export function ResidualCharts({ evaluation }: { evaluation: RegressionEvaluation }) {
  const points = evaluation.residuals.x.map((x, i) => ({ predicted: x, residual: evaluation.residuals.y[i] }));
  const h = evaluation.residualHistogram;
  const bars = h.counts.map((count, i) => ({ bin: (h.edges[i] + h.edges[i + 1]) / 2, count, from: h.edges[i], to: h.edges[i + 1] }));
  return (
    <div className="eval-grid">
      <div className="panel">
        <SaveChart heading="Residuals vs predicted (actual − predicted)" label="residual plot" file="residuals">
          <div role="img" aria-label="Residual plot" style={{ width: '100%', height: 280 }}>
            <ResponsiveContainer>
              <ScatterChart margin={{ top: 8, right: 16, bottom: 20, left: 8 }}>
                <CartesianGrid stroke="#eef0f5" />
                <XAxis type="number" dataKey="predicted" name="predicted" domain={['auto', 'auto']} tickFormatter={formatNumber} tick={{ fontSize: 11 }} label={{ value: 'predicted', position: 'insideBottom', offset: -10, fontSize: 11 }} />
                <YAxis type="number" dataKey="residual" name="residual" domain={['auto', 'auto']} tickFormatter={formatNumber} width={56} tick={{ fontSize: 11 }} />
                <Tooltip />
                <ReferenceLine y={0} stroke="#c5c9d6" strokeDasharray="4 4" />
                <Scatter data={points} fill="#0ea5e9" fillOpacity={0.5} isAnimationActive={false} />
              </ScatterChart>
            </ResponsiveContainer>
          </div>
        </SaveChart>
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
      </div>
    </div>
  );
}
