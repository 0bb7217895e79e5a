/** The latest window's drift per feature, with level badges; it is its own text alternative. */
import { useStream } from '../../state/stream';

const p = (v: number) => (v < 1e-4 ? v.toExponential(1) : v.toFixed(4));

export function DriftTable() {
  const drift = useStream((s) => s.latestDrift);
  const { referenceWindows, rule } = useStream((s) => s.driftSettings);
  const reference = referenceWindows === 1 ? 'the first window' : `the first ${referenceWindows} windows`;
  if (drift.length === 0) return <p className="small muted">Drift appears once the first window is in (the reference is {reference}).</p>;
  return (
    <table className="data-table drift-table">
      <caption className="small muted">
        Against {reference}: PSI over its deciles (0.1 warns, 0.25 alerts); KS for numbers, chi-square for categories
        {rule === 'psi-or-test' ? ' (p < 0.01 alerts)' : ' (shown, but only PSI alerts)'}.
      </caption>
      <thead>
        <tr>
          <th scope="col">Feature</th>
          <th scope="col">PSI</th>
          <th scope="col">Test</th>
          <th scope="col">p-value</th>
          <th scope="col">Level</th>
        </tr>
      </thead>
      <tbody>
        {drift.map((d) => (
          <tr key={d.feature}>
            <th scope="row">{d.feature}</th>
            <td>
              <span className="psi-bar" style={{ width: `${Math.min(1, d.psi / 0.5) * 36}px` }} data-level={d.level} /> {d.psi.toFixed(3)}
            </td>
            <td>
              {d.test === 'ks' ? 'KS' : 'χ²'} {d.statistic.toFixed(3)}
            </td>
            <td>{p(d.pValue)}</td>
            <td>
              <span className={`badge badge-${d.level}`}>{d.level}</span>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
