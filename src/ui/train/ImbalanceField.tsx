import { useState } from 'react';
import { useRuns, type ImbalanceSpec } from '../../state/runs';

const METHODS: { value: ImbalanceSpec['method']; label: string }[] = [
  { value: 'none', label: 'none' },
  { value: 'balanced-weights', label: 'balanced class weights' },
  { value: 'manual-weights', label: 'manual class weights' },
  { value: 'oversample', label: 'random over-sampling' },
  { value: 'undersample', label: 'random under-sampling' },
  { value: 'smote', label: 'SMOTE (synthetic minority rows)' },
];

/** Class-imbalance handling; applies to the training split only, so test metrics stay honest. */
export function ImbalanceField() {
  const setup = useRuns((s) => s.setup);
  const imbalance = useRuns((s) => s.imbalance);
  const setImbalance = useRuns((s) => s.setImbalance);
  const [text, setText] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  if (!setup || setup.task === 'regression') return null;
  const labels = setup.classes.map((c) => c.label);
  const parseWeights = (value: string) => {
    setText(value);
    const weights = value.split(/[,\s]+/).filter(Boolean).map(Number);
    if (weights.length === labels.length && weights.every((w) => Number.isFinite(w) && w >= 0) && weights.some((w) => w > 0)) {
      setProblem(null);
      setImbalance({ method: 'manual-weights', classWeights: weights });
    } else {
      setProblem(`Give ${labels.length} non-negative weights, one per class in the order ${labels.join(', ')}.`);
    }
  };
  return (
    <>
      <label>
        Class imbalance
        <select
          value={imbalance.method}
          onChange={(e) => {
            const method = e.target.value as ImbalanceSpec['method'];
            if (method === 'manual-weights') {
              const start = text || labels.map(() => '1').join(', ');
              setText(start);
              setImbalance({ method, classWeights: start.split(/[,\s]+/).map(Number) });
            } else setImbalance({ method });
          }}
        >
          {METHODS.map((m) => (
            <option key={m.value} value={m.value}>
              {m.label}
            </option>
          ))}
        </select>
      </label>
      {imbalance.method === 'manual-weights' ? (
        <label>
          Weights ({labels.join(', ')})
          <input type="text" value={text} aria-invalid={problem !== null} onChange={(e) => parseWeights(e.target.value)} />
        </label>
      ) : null}
      {problem ? <span role="alert" className="error small">{problem}</span> : null}
      {imbalance.method !== 'none' ? <span className="muted small">Applied to the training split only; validation and test rows are never weighted or resampled.</span> : null}
    </>
  );
}
