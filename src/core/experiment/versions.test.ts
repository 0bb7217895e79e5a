import { describe, expect, it } from 'vitest';
import { currentOf, metricDeltas, promote, rollback, settingsDiff, versionSettings, type PromotionState } from './versions';
import type { ExperimentConfig } from './run';

const config = (over: Partial<ExperimentConfig> = {}): ExperimentConfig => ({
  target: 'churned', task: 'binary', positiveClass: 'yes', features: ['age', 'spend'],
  model: { kind: 'logistic', l2: 1, epochs: 10 }, seed: 1, split: { train: 0.7, val: 0.15, test: 0.15 }, threshold: 0.5, ...over,
});

describe('model versions', () => {
  it('diffs settings row by row, marking what changed', () => {
    const a = versionSettings(config(), 'c.csv (version 1)');
    const b = versionSettings(config({ model: { kind: 'logistic', l2: 0.1, epochs: 10 }, features: ['age'] }), 'c.csv (version 1)');
    const changed = settingsDiff(a, b).filter((d) => !d.same);
    expect(changed).toEqual([
      { setting: 'model.l2', a: '1', b: '0.1', same: false },
      { setting: 'features', a: 'age, spend', b: 'age', same: false },
    ]);
    // A setting only one kind has shows "-" on the other side.
    const mlp = versionSettings(config({ model: { kind: 'mlp', hidden: [8, 4], epochs: 10 } }), 'c.csv (version 1)');
    expect(settingsDiff(a, mlp).find((d) => d.setting === 'model.hidden')).toEqual({ setting: 'model.hidden', a: '-', b: '8, 4', same: false });
  });

  it('metric deltas are b - a and say which is better by the metric direction', () => {
    const d = metricDeltas(
      [{ name: 'AUC', value: 0.8, higherIsBetter: true }, { name: 'log loss', value: 0.5, higherIsBetter: false }, { name: 'x', value: null, higherIsBetter: true }],
      [{ name: 'AUC', value: 0.85, higherIsBetter: true }, { name: 'log loss', value: 0.6, higherIsBetter: false }, { name: 'x', value: 1, higherIsBetter: true }],
    );
    expect(d[0].delta).toBeCloseTo(0.05, 12);
    expect(d[0].better).toBe(true);
    expect(d[1].delta).toBeCloseTo(0.1, 12);
    expect(d[1].better).toBe(false);
    expect(d[2]).toMatchObject({ delta: null, better: null });
  });

  it('promotes one current per line and rolls back to the previous current, keeping the history', () => {
    const versions: Record<string, number> = { r1: 1, r2: 2, r3: 3 };
    const versionOf = (id: string) => versions[id] ?? null;
    let s: PromotionState = promote({ stack: [], history: [] }, 'r1', 1, 't0', 'first');
    s = promote(s, 'r2', 2, 't1');
    s = promote(s, 'r3', 3, 't2');
    expect(currentOf(s, () => true)).toBe('r3');
    s = rollback(s, versionOf, 't3')!;
    expect(currentOf(s, () => true)).toBe('r2');
    s = rollback(s, versionOf, 't4')!;
    expect(currentOf(s, () => true)).toBe('r1');
    expect(rollback(s, versionOf, 't5')).toBeNull();
    expect(s.history.map((h) => `${h.action} v${h.version}`)).toEqual(['first v1', 'promote v2', 'promote v3', 'rollback v2', 'rollback v1']);
    // Promoting a version already in the stack moves it to the top, once.
    s = promote(promote(s, 'r2', 2, 't6'), 'r1', 1, 't7');
    expect(s.stack).toEqual(['r2', 'r1']);
    // A removed version is skipped by roll back and by current.
    delete versions.r2;
    expect(rollback(s, versionOf, 't8')).toBeNull();
    expect(currentOf({ stack: ['r1', 'r2'], history: [] }, (id) => id !== 'r2')).toBe('r1');
  });
});
