import { expect, test, type Page } from '@playwright/test';
import { openStudio } from './support';

type Agreement = { backend: string; rows: number; maxAbsDiff: number } | null;
type Answer = { ok: true; value: Agreement } | { ok: false; reason: string; message: string };

async function agreement(page: Page, runId: string): Promise<Agreement> {
  return page.evaluate(async (id) => {
    const engine = (window as unknown as { loupeEngine: { runs: { backendAgreement(id: string): Promise<Answer> } } }).loupeEngine;
    const answer = await engine.runs.backendAgreement(id);
    return answer.ok ? answer.value : null;
  }, runId);
}

// One conformance check across backends in the browser: models trained on wasm score the same
// test rows on WebGPU (SwiftShader here) within 1e-4. cpu vs wasm is covered in Vitest.
test('models trained on wasm give the same scores on webgpu', async ({ page }) => {
  await openStudio(page, '?backend=wasm&bench=1');
  await page.getByRole('tab', { name: 'Train' }).click();
  await page.getByLabel('Epochs').fill('5');
  await page.getByRole('button', { name: 'Train model' }).click();
  await expect(page.getByRole('heading', { name: /Run 1 · logistic finished/ })).toBeVisible({ timeout: 90_000 });
  await page.getByRole('combobox', { name: /^Model/ }).selectOption('mlp');
  await page.getByLabel('Epochs').fill('3');
  await page.getByRole('button', { name: 'Train model' }).click();
  await expect(page.getByRole('heading', { name: /Run 2 · mlp finished/ })).toBeVisible({ timeout: 90_000 });

  const onWasm = await agreement(page, 'run1');
  expect(onWasm).toMatchObject({ backend: 'wasm', maxAbsDiff: 0 });

  await page.getByLabel('Compute backend').selectOption('webgpu');
  await expect(page.getByLabel('Compute backend')).toHaveValue('webgpu');
  for (const run of ['run1', 'run2']) {
    const result = await agreement(page, run);
    expect(result?.backend).toBe('webgpu');
    expect(result?.rows).toBeGreaterThan(700);
    expect(result!.maxAbsDiff, `${run} on webgpu`).toBeLessThan(1e-4);
  }
});
