// Shared start of the screenshot tours: Debian's chromium (or $LOUPE_CHROMIUM), a 1440x900 page
// that logs page errors, opened at `url` and waited on until the demo datasets are listed.
import { chromium } from '@playwright/test';

export async function openTour(url) {
  const browser = await chromium.launch({ executablePath: process.env.LOUPE_CHROMIUM || '/usr/bin/chromium', args: ['--no-sandbox', '--enable-unsafe-webgpu'] });
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  page.on('pageerror', (e) => console.log('pageerror', e.message));
  page.on('console', (m) => m.type() === 'error' && console.log('console', m.text().slice(0, 300)));
  await page.goto(url);
  await page.getByRole('button', { name: /^demo-customers/ }).waitFor({ timeout: 120000 });
  return { browser, page };
}
