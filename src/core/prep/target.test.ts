import { describe, expect, it } from 'vitest';
import { encodeTarget, inferTask } from './target';
import { makeColumn, makeDataset } from './testUtils';

describe('inferTask', () => {
  it('reads two labels as binary with the minority class positive', () => {
    expect(inferTask(makeColumn('c', ['no', 'yes', 'no', 'no', null]))).toEqual({ task: 'binary', positiveClass: 'yes' });
    expect(inferTask(makeColumn('b', { kind: 'boolean', values: [1, 1, 0, 1] }))).toEqual({ task: 'binary', positiveClass: '0' });
    expect(inferTask(makeColumn('n', [0, 1, 0, 1]))).toEqual({ task: 'binary', positiveClass: '1' });
  });
  it('reads a few whole numbers or strings as multiclass and other numbers as regression', () => {
    expect(inferTask(makeColumn('c', ['a', 'b', 'c'])).task).toBe('multiclass');
    expect(inferTask(makeColumn('n', { kind: 'integer', values: [1, 2, 3, 2, 1] })).task).toBe('multiclass');
    expect(inferTask(makeColumn('n', [1.5, 2.25, 3, 8])).task).toBe('regression');
    expect(inferTask(makeColumn('n', Array.from({ length: 40 }, (_, i) => i))).task).toBe('regression');
  });
});

describe('encodeTarget', () => {
  const ds = makeDataset({
    churn: ['no', 'yes', null, 'no', 'yes', 'no'],
    grade: ['b', 'a', 'c', 'a', null, 'b'],
    price: [1.5, NaN, 3, 4, 5, 6],
    constant: ['x', 'x', null, 'x', 'x', 'x'],
  });
  it('encodes binary as 0/1 with classes [negative, positive] and skips missing rows', () => {
    const r = encodeTarget(ds, { column: 'churn', task: 'binary' });
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value.classes).toEqual(['no', 'yes']);
    expect(Array.from(r.value.rowsWithTarget)).toEqual([0, 1, 3, 4, 5]);
    expect(Array.from(r.value.y)).toEqual([0, 1, NaN, 0, 1, 0]);
    const flipped = encodeTarget(ds, { column: 'churn', task: 'binary', positiveClass: 'no' });
    expect(flipped.ok && Array.from(flipped.value.y)).toEqual([1, 0, NaN, 1, 0, 1]);
  });
  it('encodes multiclass as sorted class indices and regression as values', () => {
    const m = encodeTarget(ds, { column: 'grade', task: 'multiclass' });
    expect(m.ok && m.value.classes).toEqual(['a', 'b', 'c']);
    expect(m.ok && Array.from(m.value.y)).toEqual([1, 0, 2, 0, NaN, 1]);
    const r = encodeTarget(ds, { column: 'price', task: 'regression' });
    expect(r.ok && Array.from(r.value.rowsWithTarget)).toEqual([0, 2, 3, 4, 5]);
  });
  it('explains why a target cannot be used', () => {
    const one = encodeTarget(ds, { column: 'constant', task: 'binary' });
    expect(!one.ok && one.error.message).toMatch(/only one class \("x"\)/);
    const many = encodeTarget(ds, { column: 'grade', task: 'binary' });
    expect(!many.ok && many.error.message).toMatch(/3 classes; binary needs exactly two/);
    const text = encodeTarget(ds, { column: 'grade', task: 'regression' });
    expect(!text.ok && text.error.message).toMatch(/not numeric/);
    const bad = encodeTarget(ds, { column: 'churn', task: 'binary', positiveClass: 'maybe' });
    expect(!bad.ok && bad.error.message).toMatch(/"maybe" is not a class/);
  });
});
