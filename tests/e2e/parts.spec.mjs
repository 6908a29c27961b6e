// Parts loaded on demand (src/ui/parts.rs, scripts/build-wasm.sh): the first
// views download none of them but the Capacity view's panels, which follow
// its timeline; a part's code arrives when it is first opened, with
// "Loading…" meanwhile; a part that cannot arrive says so and can be tried
// again, and a dialog that cannot arrive can be closed.
import { test, expect } from '@playwright/test';
import { VIEWS, collectErrors, expectNoErrors, goTo, nav, openApp } from './helpers.mjs';

// Views in the first download, and views that are parts of their own.
const FIRST = ['Plan', 'This week', 'Board', 'Capacity'];
// The parts the first views fetch: the panels under the Capacity timeline.
const FIRST_PARTS = ['capacity_panels'];
const PARTS = ['Work', 'People', 'Skills', 'Check-in', 'Money', 'Report', 'Files'];

function partsFetched(requests) {
  return requests.filter((url) => /\/app\/[^/]+\/(?:split_|chunk_)[^/]*\.wasm$/.test(url));
}

// The names of the parts' own modules among `requests` (chunks left out).
function ownParts(requests) {
  return partsFetched(requests)
    .map((url) => url.match(/\/split_([a-z_]+)\.wasm$/)?.[1])
    .filter(Boolean);
}

test('the page is whole: one document, the main module preloaded, no build markers left', async ({ request }) => {
  const html = await (await request.get('./')).text();
  expect(html.match(/<\/html>/g)).toHaveLength(1);
  expect(html.trimEnd().endsWith('</html>')).toBe(true);
  expect(html).toMatch(/<link rel="modulepreload" href="\.\/app\/[0-9a-f]{16}\/opsboard\.js">/);
  expect(html).toMatch(/<link rel="preload" href="\.\/app\/[0-9a-f]{16}\/opsboard_bg\.wasm" as="fetch"/);
  expect(html).not.toContain('data-trunk');
});

test('the first views fetch no part but the Capacity panels; each part is fetched when first opened, and once', async ({ page }) => {
  const errors = collectErrors(page);
  const requests = [];
  page.on('request', (request) => requests.push(request.url()));
  await openApp(page, 'plan');
  for (const label of FIRST) {
    await goTo(page, label);
  }
  await expect(page.getByRole('heading', { name: 'Can we take it?' })).toBeVisible();
  expect(ownParts(requests)).toEqual(FIRST_PARTS);

  for (const label of PARTS) {
    const before = partsFetched(requests).length;
    await goTo(page, label);
    const heading = VIEWS.find((view) => view.label === label).heading;
    await expect(page.getByRole('heading', { name: heading, exact: true }).first()).toBeVisible();
    const own = partsFetched(requests).slice(before).filter((url) => url.includes('/split_'));
    expect(own.length, `${label} fetched its own part`).toBe(1);
  }
  // Opened again, nothing more is fetched.
  const fetched = partsFetched(requests).length;
  for (const label of PARTS) {
    await goTo(page, label);
  }
  expect(partsFetched(requests).length).toBe(fetched);
  expectNoErrors(errors);
});

test('a part whose code cannot arrive says so, and Try again loads it', async ({ page }) => {
  await openApp(page, 'plan');
  await page.route(/\/app\/[^/]+\/split_money_view[^/]*\.wasm$/, (route) => route.abort());
  const money = nav(page).getByRole('link', { name: 'Money', exact: true });
  await money.click();
  const alert = page.getByRole('alert').filter({ hasText: 'This part of Opsboard could not be loaded' });
  await expect(alert).toBeVisible();
  // The rest of the app goes on working.
  await goTo(page, 'Board');
  await money.click();
  await expect(alert).toBeVisible();

  await page.unroute(/\/app\/[^/]+\/split_money_view[^/]*\.wasm$/);
  await alert.getByRole('button', { name: 'Try again' }).click();
  await expect(page.getByRole('heading', { name: 'Money', exact: true })).toBeVisible();
  await expect(alert).toHaveCount(0);
});

test('a part shows "Loading…" until its code has arrived', async ({ page }) => {
  await openApp(page, 'plan');
  let release;
  const held = new Promise((resolve) => {
    release = resolve;
  });
  await page.route(/\/app\/[^/]+\/split_report_view[^/]*\.wasm$/, async (route) => {
    await held;
    await route.continue();
  });
  await page.evaluate(() => {
    location.hash = '#/report';
  });
  await expect(page.getByRole('status').filter({ hasText: 'Loading…' })).toBeVisible();
  release();
  await expect(page.locator('#report-title')).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: 'Loading…' })).toHaveCount(0);
});

test('a dialog that is a part says "Loading…" in its box, and one whose code cannot arrive can be closed', async ({ page }) => {
  const errors = collectErrors(page);
  await openApp(page, 'files');
  const part = /\/app\/[^/]+\/split_sheet_import_dialog[^/]*\.wasm$/;
  await page.route(part, (route) => route.abort());
  const open = page.getByRole('button', { name: 'Import from a spreadsheet…' });
  await open.click();
  const failed = page.getByRole('dialog', { name: 'Not loaded' });
  await expect(failed.getByRole('alert')).toContainText('This part of Opsboard could not be loaded');
  await expect(failed.getByRole('button', { name: 'Try again' })).toBeFocused();
  await failed.getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await expect(open).toBeFocused();

  // Held back, the dialog's box says "Loading…" until the code arrives.
  // (The refused fetch above was logged; from here nothing may be.)
  errors.length = 0;
  await page.unroute(part);
  let release;
  const held = new Promise((resolve) => {
    release = resolve;
  });
  await page.route(part, async (route) => {
    await held;
    await route.continue();
  });
  await open.click();
  const loading = page.getByRole('dialog', { name: 'Loading' });
  await expect(loading.getByRole('status')).toHaveText('Loading…');
  // The box has the focus meanwhile: Escape closes it, and the next
  // opening finds the code arrived.
  await expect(loading).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await open.click();
  release();
  await expect(page.locator('#sheet-import-title')).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog')).toHaveCount(0);
  // The code that arrived after its dialog was closed broke nothing.
  expectNoErrors(errors);
});
