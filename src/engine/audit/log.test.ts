import { describe, expect, it } from 'vitest';
import { createAuditLog } from './log';

describe('audit log', () => {
  it('keeps time, action, target and ids, and writes quoted CSV', () => {
    const log = createAuditLog(() => new Date('2026-12-02T10:00:00Z'));
    log.record('load', 'demo, "customers".csv', ['ds1'], 'Loaded 10 rows × 2 columns');
    expect(log.list()).toHaveLength(1);
    expect(log.toCsv()).toBe('time,action,target,ids,detail\n2026-12-02T10:00:00.000Z,load,"demo, ""customers"".csv",ds1,Loaded 10 rows × 2 columns\n');
  });
});
