import type { DatasetProfile, TaskKind } from '../../engine/api';
import { useRuns } from '../../state/runs';
import { formatCount } from '../format';

export function TargetPicker({ dataset }: { dataset: DatasetProfile }) {
  const setup = useRuns((s) => s.setup);
  const target = useRuns((s) => s.target);
  const chooseTarget = useRuns((s) => s.chooseTarget);
  const busy = useRuns((s) => s.job !== null);
  const total = setup?.classes.reduce((a, c) => a + c.count, 0) ?? 0;
  return (
    <div className="form-rows">
      <label>
        Target column
        <select value={target ?? ''} disabled={busy} onChange={(e) => void chooseTarget(dataset.id, e.target.value)}>
          {dataset.columns.map((c) => (
            <option key={c.name} value={c.name}>
              {c.name} ({c.kind})
            </option>
          ))}
        </select>
      </label>
      {setup ? (
        <label>
          Task
          <select value={setup.task} disabled={busy} onChange={(e) => void chooseTarget(dataset.id, setup.target, { task: e.target.value as TaskKind })}>
            <option value="binary">binary classification</option>
            <option value="multiclass">multiclass classification</option>
            <option value="regression">regression</option>
          </select>
        </label>
      ) : null}
      {setup?.task === 'binary' ? (
        <label>
          Positive class
          <select value={setup.positiveClass ?? ''} disabled={busy} onChange={(e) => void chooseTarget(dataset.id, setup.target, { task: 'binary', positiveClass: e.target.value })}>
            {setup.classes.map((c) => (
              <option key={c.label} value={c.label}>
                {c.label}
              </option>
            ))}
          </select>
        </label>
      ) : null}
      {setup && setup.task !== 'regression' ? (
        <p className="muted small" aria-label="Class balance">
          {setup.classes.map((c) => `${c.label}: ${formatCount(c.count)} (${((100 * c.count) / Math.max(total, 1)).toFixed(1)}%)`).join(' · ')}
          {setup.task === 'binary' ? <> — every score is P({setup.positiveClass}).</> : null}
        </p>
      ) : null}
    </div>
  );
}
