// Storage faults beyond a broken or full store: several tabs on one plan,
// the reminder to export, and a crash of the app itself.
import { test, expect } from '@playwright/test';
import { readFile } from 'node:fs/promises';
import {
  TODAY,
  collectErrors,
  column,
  expectNoErrors,
  exportPlan,
  openApp,
  seedStorageOnce,
  storedOpenPlan,
  waitForSaved,
} from './helpers.mjs';

/** Moves the security sign-off (act-5) to "In progress" on the Board, by keyboard. */
async function startSignOff(page) {
  await page.locator('#card-act-5').focus();
  await page.keyboard.press('ArrowRight');
  await expect(column(page, 'in-progress').locator('#card-act-5')).toBeVisible();
}

/** The sign-off's stored status; none until the first save has landed. */
const signOffStatus = async (page) => {
  const text = await storedOpenPlan(page);
  if (!text) return null;
  return JSON.parse(text).plan.activities.find((activity) => activity.id === 'act-5').status;
};

test('a change saved in one tab appears in the other, and so does its undo', async ({ context }) => {
  const first = await context.newPage();
  const errors = collectErrors(first);
  await openApp(first, 'board');
  await waitForSaved(first, '"act-5"');
  const second = await context.newPage();
  await openApp(second, 'board');
  await expect(column(second, 'not-started').locator('#card-act-5')).toBeVisible();

  await startSignOff(first);
  await expect(column(second, 'in-progress').locator('#card-act-5')).toBeVisible();

  await first.keyboard.press('Control+z');
  await expect(column(second, 'not-started').locator('#card-act-5')).toBeVisible();
  expectNoErrors(errors);
});

test('a save that would overwrite another tab\'s save is refused and asks what to keep', async ({ page }) => {
  await openApp(page, 'board');
  await waitForSaved(page, '"act-5"');
  // Another tab saved meanwhile (its storage event is not delivered to
  // this tab in time): the stored stamp is no longer the one this tab knows.
  await page.evaluate(() => localStorage.setItem('opsboard.stamp.plan-1', 'othertab0001'));

  await startSignOff(page);
  const notice = page.locator('.notice').filter({ hasText: 'was changed in another tab or window' });
  await expect(notice).toBeVisible();
  await expect(notice).toHaveAttribute('role', 'alert');
  expect(await signOffStatus(page)).toBe('not_started');

  // Keeping this version saves it over the other one.
  await notice.getByRole('button', { name: 'Keep this version' }).click();
  await expect(notice).toHaveCount(0);
  await expect.poll(() => signOffStatus(page)).toBe('in_progress');

  // Loading the other version brings this tab back to what was stored.
  await page.evaluate(() => localStorage.setItem('opsboard.stamp.plan-1', 'othertab0002'));
  await page.locator('#card-act-5').focus();
  await page.keyboard.press('ArrowRight');
  await expect(notice).toBeVisible();
  await notice.getByRole('button', { name: 'Load the other version' }).click();
  await expect(notice).toHaveCount(0);
  await expect(column(page, 'in-progress').locator('#card-act-5')).toBeVisible();
  expect(await signOffStatus(page)).toBe('in_progress');
});

test('a plan kept a week without an export gets a reminder, which an export clears', async ({ page, context }) => {
  const errors = collectErrors(page);
  const demo = await readFile('tests/data/v2/demo.opsboard.json', 'utf8');
  await seedStorageOnce(context, {
    'opsboard.index': JSON.stringify({
      last_open: 'plan-1',
      plans: [{ id: 'plan-1', name: 'Faster client onboarding', created: '2026-11-13', exported: null }],
    }),
    'opsboard.plan.plan-1': demo,
  });
  await openApp(page, 'files');
  const reminder = page.locator('.notice').filter({ hasText: 'a plan file is the copy that lasts' });
  await expect(reminder).toContainText('kept only in this browser for 10 days and was never exported');
  await expect(page.getByTestId('export-status')).toContainText('Not exported from this browser yet.');

  await exportPlan(page, reminder.getByRole('button', { name: 'Export plan now' }));
  await expect(reminder).toHaveCount(0);
  await expect(page.getByTestId('export-status')).toContainText('Last exported today.');
  const index = await page.evaluate(() => JSON.parse(localStorage.getItem('opsboard.index')));
  expect(index.plans[0].exported).toBe(TODAY);
  await page.reload();
  await expect(page.locator('.app-header')).toBeVisible();
  await expect(page.getByTestId('export-status')).toBeVisible();
  await expect(reminder).toHaveCount(0);
  expectNoErrors(errors);
});

test('a crash shows a banner that exports the plan as last saved', async ({ page }) => {
  await openApp(page, 'board');
  await startSignOff(page);
  await expect.poll(() => signOffStatus(page)).toBe('in_progress');

  await page.goto(`./?today=${TODAY}&crash-test#/board`);
  const banner = page.locator('#crash-banner');
  await expect(banner).toBeVisible();
  await expect(banner).toHaveAttribute('role', 'alert');
  await expect(banner).toContainText('Opsboard stopped because of an internal error');
  const file = await exportPlan(page, banner.getByRole('link', { name: 'Export plan now' }));
  expect(file.name).toBe('Faster client onboarding.opsboard.json');
  const plan = JSON.parse(file.text).plan;
  expect(plan.activities.find((activity) => activity.id === 'act-5').status).toBe('in_progress');
});
