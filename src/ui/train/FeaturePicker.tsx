import { useRuns } from '../../state/runs';

export function FeaturePicker() {
  const setup = useRuns((s) => s.setup);
  const included = useRuns((s) => s.included);
  const setFeature = useRuns((s) => s.setFeature);
  const busy = useRuns((s) => s.job !== null);
  if (!setup) return <p className="muted">Pick a target first.</p>;
  const count = setup.features.filter((f) => included[f.name]).length;
  return (
    <fieldset className="feature-list" disabled={busy}>
      <legend className="muted small">{count} of {setup.features.length} columns used</legend>
      {setup.features.map((f) => (
        <label key={f.name} className="feature">
          <input type="checkbox" checked={included[f.name] ?? false} onChange={(e) => setFeature(f.name, e.target.checked)} />
          <span>
            {f.name} <span className="muted small">{f.kind}</span>
            {f.reason ? <span className="reason small"> — excluded: {f.reason}</span> : null}
          </span>
        </label>
      ))}
    </fieldset>
  );
}
