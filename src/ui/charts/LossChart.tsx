import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { ProgressKind, TrainingStep } from '../../engine/api';
import { ChartTable } from './ChartTable';

const METRIC_LABEL: Record<string, string> = { auc: 'validation AUC', accuracy: 'validation accuracy', rmse: 'validation RMSE' };

/** What one step of each progress kind is called on the axis and in words. */
export const STEP_WORD: Record<ProgressKind, string> = { epochs: 'epoch', rounds: 'round' };

/** Train and validation loss per step (left axis) and the validation metric (right axis). */
export function LossChart({ steps, progress, height = 240 }: { steps: TrainingStep[]; progress: ProgressKind; height?: number }) {
  const metricName = steps[0]?.metricName ?? 'auc';
  const word = STEP_WORD[progress];
  const data = steps.map((e) => ({
    step: e.step,
    train: Number.isFinite(e.trainLoss) ? e.trainLoss : null,
    validation: Number.isFinite(e.valLoss) ? e.valLoss : null,
    metric: Number.isFinite(e.valMetric) ? e.valMetric : null,
  }));
  return (
    <>
    <div role="img" aria-label={`Training curve: loss and ${METRIC_LABEL[metricName]} per ${word}`} style={{ width: '100%', height }}>
      <ResponsiveContainer>
        <LineChart data={data} margin={{ top: 8, right: 16, bottom: 16, left: 0 }}>
          <CartesianGrid stroke="#eef0f5" />
          <XAxis dataKey="step" type="number" domain={[1, 'dataMax']} allowDecimals={false} label={{ value: word, position: 'insideBottom', offset: -8, fontSize: 11 }} tick={{ fontSize: 11 }} />
          <YAxis yAxisId="loss" tick={{ fontSize: 11 }} width={48} tickFormatter={(v: number) => v.toFixed(2)} />
          <YAxis yAxisId="metric" orientation="right" tick={{ fontSize: 11 }} width={48} domain={metricName === 'rmse' ? ['auto', 'auto'] : [0.5, 1]} tickFormatter={(v: number) => v.toFixed(2)} />
          <Tooltip formatter={(v) => (typeof v === 'number' ? v.toFixed(4) : String(v))} />
          <Legend verticalAlign="top" height={24} wrapperStyle={{ fontSize: 12 }} />
          <Line yAxisId="loss" type="monotone" dataKey="train" name="train loss" stroke="#6366f1" dot={false} isAnimationActive={false} strokeWidth={2} />
          <Line yAxisId="loss" type="monotone" dataKey="validation" name="validation loss" stroke="#f59e0b" dot={false} isAnimationActive={false} strokeWidth={2} />
          <Line yAxisId="metric" type="monotone" dataKey="metric" name={METRIC_LABEL[metricName]} stroke="#10b981" dot={false} isAnimationActive={false} strokeDasharray="4 3" />
        </LineChart>
      </ResponsiveContainer>
    </div>
    <ChartTable caption={`Training curve per ${word}`} columns={[word, 'train loss', 'validation loss', METRIC_LABEL[metricName]]} rows={data.map((d) => [d.step, d.train, d.validation, d.metric])} />
    </>
  );
}
