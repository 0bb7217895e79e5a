import { useState } from 'react';
import { Bar, BarChart, ErrorBar, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { useExplain } from '../../state/explain';
import { ChartTable } from '../charts/ChartTable';

export function ImportancePanel() {
  const result = useExplain((s) => s.importance);
  const job = useExplain((s) => s.importanceJob);
  const error = useExplain((s) => s.importanceError);
  const run = useExplain((s) => s.runImportance);
  const cancel = useExplain((s) => s.cancelImportance);
  const [repeats, setRepeats] = useState(5);
  const data = result?.features.map((f) => ({ ...f, interval: [f.mean - f.low, f.high - f.mean] as [number, number] })) ?? [];
  return (
    <div className="panel" aria-label="Permutation importance">
      <div className="row-between">
        <h2>Permutation importance</h2>
        <div className="export-bar">
          <label>
            Repeats <input type="number" min={1} max={50} value={repeats} onChange={(e) => setRepeats(Number(e.target.value))} style={{ width: 60 }} />
          </label>
          {job ? <button className="button" onClick={() => void cancel()}>Cancel</button> : <button className="button" onClick={() => void run(repeats)}>Compute</button>}
        </div>
      </div>
      {job ? <p className="muted small" aria-live="polite">{job.message}</p> : null}
      {error ? <p role="alert" className="error small">{error}</p> : null}
      {result ? (
        <>
          <p className="muted small">
            Drop in test {result.metric} when a feature is shuffled ({result.metric === 'RMSE' ? 'rise in error' : `baseline ${result.baseline.toFixed(3)}`}), {result.repeats} repeats on {result.testRows} rows; bars show the mean and a 95% interval.
          </p>
          <div role="img" aria-label="Permutation importance per feature" style={{ width: '100%', height: 40 + data.length * 26 }}>
            <ResponsiveContainer>
              <BarChart data={data} layout="vertical" margin={{ top: 4, right: 24, bottom: 4, left: 8 }}>
                <XAxis type="number" tick={{ fontSize: 11 }} tickFormatter={(v: number) => v.toFixed(3)} />
                <YAxis type="category" dataKey="name" width={150} tick={{ fontSize: 12 }} interval={0} />
                <Tooltip formatter={(v) => (typeof v === 'number' ? v.toFixed(4) : String(v))} />
                <Bar dataKey="mean" name={`${result.metric} drop`} fill="#0ea5e9" isAnimationActive={false} radius={[0, 3, 3, 0]}>
                  <ErrorBar dataKey="interval" width={6} stroke="#1f2330" direction="x" />
                </Bar>
              </BarChart>
            </ResponsiveContainer>
          </div>
          <ChartTable caption={`Drop in test ${result.metric} per feature`} columns={['feature', 'mean drop', '95% low', '95% high']} rows={result.features.map((f) => [f.name, f.mean, f.low, f.high])} />
        </>
      ) : !job ? (
        <p className="muted small">Shuffles each feature on the test split and measures how much the model gets worse.</p>
      ) : null}
    </div>
  );
}
