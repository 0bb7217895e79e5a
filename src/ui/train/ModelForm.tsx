import { useEffect, useState } from 'react';
import type { ModelKind, ModelSpec } from '../../engine/api';
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
function HiddenLayersField({ hidden, onChange }: { hidden: number[]; onChange(sizes: number[]): void }) {
  const [text, setText] = useState(hidden.join(', '));
  const key = hidden.join(',');
  useEffect(() => {
    setText((current) => (current.split(/[,\s]+/).filter(Boolean).join(',') === key ? current : key.split(',').join(', ')));
  }, [key]);
  return (
    <label>
      Hidden layers
      <input
        type="text"
        value={text}
        aria-describedby="hidden-help"
        onChange={(e) => {
          setText(e.target.value);
          const sizes = e.target.value.split(/[,\s]+/).filter(Boolean).map(Number);
          if (sizes.length > 0 && sizes.every((n) => Number.isInteger(n) && n > 0)) onChange(sizes);
        }}
      />
    </label>
  );
}

export function ModelForm() {
  const setup = useRuns((s) => s.setup);
  const kind = useRuns((s) => s.modelKind);
  const model = useRuns((s) => s.model);
  const seed = useRuns((s) => s.seed);
  const job = useRuns((s) => s.job);
  const setModelKind = useRuns((s) => s.setModelKind);
  const update = useRuns((s) => s.updateModel);
  const setSeed = useRuns((s) => s.setSeed);
  const train = useRuns((s) => s.train);
  const included = useRuns((s) => s.included);
  const regression = setup?.task === 'regression';
  const linearKind: ModelKind = regression ? 'linear' : 'logistic';
  const effectiveKind = kind === 'mlp' ? 'mlp' : linearKind;
  // Logistic for classification, linear for regression: follow the task when it changes.
  useEffect(() => {
    if (model && model.kind !== effectiveKind) void setModelKind(effectiveKind);
  }, [model, effectiveKind, setModelKind]);
  if (!setup || !model) return <p className="muted">Pick a target first.</p>;
  const noFeatures = !Object.values(included).some(Boolean);
  const patch = (p: Partial<ModelSpec>) => update(p);
  return (
    <fieldset className="form-rows" disabled={job !== null}>
      <label>
        Model
        <select value={effectiveKind} onChange={(e) => void setModelKind(e.target.value as ModelKind)}>
          <option value={linearKind}>{regression ? 'linear regression' : 'logistic regression'}</option>
          <option value="mlp">neural network (MLP)</option>
        </select>
      </label>
      {model.kind === 'mlp' ? (
        <>
          <HiddenLayersField hidden={model.hidden} onChange={(hidden) => patch({ hidden } as Partial<ModelSpec>)} />
          <span id="hidden-help" className="muted small">units per layer, e.g. 64, 32</span>
          <label>
            Activation
            <select value={model.activation} onChange={(e) => patch({ activation: e.target.value } as Partial<ModelSpec>)}>
              <option value="relu">ReLU</option>
              <option value="tanh">tanh</option>
              <option value="elu">ELU</option>
            </select>
          </label>
          <label>
            Optimizer
            <select value={model.optimizer} onChange={(e) => patch({ optimizer: e.target.value } as Partial<ModelSpec>)}>
              <option value="adam">Adam</option>
              <option value="sgd">SGD</option>
              <option value="rmsprop">RMSprop</option>
            </select>
          </label>
          <NumberField label="Dropout" value={model.dropout} step={0.05} min={0} onChange={(v) => patch({ dropout: v } as Partial<ModelSpec>)} />
          <NumberField label="L1 penalty" value={model.l1} min={0} onChange={(v) => patch({ l1: v } as Partial<ModelSpec>)} />
          <NumberField label="L2 penalty" value={model.l2} min={0} onChange={(v) => patch({ l2: v })} />
          <NumberField label="Early stopping patience" value={model.earlyStoppingPatience} step={1} min={0} onChange={(v) => patch({ earlyStoppingPatience: v } as Partial<ModelSpec>)} />
        </>
      ) : (
        <NumberField label="L2 strength (1/C)" value={model.l2} min={0} onChange={(v) => patch({ l2: v })} />
      )}
      <NumberField label="Learning rate" value={model.learningRate} min={0} onChange={(v) => patch({ learningRate: v })} />
      <NumberField label="Batch size" value={model.batchSize} step={1} min={1} onChange={(v) => patch({ batchSize: v })} />
      <NumberField label="Epochs" value={model.epochs} step={1} min={0} onChange={(v) => patch({ epochs: v })} />
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
