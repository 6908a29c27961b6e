// The governance rhythm on the Plan view: the plan's recurring meetings
// added, edited in place (day, nth weekday, owner) and removed, each change
// one command; the next dates follow, and This week lists the meeting when
// it falls in the week (the app's day is 2026-11-23, a Monday: W48).
import { test, expect } from '@playwright/test';
import { collectErrors, expectNoErrors, focusBody, goTo, openApp } from './helpers.mjs';

/** The Governance rhythm panel. */
function rhythm(page) {
  return page.getByRole('region', { name: 'Governance rhythm' });
}

/** The table row of a meeting, by its name (the row header also holds its rule). */
function meeting(page, name) {
  return rhythm(page).getByRole('row').filter({ has: page.getByRole('rowheader', { name }) });
}

test('a monthly service review is added, set to the fourth Thursday with an owner, shows in This week, removed and undone', async ({ page }) => {
  const errors = collectErrors(page);
  await openApp(page);
  const review = meeting(page, 'Monthly service review');
  await expect(review).toContainText('The first Tuesday of every month');
  await expect(review.getByRole('cell').nth(4)).toHaveText('Tue 1 Dec 2026 Tue 5 Jan 2027');

  // Remove the demo's review: a button offers it again.
  await review.getByRole('button', { name: 'Remove Monthly service review' }).click();
  await expect(review).toHaveCount(0);
  await expect(rhythm(page).getByRole('heading', { name: 'Governance rhythm' })).toBeFocused();
  await rhythm(page).getByRole('button', { name: 'Add monthly service review' }).click();
  await expect(rhythm(page).getByRole('button', { name: 'Add monthly service review' })).toHaveCount(0);

  // The new one meets on the review weekday (Monday), the first of the
  // month, with nobody running it yet.
  const day = review.getByRole('combobox', { name: 'Day of Monthly service review' });
  await expect(day).toBeFocused();
  await expect(day).toHaveValue('Mon');
  await expect(review).toContainText('The first Monday of every month');
  await expect(review).toContainText('Nobody runs this meeting');
  await expect(review.getByRole('cell').nth(4)).toHaveText('Mon 7 Dec 2026 Mon 4 Jan 2027');

  // The fourth Thursday: 26 November, in this week.
  await day.selectOption({ label: 'Thursday' });
  await review.getByRole('combobox', { name: 'Which weekday of the month for Monthly service review' }).selectOption({ label: '4th' });
  await expect(review).toContainText('The fourth Thursday of every month');
  await expect(review.getByRole('cell').nth(4)).toHaveText('Thu 26 Nov 2026 Thu 24 Dec 2026');
  await review.getByRole('combobox', { name: 'Owner of Monthly service review' }).selectOption({ label: 'Hannah Weber' });
  await expect(review).not.toContainText('Nobody runs this meeting');

  await goTo(page, 'This week');
  await expect(page.getByRole('region', { name: 'Meetings this week' }).getByRole('listitem')).toHaveText([
    '23 Nov 2026: Weekly ops sync · every Monday · Priya Raman',
    '26 Nov 2026: Monthly service review · the fourth Thursday of every month · Hannah Weber',
  ]);

  // Removed, then back with Undo, as it was.
  await goTo(page, 'Plan');
  await review.getByRole('button', { name: 'Remove Monthly service review' }).click();
  await expect(review).toHaveCount(0);
  await focusBody(page);
  await page.keyboard.press('Control+z');
  await expect(review.getByRole('combobox', { name: 'Day of Monthly service review' })).toHaveValue('Thu');
  await expect(review.getByRole('combobox', { name: 'Owner of Monthly service review' }).locator('option:checked')).toHaveText('Hannah Weber');
  // And each edit before it, one step each.
  await page.keyboard.press('Control+z');
  await expect(review).toContainText('Nobody runs this meeting');
  await page.keyboard.press('Control+z');
  await expect(review).toContainText('The first Thursday of every month');
  expectNoErrors(errors);
});

test('a custom meeting is named, made monthly, and its refusal is explained', async ({ page }) => {
  const errors = collectErrors(page);
  await openApp(page);
  await rhythm(page).getByRole('button', { name: 'Add custom meeting' }).click();
  const name = rhythm(page).getByRole('textbox', { name: 'Name of New meeting' });
  await expect(name).toBeFocused();
  await name.fill('Change advisory board');
  await name.press('Tab');
  const board = meeting(page, 'Change advisory board');
  const frequency = board.getByRole('combobox', { name: 'Frequency of Change advisory board' });
  await expect(frequency).toBeFocused();
  await expect(board).toContainText('Every Monday');
  await expect(board).toContainText('every week');

  await frequency.selectOption('Monthly');
  await expect(board.getByRole('combobox', { name: 'Which weekday of the month for Change advisory board' })).toHaveValue('1');
  await expect(board).toContainText('The first Monday of every month');
  await expect(frequency).toBeFocused();

  // A custom meeting needs a name.
  const renamed = board.getByRole('textbox', { name: 'Name of Change advisory board' });
  await renamed.fill('');
  await renamed.press('Enter');
  await expect(rhythm(page).getByRole('alert')).toContainText('a custom meeting needs a title');
  expectNoErrors(errors);
});
