import { describe, expect, it } from 'vitest';
import { defaultModelSpec } from '../models';
import { DEFAULT_SPLIT, type ExperimentConfig } from './run';
import { configFromFragment, configToFragment } from './shareConfig';

const config: ExperimentConfig = {
  target: 'churned',
  task: 'binary',
  positiveClass: '1',
  features: ['age', 'country', 'review', 'naïve column, with "quotes" & #hash'],
  model: { ...defaultModelSpec('mlp', 'binary'), hidden: [16, 8] } as ExperimentConfig['model'],
  seed: 7,
  split: DEFAULT_SPLIT,
  threshold: 0.5,
  imbalance: { method: 'balanced-weights' },
  augment: { noise: 0.1, wordDelete: 0, wordSwap: 0 },
};

describe('share a configuration in the URL', () => {
  it('round-trips every field', () => {
    const fragment = configToFragment(config);
    expect(fragment.startsWith('#loupe=')).toBe(true);
    const back = configFromFragment(fragment);
    expect(back).toEqual({ ok: true, value: config });
  });

  it('carries no data: only configuration fields, even when the object holds more', () => {
    const withData = { ...config, rows: [[1, 2, 3]], scores: [0.1] } as unknown as ExperimentConfig;
    const text = decodeURIComponent(configToFragment(withData));
    expect(text).not.toContain('rows');
    expect(text).not.toContain('scores');
    const keys = Object.keys(JSON.parse(text.slice('#loupe='.length)));
    expect(keys.sort()).toEqual(['augment', 'features', 'imbalance', 'model', 'positiveClass', 'seed', 'split', 'target', 'task', 'threshold', 'v']);
  });

  it('no fragment is no config; a damaged one says so', () => {
    expect(configFromFragment('')).toEqual({ ok: true, value: null });
    expect(configFromFragment('#other=1')).toEqual({ ok: true, value: null });
    expect(configFromFragment('#loupe=%7Bnot')).toMatchObject({ ok: false });
    expect(configFromFragment(`#loupe=${encodeURIComponent(JSON.stringify({ v: 1, target: 'x' }))}`)).toMatchObject({ ok: false });
  });
});
