// The first load as a visitor on a slow network feels it: the release build,
// served gzipped as static hosts serve it, opened in headless Chromium with the network throttled to "Fast 3G"
// (1.6 Mbps down, 750 kbps up, 150 ms round trip), the cache disabled and
// no service worker, in a fresh browser context each time. For each page it
// reports the bytes transferred and the time from the navigation to an
// interactive view: its content on screen and a click on the header's Undo
// button answered. RUNS times (default 3), median and slowest.
//
//   node scripts/bench-load.mjs DIST [OTHER_DIST]   (`make bench-load`)
//
// With two builds, their runs take turns on the same machine, so the two
// columns compare: the first is "before", the second "after".
import { chromium } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { serve } from '../tests/cross/server.mjs';

const ROOT = resolve(import.meta.dirname, '..');
const runs = Number(process.env.RUNS ?? 3);
const dists = process.argv.slice(2);
if (dists.length < 1 || dists.length > 2) {
  console.error('usage: node scripts/bench-load.mjs DIST [OTHER_DIST]');
  process.exit(2);
}

// "Fast 3G" as Chromium's DevTools define it.
const FAST_3G = {
  offline: false,
  latency: 150,
  downloadThroughput: (1.6 * 1000 * 1000) / 8,
  uploadThroughput: (750 * 1000) / 8,
};

// A team board's hosted plan: the demo plan as a plan file.
const TEAM_FILE = '/team.opsboard.json';
const teamPlan = readFileSync(join(ROOT, 'tests/data/v5/demo.opsboard.json'), 'utf8');

// What is measured: the page, and what shows the view is there.
const pages = [
  { name: 'Plan view', path: '?today=2026-11-23#/plan', ready: '#activities-title' },
  { name: 'Capacity view', path: '?today=2026-11-23#/capacity', ready: '.tl-line--person' },
  { name: 'team board', path: `?today=2026-11-23&plan=${TEAM_FILE.slice(1)}#/board`, ready: '.board-banner[role="region"]' },
];

// A static host as a visitor meets one (the cross-browser suite's server,
// gzipping): files gzipped, the team board's plan beside the app.
const hosted = new Map([[TEAM_FILE, teamPlan]]);
const servers = [];
for (const [index, dist] of dists.entries()) {
  const port = Number(process.env.BENCH_PORT ?? 4186) + index;
  servers.push({ dist, base: `http://127.0.0.1:${port}/`, server: await serve(dist, port, hosted, { gzip: true }) });
}

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
});

async function loadOnce(base, page) {
  const context = await browser.newContext({ serviceWorkers: 'block', viewport: { width: 1400, height: 900 } });
  const tab = await context.newPage();
  const cdp = await context.newCDPSession(tab);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  await cdp.send('Network.emulateNetworkConditions', FAST_3G);
  let bytes = 0;
  cdp.on('Network.loadingFinished', (event) => {
    bytes += event.encodedDataLength;
  });
  const start = Date.now();
  await tab.goto(base + page.path, { waitUntil: 'commit' });
  await tab.locator(page.ready).first().waitFor({ state: 'visible', timeout: 120_000 });
  // Interactive: the app answers a click (Undo, disabled or not, is always there).
  await tab.locator('.app-header__actions button').first().click({ force: true, timeout: 120_000 });
  await tab.evaluate(() => new Promise((done) => requestAnimationFrame(() => done())));
  const ms = Date.now() - start;
  // Bytes of what the page fetched to get there (later fetches not counted).
  const transferred = bytes;
  await context.close();
  return { ms, bytes: transferred };
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const results = new Map();
for (let run = 0; run < runs; run += 1) {
  for (const page of pages) {
    for (const { dist, base } of servers) {
      const key = `${page.name}|${dist}`;
      if (!results.has(key)) results.set(key, []);
      results.get(key).push(await loadOnce(base, page));
    }
  }
}

console.log(`First load on Fast 3G (1.6 Mbps, 150 ms), cache disabled, median of ${runs} (slowest):`);
for (const page of pages) {
  const cells = servers.map(({ dist }) => {
    const got = results.get(`${page.name}|${dist}`);
    const ms = got.map((result) => result.ms);
    const kb = median(got.map((result) => result.bytes)) / 1024;
    return `${dist}: ${(median(ms) / 1000).toFixed(2)} s (${(Math.max(...ms) / 1000).toFixed(2)} s), ${kb.toFixed(0)} KB`;
  });
  console.log(`  ${page.name}: ${cells.join(' | ')}`);
}

await browser.close();
for (const { server } of servers) server.close();
