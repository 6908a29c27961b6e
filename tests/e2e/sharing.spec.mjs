// Sharing: spreadsheet and calendar exports, and the static team board: a
// plan file hosted beside the app, opened read-only from a sub-path.
import { test, expect } from '@playwright/test';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import {
  TODAY,
  collectErrors,
  column,
  expectNoErrors,
  exportPlan,
  goTo,
  openApp,
  storageContents,
} from './helpers.mjs';

const root = path.resolve(import.meta.dirname, '..', '..');
const expected = (name) => readFile(path.join(root, 'tests/data/exports', name), 'utf8');

test('activities, allocations and utilisation export as CSV, deadlines as iCalendar', async ({ page }) => {
  const errors = collectErrors(page);
  await openApp(page, 'files');
  const panel = page.getByRole('region', { name: 'Spreadsheets and calendars' });
  for (const [button, name, file] of [
    ['Activities (CSV)', 'Faster client onboarding activities.csv', 'demo-activities.csv'],
    ['Allocations by week (CSV)', 'Faster client onboarding allocations by week.csv', 'demo-allocations.csv'],
    ['Utilisation by week (CSV)', 'Faster client onboarding utilisation by week.csv', 'demo-utilisation.csv'],
  ]) {
    const download = await exportPlan(page, panel.getByRole('button', { name: button }));
    expect(download.name).toBe(name);
    expect(download.text).toBe(await expected(file));
  }
  const calendar = await exportPlan(page, panel.getByRole('button', { name: 'Deadlines and check-ins (iCalendar)' }));
  expect(calendar.name).toBe('Faster client onboarding.ics');
  // The links point back at wherever the app is served.
  const unfold = (text) => text.replace(/\r\n /g, '');
  const here = new URL(page.url());
  const appUrl = `${here.origin}${here.pathname}`;
  // Event ids carry the plan's random origin id, so two firms' act-2 never
  // collide in one calendar; exporting again keeps them.
  const origin = calendar.text.match(/UID:act-1-deadline@([a-z0-9]{12})\.opsboard/)?.[1];
  expect(origin).toBeTruthy();
  expect(unfold(calendar.text)).toBe(
    unfold(await expected('demo.ics'))
      .replaceAll('https://ops.example.com/board/', appUrl)
      .replaceAll('@plan-1.opsboard', `@${origin}.opsboard`),
  );
  const again = await exportPlan(page, panel.getByRole('button', { name: 'Deadlines and check-ins (iCalendar)' }));
  expect(again.text).toBe(calendar.text);
  expectNoErrors(errors);
});

/** Serves the release build and `files` under /board/ of the test server's origin. */
async function hostBoard(page, files) {
  await page.route('**/board/**', async (route) => {
    const url = new URL(route.request().url());
    const name = decodeURIComponent(url.pathname.replace(/^\/board\//, '')) || 'index.html';
    if (name in files) {
      const file = files[name];
      if (file === null) return route.fulfill({ status: 404, body: 'not found' });
      return route.fulfill({ status: 200, contentType: 'application/json', body: file });
    }
    return route.fulfill({ path: path.join(root, 'dist', name) });
  });
}

const boardUrl = (plan, view = 'board') =>
  `/board/index.html?plan=${encodeURIComponent(plan)}&today=${TODAY}#/${view}`;

test('a plan hosted beside the app opens read-only from a sub-path; a local copy can be edited', async ({ page }) => {
  const errors = collectErrors(page);
  const demo = await readFile(path.join(root, 'tests/data/v2/demo.opsboard.json'), 'utf8');
  const team = demo.replace('"name": "Faster client onboarding"', '"name": "Team plan on the wiki"');
  await hostBoard(page, { 'plans/team.opsboard.json': team });
  await page.goto(boardUrl('plans/team.opsboard.json'));
  const banner = page.getByRole('region', { name: 'Read-only team board' });
  await expect(banner).toContainText('Read-only team board · from plans/team.opsboard.json');
  await expect(page.locator('.app-header__title')).toHaveText('Team plan on the wiki');
  await expect(column(page, 'not-started').locator('#card-act-5')).toBeVisible();

  // A drag changes nothing and says why; nothing is stored.
  await page.dragAndDrop('#card-act-5', '.board__column--done');
  await expect(page.locator('[role="status"][aria-live="polite"]')).toHaveText(
    'This team board is read-only: make a local copy to change it.',
  );
  await expect(column(page, 'not-started').locator('#card-act-5')).toBeVisible();
  await page.waitForTimeout(300);
  const stored = Object.keys(await storageContents(page)).filter((key) => key.startsWith('opsboard.plan.'));
  expect(stored).toEqual([]);

  // Every view shows the hosted plan.
  await goTo(page, 'Capacity');
  await expect(page.locator('.tl-line[data-person="per-2"]')).toBeVisible();

  // A local copy leaves the board: the address loses ?plan=, edits work and
  // are stored.
  await banner.getByRole('button', { name: 'Make a local copy' }).click();
  await expect(banner).toHaveCount(0);
  await expect(page).toHaveURL((url) => !url.search.includes('plan='));
  await goTo(page, 'Board');
  await page.dragAndDrop('#card-act-5', '.board__column--done');
  await expect(column(page, 'done').locator('#card-act-5')).toBeVisible();
  await expect.poll(async () => Object.values(await storageContents(page)).some((text) => text.includes('Team plan on the wiki'))).toBe(true);
  expectNoErrors(errors);
});

for (const { what, plan, files, reason } of [
  {
    what: 'a missing file',
    plan: 'missing.opsboard.json',
    files: { 'missing.opsboard.json': null },
    reason: /could not be loaded: the server answered 404/,
  },
  {
    what: 'a file that is not a plan',
    plan: 'notes.json',
    files: { 'notes.json': '{"title": "meeting notes"}' },
    reason: /notes\.json is not a plan this app can open: This is not an Opsboard plan file/,
  },
  {
    what: 'a file on another site',
    plan: 'https://example.com/team.opsboard.json',
    files: {},
    reason: /"https:\/\/example\.com\/team\.opsboard\.json" is on another site; a team board only opens plan files from its own site/,
  },
]) {
  test(`a team board of ${what} says why, and the browser's own plans are one click away`, async ({ page }) => {
    const errors = collectErrors(page);
    let offSite = 0;
    await page.route('https://example.com/**', (route) => {
      offSite += 1;
      return route.abort();
    });
    await hostBoard(page, files);
    await page.goto(boardUrl(plan, 'plan'));
    const alert = page.locator('.board-banner--failed');
    await expect(alert).toContainText('The team board could not be opened.');
    await expect(alert).toContainText(reason);
    expect(offSite).toBe(0);
    await alert.getByRole('button', { name: 'Open the plans in this browser instead' }).click();
    await expect(page.locator('.app-header__title')).toHaveText('Faster client onboarding');
    await expect(page.locator('.board-banner')).toHaveCount(0);
    // A 404 is logged by the browser itself; nothing else may be.
    expectNoErrors(errors.filter((error) => !error.includes('404')));
  });
}

test('the Report shows goal, metrics, confirmed activities, risks and capacity, and prints without the app frame', async ({ page }) => {
  const errors = collectErrors(page);
  await openApp(page, 'report');
  const report = page.locator('article.report');
  await expect(report.getByRole('heading', { name: 'Faster client onboarding', level: 2 })).toBeVisible();
  await expect(report).toContainText('Cut client onboarding from 14 to 7 days');
  // The ops plan's six initiatives, the process map done.
  await expect(report).toContainText('Progress: 1 of 6 initiatives done');
  const metrics = report.getByRole('table').first();
  await expect(metrics.getByRole('row', { name: /Median onboarding time/ })).toContainText('29 %');
  // Confirmed work only: the tentative Contoso deal (and the rest of the
  // pipeline) stays out.
  await expect(report).toContainText('Standard Azure landing zone in Terraform');
  await expect(report.getByRole('rowheader', { name: 'Automated Microsoft 365 tenant baseline' })).toHaveCount(1);
  await expect(report.getByRole('rowheader', { name: 'Microsoft 365 and Intune rollout' })).toHaveCount(0);
  await expect(report).not.toContainText('Contoso');
  await expect(report).not.toContainText('Trey Research');
  await expect(report.getByRole('heading', { name: /^Risks \(\d+\)$/ })).toBeVisible();
  await expect(report.getByRole('img', { name: /^Demand peaks at \d+ h in 2026-W\d\d against \d+ h of capacity/ })).toBeVisible();
  // No cost rates or budget in a client report.
  await expect(report).not.toContainText('60000');
  await expect(report).not.toContainText('EUR');

  await page.emulateMedia({ media: 'print' });
  await expect(page.locator('.app-nav')).toBeHidden();
  await expect(page.locator('.app-header')).toBeHidden();
  await expect(page.getByRole('button', { name: 'Print or save as PDF' })).toBeHidden();
  const pdf = await page.pdf({ format: 'A4', printBackground: true });
  expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
  const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
  expect(pages).toBeGreaterThanOrEqual(1);
  expect(pages).toBeLessThanOrEqual(3);
  expectNoErrors(errors);
});

test('a client-safe copy leaves internal parts out, says so, and cannot replace the full plan', async ({ page }) => {
  const errors = collectErrors(page);
  await openApp(page, 'files');
  const panel = page.getByRole('region', { name: 'Spreadsheets and calendars' });
  await panel.getByRole('checkbox', { name: 'Name people by their role' }).check();
  const copy = await exportPlan(page, panel.getByRole('button', { name: 'Export client-safe copy' }));
  expect(copy.name).toBe('Faster client onboarding (client copy).opsboard.json');
  const file = JSON.parse(copy.text);
  expect(file.profile).toBe('client-safe');
  expect(file.plan.people.every((person) => person.cost_rate === null)).toBe(true);
  expect(file.plan.people.map((person) => person.name)).toContain('DevOps Engineer 2');
  expect(copy.text).not.toContain('Tom Becker');
  expect(file.plan.resources.budget).toBeNull();
  expect(file.plan.checkins).toEqual([]);
  expect(file.plan.scenarios).toEqual([]);
  expect(file.plan.allocations.every((allocation) => allocation.commitment === 'confirmed')).toBe(true);
  // The pipeline deals are tentative: left out, with their client names.
  const titles = file.plan.activities.map((activity) => activity.title);
  expect(titles).toContain('Automated Microsoft 365 tenant baseline');
  expect(titles).not.toContain('Microsoft 365 and Intune rollout');
  expect(titles).not.toContain('Penetration test and security uplift');
  expect(titles).not.toContain('Kubernetes managed service');
  expect(copy.text).not.toContain('Contoso');

  // Back in the same browser: it may only open as a new plan.
  await page.getByLabel('Import plan').setInputFiles({ name: copy.name, mimeType: 'application/json', buffer: Buffer.from(copy.text) });
  const dialog = page.getByRole('dialog', { name: 'Open this plan file?' });
  await expect(dialog).toContainText('This file is a client copy');
  await expect(dialog.getByRole('button', { name: 'Replace the current plan' })).toHaveCount(0);
  await expect(dialog.getByRole('button', { name: 'Open as a new plan' })).toBeFocused();
  await dialog.getByRole('button', { name: 'Open as a new plan' }).click();
  await expect(page.locator('.app-header__title')).toHaveText('Faster client onboarding');
  await expect(page.getByText('The open plan is a client copy: its exports stay client copies.')).toBeVisible();
  // Its own export is still a client copy.
  const again = await exportPlan(page);
  expect(JSON.parse(again.text).profile).toBe('client-safe');
  expectNoErrors(errors);
});

test('a small plan travels in a share link and opens read-only; a large one is sent as a file', async ({ page, browser }) => {
  const errors = collectErrors(page);
  await openApp(page, 'files');
  const panel = page.getByRole('region', { name: 'Spreadsheets and calendars' });
  await panel.getByRole('button', { name: 'Make a share link' }).click();
  const field = panel.getByRole('textbox', { name: 'Share link' });
  await expect(field).toHaveValue(/#\/plan\?share=[A-Za-z0-9_-]+$/);
  const link = await field.inputValue();
  expect(link.length).toBeLessThan(32000);

  // Someone else opens it: read-only, nothing stored, a local copy on demand.
  const other = await browser.newPage();
  const otherErrors = collectErrors(other);
  await other.goto(link.replace('#/plan', '?today=2026-11-23#/plan'));
  const banner = other.getByRole('region', { name: 'Read-only team board' });
  await expect(banner).toContainText('Read-only team board · from a shared link');
  await expect(other.locator('.app-header__title')).toHaveText('Faster client onboarding');
  await banner.getByRole('button', { name: 'Make a local copy' }).click();
  await expect(banner).toHaveCount(0);
  await expect(other).toHaveURL((url) => !url.hash.includes('share='));
  expectNoErrors(otherErrors);
  await other.close();

  // A damaged link says so.
  const broken = await browser.newPage();
  await broken.goto(`${link.slice(0, link.length - 40)}!!`);
  await expect(broken.locator('.board-banner--failed')).toContainText('the link is cut or damaged');
  await broken.close();

  // A plan too large for a link: 1,500 activities with titles that do not compress.
  const demo = JSON.parse(await readFile(path.join(root, 'tests/data/v2/demo.opsboard.json'), 'utf8'));
  const template = demo.plan.activities[0];
  for (let n = 0; n < 1500; n += 1) {
    demo.plan.activities.push({
      ...template,
      id: `act-${100 + n}`,
      title: `Task ${Math.random().toString(36).slice(2)} ${Math.random().toString(36).slice(2)}`,
      depends_on: [],
      status_history: template.status_history,
    });
  }
  await page.getByLabel('Import plan').setInputFiles({ name: 'big.opsboard.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(demo)) });
  await page.getByRole('button', { name: 'Replace the current plan' }).click();
  await panel.getByRole('button', { name: 'Make a share link' }).click();
  await expect(panel.getByRole('alert')).toHaveText(/^This plan is too large for a link: \d+ characters, and links are kept under 32000\. Send the plan file instead/);
  await expect(field).toHaveCount(0);
  expectNoErrors(errors);
});

test('the Report never shows leave notes or tentative work in its risks', async ({ page }) => {
  const errors = collectErrors(page);
  // Daniel Ortiz (per-6) owns the security sign-off (21 Dec to 15 Jan) and is
  // away for most of it, with a private note; the tentative Contoso baseline
  // is owned by Hannah Weber, who also gets a tentative deal of her own.
  const file = JSON.parse(await readFile(path.join(root, 'tests/data/v2/demo.opsboard.json'), 'utf8'));
  const daniel = file.plan.people.find((person) => person.id === 'per-6');
  daniel.leave = [{ start: '2026-12-21', end: '2027-01-12', day_fraction: 1, note: 'Medical leave' }];
  await openApp(page, 'files');
  await page.getByLabel('Import plan').setInputFiles({ name: 'leave.opsboard.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(file)) });
  await page.getByRole('button', { name: 'Replace the current plan' }).click();
  await goTo(page, 'Report');
  const report = page.locator('article.report');
  await expect(report).toContainText('Owner away: Security baseline sign-off for new clients');
  await expect(report).not.toContainText('Medical leave');
  await expect(report).not.toContainText('Automated Microsoft 365 tenant baseline');
  // The Plan view, for the firm, still shows the note.
  await goTo(page, 'Plan');
  await expect(page.locator('#main')).toContainText('Medical leave');
  expectNoErrors(errors);
});

// The firm's other clients and people who do no work for Woodgrove Bank.
const NOT_WOODGROVE = ['Tailspin', 'Northwind', 'Litware', 'Contoso', 'Adventure Works', 'Alpine Ski House', 'Trey Research', 'Fabrikam'];

test('a report for one client shows only its work and the people on it, never another client, and can name people by their role', async ({ page }) => {
  const errors = collectErrors(page);
  await openApp(page, 'report');
  await page.getByRole('combobox', { name: 'Report for' }).selectOption({ label: 'Woodgrove Bank' });
  const report = page.locator('article.report');
  await expect(report.getByRole('heading', { name: 'Woodgrove Bank', level: 2 })).toBeVisible();
  // Its service desk contract and its zero-trust project, with their teams.
  const work = report.getByRole('table').first();
  await expect(work.getByRole('rowheader')).toHaveText(['Service desk and endpoint management', 'Zero-trust rollout']);
  await expect(work.getByRole('row', { name: /^Service desk and endpoint management/ })).toContainText(
    "Managed service13 Apr 202610 Dec 2027In progressMei Chen, Ben Okafor, James O'Connor, Oliver Grant, Priya Raman",
  );
  await expect(work.getByRole('row', { name: /^Zero-trust rollout/ })).toContainText('Chloé Martin, Daniel Ortiz, Sofia Lindqvist, Priya Raman');
  // Its hours this week: 104 h on the service desk, 50 h on zero trust (as
  // the Work view counts them).
  const weeks = report.locator('.report__weeks');
  await expect(weeks.getByRole('columnheader').nth(2)).toHaveText('W48');
  await expect(weeks.getByRole('cell').nth(2)).toHaveText('154');
  await expect(report.getByRole('heading', { name: 'Risks (1)' })).toBeVisible();
  await expect(report).toContainText('Cover gap: Service desk and endpoint management');
  // Nothing of the other clients, the ops plan, other people or money.
  for (const other of [...NOT_WOODGROVE, 'Faster client onboarding', 'Marcus Hill', 'Tom Becker', 'Hannah Weber', 'EUR', '78,000']) {
    await expect(report, other).not.toContainText(other);
  }

  // By role: no names, not even in the risks.
  await page.getByRole('checkbox', { name: 'Name people by their role' }).check();
  await expect(work.getByRole('row', { name: /^Zero-trust rollout/ })).toContainText('Network and Security Engineer, Security Lead, Security Analyst, Head of Delivery');
  for (const name of ['Mei Chen', 'Ben Okafor', "James O'Connor", 'Oliver Grant', 'Priya Raman', 'Chloé Martin', 'Daniel Ortiz', 'Sofia Lindqvist']) {
    await expect(report, name).not.toContainText(name);
  }
  await expect(report).toContainText('Service Desk Lead');
  await expect(report).toContainText(/only 88 h a week are covered: Service Desk Analyst( \d)? leaves on 8 Jan 2027/);
  for (const other of NOT_WOODGROVE) await expect(report, other).not.toContainText(other);

  // Back to the ops plan's report.
  await page.getByRole('combobox', { name: 'Report for' }).selectOption({ label: 'The ops plan' });
  await expect(report.getByRole('heading', { name: 'Faster client onboarding', level: 2 })).toBeVisible();
  await expect(page.getByRole('checkbox', { name: 'Name people by their role' })).toHaveCount(0);
  expectNoErrors(errors);
});

test('a client-safe copy for one client holds only that client\'s work and the people on it', async ({ page }) => {
  const errors = collectErrors(page);
  await openApp(page, 'files');
  const panel = page.getByRole('region', { name: 'Spreadsheets and calendars' });
  await panel.getByRole('combobox', { name: 'For', exact: true }).selectOption({ label: 'Only Woodgrove Bank' });
  const copy = await exportPlan(page, panel.getByRole('button', { name: 'Export client-safe copy' }));
  const file = JSON.parse(copy.text);
  expect(file.profile).toBe('client-safe');
  expect(file.plan.activities.map((activity) => activity.title).sort()).toEqual(['Service desk and endpoint management', 'Zero-trust rollout']);
  expect(file.plan.people.map((person) => person.name).sort()).toEqual(
    ['Ben Okafor', 'Chloé Martin', 'Daniel Ortiz', "James O'Connor", 'Mei Chen', 'Oliver Grant', 'Priya Raman', 'Sofia Lindqvist'],
  );
  for (const other of [...NOT_WOODGROVE, 'Marcus Hill', 'Tom Becker']) expect(copy.text, other).not.toContain(other);
  expect(file.plan.people.every((person) => person.cost_rate === null)).toBe(true);
  expectNoErrors(errors);
});
