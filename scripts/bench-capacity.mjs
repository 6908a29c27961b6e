// Measures the Capacity view on the generated large plan (a firm of 300
// people: 400 pieces of work, 8 of them initiatives, for 40 clients; 12,000
// allocations, 26 weeks) in headless Chromium against the release build:
// importing it, showing the view, and each drop on the timeline split,
// from a Chromium trace, into the drop handler (the command
// applied and validated), the reactive update (capacity recomputed, changed
// lines written and patched into the page) and the repaint (style, layout,
// paint of the next frame).
// Then: the autosave of the large plan (time in localStorage calls, size
// stored), a reload straight into the Capacity view (navigation to 300
// lines shown), the same plan opened again as a second plan, which
// localStorage cannot hold as well, so it goes to IndexedDB (the write, and
// a reload into the Capacity view from there). The bundle's size is
// `make size`'s.
// `make bench-capacity` (writes the plan file, serves dist/ on 127.0.0.1).
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
// Time spent in localStorage calls, per save of a plan key.
await page.addInitScript(() => {
  window.__saves = [];
  const { setItem, getItem } = Storage.prototype;
  let current = null;
  Storage.prototype.getItem = function (key) {
    const start = performance.now();
    const value = getItem.call(this, key);
    if (current) current.ms += performance.now() - start;
    return value;
  };
  Storage.prototype.setItem = function (key, value) {
    const start = performance.now();
    try {
      return setItem.call(this, key, value);
    } finally {
      if (key.startsWith('opsboard.plan.')) {
        current = { ms: performance.now() - start, size: value.length };
        window.__saves.push(current);
        setTimeout(() => { current = null; }, 0);
      } else if (current) {
        current.ms += performance.now() - start;
      }
    }
  };
  // Writes of large plans to IndexedDB: from the put to the commit.
  window.__largeWrites = [];
  const { put } = IDBObjectStore.prototype;
  IDBObjectStore.prototype.put = function (value, key) {
    const start = performance.now();
    const write = { ms: null, size: value?.text?.length ?? 0 };
    window.__largeWrites.push(write);
    this.transaction.addEventListener('complete', () => { write.ms = performance.now() - start; });
    return put.call(this, value, key);
  };
});
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
  await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
  return performance.now() - start;
});
await page.getByRole('radio', { name: 'All open' }).check();
await page.waitForTimeout(500);

// Drops of list items on people's weeks, as the browser sends them.
// CPU_SLOWDOWN=2 runs them on a CPU slowed down that many times (Chromium's
// throttling), to compare builds as a slower machine would run them.
const slowdown = Number(process.env.CPU_SLOWDOWN ?? 1);
const cdp = await page.context().newCDPSession(page);
if (slowdown > 1) {
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: slowdown });
  console.log(`CPU slowed down ${slowdown} times for the drops (saves included)`);
}
await browser.startTracing(page, { categories: ['toplevel', 'devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8', 'blink.user_timing'] });
const totals = [];
const DROPS = Number(process.env.DROPS ?? 7);
for (let n = 0; n < DROPS; n += 1) {
  totals.push(await page.evaluate(async (n) => {
    const item = document.querySelectorAll('.work[data-id]')[n * 3];
    const target = document.querySelectorAll('.tl-line--person')[40 + n * 17].querySelectorAll('.cell')[3 + n];
    const rect = target.getBoundingClientRect();
    const at = { bubbles: true, cancelable: true, dataTransfer: new DataTransfer(), clientX: rect.left + rect.width / 2, clientY: rect.top + rect.height / 2 };
    item.dispatchEvent(new DragEvent('dragstart', at));
    target.dispatchEvent(new DragEvent('dragover', at));
    performance.mark('opsboard-drop');
    const start = performance.now();
    target.dispatchEvent(new DragEvent('drop', at));
    // After the next frame is drawn.
    await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
    item.dispatchEvent(new DragEvent('dragend', at));
    return performance.now() - start;
  }, n));
  // Let the autosave (150 ms after a change) run between drops.
  await page.waitForTimeout(600);
}
const trace = JSON.parse((await browser.stopTracing()).toString());
if (slowdown > 1) await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
const events = (trace.traceEvents ?? trace).filter((e) => e.ph === 'X' || e.name === 'opsboard-drop');
const main = events.find((e) => e.name === 'EventDispatch' && e.args?.data?.type === 'drop')?.tid;
const onMain = events.filter((e) => e.tid === main && e.ph === 'X').sort((a, b) => a.ts - b.ts);
const parts = { handler: [], update: [], repaint: [] };
// The repaint's phases, by the names of Chromium's trace events.
const phases = { style: 'UpdateLayoutTree', layout: 'Layout', paint: 'Paint', 'pre-paint': 'PrePaint', layerize: 'Layerize', commit: 'Commit', 'hit testing': 'HitTest' };
const phaseTimes = Object.fromEntries(Object.keys(phases).map((phase) => [phase, []]));
for (const mark of events.filter((e) => e.name === 'opsboard-drop').map((e) => e.ts)) {
  const drop = onMain.find((e) => e.ts >= mark && e.name === 'EventDispatch' && e.args?.data?.type === 'drop');
  if (!drop) continue;
  const frame = onMain.find((e) => e.ts > drop.ts && e.name === 'RunTask'
    && onMain.some((inner) => inner.name === 'Layout' && inner.ts >= e.ts && inner.ts < e.ts + e.dur));
  if (!frame) continue;
  const update = onMain
    .filter((e) => e.name === 'FunctionCall' && e.ts >= drop.ts + drop.dur && e.ts < frame.ts)
    .reduce((sum, e) => sum + e.dur, 0);
  parts.handler.push(drop.dur / 1000);
  parts.update.push(update / 1000);
  parts.repaint.push(frame.dur / 1000);
  const inFrame = onMain.filter((e) => e.ts >= frame.ts && e.ts < frame.ts + frame.dur);
  for (const [phase, name] of Object.entries(phases)) {
    phaseTimes[phase].push(inFrame.filter((e) => e.name === name).reduce((sum, e) => sum + e.dur, 0) / 1000);
  }
}
const median = (values) => { const sorted = [...values].sort((a, b) => a - b); return sorted[Math.floor(sorted.length / 2)] ?? NaN; };
const range = (values) => `${Math.min(...values).toFixed(0)}-${Math.max(...values).toFixed(0)}`;
const message = await page.locator('.capacity__message').textContent();
console.log(`large plan (300 people, 400 activities, 12,000 allocations; ${(text.length / 1e6).toFixed(1)} MB file)`);
console.log(`  import and replace: ${imported} ms; Capacity view shown: ${shown.toFixed(0)} ms`);
console.log(`  a drop, median of ${totals.length} (range): drop to next frame drawn ${median(totals).toFixed(0)} ms (${range(totals)})`);
console.log(`    drop handler, command applied and validated: ${median(parts.handler).toFixed(1)} ms (${range(parts.handler)})`);
console.log(`    reactive update, capacity recomputed and lines patched: ${median(parts.update).toFixed(1)} ms (${range(parts.update)})`);
console.log(`    repaint, style, layout and paint of the frame: ${median(parts.repaint).toFixed(1)} ms (${range(parts.repaint)})`);
console.log(`      of which (medians): ${Object.entries(phaseTimes).map(([phase, times]) => `${phase} ${median(times).toFixed(1)} ms`).join(', ')}`);
console.log(`  last drop: ${message}`);

// The autosave after the last drop, then a reload into the Capacity view.
await page.waitForTimeout(600);
const saves = await page.evaluate((count) => window.__saves.slice(-count), DROPS);
const stored = await page.evaluate(() => {
  const index = JSON.parse(localStorage.getItem('opsboard.index'));
  return (localStorage.getItem(`opsboard.plan.${index.last_open}`) ?? '').length;
});
const full = await page.locator('.notice').filter({ hasText: 'storage is full' }).count();
console.log(`  save (autosave after a drop, time in localStorage calls), median of ${saves.length}: ${median(saves.map((s) => s.ms)).toFixed(1)} ms (${range(saves.map((s) => s.ms))})`);
console.log(`  stored plan: ${(stored / 1e6).toFixed(2)} million characters of ~5.24${full ? ' (NOT SAVED: storage full)' : ''}`);
// A new document: going to the same address with a #fragment would only
// move to the fragment, keeping the old page and its clock.
await page.goto('about:blank');
await page.goto(`${base}?today=2026-11-23#/capacity`);
await page.waitForFunction(() => document.querySelectorAll('.tl-line--person').length >= 300, null, { timeout: 60_000 });
const interactive = await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => setTimeout(() => r({
  // performance.now() counts from this document's navigation.
  ms: performance.now(),
  fresh: performance.getEntriesByType('navigation')[0]?.type === 'navigate',
}), 0))));
if (!interactive.fresh) throw new Error('the Capacity view was not loaded as a new document');
console.log(`  navigation to an interactive Capacity view (stored plan, 300 lines drawn): ${interactive.ms.toFixed(0)} ms`);

// The same plan again as a second plan: localStorage is full, so it goes to
// IndexedDB; then a reload into the Capacity view reads it from there.
await page.goto(`${base}?today=2026-11-23#/files`);
await page.waitForSelector('.app-header');
await page.getByLabel('Import plan').setInputFiles({ name: 'large.opsboard.json', mimeType: 'application/json', buffer: Buffer.from(text) });
await page.getByRole('button', { name: 'Open as a new plan' }).click();
await page.waitForFunction(() => window.__largeWrites.some((write) => write.ms !== null), null, { timeout: 60_000 });
const written = await page.evaluate(() => window.__largeWrites.find((write) => write.ms !== null));
const kept = await page.evaluate(() => {
  const index = JSON.parse(localStorage.getItem('opsboard.index'));
  return { plans: index.plans.length, note: localStorage.getItem(`opsboard.plan.${index.last_open}`) };
});
const fullAgain = await page.locator('.notice').filter({ hasText: 'storage is full' }).count();
if (kept.note !== 'opsboard:kept-in-indexeddb' || fullAgain) throw new Error(`the second plan was not kept in IndexedDB (${kept.note?.slice(0, 40)})`);
console.log(`  a second copy (${kept.plans} plans stored): write to IndexedDB, put to commit: ${written.ms.toFixed(0)} ms (${(written.size / 1e6).toFixed(2)} million characters)`);
await page.goto('about:blank');
await page.goto(`${base}?today=2026-11-23#/capacity`);
await page.waitForFunction(() => document.querySelectorAll('.tl-line--person').length >= 300, null, { timeout: 60_000 });
const fromLarge = await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => setTimeout(() => r(performance.now()), 0))));
console.log(`  navigation to an interactive Capacity view, the plan read from IndexedDB: ${fromLarge.toFixed(0)} ms`);
await browser.close();
