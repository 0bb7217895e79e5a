import { useRuns } from '../../state/runs';

function Strength({ label, value, max, onChange }: { label: string; value: number; max: number; onChange(v: number): void }) {
  return (
    <label>
      {label}
      <input type="number" min={0} max={max} step={0.05} value={value} onChange={(e) => Number.isFinite(e.target.valueAsNumber) && onChange(e.target.valueAsNumber)} />
    </label>
  );
}

/** Augmentation strengths: a perturbed copy of each training row is added when any is above 0. */
export function AugmentField() {
  const augment = useRuns((s) => s.augment);
  const setAugment = useRuns((s) => s.setAugment);
  const setup = useRuns((s) => s.setup);
  const included = useRuns((s) => s.included);
  const hasText = setup?.features.some((f) => included[f.name] && f.kind === 'text') ?? false;
  return (
    <>
      <Strength label="Augment: numeric noise (std)" value={augment.noise} max={10} onChange={(noise) => setAugment({ ...augment, noise })} />
      {hasText ? (
        <>
          <Strength label="Augment: word deletion" value={augment.wordDelete} max={0.95} onChange={(wordDelete) => setAugment({ ...augment, wordDelete })} />
          <Strength label="Augment: word swap" value={augment.wordSwap} max={1} onChange={(wordSwap) => setAugment({ ...augment, wordSwap })} />
        </>
      ) : null}
    </>
  );
}
