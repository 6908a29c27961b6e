// Measures the skills matrix with 200 people × 80 skills in headless
// Chromium against the release build: time to show the Skills view (its
// first 100 people), to show the other 100 ("Show 100 more"), and from a
// digit key press to the cell showing the new level with all 200 shown.
// `node scripts/bench-matrix.mjs` with dist/ served on 127.0.0.1:4173.
import { chromium } from '@playwright/test';

const base = process.env.OPSBOARD_URL ?? 'http://127.0.0.1:4173/';
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
});
const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
await page.goto(`${base}?today=2026-11-23#/files`);
await page.waitForSelector('.app-header');

// A plan file with 200 people and 80 skills, levels spread 0-4.
const [download] = await Promise.all([
  page.waitForEvent('download'),
  page.locator('.app-header').getByRole('button', { name: 'Export plan', exact: true }).click(),
]);
const fs = await import('node:fs/promises');
const file = JSON.parse(await fs.readFile(await download.path(), 'utf8'));
const plan = file.plan;
plan.skills = Array.from({ length: 80 }, (_, n) => ({ id: `skl-${n + 1}`, name: `Skill ${n + 1}`, category: ['Cloud', 'DevOps', 'Security', 'Microsoft 365', 'Service desk'][n % 5] }));
plan.people = Array.from({ length: 200 }, (_, n) => ({
  id: `per-${n + 1}`, name: `Person ${n + 1}`, role: 'Engineer', team: ['Cloud', 'DevOps', 'Security'][n % 3],
  weekly_hours: 40, working_days: ['monday', 'tuesday', 'wednesday', 'thursday', 'friday'],
  start_date: null, end_date: null, support_hours_per_week: 0, support_periods: [], leave: [],
  skills: Array.from({ length: 80 }, (_, s) => ({ skill: `skl-${s + 1}`, level: (n * 7 + s * 3) % 5 })).filter((held) => held.level > 0),
  certifications: [], cost_rate: null,
}));
for (const activity of plan.activities) { activity.owner = null; activity.required_skills = []; }
plan.allocations = plan.allocations.filter((allocation) => allocation.placeholder).map((allocation) => ({ ...allocation, placeholder: { role: 'Engineer', skills: [] } }));
plan.checkins = [];
await page.getByLabel('Import plan').setInputFiles({ name: 'matrix.opsboard.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(file)) });
await page.getByRole('button', { name: 'Replace the current plan' }).click();

// Each measured five times, from the Files view (the matrix drawn anew).
const median = (values) => [...values].sort((x, y) => x - y)[Math.floor(values.length / 2)];
const shownTimes = [];
const moreTimes = [];
for (let run = 0; run < 5; run += 1) {
  await page.evaluate(async () => {
    location.hash = '#/files';
    while (!document.querySelector('#files-title')) await new Promise((r) => setTimeout(r, 0));
  });
  shownTimes.push(await page.evaluate(async () => {
    const start = performance.now();
    location.hash = '#/skills';
    while (document.querySelectorAll('.matrix tbody tr').length < 100) await new Promise((r) => setTimeout(r, 0));
    await new Promise((r) => requestAnimationFrame(() => r()));
    return performance.now() - start;
  }));
  moreTimes.push(await page.evaluate(async () => {
    const button = [...document.querySelectorAll('.table__more button')].find((b) => b.textContent === 'Show 100 more');
    const start = performance.now();
    button.click();
    while (document.querySelectorAll('.matrix tbody tr').length < 200) await new Promise((r) => setTimeout(r, 0));
    await new Promise((r) => requestAnimationFrame(() => r()));
    return performance.now() - start;
  }));
}
const shown = median(shownTimes);
const more = median(moreTimes);
const cellId = '#cell-per-150-skl-40';
await page.locator(cellId).focus();
const edits = [];
for (const digit of ['4', '1', '3', '0', '2']) {
  const took = await page.evaluate(async ([id, key]) => {
    const cell = document.querySelector(id);
    const start = performance.now();
    cell.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true }));
    const want = key === '0' ? '' : key;
    while (document.querySelector(id)?.textContent !== want) await new Promise((r) => setTimeout(r, 0));
    await new Promise((r) => requestAnimationFrame(() => r()));
    return performance.now() - start;
  }, [cellId, digit]);
  edits.push(took);
}
edits.sort((a, b) => a - b);
console.log(`skills matrix 200 people × 80 skills (16,000 cells): view shown (first 100 people) in ${shown.toFixed(0)} ms, the other 100 shown in ${more.toFixed(0)} ms (medians of 5); a level set by keyboard and repainted in ${edits[2].toFixed(0)} ms (median of 5, range ${edits[0].toFixed(0)}-${edits[4].toFixed(0)} ms)`);
await browser.close();
