/** Two versions side by side: headline test metrics with deltas (b - a), and the settings that differ. */
import { useState } from 'react';
import type { VersionComparison } from '../../engine/api';

function fmt(v: number | null): string {
  return v === null || !Number.isFinite(v) ? '—' : Math.abs(v) >= 100 ? v.toPrecision(5) : v.toFixed(4);
}

export function VersionComparisonPanel({ comparison }: { comparison: VersionComparison }) {
  const { a, b } = comparison;
  const [all, setAll] = useState(false);
  const settings = all ? comparison.settings : comparison.settings.filter((s) => !s.same);
  return (
    <div className="panel" role="region" aria-label="Version comparison">
      <h2>
        Version {a.version} vs version {b.version}
      </h2>
      <div className="compare-grid">
        <table className="data-table" aria-label="Metrics of both versions">
          <thead>
            <tr>
              <th scope="col">metric (test split)</th>
              <th scope="col">v{a.version}</th>
              <th scope="col">v{b.version}</th>
              <th scope="col">change</th>
            </tr>
          </thead>
          <tbody>
            {comparison.metrics.map((m) => (
              <tr key={m.name}>
                <th scope="row">{m.name}</th>
                <td>{fmt(m.a)}</td>
                <td>{fmt(m.b)}</td>
                <td className={m.better === true ? 'delta-better' : m.better === false ? 'delta-worse' : undefined}>
                  {m.delta === null ? '—' : `${m.delta > 0 ? '+' : ''}${fmt(m.delta)}`}
                  {m.better === true ? ' better' : m.better === false ? ' worse' : ''}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <div>
          <table className="data-table" aria-label="Settings of both versions">
            <thead>
              <tr>
                <th scope="col">setting</th>
                <th scope="col">v{a.version}</th>
                <th scope="col">v{b.version}</th>
              </tr>
            </thead>
            <tbody>
              {settings.length === 0 ? (
                <tr>
                  <td colSpan={3} className="left muted">Same settings.</td>
                </tr>
              ) : (
                settings.map((s) => (
                  <tr key={s.setting} className={s.same ? undefined : 'setting-changed'}>
                    <th scope="row">{s.setting}</th>
                    <td className="left">{s.a}</td>
                    <td className="left">{s.b}</td>
                  </tr>
                ))
              )}
            </tbody>
          </table>
          <label className="small">
            <input type="checkbox" checked={all} onChange={(e) => setAll(e.target.checked)} /> Show unchanged settings too
          </label>
        </div>
      </div>
    </div>
  );
}
