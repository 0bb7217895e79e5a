/**
 * Reference: fixtures/*.json, made by fixtures/make_xgboost.py with Debian's python3-xgboost 1.7.4
 * (rerun: /usr/bin/python3 src/core/models/gbdt/fixtures/make_xgboost.py). Each holds a model as
 * save_model wrote it, its training rows, and XGBoost's margins, predictions and pred_contribs.
 *
 * That XGBoost loads what writeXgboostModel writes was checked by hand (no Python in CI): running
 *   LOUPE_XGBOOST_EXPORT_DIR=/tmp/xgb npx vitest run src/core/models/gbdt/xgboostJson.test.ts
 * writes <fixture>.loupe.json (fixture parsed, then written by writeXgboostModel) for every fixture,
 * and binary-named.loupe.json (feature names f0..f5, base margin logit(0.2)). A short
 * /usr/bin/python3 script loaded each with xgboost 1.7.4's `xgb.Booster(model_file=...)`, scored the
 * fixture rows (a plain float32 DMatrix, and for categorical also one with feature_types and
 * enable_categorical; for binary-named one with feature_names), and compared with the fixture cast
 * to float32: predict(output_margin=True), predict() and predict(pred_contribs=True) differed by
 * exactly 0 on all four (binary-named: margins = fixture + logit(0.2) to 1e-6, float32 sums), and
 * save_model of the reloaded booster reproduced the Loupe-written file byte for byte. The byte-for-byte test
 * below pins the same thing without Python: the writer reproduces XGBoost's own file.
 */

import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { forestMargins, forestPredict, type Forest } from './forest';
import { formatFloat32, parseXgboostModel, writeXgboostModel } from './xgboostJson';

interface Fixture {
  model: string;
  x: (number | null)[][];
  margin: number[] | number[][];
  predict: number[] | number[][];
  probes?: { x: (number | null)[][]; margin: number[] };
}

const NAMES = ['binary', 'multiclass', 'regression', 'categorical'] as const;

function fixture(name: string): Fixture {
  return JSON.parse(readFileSync(new URL(`./fixtures/${name}.json`, import.meta.url), 'utf8')) as Fixture;
}

const matrix = (rows: (number | null)[][]) => Float32Array.from(rows.flat(), (v) => (v === null ? NaN : v));

function parsed(text: string) {
  const result = parseXgboostModel(text);
  if (!result.ok) throw new Error(result.message);
  return result.value;
}

function expectClose(actual: ArrayLike<number>, expected: ArrayLike<number>, tolerance: number): void {
  expect(actual.length).toBe(expected.length);
  let worst = 0;
  for (let i = 0; i < expected.length; i++) worst = Math.max(worst, Math.abs(actual[i] - expected[i]));
  expect(worst).toBeLessThan(tolerance);
}

/** XGBoost's own text as a JSON value: its bare NaN tokens become null. */
const xgboostValue = (text: string): Record<string, unknown> => JSON.parse(text.replace(/\bNaN\b/g, 'null')) as Record<string, unknown>;

/** Keys, their order and value kinds, recursively; an array by its first element. */
function shape(value: unknown): unknown {
  if (Array.isArray(value)) return value.length ? [shape(value[0])] : [];
  if (value && typeof value === 'object') return Object.entries(value).map(([k, v]) => [k, shape(v)]);
  return value === null ? 'number' : typeof value;
}

describe('parseXgboostModel', () => {
  for (const name of NAMES) {
    it(`reads the ${name} fixture and scores its rows as XGBoost does`, () => {
      const f = fixture(name);
      const { forest } = parsed(f.model);
      const rows = f.x.length;
      expect(forest.features).toBe(6);
      expect(forest.groups).toBe(name === 'multiclass' ? 3 : 1);
      expectClose(forestMargins(forest, matrix(f.x), rows), f.margin.flat(), 1e-5);
      expectClose(forestPredict(forest, matrix(f.x), rows), f.predict.flat(), 1e-5);
    });
  }

  it('converts base_score to a margin: logit for binary:logistic, as is otherwise', () => {
    expect(parsed(fixture('binary').model).forest.baseMargin).toBe(0);
    expect(parsed(fixture('regression').model).forest.baseMargin).toBe(0.5);
    expect(parsed(fixture('multiclass').model).forest.baseMargin).toBe(0.5);
    const model = xgboostValue(fixture('binary').model) as { learner: { learner_model_param: { base_score: string } } };
    model.learner.learner_model_param.base_score = '2E-1';
    expect(parsed(JSON.stringify(model)).forest.baseMargin).toBeCloseTo(Math.log(0.2 / 0.8), 6);
  });

  it('reads the root parent 2147483647 as -1 and drops nothing from whole trees', () => {
    const { forest } = parsed(fixture('binary').model);
    for (const tree of forest.trees) {
      expect(tree.parent[0]).toBe(-1);
      for (let i = 1; i < tree.left.length; i++) expect(tree.left[tree.parent[i]] === i || tree.right[tree.parent[i]] === i).toBe(true);
    }
  });

  it('reads categorical splits: the listed codes go right, other codes and negatives left, missing the default way', () => {
    const f = fixture('categorical');
    const { forest, featureTypes, featureNames } = parsed(f.model);
    expect(featureTypes).toEqual(['q', 'q', 'q', 'q', 'c', 'c']);
    expect(featureNames).toBeNull();
    const categorical = forest.trees.flatMap((t) => [...t.splitType.keys()].filter((i) => t.splitType[i] === 1).map((i) => t.feature[i]));
    expect(new Set(categorical)).toEqual(new Set([4, 5]));
    // Probes: codes seen in training, unseen ones (8 .. 100, past the stored bitset), negative, missing.
    const keep = f.probes!.x.map((r, i) => i).filter((i) => f.probes!.x[i][5] === null || Number.isInteger(f.probes!.x[i][5]));
    const probes = keep.map((i) => f.probes!.x[i]);
    expectClose(forestMargins(forest, matrix(probes), probes.length), keep.map((i) => f.probes!.margin[i]), 1e-5);
  });

  // XGBoost truncates a fractional code (2.5 scores as 2), and so does forest.ts's childOf.
  it('scores fractional category codes as XGBoost does (the whole part of the code)', () => {
    const f = fixture('categorical');
    const { forest } = parsed(f.model);
    const keep = f.probes!.x.map((r, i) => i).filter((i) => f.probes!.x[i][5] !== null && !Number.isInteger(f.probes!.x[i][5]));
    const probes = keep.map((i) => f.probes!.x[i]);
    expectClose(forestMargins(forest, matrix(probes), probes.length), keep.map((i) => f.probes!.margin[i]), 1e-5);
  });

  it('reads multi:softmax as softprob trees', () => {
    const model = xgboostValue(fixture('multiclass').model) as { learner: { objective: { name: string } } };
    model.learner.objective.name = 'multi:softmax';
    expect(parsed(JSON.stringify(model)).forest.objective).toBe('multi:softprob');
  });

  it('drops nodes a pruned tree no longer reaches', () => {
    const model = xgboostValue(fixture('binary').model) as { learner: { gradient_booster: { model: { trees: Record<string, unknown>[] } } } };
    const original = parsed(fixture('binary').model).forest;
    const t = model.learner.gradient_booster.model.trees[0] as Record<string, unknown[] | Record<string, string>>;
    // Turn node 1 into a leaf: its subtree stays in the arrays, unreachable, as XGBoost's pruner leaves it.
    (t.left_children as number[])[1] = -1;
    (t.right_children as number[])[1] = -1;
    const forest = parsed(JSON.stringify(model)).forest;
    const before = original.trees[0].left.length;
    expect(forest.trees[0].left.length).toBeLessThan(before);
    expect(forest.trees[0].left.every((c) => c < forest.trees[0].left.length)).toBe(true);
    expect(forest.trees[0].parent.every((p) => p < forest.trees[0].left.length)).toBe(true);
  });
});

describe('parseXgboostModel rejects what it cannot read, saying why', () => {
  type Model = {
    version: number[];
    learner: {
      objective: { name: string };
      learner_model_param: Record<string, string>;
      gradient_booster: { name: string; model: { trees: Record<string, unknown>[]; tree_info: number[] } };
    };
  };
  const edit = (change: (m: Model) => void): string => {
    const model = xgboostValue(fixture('binary').model) as unknown as Model;
    change(model);
    return JSON.stringify(model);
  };
  const cases: [string, string, RegExp][] = [
    ['not JSON', 'hello', /not valid JSON/],
    ['not a model', '{"a":1}', /version/],
    ['a DART model', edit((m) => (m.learner.gradient_booster.name = 'dart')), /DART.*gbtree/],
    ['a linear model', edit((m) => (m.learner.gradient_booster.name = 'gblinear')), /gblinear/],
    ['another objective', edit((m) => (m.learner.objective.name = 'rank:pairwise')), /"rank:pairwise" is not supported/],
    ['an old version', edit((m) => (m.version = [0, 90, 0])), /XGBoost 0\.90\.0.*1\.x/],
    ['a newer major version', edit((m) => (m.version = [3, 0, 0])), /XGBoost 3\.0\.0/],
    ['multi-target', edit((m) => (m.learner.learner_model_param.num_target = '2')), /Multi-target/],
    ['a bad base_score', edit((m) => (m.learner.learner_model_param.base_score = '1.5')), /base_score/],
    ['a short array', edit((m) => (m.learner.gradient_booster.model.trees[0].sum_hessian as number[]).pop()), /sum_hessian has \d+ entries/],
    ['a child out of range', edit((m) => ((m.learner.gradient_booster.model.trees[0].left_children as number[])[0] = 99)), /invalid children/],
    ['a column out of range', edit((m) => ((m.learner.gradient_booster.model.trees[0].split_indices as number[])[0] = 6)), /beyond num_feature 6/],
    ['a cycle', edit((m) => ((m.learner.gradient_booster.model.trees[0].left_children as number[])[1] = 0)), /not a tree/],
    ['a wrong tree_info', edit((m) => (m.learner.gradient_booster.model.tree_info[0] = 1)), /tree_info/],
    ['missing trees', edit((m) => delete (m.learner.gradient_booster.model as Partial<Model['learner']['gradient_booster']['model']>).trees), /trees is missing/],
  ];
  for (const [what, text, message] of cases) {
    it(`rejects ${what}`, () => {
      const result = parseXgboostModel(text);
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.message).toMatch(message);
    });
  }
});

describe('writeXgboostModel', () => {
  for (const name of NAMES) {
    it(`round-trips the ${name} fixture to the same forest and scores`, () => {
      const f = fixture(name);
      const first = parsed(f.model);
      const text = writeXgboostModel(first.forest, [], first.featureTypes ?? undefined);
      const second = parsed(text);
      expect(second.forest).toEqual(first.forest);
      expect(second.featureTypes).toEqual(first.featureTypes);
      const x = matrix(f.x);
      expect(forestMargins(second.forest, x, f.x.length)).toEqual(forestMargins(first.forest, x, f.x.length));
    });

    it(`writes the ${name} model in XGBoost's schema: same keys, order and value kinds`, () => {
      const f = fixture(name);
      const { forest, featureTypes } = parsed(f.model);
      const reference = xgboostValue(f.model) as { learner: { attributes: unknown } };
      const written = xgboostValue(writeXgboostModel(forest, [], featureTypes ?? undefined)) as { learner: { attributes: unknown } };
      // attributes holds xgb.train's best_iteration bookkeeping; Loupe writes none.
      expect(written.learner.attributes).toEqual({});
      reference.learner.attributes = {};
      expect(shape(written)).toEqual(shape(reference));
    });

    it(`writes the ${name} model byte for byte as XGBoost did, attributes aside`, () => {
      const f = fixture(name);
      const { forest, featureTypes } = parsed(f.model);
      const withoutAttributes = f.model.replace(/"attributes":\{[^}]*\}/, '"attributes":{}');
      expect(writeXgboostModel(forest, [], featureTypes ?? undefined)).toBe(withoutAttributes);
    });
  }

  it('writes feature names, derives feature types from categorical splits, and round-trips them', () => {
    const { forest } = parsed(fixture('categorical').model);
    const names = ['a', 'b', 'c', 'd', 'e', 'f'];
    const back = parsed(writeXgboostModel(forest, names));
    expect(back.featureNames).toEqual(names);
    expect(back.featureTypes).toEqual(['q', 'q', 'q', 'q', 'c', 'c']);
    expect(parsed(writeXgboostModel(parsed(fixture('binary').model).forest, [])).featureTypes).toBeNull();
    expect(() => writeXgboostModel(forest, ['a'])).toThrow(/1 feature names for 6 columns/);
  });

  it('writes base_score in probability space for binary:logistic', () => {
    const forest: Forest = { ...parsed(fixture('binary').model).forest, baseMargin: Math.log(0.2 / 0.8) };
    const written = xgboostValue(writeXgboostModel(forest, [])) as { learner: { learner_model_param: { base_score: string } } };
    expect(written.learner.learner_model_param.base_score).toBe('2E-1');
  });

  it('formats float32 values as XGBoost does', () => {
    expect(formatFloat32(0.30068510770797729)).toBe('3.006851E-1');
    expect(formatFloat32(0)).toBe('0E0');
    expect(formatFloat32(88.39328)).toBe('8.839328E1');
    expect(formatFloat32(-1.1818181)).toBe('-1.1818181E0');
    expect(formatFloat32(NaN)).toBe('NaN');
    for (const v of [1e-30, 3.4e38, -7.1234567e-5, 1 / 3]) expect(Math.fround(Number(formatFloat32(v)))).toBe(Math.fround(v));
  });

  // The hand check described at the top: writes each fixture's model for xgboost to load.
  it.runIf(process.env.LOUPE_XGBOOST_EXPORT_DIR)('writes the models for the XGBoost load check', () => {
    const dir = process.env.LOUPE_XGBOOST_EXPORT_DIR!;
    mkdirSync(dir, { recursive: true });
    for (const name of NAMES) {
      const { forest, featureTypes } = parsed(fixture(name).model);
      writeFileSync(join(dir, `${name}.loupe.json`), writeXgboostModel(forest, [], featureTypes ?? undefined));
    }
    const named: Forest = { ...parsed(fixture('binary').model).forest, baseMargin: Math.log(0.2 / 0.8) };
    writeFileSync(join(dir, 'binary-named.loupe.json'), writeXgboostModel(named, ['f0', 'f1', 'f2', 'f3', 'f4', 'f5']));
  });
});
