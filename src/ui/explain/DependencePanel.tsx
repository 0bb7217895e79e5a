import { CartesianGrid, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { useExplain } from '../../state/explain';
import { ChartTable } from '../charts/ChartTable';

export function DependencePanel({ features }: { features: string[] }) {
  const result = useExplain((s) => s.dependence);
  const error = useExplain((s) => s.dependenceError);
  const load = useExplain((s) => s.loadDependence);
  const data = result ? result.grid.map((g, i) => ({ g: String(g), pd: result.average[i], ...Object.fromEntries(result.ice.map((line, j) => [`ice${j}`, line[i]])) })) : [];
  return (
    <div className="panel" aria-label="Partial dependence">
      <div className="row-between">
        <h2>Partial dependence</h2>
        <label>
          Feature{' '}
          <select aria-label="Partial dependence feature" value={result?.feature ?? ''} onChange={(e) => void load(e.target.value)}>
            <option value="" disabled>Choose a feature</option>
            {features.map((f) => (
              <option key={f} value={f}>{f}</option>
            ))}
          </select>
        </label>
      </div>
      {error ? <p role="alert" className="error small">{error}</p> : null}
      {result ? (
        <>
          <p className="muted small">
            Average {result.spaceLabel} (bold) as {result.feature} changes, over {result.rows} test rows; thin lines are {result.ice.length} individual rows (ICE).
          </p>
          <div role="img" aria-label={`Partial dependence of ${result.feature}`} style={{ width: '100%', height: 280 }}>
            <ResponsiveContainer>
              <LineChart data={data} margin={{ top: 8, right: 16, bottom: 20, left: 4 }}>
                <CartesianGrid stroke="#eef0f5" />
                <XAxis dataKey="g" tick={{ fontSize: 11 }} label={{ value: result.feature, position: 'insideBottom', offset: -10, fontSize: 11 }} />
                <YAxis tick={{ fontSize: 11 }} width={50} tickFormatter={(v: number) => v.toFixed(2)} />
                <Tooltip formatter={(v) => (typeof v === 'number' ? v.toFixed(4) : String(v))} />
                {result.ice.map((_, j) => (
                  <Line key={j} dataKey={`ice${j}`} stroke="#c7cbe0" strokeWidth={1} dot={false} isAnimationActive={false} legendType="none" />
                ))}
                <Line dataKey="pd" name="average" stroke="#4f46e5" strokeWidth={3} dot={result.kind === 'category'} isAnimationActive={false} />
              </LineChart>
            </ResponsiveContainer>
          </div>
          <ChartTable caption={`Average ${result.spaceLabel} by ${result.feature}`} columns={[result.feature, 'average']} rows={data.map((d) => [d.g, d.pd])} />
        </>
      ) : (
        <p className="muted small">Choose a feature to see how the prediction responds to it, all else held as in the data.</p>
      )}
    </div>
  );
}
