/** Add a step to the recipe: choose the operation, fill its fields (drawn from stepForms.ts). */
import { useMemo, useState } from 'react';
import type { ColumnProfile } from '../../core/frame/profile';
import { STEP_FORMS, stepOfForm, type StepField } from './stepForms';

interface Props {
  columns: ColumnProfile[];
  onAdd(step: Record<string, unknown> & { op: string }): void;
}

export function AddStepForm({ columns, onAdd }: Props) {
  const [op, setOp] = useState(STEP_FORMS[0].op);
  const form = STEP_FORMS.find((f) => f.op === op)!;
  const [values, setValues] = useState<Record<string, unknown>>(() => form.defaults(columns));
  const choose = (next: string) => {
    setOp(next);
    setValues(STEP_FORMS.find((f) => f.op === next)!.defaults(columns));
  };
  const set = (key: string, value: unknown) => setValues((v) => ({ ...v, [key]: value }));
  const visible = form.fields.filter((f) => !f.when || f.when.values.includes(String(values[f.when.key])));

  return (
    <form
      className="add-step"
      aria-label="Add a step"
      onSubmit={(e) => {
        e.preventDefault();
        onAdd(stepOfForm(op, Object.fromEntries(visible.map((f) => [f.key, values[f.key]]))));
      }}
    >
      <label>
        Operation{' '}
        <select aria-label="Operation" value={op} onChange={(e) => choose(e.target.value)}>
          {STEP_FORMS.map((f) => (
            <option key={f.op} value={f.op}>{f.label}</option>
          ))}
        </select>
      </label>
      {visible.map((field) => (
        <Field key={field.key} field={field} columns={columns} value={values[field.key]} onChange={(v) => set(field.key, v)} />
      ))}
      <button className="button" type="submit">Add step</button>
    </form>
  );
}

function Field({ field, columns, value, onChange }: { field: StepField; columns: ColumnProfile[]; value: unknown; onChange(v: unknown): void }) {
  const fits = useMemo(() => columns.filter(field.columns ?? (() => true)), [columns, field.columns]);
  switch (field.kind) {
    case 'column':
      return (
        <label>
          {field.label}{' '}
          <select aria-label={field.label} value={String(value ?? '')} onChange={(e) => onChange(e.target.value)}>
            {field.optional ? <option value="">(none)</option> : null}
            {fits.map((c) => <option key={c.name} value={c.name}>{c.name}</option>)}
          </select>
        </label>
      );
    case 'choice':
      return (
        <label>
          {field.label}{' '}
          <select aria-label={field.label} value={String(value ?? '')} onChange={(e) => onChange(e.target.value)}>
            {field.options!.map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}
          </select>
        </label>
      );
    case 'number':
      return (
        <label>
          {field.label}{' '}
          <input aria-label={field.label} type="number" step="any" className="narrow" value={String(value ?? '')} onChange={(e) => onChange(e.target.value === '' ? '' : Number(e.target.value))} />
        </label>
      );
    case 'text':
      return (
        <label>
          {field.label}{' '}
          <input aria-label={field.label} type="text" value={String(value ?? '')} onChange={(e) => onChange(e.target.value)} />
        </label>
      );
    case 'numbers':
      return (
        <label>
          {field.label}{' '}
          <input aria-label={field.label} type="text" placeholder="0, 18, 65, 120" defaultValue={Array.isArray(value) ? value.join(', ') : ''} onChange={(e) => onChange(e.target.value.split(',').map((s) => s.trim()).filter(Boolean).map(Number))} />
        </label>
      );
    case 'columns':
    case 'checks': {
      const chosen = new Set(Array.isArray(value) ? (value as string[]) : []);
      const options = field.kind === 'columns' ? fits.map((c) => ({ value: c.name, label: c.name })) : field.options!;
      return (
        <fieldset className="checks">
          <legend>{field.label}</legend>
          {options.map((o) => (
            <label key={o.value}>
              <input
                type="checkbox"
                checked={chosen.has(o.value)}
                onChange={(e) => onChange(options.map((x) => x.value).filter((x) => (x === o.value ? e.target.checked : chosen.has(x))))}
              />{' '}
              {o.label}
            </label>
          ))}
        </fieldset>
      );
    }
  }
}
