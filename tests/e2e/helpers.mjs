// Shared helpers for the Opsboard end-to-end tests.
import { expect } from '@playwright/test';
import { readFile } from 'node:fs/promises';

/** The date the app is pinned to (`?today=`), so the demo plan's dates are fixed. */
export const TODAY = '2026-11-23';

export const DEMO_NAME = 'Faster client onboarding';
export const DEMO_FILE_NAME = `${DEMO_NAME}.opsboard.json`;
export const DEMO_GOAL = 'Cut client onboarding from 14 to 7 days';

/** The demo's ops plan (its initiatives) and their owners, in plan order. */
export const DEMO_ACTIVITIES = [
  { id: 'act-1', title: 'Map the current onboarding process', owner: 'Priya Raman' },
  { id: 'act-2', title: 'Standard Azure landing zone in Terraform', owner: 'Tom Becker' },
  { id: 'act-3', title: 'Automated Microsoft 365 tenant baseline', owner: 'Hannah Weber' },
  { id: 'act-4', title: 'Self-service intake form and checklist', owner: "James O'Connor" },
  { id: 'act-5', title: 'Security baseline sign-off for new clients', owner: 'Daniel Ortiz' },
  { id: 'act-6', title: 'Pilot: onboard Fabrikam Legal in 7 days', owner: 'Lena Novak' },
];

/** The views, their nav labels, hash routes and a heading each one shows. */
export const VIEWS = [
  { label: 'Plan', hash: '#/plan', heading: 'Initiatives' },
  { label: 'This week', hash: '#/week', heading: 'This week · 2026-W48 (23 Nov 2026 to 29 Nov 2026)' },
  { label: 'Work', hash: '#/work', heading: 'Work' },
  { label: 'Board', hash: '#/board', heading: 'Board' },
  { label: 'People', hash: '#/people', heading: 'People' },
  { label: 'Skills', hash: '#/skills', heading: 'Skills matrix' },
  { label: 'Capacity', hash: '#/capacity', heading: 'Capacity' },
  { label: 'Check-in', hash: '#/check-in', heading: 'Weekly check-in · 23 Nov 2026' },
  { label: 'Money', hash: '#/money', heading: 'Money' },
  { label: 'Report', hash: '#/report', heading: 'Faster client onboarding' },
  { label: 'Files', hash: '#/files', heading: 'Plan files' },
];

/**
 * Records console errors and uncaught page errors. Call before `openApp`;
 * assert `expect(errors).toEqual([])` at the end of a test.
 */
export function collectErrors(page) {
  const errors = [];
  page.on('console', (message) => {
    if (message.type() !== 'error') return;
    const { url } = message.location();
    errors.push(`console error: ${message.text()}${url ? ` (${url})` : ''}`);
  });
  page.on('pageerror', (error) => errors.push(`page error: ${error.message}`));
  return errors;
}

/** Asserts that nothing was logged as an error. */
export function expectNoErrors(errors) {
  expect(errors).toEqual([]);
}

/** The app's URL for a view, with today pinned. */
export function appUrl(route = 'plan') {
  return `./?today=${TODAY}#/${route}`;
}

/**
 * Waits until the app has started and the view is shown: a view that is a
 * part loaded on demand shows "Loading…" until its code has arrived.
 */
async function started(page) {
  await expect(page.locator('.app-header')).toBeVisible();
  await expect(page.locator('#main .view__loading')).toHaveCount(0);
}

/** Opens the app on a view and waits until it has started. */
export async function openApp(page, route = 'plan') {
  await page.goto(appUrl(route));
  await started(page);
}

/** Reloads the page and waits until the app has started again. */
export async function reloadApp(page) {
  await page.reload();
  await started(page);
}

/** The header's navigation. */
export function nav(page) {
  return page.getByRole('navigation', { name: 'Views' });
}

/** Follows a nav link by its accessible name and waits for the view. */
export async function goTo(page, label) {
  const view = VIEWS.find((candidate) => candidate.label === label);
  await nav(page).getByRole('link', { name: label, exact: true }).click();
  await expect(page).toHaveURL((url) => url.hash === view.hash);
  await expect(
    page.locator('#main').getByRole('heading', { name: view.heading, exact: true }),
  ).toBeVisible();
}

export function headerTitle(page) {
  return page.locator('.app-header__title');
}

export function undoButton(page) {
  return page.locator('.app-header__actions button').filter({ hasText: 'Undo' });
}

export function redoButton(page) {
  return page.locator('.app-header__actions button').filter({ hasText: 'Redo' });
}

/** A Board column by its status slug: not-started, in-progress, blocked, done. */
export function column(page, status) {
  return page.locator(`.board__column[data-status="${status}"]`);
}

/** Moves focus off any field, so Ctrl+Z reaches the app's shortcut. */
export async function focusBody(page) {
  await page.evaluate(() => {
    if (document.activeElement instanceof HTMLElement) document.activeElement.blur();
    document.body.focus();
  });
}

/**
 * Lets the app finish what an event started (its effects run on later ticks),
 * for checks that something did NOT happen.
 */
export async function settle(page) {
  await page.evaluate(
    () =>
      new Promise((resolve) => {
        requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(resolve, 0)));
      }),
  );
}

/** Clicks an export button and returns the downloaded file's name and text. */
export async function exportPlan(page, button) {
  const trigger =
    button ?? page.locator('.app-header').getByRole('button', { name: 'Export plan', exact: true });
  const [download] = await Promise.all([page.waitForEvent('download'), trigger.click()]);
  const path = await download.path();
  expect(path, `download failed: ${await download.failure()}`).toBeTruthy();
  return { name: download.suggestedFilename(), text: await readFile(path, 'utf8') };
}

/** The file input of the Files view (the view must be open). */
export function importInput(page) {
  return page.locator('input[type="file"][aria-label="Import plan"]');
}

/** Picks a file in the Files view's import input. */
export async function pickFile(page, name, text) {
  await importInput(page).setInputFiles({
    name,
    mimeType: 'application/json',
    buffer: Buffer.from(text, 'utf8'),
  });
}

/** Drops a file on the page the way a browser does: a drop event with files. */
export async function dropFile(page, name, text) {
  const dataTransfer = await page.evaluateHandle(
    ([fileName, content]) => {
      const transfer = new DataTransfer();
      transfer.items.add(new File([content], fileName, { type: 'application/json' }));
      return transfer;
    },
    [name, text],
  );
  await page.dispatchEvent('body', 'dragover', { dataTransfer });
  await page.dispatchEvent('body', 'drop', { dataTransfer });
  await dataTransfer.dispose();
}

export function importDialog(page) {
  return page.getByRole('dialog', { name: 'Open this plan file?' });
}

export function importError(page) {
  return page.locator('[data-testid="import-error"]');
}

/** Everything in localStorage, as an object. */
export async function storageContents(page) {
  return page.evaluate(() => {
    const all = {};
    for (let i = 0; i < localStorage.length; i += 1) {
      const key = localStorage.key(i);
      all[key] = localStorage.getItem(key);
    }
    return all;
  });
}

/** The stored text of the plan opened last (what a reload would open). */
export async function storedOpenPlan(page) {
  return page.evaluate(() => {
    const index = JSON.parse(localStorage.getItem('opsboard.index') ?? 'null');
    if (!index || !index.last_open) return '';
    return localStorage.getItem(`opsboard.plan.${index.last_open}`) ?? '';
  });
}

/** Waits until the autosave has written a plan text containing `text`. */
export async function waitForSaved(page, text) {
  await expect.poll(() => storedOpenPlan(page)).toContain(text);
}

/**
 * Writes localStorage before the app's first load only (the init script runs
 * on every navigation, so a sessionStorage flag guards reloads).
 */
export async function seedStorageOnce(context, entries) {
  await context.addInitScript((seed) => {
    try {
      if (sessionStorage.getItem('e2e.seeded')) return;
      sessionStorage.setItem('e2e.seeded', '1');
      for (const [key, value] of Object.entries(seed)) localStorage.setItem(key, value);
    } catch (error) {
      // Storage unavailable: nothing to seed.
    }
  }, entries);
}

/**
 * Asks the Capacity view's "Can we take it?": fills its form (skills as
 * [label, level] pairs, the rate only when given) and presses Check.
 * Returns the panel.
 */
export async function askTakeIt(page, { name, skills, hours, weeks, start, rate }) {
  const form = page.locator('.takeit');
  await form.getByRole('textbox', { name: 'Engagement' }).fill(name);
  for (const [index, [skill, level]] of skills.entries()) {
    if (index > 0) await form.getByRole('button', { name: 'Add a skill' }).click();
    await form.getByRole('combobox', { name: `Skill ${index + 1}`, exact: true }).selectOption({ label: skill });
    await form.getByRole('combobox', { name: `Level of skill ${index + 1}` }).selectOption(String(level));
  }
  await form.getByRole('spinbutton', { name: 'Hours a week' }).fill(String(hours));
  await form.getByRole('spinbutton', { name: 'Weeks' }).fill(String(weeks));
  if (rate !== undefined) await form.getByRole('spinbutton', { name: 'Bill rate an hour' }).fill(String(rate));
  await pickWeek(form, 'Earliest start', start);
  await form.getByRole('button', { name: 'Check' }).click();
  return form;
}

/** The Monday (`2026-11-23`) of an ISO week (`2026-W48`). */
export function mondayOf(week) {
  const [, year, number] = /^(\d{4})-W(\d{2})$/.exec(week);
  const day = 24 * 60 * 60 * 1000;
  const january4 = new Date(Date.UTC(Number(year), 0, 4));
  const week1 = january4.getTime() - ((january4.getUTCDay() + 6) % 7) * day;
  return new Date(week1 + (Number(number) - 1) * 7 * day).toISOString().slice(0, 10);
}

/** Picks `week` (`2026-W48`) in the week picker labelled `label`, as a
 * person does: a day of it in the picker's date field. */
export async function pickWeek(scope, label, week) {
  await scope.getByLabel(label, { exact: true }).fill(mondayOf(week));
}

/** The week a week picker names beside its date field. */
export function shownWeek(scope, label) {
  return scope.getByLabel(`${label}: the week`, { exact: true });
}
