// Takes a screenshot of every view of the release build in headless Chromium,
// for looking at what we built: `node scripts/screenshots.mjs [outdir]`.
// FULL_PAGE=0 takes the first 1400 × 900 pixels of each instead of the
// whole page (the images of the user's guide: `make docs-images`).
// Expects the build served on http://127.0.0.1:4173 (see scripts/serve-dist.sh).
// `sheet-import` is the spreadsheet import dialog with the example firm's
// people sheet (tests/e2e/fixtures/firm-people.csv) read.
import { chromium } from '@playwright/test';
import path from 'node:path';

const out = process.argv[2] ?? 'target/screenshots';
const base = process.env.OPSBOARD_URL ?? 'http://127.0.0.1:4173/';
const views = (process.env.VIEWS ?? 'plan,week,work,work/act-8,board,people,skills,capacity,check-in,money,report,files,sheet-import').split(',');
const schemes = (process.env.SCHEMES ?? 'light,dark').split(',');
const fullPage = process.env.FULL_PAGE !== '0';

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
});
for (const colorScheme of schemes) {
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 }, colorScheme });
  const errors = [];
  page.on('console', (message) => { if (message.type() === 'error') errors.push(message.text()); });
  page.on('pageerror', (error) => errors.push(String(error)));
  await page.goto(`${base}?today=2026-11-23#/plan`);
  await page.waitForSelector('.app-header');
  for (const view of views) {
    if (view === 'sheet-import') {
      await page.goto(`${base}?today=2026-11-23#/files`);
      await page.getByRole('button', { name: 'Import from a spreadsheet…' }).click();
      await page.getByLabel('Choose a CSV file').setInputFiles(path.resolve(import.meta.dirname, '../tests/e2e/fixtures/firm-people.csv'));
      await page.getByTestId('sheet-summary').filter({ hasText: /\S/ }).waitFor();
      await page.screenshot({ path: `${out}/${view}-${colorScheme}.png` });
      await page.keyboard.press('Escape');
      continue;
    }
    await page.goto(`${base}?today=2026-11-23#/${view}`);
    await page.waitForTimeout(150);
    // The parts loaded on demand (a view, an editor, the Capacity panels)
    // have arrived: no "Loading…" is left.
    await page.locator('.view__loading').first().waitFor({ state: 'detached' });
    // The whole page in the viewport: panels below the fold are drawn only
    // when near it (content-visibility), and would show empty.
    if (fullPage) {
      const height = await page.evaluate(() => document.documentElement.scrollHeight);
      await page.setViewportSize({ width: 1400, height: Math.max(900, height) });
      await page.waitForTimeout(150);
    }
    await page.screenshot({ path: `${out}/${view.replace(/\//g, "-")}-${colorScheme}.png`, fullPage });
    await page.setViewportSize({ width: 1400, height: 900 });
  }
  if (errors.length) console.log(`console errors (${colorScheme}):\n${errors.join('\n')}`);
  await page.close();
}
await browser.close();
console.log(`screenshots in ${out}`);
