/** For personal data the detectors missed (a customer number, free-text notes): drop, mask or pseudonymise any column. */
import { useState } from 'react';
import type { RecipeStep } from '../../../core/clean/types';

type Action = 'pseudonymise' | 'mask' | 'drop';

export function OtherColumnForm({ columns, onAdd }: { columns: string[]; onAdd(step: RecipeStep): void }) {
  const [picked, setPicked] = useState('');
  const [action, setAction] = useState<Action>('pseudonymise');
  const [keepText, setKeepText] = useState('0');
  if (columns.length === 0) return null;
  const column = columns.includes(picked) ? picked : columns[0];
  const keep = Number(keepText);
  const problem = action === 'mask' && (!/^\d+$/.test(keepText.trim()) || keep > 8) ? 'Type a whole number from 0 to 8.' : null;
  const step: RecipeStep = action === 'drop' ? { op: 'drop-columns', columns: [column] } : action === 'mask' ? { op: 'mask', columns: [column], keepLast: keep } : { op: 'pseudonymise', columns: [column] };
  return (
    <div className="row-gap other-column">
      <span className="small">Personal data Loupe did not find?</span>
      <label className="small">Other column{' '}
        <select value={column} onChange={(e) => setPicked(e.target.value)}>{columns.map((c) => <option key={c} value={c}>{c}</option>)}</select>
      </label>
      <label className="small">Action for the other column{' '}
        <select value={action} onChange={(e) => setAction(e.target.value as Action)}>
          <option value="pseudonymise">Pseudonymise</option>
          <option value="mask">Mask</option>
          <option value="drop">Drop</option>
        </select>
      </label>
      {action === 'mask' ? <label className="small">keep last <input className="pii-amount" inputMode="numeric" aria-invalid={problem ? true : undefined} value={keepText} onChange={(e) => setKeepText(e.target.value)} /></label> : null}
      <button className="button" aria-label="Add step for the other column" disabled={problem !== null} onClick={() => onAdd(step)}>Add step</button>
      {problem ? <span className="error small" role="alert">{problem}</span> : null}
    </div>
  );
}
