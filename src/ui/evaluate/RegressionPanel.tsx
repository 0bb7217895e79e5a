import type { RegressionEvaluation } from '../../core/experiment/evaluation';
import { SaveChart } from '../charts/SaveChart';
import { ScatterCanvas } from '../charts/ScatterCanvas';
import { MetricCards } from './MetricCards';
import { ResidualCharts } from './ResidualCharts';
import { ChartTable } from '../charts/ChartTable';

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
      {m.notes.length > 0 ? <p className="banner banner-warn small">{m.notes.join(' ')}</p> : null}
      <div className="panel">
        <SaveChart heading="Predicted vs actual (test split)" label="predicted versus actual plot" file="predicted-vs-actual">
          <ScatterCanvas x={evaluation.scatter.x} y={evaluation.scatter.y} xLabel="actual" yLabel="predicted" ariaLabel="Predicted versus actual scatter plot" color="#6366f1" height={320} sharedRange={[lo, hi]} guide="diagonal" />
        </SaveChart>
        <ChartTable caption="Predicted versus actual (a sample of test rows)" columns={['actual', 'predicted']} rows={points.map((p) => [p.actual, p.predicted])} />
      </div>
      <ResidualCharts evaluation={evaluation} />
    </>
  );
}
