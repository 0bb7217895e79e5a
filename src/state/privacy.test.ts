import { beforeAll, describe, expect, it } from 'vitest';
import { useDatasets } from './datasets';
import { useTestEngine } from './engine.testing';
import { findingFor, usePrivacy } from './privacy';

const privacy = () => usePrivacy.getState();

describe('privacy store against the in-process engine', () => {
  let datasetId = '';
  beforeAll(async () => {
    await useTestEngine({ loadDemo: true });
    await useDatasets.getState().refresh();
    datasetId = useDatasets.getState().order.find((id) => useDatasets.getState().byId[id].name === 'demo-customers.csv')!;
  });

  it('holds the findings per dataset', async () => {
    await privacy().detect(datasetId);
    expect(findingFor(privacy().detections[datasetId], 'email')?.kind).toBe('email');
    expect(findingFor(privacy().detections[datasetId], 'country')).toBeNull();
    await privacy().detect('gone');
    expect(privacy().detectProblems.gone).toMatch(/no longer loaded/);
  });

  it('computes k for the chosen columns, and a changed choice clears the old report', async () => {
    privacy().setQuasiIdentifiers(datasetId, ['country']);
    privacy().setTargetK(datasetId, 3);
    await privacy().computeK(datasetId);
    const report = privacy().k[datasetId].report!;
    expect(report.columns).toEqual(['country']);
    expect(report.targetK).toBe(3);
    expect(report.k).toBeGreaterThan(1);
    privacy().setQuasiIdentifiers(datasetId, ['country', 'device']);
    expect(privacy().k[datasetId].report).toBeNull();
    privacy().setQuasiIdentifiers(datasetId, []);
    await privacy().computeK(datasetId);
    expect(privacy().k[datasetId].problem).toBe('Choose at least one quasi-identifier column.');
  });
});
