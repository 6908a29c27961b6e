// Measures how long each view takes to open on a large plan, in headless
// Chromium against the release build: from the navigation (a change of
// the location hash) to the view's content on screen and the next frame
// drawn. The plan is imported first; each view is opened RUNS times (from
// another view each time) and the median and the slowest are printed.
//   `make bench-views` (writes target/large.opsboard.json, the generated
//   300-person firm, and serves dist/ on 127.0.0.1);
//   PLAN=limit: the firm at the limit of 20,000 activities.
import { chromium } from '@playwright/test';
import { readFile } from 'node:fs/promises';

const base = process.env.OPSBOARD_URL ?? 'http://127.0.0.1:4173/';
const planFile = process.argv[2] ?? 'target/large.opsboard.json';
const runs = Number(process.env.RUNS ?? 5);
const text = await readFile(planFile, 'utf8');

// Each view, and what shows it is there (a view with a long list shows its
// first rows).
const views = [
  ['plan', '#activities-title'],
  ['week', '.week__grid'],
  ['work', '.work-client'],
  ['work-item', '.wt-row--book'],
  ['board', '.board__column'],
  ['people', '#people-title'],
  ['skills', '#skills-title'],
  ['capacity', '.tl-line--person'],
  ['check-in', '#checkin-title'],
  ['money', '#money-title'],
  ['report', '#report-title'],
  ['files', '#files-title'],
];

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
console.log(`imported ${planFile} (${text.length.toLocaleString('en')} bytes) in ${Date.now() - importStart} ms`);
// The book of work's first engagement, for the one-engagement view.
const firstWork = await page.evaluate(async () => {
  location.hash = '#/work';
  while (!document.querySelector('.engagement__title')) await new Promise((r) => setTimeout(r, 10));
  return document.querySelector('.engagement__title').getAttribute('href');
});

const hashOf = (view) => (view === 'work-item' ? firstWork : `#/${view}`);
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const results = [];
console.log('view        median ms  slowest ms');
for (const [view, selector] of views) {
  const times = [];
  for (let run = 0; run < runs; run += 1) {
    // Leave for Files (a light view), so each run opens the view anew.
    await page.evaluate(async () => {
      location.hash = '#/files';
      while (!document.querySelector('#files-title')) await new Promise((r) => setTimeout(r, 0));
      await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
    });
    await page.waitForTimeout(100);
    times.push(await page.evaluate(async ({ hash, selector, away }) => {
      const start = performance.now();
      location.hash = hash;
      while (!document.querySelector(selector) || (away && document.querySelector('#files-title'))) {
        await new Promise((r) => setTimeout(r, 0));
      }
      // After the next frame is drawn.
      await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
      return performance.now() - start;
    }, { hash: hashOf(view), selector, away: view !== 'files' }));
  }
  const result = { view, median: median(times), slowest: Math.max(...times) };
  results.push(result);
  // Printed as measured, so a slow view is named while the rest run.
  console.log(`${view.padEnd(12)}${result.median.toFixed(0).padStart(9)}${result.slowest.toFixed(0).padStart(12)}`);
}
const worst = results.reduce((a, b) => (b.median > a.median ? b : a));
console.log(`slowest view: ${worst.view}, median ${worst.median.toFixed(0)} ms`);
await browser.close();
