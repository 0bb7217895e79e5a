import { Bar, BarChart, Cell, LabelList, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { RowExplanation } from '../../engine/api';
import { DOWN, UP, showValue, signed } from './format';
import { ChartTable } from '../charts/ChartTable';

/** Features drawn one by one; the rest are summed into one bar so the chart stays readable. */
const MAX_BARS = 10;

interface Step {
  label: string;
  range: [number, number];
  delta: number;
  kind: 'base' | 'feature' | 'total';
  text: string;
}

export function waterfallSteps(e: RowExplanation): Step[] {
  const sorted = [...e.features].sort((a, b) => Math.abs(b.shap) - Math.abs(a.shap));
  const shown = sorted.slice(0, MAX_BARS);
  const rest = sorted.slice(MAX_BARS);
  const steps: Step[] = [{ label: 'Average prediction (base)', range: [0, e.base], delta: e.base, kind: 'base', text: e.base.toFixed(3) }];
  let at = e.base;
  for (const f of shown) {
    steps.push({ label: `${f.name} = ${showValue(f.value)}`, range: [at, at + f.shap], delta: f.shap, kind: 'feature', text: signed(f.shap) });
    at += f.shap;
  }
  if (rest.length > 0) {
    const sum = rest.reduce((s, f) => s + f.shap, 0);
    steps.push({ label: `${rest.length} other features`, range: [at, at + sum], delta: sum, kind: 'feature', text: signed(sum) });
    at += sum;
  }
  steps.push({ label: 'This prediction', range: [0, e.prediction], delta: e.prediction, kind: 'total', text: e.prediction.toFixed(3) });
  return steps;
}

/** Base value, each feature's push up (red) or down (blue) with its value, and the final prediction. */
export function Waterfall({ explanation, title }: { explanation: RowExplanation; title: string }) {
  const steps = waterfallSteps(explanation);
  const lo = Math.min(0, ...steps.flatMap((s) => s.range));
  const hi = Math.max(...steps.flatMap((s) => s.range));
  const pad = (hi - lo) * 0.12;
  return (
    <figure className="waterfall" aria-label={title}>
      <figcaption className="muted small">
        {title} · in <strong>{explanation.spaceLabel}</strong> · {explanation.method === 'kernel' ? 'KernelSHAP' : explanation.method === 'linear' ? 'exact linear SHAP' : explanation.method === 'tree' ? 'exact tree SHAP' : 'exact Shapley values'} ·{' '}
        base {explanation.base.toFixed(3)} + pushes = <strong data-testid="waterfall-prediction">{explanation.prediction.toFixed(4)}</strong>
      </figcaption>
      <div role="img" aria-label={`Waterfall: base ${explanation.base.toFixed(3)}, prediction ${explanation.prediction.toFixed(3)}`} style={{ width: '100%', height: 40 + steps.length * 30 }}>
        <ResponsiveContainer>
          <BarChart data={steps} layout="vertical" margin={{ top: 4, right: 60, bottom: 4, left: 8 }} barCategoryGap={5}>
            <XAxis type="number" domain={[lo - (lo < 0 ? pad : 0), hi + pad]} tick={{ fontSize: 11 }} tickFormatter={(v: number) => v.toFixed(2)} />
            <YAxis type="category" dataKey="label" width={220} tick={{ fontSize: 12 }} interval={0} />
            <Tooltip formatter={(_, __, item) => [signed((item.payload as Step).delta, 4), (item.payload as Step).kind === 'feature' ? 'push' : 'value']} />
            <ReferenceLine x={explanation.base} stroke="#9aa1b2" strokeDasharray="3 3" />
            <Bar dataKey="range" isAnimationActive={false} radius={2}>
              {steps.map((s, i) => (
                <Cell key={i} fill={s.kind === 'base' ? '#9aa1b2' : s.kind === 'total' ? '#4f46e5' : s.delta >= 0 ? UP : DOWN} />
              ))}
              <LabelList dataKey="text" position="right" style={{ fontSize: 11, fill: '#1f2330' }} />
            </Bar>
          </BarChart>
        </ResponsiveContainer>
      </div>
      <ChartTable caption={title} columns={['step', 'push', 'running value']} rows={steps.map((s) => [s.label, s.kind === 'feature' ? s.delta : null, s.range[1]])} />
    </figure>
  );
}
