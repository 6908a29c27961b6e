// Plans that outgrow localStorage are kept in IndexedDB: saved without a
// banner, opened after a reload, kept in step between tabs, never written
// over another tab's save, exported by the crash banner, backed up when
// unreadable, reported when unreachable, and not lost to a closed page.
// Without IndexedDB, or with it full too, the "storage is full" banner keeps
// the change, as before.
//
// localStorage is filled for real (the browser's own quota, about 5 million
// characters) to the last character: a plan that grows no longer fits, while
// the short note that replaces it does.
import { test, expect } from '@playwright/test';
import {
  DEMO_NAME,
  TODAY,
  collectErrors,
  column,
  expectNoErrors,
  exportPlan,
  goTo,
  openApp,
  reloadApp,
  storedOpenPlan,
  waitForSaved,
} from './helpers.mjs';

const NOTE = 'opsboard:kept-in-indexeddb';
const PLAN_KEY = 'opsboard.plan.plan-1';

/**
 * Fills localStorage to the last character, so a save that makes the plan
 * any longer no longer fits (a note in place of the plan's text does).
 */
async function fillLocalStorage(page) {
  const filled = await page.evaluate(() => {
    let written = 0;
    for (const size of [1_000_000, 100_000, 10_000, 1_000, 100, 10, 1]) {
      for (;;) {
        try {
          localStorage.setItem(`e2e.filler.${written}`, 'x'.repeat(size));
        } catch (error) {
          if (error.name !== 'QuotaExceededError') throw error;
          break;
        }
        written += 1;
      }
    }
    return written;
  });
  expect(filled).toBeGreaterThan(4);
}

/** The IndexedDB record of `key`: `{ stamp, text }`, or null. */
function largeRecord(page, key = PLAN_KEY) {
  return page.evaluate(
    (wanted) =>
      new Promise((resolve, reject) => {
        // The browser's own open, should a test have taken it away.
        const open = (indexedDB.realOpen ?? indexedDB.open).call(indexedDB, 'opsboard');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const get = open.result.transaction('files').objectStore('files').get(wanted);
          get.onerror = () => reject(get.error);
          get.onsuccess = () => {
            open.result.close();
            resolve(get.result ?? null);
          };
        };
      }),
    key,
  );
}

/** Writes `record` under `key` in IndexedDB, as another tab's save would. */
function putLargeRecord(page, record, key = PLAN_KEY) {
  return page.evaluate(
    ([wanted, value]) =>
      new Promise((resolve, reject) => {
        const open = indexedDB.open('opsboard');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const transaction = open.result.transaction('files', 'readwrite');
          transaction.objectStore('files').put(value, wanted);
          transaction.oncomplete = () => {
            open.result.close();
            resolve();
          };
          transaction.onabort = () => reject(transaction.error);
        };
      }),
    [key, record],
  );
}

/** act-5's status in a plan file's text. */
function signOffStatusIn(text) {
  return JSON.parse(text).plan.activities.find((activity) => activity.id === 'act-5').status;
}

/** act-5's status as kept in IndexedDB. */
async function keptSignOffStatus(page) {
  const record = await largeRecord(page);
  return record ? signOffStatusIn(record.text) : null;
}

/** Moves the security sign-off (act-5) one column right on the Board. */
async function moveSignOff(page, to) {
  await page.locator('#card-act-5').focus();
  await page.keyboard.press('ArrowRight');
  await expect(column(page, to).locator('#card-act-5')).toBeVisible();
}

/** Opens the demo on the Board, fills localStorage and moves act-5, which sends the plan to IndexedDB. */
async function outgrowLocalStorage(page) {
  await openApp(page, 'board');
  await waitForSaved(page, '"act-5"');
  await fillLocalStorage(page);
  await moveSignOff(page, 'in-progress');
  await expect.poll(() => page.evaluate((key) => localStorage.getItem(key), PLAN_KEY)).toBe(NOTE);
}

test('a plan that outgrows localStorage is kept in IndexedDB: no banner, and a reload opens it', async ({ page }) => {
  const errors = collectErrors(page);
  await outgrowLocalStorage(page);
  await expect(page.locator('.notice')).toHaveCount(0);
  const record = await largeRecord(page);
  expect(signOffStatusIn(record.text)).toBe('in_progress');
  expect(record.text).toContain(DEMO_NAME);
  const stamp = await page.evaluate(() => localStorage.getItem('opsboard.stamp.plan-1'));
  expect(record.stamp).toBe(stamp);

  await reloadApp(page);
  await expect(column(page, 'in-progress').locator('#card-act-5')).toBeVisible();
  await expect(page.locator('.notice')).toHaveCount(0);

  // Later saves go to IndexedDB too.
  await moveSignOff(page, 'blocked');
  await expect.poll(() => keptSignOffStatus(page)).toBe('blocked');
  await expect(page.locator('.notice')).toHaveCount(0);

  // Files says where the plan is kept.
  await goTo(page, 'Files');
  const stored = page.locator('.stored__plan').filter({ hasText: DEMO_NAME });
  await expect(stored.locator('.tag', { hasText: 'IndexedDB' })).toBeVisible();
  expectNoErrors(errors);
});

test('a plan kept in IndexedDB follows another tab\'s saves, and is never saved over them', async ({ context }) => {
  const first = await context.newPage();
  const errors = collectErrors(first);
  await outgrowLocalStorage(first);
  const second = await context.newPage();
  await openApp(second, 'board');
  await expect(column(second, 'in-progress').locator('#card-act-5')).toBeVisible();

  // A change and its undo in one tab appear in the other.
  await moveSignOff(first, 'blocked');
  await expect(column(second, 'blocked').locator('#card-act-5')).toBeVisible();
  await first.keyboard.press('Control+z');
  await expect(column(second, 'in-progress').locator('#card-act-5')).toBeVisible();
  await expect.poll(() => keptSignOffStatus(first)).toBe('in_progress');
  await second.close();

  // Another tab saved "done" meanwhile (its storage event is not delivered
  // here in time): the save here is refused, and IndexedDB keeps "done".
  const record = await largeRecord(first);
  const theirs = JSON.parse(record.text);
  theirs.plan.activities.find((activity) => activity.id === 'act-5').status = 'done';
  await putLargeRecord(first, { stamp: 'othertab0001', text: JSON.stringify(theirs) });
  await first.evaluate(() => localStorage.setItem('opsboard.stamp.plan-1', 'othertab0001'));
  await moveSignOff(first, 'blocked');
  const notice = first.locator('.notice').filter({ hasText: 'was changed in another tab or window' });
  await expect(notice).toBeVisible();
  expect(await keptSignOffStatus(first)).toBe('done');

  // Loading the other version shows it.
  await notice.getByRole('button', { name: 'Load the other version' }).click();
  await expect(notice).toHaveCount(0);
  await expect(column(first, 'done').locator('#card-act-5')).toBeVisible();

  // Keeping this version instead saves it over the other one.
  await putLargeRecord(first, { stamp: 'othertab0002', text: record.text });
  await first.evaluate(() => localStorage.setItem('opsboard.stamp.plan-1', 'othertab0002'));
  await first.locator('#card-act-5').focus();
  await first.keyboard.press('ArrowLeft');
  await expect(notice).toBeVisible();
  await notice.getByRole('button', { name: 'Keep this version' }).click();
  await expect(notice).toHaveCount(0);
  await expect.poll(() => keptSignOffStatus(first)).toBe('blocked');
  expectNoErrors(errors);
});

test('the crash banner exports a plan kept in IndexedDB as last saved', async ({ page }) => {
  await outgrowLocalStorage(page);
  await expect.poll(() => keptSignOffStatus(page)).toBe('in_progress');
  await page.goto(`./?today=${TODAY}&crash-test#/board`);
  const banner = page.locator('#crash-banner');
  await expect(banner).toBeVisible();
  const file = await exportPlan(page, banner.getByRole('link', { name: 'Export plan now' }));
  expect(file.name).toBe(`${DEMO_NAME}.opsboard.json`);
  expect(signOffStatusIn(file.text)).toBe('in_progress');
});

test('an unreadable plan in IndexedDB is moved to a backup there and reported', async ({ page }) => {
  const errors = collectErrors(page);
  await outgrowLocalStorage(page);
  await putLargeRecord(page, { stamp: 'broken', text: 'this is { not json' });
  await reloadApp(page);

  const notice = page.locator('.notice').filter({ hasText: 'could not be read' });
  await expect(notice).toContainText(`The stored plan "${DEMO_NAME}" could not be read`);
  await expect(notice).toContainText('opsboard.backup.1.opsboard.plan.plan-1');
  // The text is kept untouched under the backup key, and Files offers it.
  await expect
    .poll(() => largeRecord(page, 'opsboard.backup.1.opsboard.plan.plan-1').then((kept) => kept?.text))
    .toBe('this is { not json');
  // The demo opened in its place, untouched by the backup.
  await expect(column(page, 'not-started').locator('#card-act-5')).toBeVisible();
  await goTo(page, 'Files');
  await expect(page.getByText('opsboard.backup.1.opsboard.plan.plan-1', { exact: true })).toBeVisible();
  expectNoErrors(errors);
});

test('without IndexedDB, a plan that outgrows localStorage keeps the change and says storage is full', async ({ page, context }) => {
  await context.addInitScript(() => {
    Object.defineProperty(window, 'indexedDB', { value: undefined });
  });
  await openApp(page, 'board');
  await waitForSaved(page, '"act-5"');
  const savedBefore = await storedOpenPlan(page);
  await fillLocalStorage(page);
  await moveSignOff(page, 'in-progress');
  const banner = page.locator('.notice').filter({ hasText: 'Browser storage is full' });
  await expect(banner).toBeVisible();
  expect(await storedOpenPlan(page)).toBe(savedBefore);
  const file = await exportPlan(page, banner.getByRole('button', { name: 'Export plan now' }));
  expect(signOffStatusIn(file.text)).toBe('in_progress');
});

test('a plan in IndexedDB that cannot be reached is reported and left as it is', async ({ page, context }) => {
  await outgrowLocalStorage(page);
  await expect.poll(() => keptSignOffStatus(page)).toBe('in_progress');
  // From the next load on, the browser refuses IndexedDB.
  await context.addInitScript(() => {
    IDBFactory.prototype.realOpen = IDBFactory.prototype.open;
    IDBFactory.prototype.open = () => {
      throw new DOMException('IndexedDB is blocked here.', 'SecurityError');
    };
  });
  await reloadApp(page);
  const notice = page.locator('.notice').filter({ hasText: 'is kept in IndexedDB, which could not be read' });
  await expect(notice).toContainText(`The stored plan "${DEMO_NAME}" is kept in IndexedDB`);
  await expect(notice).toContainText('IndexedDB is blocked here.');
  // The demo opens as a new plan beside it, and the stored one is untouched.
  await expect(page.locator('#plan-switcher option[value="plan-1"]')).toHaveText(DEMO_NAME);
  await expect(page.locator('#plan-switcher option:checked')).toHaveAttribute('value', 'plan-2');
  expect(await page.evaluate((key) => localStorage.getItem(key), PLAN_KEY)).toBe(NOTE);
  expect(await keptSignOffStatus(page)).toBe('in_progress');
});

test('closing the page while a plan is still being written to IndexedDB asks first', async ({ context }) => {
  const page = await context.newPage();
  await outgrowLocalStorage(page);
  await expect.poll(() => keptSignOffStatus(page)).toBe('in_progress');
  // Another page of the site holds a writing transaction on the store, so
  // the app's next write waits for it.
  const blocker = await context.newPage();
  await blocker.goto('./sw.js');
  await blocker.evaluate(
    () =>
      new Promise((resolve, reject) => {
        const open = indexedDB.open('opsboard');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const store = open.result.transaction('files', 'readwrite').objectStore('files');
          const hold = () => {
            if (!window.released) store.get('none').onsuccess = hold;
          };
          hold();
          resolve();
        };
      }),
  );

  await page.bringToFront();
  await moveSignOff(page, 'blocked');
  const dialog = new Promise((resolve) => page.once('dialog', resolve));
  await page.close({ runBeforeUnload: true });
  const asked = await dialog;
  expect(asked.type()).toBe('beforeunload');
  await asked.dismiss();
  expect(page.isClosed()).toBe(false);

  // Once the write could go ahead it landed, and the page closes without asking.
  await blocker.evaluate(() => {
    window.released = true;
  });
  await expect.poll(() => keptSignOffStatus(blocker)).toBe('blocked');
  let askedAgain = false;
  page.once('dialog', (again) => {
    askedAgain = true;
    again.accept();
  });
  await page.close({ runBeforeUnload: true });
  await expect.poll(() => page.isClosed()).toBe(true);
  expect(askedAgain).toBe(false);
});

test('a full IndexedDB keeps the change on the page, the last save untouched, and says storage is full', async ({ page }) => {
  const errors = collectErrors(page);
  await outgrowLocalStorage(page);
  await expect.poll(() => keptSignOffStatus(page)).toBe('in_progress');
  // From now on every write to the store ends as a full disk does: the
  // transaction is aborted with a QuotaExceededError.
  await page.evaluate(() => {
    const { put } = IDBObjectStore.prototype;
    IDBObjectStore.prototype.put = function putIntoFullDisk(value, key) {
      const request = put.call(this, value, key);
      Object.defineProperty(this.transaction, 'error', {
        value: new DOMException('The quota has been exceeded.', 'QuotaExceededError'),
      });
      this.transaction.abort();
      return request;
    };
  });
  await moveSignOff(page, 'blocked');
  const banner = page.locator('.notice').filter({ hasText: 'Browser storage is full' });
  await expect(banner).toBeVisible();
  expect(await keptSignOffStatus(page)).toBe('in_progress');
  const file = await exportPlan(page, banner.getByRole('button', { name: 'Export plan now' }));
  expect(signOffStatusIn(file.text)).toBe('blocked');
  expectNoErrors(errors);
});
