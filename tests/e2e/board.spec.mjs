// The Board: cards move by drag and drop and by keyboard, every move can be
// undone and redone, and moves are recorded in the plan's status history.
import { test, expect } from '@playwright/test';
import {
  TODAY,
  collectErrors,
  column,
  expectNoErrors,
  exportPlan,
  focusBody,
  openApp,
  redoButton,
  reloadApp,
  settle,
  waitForSaved,
  undoButton,
} from './helpers.mjs';

const CARD = '#card-act-5';
const CARD_TITLE = 'Security baseline sign-off for new clients';

test.beforeEach(async ({ page }) => {
  await openApp(page, 'board');
  await expect(column(page, 'not-started').locator(CARD)).toBeVisible();
});

test('drag and drop moves a card; Ctrl+Z, the Undo button and Redo work', async ({ page }) => {
  const errors = collectErrors(page);
  const card = page.locator(CARD);
  const doneCount = column(page, 'done').locator('.board__count');
  await expect(doneCount).toHaveText('1');
  await expect(undoButton(page)).toBeDisabled();

  // Drag into the Done column.
  await page.dragAndDrop(CARD, '.board__column--done');
  await expect(column(page, 'done').locator(CARD)).toBeVisible();
  await expect(column(page, 'not-started').locator(CARD)).toHaveCount(0);
  await expect(doneCount).toHaveText('2');
  await expect(card).toHaveAttribute('aria-label', new RegExp(`^${CARD_TITLE}, .*, Done\\.`));
  await expect(undoButton(page)).toBeEnabled();
  await expect(undoButton(page)).toHaveAttribute('aria-label', /^Undo: /);

  // Ctrl+Z with focus outside any field puts it back.
  await focusBody(page);
  await page.keyboard.press('Control+z');
  await expect(column(page, 'not-started').locator(CARD)).toBeVisible();
  await expect(column(page, 'done').locator(CARD)).toHaveCount(0);
  await expect(doneCount).toHaveText('1');

  // Ctrl+Shift+Z redoes it.
  await focusBody(page);
  await page.keyboard.press('Control+Shift+z');
  await expect(column(page, 'done').locator(CARD)).toBeVisible();

  // The Undo button undoes, the Redo button redoes.
  await undoButton(page).click();
  await expect(column(page, 'not-started').locator(CARD)).toBeVisible();
  await expect(redoButton(page)).toBeEnabled();
  await expect(redoButton(page)).toHaveAttribute('aria-label', /^Redo: /);
  await redoButton(page).click();
  await expect(column(page, 'done').locator(CARD)).toBeVisible();
  await expect(redoButton(page)).toBeDisabled();

  // A drag to another column works after that, and Ctrl+Y redoes too.
  await page.dragAndDrop(CARD, '.board__column[data-status="blocked"]');
  await expect(column(page, 'blocked').locator(CARD)).toBeVisible();
  await undoButton(page).click();
  await expect(column(page, 'done').locator(CARD)).toBeVisible();
  await focusBody(page);
  await page.keyboard.press('Control+y');
  await expect(column(page, 'blocked').locator(CARD)).toBeVisible();
  expectNoErrors(errors);
});

test('Ctrl+Z while typing in a field does not undo a board move', async ({ page }) => {
  await page.dragAndDrop(CARD, '.board__column--done');
  await expect(column(page, 'done').locator(CARD)).toBeVisible();
  // The card's Move menu is a <select>: the shortcut belongs to the field there.
  await page.locator(`${CARD} select`).focus();
  await page.keyboard.press('Control+z');
  await settle(page);
  await expect(column(page, 'done').locator(CARD)).toBeVisible();
  await expect(redoButton(page)).toBeDisabled();
  // Outside the field the same shortcut undoes.
  await focusBody(page);
  await page.keyboard.press('Control+z');
  await expect(column(page, 'not-started').locator(CARD)).toBeVisible();
});

test('keyboard: ArrowRight moves the focused card and keeps focus; undo restores', async ({ page }) => {
  const errors = collectErrors(page);
  const card = page.locator(CARD);
  await card.focus();
  await expect(card).toBeFocused();

  await page.keyboard.press('ArrowRight');
  await expect(column(page, 'in-progress').locator(CARD)).toBeVisible();
  await expect(column(page, 'not-started').locator(CARD)).toHaveCount(0);
  await expect(card).toBeFocused();

  // Another step right, then back left, all from the keyboard.
  await page.keyboard.press('ArrowRight');
  await expect(column(page, 'blocked').locator(CARD)).toBeVisible();
  await expect(card).toBeFocused();
  await page.keyboard.press('ArrowLeft');
  await expect(column(page, 'in-progress').locator(CARD)).toBeVisible();
  await expect(card).toBeFocused();

  // Undo (Ctrl+Z on the focused card, which is not a field) steps back.
  await page.keyboard.press('Control+z');
  await expect(column(page, 'blocked').locator(CARD)).toBeVisible();
  await undoButton(page).click();
  await expect(column(page, 'in-progress').locator(CARD)).toBeVisible();
  await undoButton(page).click();
  await expect(column(page, 'not-started').locator(CARD)).toBeVisible();
  await expect(undoButton(page)).toBeDisabled();

  // ArrowLeft in the first column does nothing.
  await card.focus();
  await page.keyboard.press('ArrowLeft');
  await expect(column(page, 'not-started').locator(CARD)).toBeVisible();
  await expect(undoButton(page)).toBeDisabled();
  expectNoErrors(errors);
});

test('the Move menu moves a card too', async ({ page }) => {
  await page.getByRole('combobox', { name: `Move ${CARD_TITLE} to` }).selectOption('done');
  await expect(column(page, 'done').locator(CARD)).toBeVisible();
  await expect(page.locator(CARD)).toBeFocused();
});

test('status moves are recorded in the exported status history', async ({ page }) => {
  const before = JSON.parse((await exportPlan(page)).text);
  const activity = (plan) => plan.plan.activities.find((candidate) => candidate.id === 'act-5');
  const history = activity(before).status_history;
  expect(activity(before).status).toBe('not_started');
  expect(history.some((change) => change.date === TODAY)).toBe(false);

  await page.dragAndDrop(CARD, '.board__column--done');
  await expect(column(page, 'done').locator(CARD)).toBeVisible();

  const after = JSON.parse((await exportPlan(page)).text);
  expect(activity(after).status).toBe('done');
  expect(activity(after).status_history.slice(0, history.length)).toEqual(history);
  expect(activity(after).status_history.at(-1)).toEqual({ date: TODAY, status: 'done' });
  expect(activity(after).status_history.length).toBeGreaterThan(history.length);

  // Undo removes the recorded move again.
  await undoButton(page).click();
  await expect(column(page, 'not-started').locator(CARD)).toBeVisible();
  const undone = JSON.parse((await exportPlan(page)).text);
  expect(activity(undone).status).toBe('not_started');
  expect(activity(undone).status_history).toEqual(history);
});

test('dropping a card on its own column adds no undo step (stored plan)', async ({ page }) => {
  // After a reload the plan comes from storage, in canonical order.
  await waitForSaved(page, 'Security baseline sign-off');
  await reloadApp(page);
  await page.dragAndDrop(CARD, '.board__column[data-status="not-started"]');
  await settle(page);
  await expect(column(page, 'not-started').locator(CARD)).toBeVisible();
  await expect(undoButton(page)).toBeDisabled();
  await expect(undoButton(page)).toHaveAttribute('aria-label', 'Nothing to undo');
});

// A move that changes nothing is not an edit: no undo step, even on a first
// visit (the opened demo is in canonical order, like every command's result).
test('dropping a card on its own column adds no undo step (first visit)', async ({ page }) => {
  await page.dragAndDrop(CARD, '.board__column[data-status="not-started"]');
  await settle(page);
  await expect(column(page, 'not-started').locator(CARD)).toBeVisible();
  await expect(undoButton(page)).toHaveAttribute('aria-label', 'Nothing to undo', { timeout: 2000 });
});
