// Browser storage problems: unreadable or newer data is moved aside and
// reported, storage that cannot be used or is full never loses the open plan.
import { test, expect } from '@playwright/test';
import {
  DEMO_ACTIVITIES,
  DEMO_GOAL,
  DEMO_NAME,
  collectErrors,
  column,
  expectNoErrors,
  exportPlan,
  goTo,
  headerTitle,
  openApp,
  reloadApp,
  seedStorageOnce,
  storageContents,
  storedOpenPlan,
  waitForSaved,
} from './helpers.mjs';

const BROKEN_INDEX = '{"last_open":"plan-1","plans":[{"id":"plan-1","name":"Broken"}]}';

/** Checks that the demo plan is open and can be edited (a board move). */
async function expectWorkingDemo(page) {
  await expect(headerTitle(page)).toHaveText(DEMO_NAME);
  await expect(page.locator('#goal-title')).toContainText(DEMO_GOAL);
  await expect(page.locator('table.activities tbody tr')).toHaveCount(DEMO_ACTIVITIES.length);
  await goTo(page, 'Board');
  await page.locator('#card-act-5').focus();
  await page.keyboard.press('ArrowRight');
  await expect(column(page, 'in-progress').locator('#card-act-5')).toBeVisible();
}

/** The backup keys in localStorage and their texts. */
async function backups(page) {
  const stored = await storageContents(page);
  return Object.fromEntries(
    Object.entries(stored).filter(([key]) => key.startsWith('opsboard.backup.')),
  );
}

const UNREADABLE = [
  {
    what: 'a stored plan that is not JSON',
    text: 'this is { not json',
    reason: /not valid JSON/,
  },
  {
    what: 'a stored plan saved by a newer version',
    text: '{"format":"opsboard-plan","version":6,"plan":{}}',
    reason: /newer Opsboard.*version 6/,
  },
];

for (const corrupt of UNREADABLE) {
  test(`${corrupt.what} is moved to a backup and reported`, async ({ page, context }) => {
    const errors = collectErrors(page);
    await seedStorageOnce(context, {
      'opsboard.index': BROKEN_INDEX,
      'opsboard.plan.plan-1': corrupt.text,
    });
    await openApp(page);

    const banner = page.locator('.notice').filter({ hasText: 'could not be read' });
    await expect(banner).toHaveCount(1);
    await expect(banner).toHaveAttribute('role', 'alert');
    await expect(banner).toContainText('The stored plan "Broken" could not be read');
    await expect(banner).toContainText(corrupt.reason);

    // The corrupt text is kept, untouched, under a backup key the banner names.
    const kept = await backups(page);
    const keys = Object.keys(kept);
    expect(keys).toHaveLength(1);
    expect(keys[0]).toMatch(/^opsboard\.backup\./);
    expect(kept[keys[0]]).toBe(corrupt.text);
    await expect(banner).toContainText(`"${keys[0]}"`);

    // The app still works, on the demo plan.
    await expectWorkingDemo(page);

    // The banner leads to the Files view, which lists the backup.
    await banner.getByRole('link', { name: 'Open Files' }).click();
    await expect(page.getByRole('heading', { name: 'Data that could not be read' })).toBeVisible();
    const listed = page
      .locator('section')
      .filter({ has: page.getByRole('heading', { name: 'Data that could not be read' }) })
      .locator('.stored__plan');
    await expect(listed).toHaveCount(1);
    await expect(listed.locator('code')).toHaveText(keys[0]);

    // Downloading the backup gives back exactly the stored text.
    const download = await exportPlan(page, listed.getByRole('button', { name: 'Download' }));
    expect(download.name).toBe(`${keys[0]}.json`);
    expect(download.text).toBe(corrupt.text);

    // The banner can be dismissed; a reload does not report the problem again
    // and keeps the backup.
    await banner.getByRole('button', { name: 'Dismiss this notice' }).click();
    await expect(banner).toHaveCount(0);
    await waitForSaved(page, DEMO_NAME);
    await reloadApp(page);
    await expect(headerTitle(page)).toHaveText(DEMO_NAME);
    await expect(page.locator('.notice')).toHaveCount(0);
    expect(await backups(page)).toEqual(kept);
    expectNoErrors(errors);
  });
}

test('an unreadable list of plans is moved to a backup and reported', async ({ page, context }) => {
  await seedStorageOnce(context, { 'opsboard.index': 'not an index' });
  await openApp(page);
  const banner = page.locator('.notice').filter({ hasText: 'could not be read' });
  await expect(banner).toContainText('The list of stored plans could not be read');
  const kept = await backups(page);
  expect(Object.values(kept)).toEqual(['not an index']);
  await expect(banner).toContainText(Object.keys(kept)[0]);
  await expectWorkingDemo(page);
});

test('unavailable storage: the app starts with the demo and says so', async ({ page, context }) => {
  const errors = collectErrors(page);
  await context.addInitScript(() => {
    Object.defineProperty(window, 'localStorage', {
      configurable: true,
      get() {
        throw new DOMException('denied', 'SecurityError');
      },
    });
  });
  await openApp(page);

  const banner = page.locator('.notice').filter({ hasText: 'Browser storage is unavailable' });
  await expect(banner).toHaveCount(1);
  await expect(banner).toContainText('denied');
  await expect(banner).toContainText('Export plan');
  await expectWorkingDemo(page);

  // "Export plan now" still saves the work as a file, with the edit.
  const file = await exportPlan(page, banner.getByRole('button', { name: 'Export plan now' }));
  expect(file.name).toBe(`${DEMO_NAME}.opsboard.json`);
  const activity = JSON.parse(file.text).plan.activities.find((a) => a.id === 'act-5');
  expect(activity.status).toBe('in_progress');

  await goTo(page, 'Files');
  await expect(page.getByText('Browser storage is unavailable: nothing is kept')).toBeVisible();
  // The open plan is still offered in the switcher.
  await expect(page.locator('#plan-switcher option:checked')).toHaveText(DEMO_NAME);
  expectNoErrors(errors);
});

test('full storage: the edit stays on the page and the banner offers an export', async ({ page, context }) => {
  const errors = collectErrors(page);
  await context.addInitScript(() => {
    const setItem = Storage.prototype.setItem;
    Storage.prototype.setItem = function setItemUnlessFull(key, value) {
      if (window.__e2eStorageFull) {
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      }
      return setItem.call(this, key, value);
    };
  });
  await openApp(page);
  await waitForSaved(page, DEMO_NAME);
  const savedBefore = await storedOpenPlan(page);
  await page.evaluate(() => {
    window.__e2eStorageFull = true;
  });

  const original = DEMO_ACTIVITIES[1];
  const renamed = 'Landing zone v2 in Terraform';
  await page.getByRole('link', { name: `Edit ${original.title}`, exact: true }).click();
  await page.getByRole('textbox', { name: /^Title/ }).fill(renamed);
  await page.getByRole('button', { name: 'Save initiative' }).click();

  const banner = page.locator('.notice').filter({ hasText: 'Browser storage is full' });
  await expect(banner).toHaveCount(1);
  await expect(banner).toHaveAttribute('role', 'alert');
  const exportNow = banner.getByRole('button', { name: 'Export plan now' });
  await expect(exportNow).toBeVisible();

  // The edit is shown, and was not written over the last good save.
  const row = page.locator(`tr[data-activity="${original.id}"]`);
  await expect(row.getByRole('rowheader')).toHaveText(renamed);
  expect(await storedOpenPlan(page)).toBe(savedBefore);

  // "Export plan now" downloads the plan with the edit.
  const exported = await exportPlan(page, exportNow);
  expect(exported.text).toContain(renamed);

  // Once storage has room again, the next save clears the banner.
  await page.evaluate(() => {
    window.__e2eStorageFull = false;
  });
  await page.getByRole('link', { name: `Edit ${renamed}`, exact: true }).click();
  await page.getByRole('textbox', { name: /^Title/ }).fill(`${renamed}!`);
  await page.getByRole('button', { name: 'Save initiative' }).click();
  await expect(banner).toHaveCount(0);
  await waitForSaved(page, `${renamed}!`);
  expectNoErrors(errors);
});

test('full storage: a reload opens the last plan that was saved', async ({ page, context }) => {
  await context.addInitScript(() => {
    const setItem = Storage.prototype.setItem;
    Storage.prototype.setItem = function setItemUnlessFull(key, value) {
      if (window.__e2eStorageFull) {
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      }
      return setItem.call(this, key, value);
    };
  });
  await openApp(page, 'board');
  await waitForSaved(page, DEMO_NAME);
  await page.evaluate(() => {
    window.__e2eStorageFull = true;
  });
  await page.locator('#card-act-5').focus();
  await page.keyboard.press('ArrowRight');
  await expect(column(page, 'in-progress').locator('#card-act-5')).toBeVisible();
  await expect(page.locator('.notice').filter({ hasText: 'Browser storage is full' })).toBeVisible();

  // The flag is gone after a reload: storage works again, with the last good save.
  await reloadApp(page);
  await expect(column(page, 'not-started').locator('#card-act-5')).toBeVisible();
  await expect(page.locator('.notice')).toHaveCount(0);
});
