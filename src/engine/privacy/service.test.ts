import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectOk, startTestEngine, TRANSPORTS, type TestEngine } from '../testEngine.testing';

describe.each(TRANSPORTS)('privacy service (%s)', (transport) => {
  let connection: TestEngine;
  let demoId = '';
  beforeAll(async () => {
    connection = await startTestEngine(transport, { loadDemo: true });
    demoId = (await connection.engine.data.listDatasets()).find((d) => d.name === 'demo-customers.csv')!.id;
  });
  afterAll(() => connection.close());

  it('finds the demo emails and records one audit entry per dataset version, without values', async () => {
    const first = expectOk(await connection.engine.privacy.detect(demoId));
    expect(first.findings.map((f) => [f.column, f.kind])).toEqual([['email', 'email']]);
    expect(first.findings[0].confidence).toBeGreaterThan(0.95);
    expectOk(await connection.engine.privacy.detect(demoId));
    const entries = (await connection.engine.audit.list()).filter((e) => e.action === 'pii');
    expect(entries).toHaveLength(1);
    expect(entries[0].detail).toBe('Checked 11 columns for personal data: 1 found: email (email)');
    expect(JSON.stringify(entries)).not.toContain('@');
  });

  it('reports k on quasi-identifiers and what a target k costs', async () => {
    const report = expectOk(await connection.engine.privacy.kAnonymity(demoId, ['country', 'device'], 50));
    expect(report.rows).toBe((await connection.engine.data.listDatasets()).find((d) => d.id === demoId)!.rowCount);
    expect(report.groups).toBeLessThanOrEqual(9 * 5);
    // Every size bucket up to 20–49 lies below 50, so their rows are the rows to suppress.
    const below = report.distribution.filter((d) => !['50–99', '100+'].includes(d.label)).reduce((s, d) => s + d.rows, 0);
    expect(report.rowsToSuppress).toBe(below);
    expect(report.smallest[0].size).toBe(report.k);
    const bad = await connection.engine.privacy.kAnonymity(demoId, [], 2);
    expect(bad).toEqual({ ok: false, reason: 'bad-request', message: 'Choose at least one quasi-identifier column.' });
    const audit = (await connection.engine.audit.list()).filter((e) => e.action === 'pii').at(-1)!;
    expect(audit.detail).toMatch(/^k-anonymity on country, device: k = \d+, [\d,]+ rows below k = 50$/);
    expect((await connection.engine.privacy.detect('nope')).ok).toBe(false);
  });
});

describe('privacy service on a cleaned version', () => {
  it('leaves out columns the recipe already pseudonymised and says so', async () => {
    const { createPrivacyService } = await import('./service');
    const { createAuditLog } = await import('../audit/log');
    const emails = ['a@example.com', 'b@example.com', 'c@example.com', 'd@example.com', 'e@example.com'];
    const column = (name: string) => ({ storage: 'dictionary' as const, kind: 'identifier' as const, name, dictionary: emails, codes: Int32Array.from([0, 1, 2, 3, 4]) });
    const ds = {
      id: 'v2', name: 'people (cleaned)', rowCount: 5, settings: { format: 'delimited' as const, delimiter: ',', hasHeader: true, encoding: 'utf-8' as const }, warnings: [], sourceBytes: 0,
      columns: [column('email'), column('backup_email')],
      lineage: { parentId: 'v1', parentName: 'people', parentVersion: 1, recipe: { format: 'loupe-recipe/1', steps: [{ op: 'pseudonymise', columns: ['email'] }] } },
    };
    const host = { get: () => ds, version: () => 1, all: () => [ds], onChange: () => undefined, add: () => { throw new Error('unused'); }, forget: () => undefined };
    const detection = expectOk(await createPrivacyService(host, createAuditLog()).detect('v2'));
    expect(detection.protectedColumns).toEqual({ email: 'pseudonymised' });
    expect(detection.findings.map((f) => f.column)).toEqual(['backup_email']);
  });
});
