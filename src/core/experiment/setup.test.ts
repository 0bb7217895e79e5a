import { describe, expect, it } from 'vitest';
import { makeDataset } from '../prep/testUtils';
import { setupTask } from './setup';

const n = 200;
const label = Array.from({ length: n }, (_, i) => (i % 5 === 0 ? 1 : 0));

describe('setupTask', () => {
  const ds = makeDataset({
    customer_id: { kind: 'identifier', values: Array.from({ length: n }, (_, i) => `C${i}`) },
    contact_email: Array.from({ length: n }, (_, i) => `person${i}@example.com`),
    region: Array.from({ length: n }, (_, i) => ['north', 'south', 'east'][i % 3]),
    constant: Array.from({ length: n }, () => 7),
    almost_constant: Array.from({ length: n }, (_, i) => (i === 0 ? 1 : 0)),
    refund_issued: label.map((y) => y * 10 + 1),
    visits: Array.from({ length: n }, (_, i) => (i * 37) % 11),
    churned: { kind: 'boolean', values: label },
  });

  it('infers a binary task with the minority class positive and counts the classes', () => {
    const setup = setupTask(ds, 'churned');
    if (!setup.ok) throw new Error(setup.error.message);
    expect(setup.value.task).toBe('binary');
    expect(setup.value.positiveClass).toBe('1');
    expect(setup.value.classes).toEqual([{ label: '0', count: 160 }, { label: '1', count: 40 }]);
  });

  it('proposes identifiers, personal data and (near-)constant columns for exclusion, with reasons', () => {
    const setup = setupTask(ds, 'churned');
    if (!setup.ok) throw new Error(setup.error.message);
    const byName = Object.fromEntries(setup.value.features.map((f) => [f.name, f]));
    expect(byName.customer_id.include).toBe(false);
    expect(byName.customer_id.reason).toMatch(/identifier/);
    // From the privacy detectors (core/privacy/detect.ts): kind and confidence.
    expect(byName.contact_email.reason).toMatch(/^looks like personal data \(email · \d+%\)$/);
    expect(byName.constant.reason).toMatch(/constant/);
    expect(byName.almost_constant.reason).toMatch(/near-constant: 99\.5%/);
    expect(byName.region.include).toBe(true);
    expect(byName.visits.include).toBe(true);
    expect(byName.churned).toBeUndefined();
  });

  it('warns when one feature alone predicts the target almost perfectly', () => {
    const setup = setupTask(ds, 'churned');
    if (!setup.ok) throw new Error(setup.error.message);
    expect(setup.value.leakage.map((l) => l.feature)).toEqual(['refund_issued']);
    expect(setup.value.leakage[0].message).toMatch(/alone predicts "churned" almost perfectly \(AUC 1\.000\)/);
  });

  it('lets the user change the task and the positive class', () => {
    const setup = setupTask(ds, 'churned', { task: 'binary', positiveClass: '0' });
    expect(setup.ok && setup.value.positiveClass).toBe('0');
    const reg = setupTask(ds, 'visits', { task: 'regression' });
    expect(reg.ok && reg.value.task).toBe('regression');
  });

  it('says so when the target does not exist', () => {
    const setup = setupTask(ds, 'nope');
    expect(setup.ok).toBe(false);
  });
});
