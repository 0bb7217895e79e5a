import type { FeatureField } from '../../engine/api';
import { useExplain } from '../../state/explain';

function inputValue(field: FeatureField, edits: Record<string, unknown>): string {
  const v = Object.hasOwn(edits, field.name) ? edits[field.name] : field.value;
  return v === null || v === undefined ? '' : String(v);
}

/** Edit any feature of the selected row; each keystroke asks the engine, the latest answer wins. */
export function WhatIfForm() {
  const values = useExplain((s) => s.values);
  const edits = useExplain((s) => s.edits);
  const editValue = useExplain((s) => s.editValue);
  const resetEdits = useExplain((s) => s.resetEdits);
  const error = useExplain((s) => s.whatIfError);
  if (!values) return null;
  const edited = Object.keys(edits).length > 0;
  return (
    <form className="what-if" aria-label="What-if" onSubmit={(e) => e.preventDefault()}>
      <div className="row-between">
        <h2>What if…</h2>
        <button type="button" className="button" disabled={!edited} onClick={resetEdits}>Reset to row {values.rowIndex}</button>
      </div>
      <div className="what-if-grid">
        {values.fields.map((field) => {
          const id = `whatif-${field.name}`;
          const changed = Object.hasOwn(edits, field.name);
          return (
            <label key={field.name} htmlFor={id} className={changed ? 'changed' : undefined}>
              <span>{field.name}</span>
              {field.options ? (
                <select id={id} value={inputValue(field, edits)} onChange={(e) => void editValue(field.name, e.target.value === '' ? null : e.target.value)}>
                  <option value="">(missing)</option>
                  {[...new Set([...field.options, ...(field.value !== null ? [String(field.value)] : [])])].map((o) => (
                    <option key={o} value={o}>{o}</option>
                  ))}
                </select>
              ) : (
                <input
                  id={id}
                  type={field.kind === 'datetime' ? 'date' : 'text'}
                  inputMode={field.kind === 'number' ? 'decimal' : undefined}
                  value={inputValue(field, edits)}
                  onChange={(e) => void editValue(field.name, e.target.value === '' ? null : e.target.value)}
                />
              )}
            </label>
          );
        })}
      </div>
      {error ? <p role="alert" className="error small">{error}</p> : null}
    </form>
  );
}
