// Measures the Capacity view on the generated large plan (300 people, 3,000
// activities, 12,000 allocations, 26 weeks) in headless Chromium against the
// release build: time from opening the view to the timeline being shown, and
// time from a drop on the timeline to the next painted frame (the command
// applied, capacity recomputed, changed lines repainted).
// `make bench-capacity` (builds the plan file, serves dist/ on 127.0.0.1:4173).
import { chromium } from '@playwright/test';
import { readFile } from 'node:fs/promises';

const base = process.env.OPSBOARD_URL ?? 'http://127.0.0.1:4173/';
const planFile = process.argv[2] ?? 'target/large.opsboard.json';
const text = await readFile(planFile, 'utf8');
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
});
const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
await page.goto(`${base}?today=2026-11-23#/files`);
await page.waitForSelector('.app-header');
const importStart = Date.now();
await page.getByLabel('Import plan').setInputFiles({ name: 'large.opsboard.json', mimeType: 'application/json', buffer: Buffer.from(text) });
await page.getByRole('button', { name: 'Replace the current plan' }).click();
await page.waitForFunction(() => document.querySelector('.app-header__title')?.textContent?.includes('Generated'));
const imported = Date.now() - importStart;

const shown = await page.evaluate(async () => {
  const start = performance.now();
  location.hash = '#/capacity';
  while (document.querySelectorAll('.tl-line--person').length < 300) await new Promise((r) => setTimeout(r, 0));
  await new Promise((r) => requestAnimationFrame(() => r()));
  return performance.now() - start;
});
await page.getByRole('radio', { name: 'All open' }).check();

// Drops of list items on people's weeks, as the browser sends them.
const drops = [];
for (let n = 0; n < 7; n += 1) {
  const took = await page.evaluate(async (n) => {
    const items = document.querySelectorAll('.work[data-id]');
    const item = items[n * 3];
    const lines = document.querySelectorAll('.tl-line--person');
    const target = lines[40 + n * 17].querySelectorAll('.cell')[3 + n];
    const rect = target.getBoundingClientRect();
    const transfer = new DataTransfer();
    const at = { bubbles: true, cancelable: true, dataTransfer: transfer, clientX: rect.left + rect.width / 2, clientY: rect.top + rect.height / 2 };
    item.dispatchEvent(new DragEvent('dragstart', at));
    target.dispatchEvent(new DragEvent('dragover', at));
    const before = document.querySelectorAll('.capacity__message').length ? document.querySelector('.capacity__message').textContent : '';
    const start = performance.now();
    target.dispatchEvent(new DragEvent('drop', at));
    while ((document.querySelector('.capacity__message')?.textContent ?? '') === before) await new Promise((r) => setTimeout(r, 0));
    await new Promise((r) => requestAnimationFrame(() => r()));
    const took = performance.now() - start;
    item.dispatchEvent(new DragEvent('dragend', at));
    return took;
  }, n);
  drops.push(took);
}
const message = await page.locator('.capacity__message').textContent();
drops.sort((a, b) => a - b);
console.log(`large plan (300 people, 3,000 activities, 12,000 allocations; ${(text.length / 1e6).toFixed(1)} MB): import and replace ${imported} ms; Capacity view shown in ${shown.toFixed(0)} ms; drop to next frame ${drops[3].toFixed(0)} ms (median of ${drops.length}, range ${drops[0].toFixed(0)}-${drops[drops.length - 1].toFixed(0)} ms)`);
console.log(`last drop: ${message}`);
await browser.close();
