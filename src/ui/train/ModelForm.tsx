import { useEffect, useState } from 'react';
import type { ModelSpec, SettingField, SettingValue } from '../../engine/api';
import { useRuns } from '../../state/runs';
import { ImbalanceField } from './ImbalanceField';
import { AugmentField } from './AugmentField';

function NumberField({ label, value, step, min, onChange }: { label: string; value: number; step?: number; min?: number; onChange(v: number): void }) {
  return (
    <label>
      {label}
      <input type="number" value={value} step={step ?? 'any'} min={min} onChange={(e) => Number.isFinite(e.target.valueAsNumber) && onChange(e.target.valueAsNumber)} />
    </label>
  );
}

/** Typed text stays as typed; a change from outside (shared link, "Train best config") replaces it. */
function LayersField({ label, hidden, helpId, onChange }: { label: string; hidden: number[]; helpId?: string; onChange(sizes: number[]): void }) {
  const [text, setText] = useState(hidden.join(', '));
  const key = hidden.join(',');
  useEffect(() => {
    setText((current) => (current.split(/[,\s]+/).filter(Boolean).join(',') === key ? current : key.split(',').join(', ')));
  }, [key]);
  return (
    <label>
      {label}
      <input
        type="text"
        value={text}
        aria-describedby={helpId}
        onChange={(e) => {
          setText(e.target.value);
          const sizes = e.target.value.split(/[,\s]+/).filter(Boolean).map(Number);
          if (sizes.length > 0 && sizes.every((n) => Number.isInteger(n) && n > 0)) onChange(sizes);
        }}
      />
    </label>
  );
}

/** One setting of the kind's schema, drawn by its type. */
function SettingInput({ field, value, onChange }: { field: SettingField; value: SettingValue; onChange(v: SettingValue): void }) {
  const helpId = field.help ? `help-${field.key}` : undefined;
  const help = field.help ? <span id={helpId} className="muted small">{field.help}</span> : null;
  if (field.type === 'layers') {
    return (
      <>
        <LayersField label={field.label} hidden={value as number[]} helpId={helpId} onChange={onChange} />
        {help}
      </>
    );
  }
  if (field.type === 'choice') {
    return (
      <label>
        {field.label}
        <select value={String(value)} onChange={(e) => onChange(e.target.value)}>
          {field.options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      </label>
    );
  }
  const step = field.type === 'integer' ? 1 : field.step;
  return <NumberField label={field.label} value={value as number} step={step} min={field.min} onChange={onChange} />;
}

export function ModelForm() {
  const setup = useRuns((s) => s.setup);
  const kinds = useRuns((s) => s.modelKinds);
  const model = useRuns((s) => s.model);
  const modelKind = useRuns((s) => s.modelKind);
  const seed = useRuns((s) => s.seed);
  const job = useRuns((s) => s.job);
  const setModelKind = useRuns((s) => s.setModelKind);
  const update = useRuns((s) => s.updateModel);
  const setSeed = useRuns((s) => s.setSeed);
  const train = useRuns((s) => s.train);
  const included = useRuns((s) => s.included);
  if (!setup || !model) return <p className="muted">Pick a target first.</p>;
  const noFeatures = !Object.values(included).some(Boolean);
  const offered = kinds.filter((k) => k.tasks.includes(setup.task));
  const info = kinds.find((k) => k.kind === model.kind);
  const settings = info?.settings ?? [];
  const presets = info?.presets ?? [];
  return (
    <fieldset className="form-rows" disabled={job !== null}>
      <label>
        Model
        <select value={modelKind} onChange={(e) => void setModelKind(e.target.value)}>
          {offered.map((k) => (
            <option key={k.kind} value={k.kind}>
              {k.label}
            </option>
          ))}
        </select>
      </label>
      {presets.length > 0 ? (
        <label>
          Preset
          <select value="" onChange={(e) => e.target.value !== '' && update(presets[Number(e.target.value)].settings as Partial<ModelSpec>)}>
            <option value="">apply a preset…</option>
            {presets.map((p, i) => (
              <option key={p.name} value={i}>
                {p.name}
              </option>
            ))}
          </select>
        </label>
      ) : null}
      {settings.map((field) => (
        <SettingInput key={`${model.kind}-${field.key}`} field={field} value={model[field.key]} onChange={(v) => update({ [field.key]: v } as Partial<ModelSpec>)} />
      ))}
      <ImbalanceField />
      <AugmentField />
      <NumberField label="Seed" value={seed} step={1} onChange={setSeed} />
      <button className="button primary" disabled={noFeatures} onClick={() => void train()}>
        Train model
      </button>
      <span className="muted small">Split 70 / 15 / 15 (train / validation / test), stratified, seeded.</span>
    </fieldset>
  );
}
