/** Add a generalise step for a quasi-identifier: age → band, date → month, zip → first characters. */
import { useState } from 'react';
import { stepDefinition } from '../../../core/clean/steps';
import type { RecipeStep } from '../../../core/clean/types';
import type { ColumnKind } from '../../../engine/api';
import { useRecipeDraft } from '../../../state/recipeDraft';

type Method = 'age-band' | 'month' | 'prefix';
const METHOD_LABELS: Record<Method, string> = { 'age-band': 'Age → band of N years', month: 'Date → month', prefix: 'Zip / postcode → first N characters' };

/** The method that fits a column's type: numbers into bands, dates into months, text into prefixes. */
function methodFor(kind: ColumnKind | undefined): Method {
  return kind === 'datetime' ? 'month' : kind === 'numeric' || kind === 'integer' ? 'age-band' : 'prefix';
}

export function GeneraliseForm({ datasetId, columns, kinds }: { datasetId: string; columns: string[]; kinds: Record<string, ColumnKind> }) {
  const addStep = useRecipeDraft((s) => s.addStep);
  const [picked, setColumn] = useState('');
  const [chosenMethod, setMethod] = useState<{ column: string; method: Method } | null>(null);
  const [nText, setNText] = useState<string | null>(null);
  const [added, setAdded] = useState<string | null>(null);
  const column = columns.includes(picked) ? picked : columns[0] ?? '';
  // The method follows the column until the user picks one for it.
  const method = chosenMethod?.column === column ? chosenMethod.method : methodFor(kinds[column]);
  const text = nText ?? (method === 'prefix' ? '3' : '10');
  const n = Number(text);
  const needsN = method !== 'month';
  const problem = needsN && (!/^\d+$/.test(text.trim()) || n < 1 || n > (method === 'age-band' ? 100 : 20)) ? `Type a whole number from 1 to ${method === 'age-band' ? 100 : 20}.` : null;
  const add = () => {
    const step: RecipeStep = method === 'age-band' ? { op: 'generalise', column, method, width: n } : method === 'month' ? { op: 'generalise', column, method } : { op: 'generalise', column, method, chars: n };
    addStep(datasetId, step);
    setAdded(stepDefinition('generalise')!.describe(step));
  };
  if (columns.length === 0) return null;
  return (
    <div className="generalise-form">
      <h5>Make groups larger: generalise a column</h5>
      <div className="row-gap">
        <label>Column to generalise{' '}
          <select value={column} onChange={(e) => { setColumn(e.target.value); setNText(null); }}>{columns.map((c) => <option key={c} value={c}>{c}</option>)}</select>
        </label>
        <label>How{' '}
          <select value={method} onChange={(e) => { setMethod({ column, method: e.target.value as Method }); setNText(null); }}>
            {(Object.keys(METHOD_LABELS) as Method[]).map((m) => <option key={m} value={m}>{METHOD_LABELS[m]}</option>)}
          </select>
        </label>
        {needsN ? <label>N{' '}<input className="pii-amount" inputMode="numeric" aria-invalid={problem ? true : undefined} value={text} onChange={(e) => setNText(e.target.value)} /></label> : null}
        <button className="button" disabled={problem !== null || !column} onClick={add}>Add generalise step</button>
      </div>
      {problem ? <p className="error small" role="alert">{problem}</p> : null}
      {added ? <p className="muted small" role="status">Added to the recipe: {added}. Apply the recipe, then compute k on the new version.</p> : null}
    </div>
  );
}
