/** The dataset and column pickers both mapping forms (ratings, events) are built from. */
import type { ColumnProfile } from '../../engine/api';
import { useDatasets } from '../../state/datasets';

/** A labelled column picker; `optional` names the empty choice (e.g. "none") when the column may be left out. */
export function ColumnSelect({ label, value, columns, optional, onChange }: { label: string; value: string | null; columns: ColumnProfile[]; optional?: string; onChange(v: string | null): void }) {
  return (
    <label>
      {label}
      <select value={value ?? ''} onChange={(e) => onChange(e.target.value === '' ? null : e.target.value)}>
        {optional ? <option value="">{optional}</option> : null}
        {columns.map((c) => (
          <option key={c.name} value={c.name}>
            {c.name} ({c.kind})
          </option>
        ))}
      </select>
    </label>
  );
}

/** A labelled picker over the loaded datasets; offers "choose…" until one is chosen. */
export function DatasetSelect({ label, value, onChange }: { label: string; value: string | null; onChange(id: string): void }) {
  const order = useDatasets((s) => s.order);
  const byId = useDatasets((s) => s.byId);
  return (
    <label>
      {label}
      <select value={value ?? ''} onChange={(e) => onChange(e.target.value)}>
        {value ? null : <option value="">choose…</option>}
        {order.map((id) => (
          <option key={id} value={id}>
            {byId[id]?.name}
          </option>
        ))}
      </select>
    </label>
  );
}
