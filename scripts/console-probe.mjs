import { chromium } from '@playwright/test';
const b = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox','--enable-unsafe-webgpu'] });
const p = await b.newPage();
p.on('console', m => console.log('console', m.type(), m.text().slice(0, 300)));
p.on('pageerror', e => console.log('pageerror', e.message));
await p.goto(process.argv[2] ?? 'http://localhost:4317/');
await p.waitForTimeout(Number(process.argv[3] ?? 15000));
await p.screenshot({ path: '/tmp/shot.png', fullPage: true });
await b.close();
