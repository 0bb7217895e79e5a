import { expect, test } from '@playwright/test';
import { openStudio, screenshot } from './support';

test('the probe picks a backend and the header shows it', async ({ page }) => {
  await openStudio(page, '?');
  const select = page.getByLabel('Compute backend');
  await expect(select).not.toHaveValue('');
  await expect(page.getByTestId('backend-detail')).toContainText(/fastest measured/);
  await screenshot(page, 'backend-probe');
});

test('?backend=wasm forces wasm and the user can switch to webgpu (software adapter) and back', async ({ page }) => {
  await openStudio(page, '?backend=wasm');
  const select = page.getByLabel('Compute backend');
  await expect(select).toHaveValue('wasm');
  await expect(page.getByTestId('backend-detail')).toContainText(/set by URL/);
  await select.selectOption('webgpu');
  await expect(select).toHaveValue('webgpu');
  await expect(page.getByTestId('backend-detail')).toContainText(/your choice.*(software|GPU)/);
  await select.selectOption('wasm');
  await expect(select).toHaveValue('wasm');
});

test('?backend=webgpu runs on the software adapter', async ({ page }) => {
  await openStudio(page, '?backend=webgpu');
  await expect(page.getByLabel('Compute backend')).toHaveValue('webgpu');
});
