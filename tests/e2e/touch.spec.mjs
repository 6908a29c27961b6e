// On a tablet (touch, no mouse, no keyboard) every drag has a path of taps:
// a Board card moves by its Move menu; work from the Capacity view's list is
// tapped, then a person's week, then Place (or Cancel); a bar tapped opens
// its editor; a priority moves by its Move buttons; a booking on an
// engagement's page is made and moved by taps. Everything here is a tap (a
// menu's choice is the picker a tablet shows): no keyboard, drag or click.
//
// The demo's horizon is 2026-W46 to 2027-W05 and today is 2026-W48; its
// allocations end at alc-44, so the next one made is alc-45.
import { test, expect } from '@playwright/test';
import { collectErrors, column, expectNoErrors, openApp, undoButton } from './helpers.mjs';

test.use({ hasTouch: true, isMobile: true, viewport: { width: 1024, height: 1366 } });

/** A person's line on the Capacity view's timeline. */
const line = (page, person) => page.locator(`.tl-line[data-person="${person}"]`);
/** A week of a person's line, by its accessible name ("Marcus Hill, week 4"). */
const week = (page, name) => page.getByRole('gridcell', { name: new RegExp(`^${name}:`) });
/** The Capacity view's toolbar of a move in progress. */
const moving = (page) => page.getByRole('group', { name: 'Move in progress' });
const INTAKE = 'Self-service intake form and checklist';

test('a Board card moves by its Move menu, and Undo takes it back', async ({ page }) => {
  const errors = collectErrors(page);
  await openApp(page, 'board');
  const title = 'Security baseline sign-off for new clients';
  const menu = page.getByRole('combobox', { name: `Move ${title} to` });
  await menu.tap();
  await menu.selectOption('done');
  const card = page.getByRole('listitem', { name: new RegExp(`^${title},`) });
  await expect(column(page, 'done').locator('#card-act-5')).toBeVisible();
  await expect(card).toHaveAttribute('aria-label', /, Done\. /);
  await undoButton(page).tap();
  await expect(column(page, 'not-started').locator('#card-act-5')).toBeVisible();
  await expect(card).toHaveAttribute('aria-label', /, Not started\. /);
  expectNoErrors(errors);
});

test('Capacity: work tapped, a week tapped, Place allocates it there; Undo takes it back', async ({ page }) => {
  const errors = collectErrors(page);
  await openApp(page, 'capacity');
  await page.getByRole('radio', { name: 'All open' }).tap();
  await page.getByRole('listitem', { name: new RegExp(`^${INTAKE}:`) }).tap();
  // It starts as Enter starts it: on its owner, James O'Connor, this week,
  // its remaining 26.7 h over 4 weeks.
  await expect(moving(page)).toContainText(
    `Placing '${INTAKE}': James O'Connor, 2026-W48 to 2026-W51, 7 h a week.`,
  );
  await expect(line(page, 'per-8').getByRole('button', { name: new RegExp(`^${INTAKE} · 7 h a week`) })).toBeVisible();
  // Marcus Hill's 2026-W49: the same length, from there.
  await week(page, 'Marcus Hill, week 4').tap();
  await expect(moving(page)).toContainText(
    `Placing '${INTAKE}': Marcus Hill, 2026-W49 to 2026-W52, 7 h a week.`,
  );
  // Nothing is allocated until Place.
  await expect(page.locator('#bar-alc-45')).toHaveCount(0);
  await moving(page).getByRole('button', { name: 'Place' }).tap();
  await expect(moving(page)).toHaveCount(0);
  const placed = line(page, 'per-4').locator('#bar-alc-45');
  await expect(placed).toHaveAttribute(
    'aria-label',
    new RegExp(`^${INTAKE} · 7 h a week, 2026-W49 to 2026-W52, Marcus Hill\\.`),
  );
  await expect(page.locator('.capacity__message')).toHaveText(
    `Allocated Marcus Hill on '${INTAKE}', 7 h a week, 2026-W49 to 2026-W52`,
  );
  await undoButton(page).tap();
  await expect(page.locator('#bar-alc-45')).toHaveCount(0);
  await expect(page.getByRole('button', { name: new RegExp(`^${INTAKE} · `) })).toHaveCount(1);
  expectNoErrors(errors);
});

test('Capacity: Cancel leaves the plan as it was', async ({ page }) => {
  const errors = collectErrors(page);
  await openApp(page, 'capacity');
  await page.getByRole('radio', { name: 'All open' }).tap();
  const work = page.getByRole('listitem', { name: new RegExp(`^${INTAKE}:`) });
  await work.tap();
  await week(page, 'Marcus Hill, week 4').tap();
  await expect(moving(page)).toContainText('Marcus Hill, 2026-W49 to 2026-W52');
  await moving(page).getByRole('button', { name: 'Cancel' }).tap();
  await expect(moving(page)).toHaveCount(0);
  await expect(page.locator('#bar-draft')).toHaveCount(0);
  await expect(page.locator('#bar-alc-45')).toHaveCount(0);
  // Only James O'Connor's own 8 h a week of it, as before; nothing to undo.
  await expect(page.getByRole('button', { name: new RegExp(`^${INTAKE} · `) })).toHaveCount(1);
  await expect(undoButton(page)).toBeDisabled();
  await expect(work).toBeFocused();
  // A tap on a week with nothing moving changes nothing.
  await week(page, 'Marcus Hill, week 4').tap();
  await expect(moving(page)).toHaveCount(0);
  await expect(undoButton(page)).toBeDisabled();
  expectNoErrors(errors);
});

test('Capacity: a bar tapped opens its editor, and another person chosen there moves it', async ({ page }) => {
  const errors = collectErrors(page);
  await openApp(page, 'capacity');
  const title = 'Standard Azure landing zone in Terraform';
  await line(page, 'per-2').getByRole('button', { name: new RegExp(`^${title} · 14 h a week`) }).tap();
  const editor = page.getByRole('form', { name: `Allocation: ${title}, Tom Becker` });
  await expect(editor).toBeVisible();
  await editor.getByRole('combobox', { name: 'Assigned to' }).tap();
  await editor.getByRole('combobox', { name: 'Assigned to' }).selectOption({ label: 'Lena Novak' });
  await editor.getByRole('button', { name: 'Apply' }).tap();
  await expect(line(page, 'per-3').locator('#bar-alc-2')).toHaveAttribute(
    'aria-label',
    new RegExp(`^${title} · 14 h a week, 2026-W47 to 2026-W52, Lena Novak\\.`),
  );
  await expect(line(page, 'per-2').locator('#bar-alc-2')).toHaveCount(0);
  await undoButton(page).tap();
  await expect(line(page, 'per-2').locator('#bar-alc-2')).toHaveAttribute('aria-label', /, Tom Becker\./);
  expectNoErrors(errors);
});

test('Priorities: an initiative moves down by its button, as ↓ moves it', async ({ page }) => {
  const errors = collectErrors(page);
  await openApp(page, 'plan');
  const items = page.locator('.priorities__list > li');
  await expect(items).toHaveCount(5);
  const first = (await items.first().locator('.priority__title').textContent()).trim();
  const second = (await items.nth(1).locator('.priority__title').textContent()).trim();
  const last = (await items.last().locator('.priority__title').textContent()).trim();
  // No way up from the top, nor down from the bottom.
  await expect(page.getByRole('button', { name: `Move ${first} up` })).toBeDisabled();
  await expect(page.getByRole('button', { name: `Move ${last} down` })).toBeDisabled();
  await page.getByRole('button', { name: `Move ${first} down` }).tap();
  await expect(items.nth(1)).toHaveAttribute('aria-label', new RegExp(`^2\\. ${first}, pinned:`));
  await expect(items.first()).toHaveAttribute('aria-label', new RegExp(`^1\\. ${second}:`));
  await expect(page.getByRole('button', { name: `Move ${first} up` })).toBeEnabled();
  await expect(page.getByRole('button', { name: `Move ${second} up` })).toBeDisabled();
  await undoButton(page).tap();
  await expect(items.first()).toHaveAttribute('aria-label', new RegExp(`^1\\. ${first}:`));
  expectNoErrors(errors);
});

test('Work: a booking made by taps, moved by taps, and undone', async ({ page }) => {
  const errors = collectErrors(page);
  await openApp(page, 'work/act-8');
  const booking = page.getByRole('group', { name: 'Booking in progress' });
  const message = page.locator('.engagement-detail .book__message');
  // A person tapped proposes a booking from this week, as Enter does.
  await page.getByRole('button', { name: /^Aisha Khan 16 h free/ }).tap();
  await expect(booking).toContainText('Booking Aisha Khan, 2026-W48 to 2027-W05, 16 h a week.');
  await booking.getByRole('button', { name: 'Shorter' }).tap();
  await expect(booking).toContainText('Booking Aisha Khan, 2026-W48 to 2027-W04, 16 h a week.');
  await booking.getByRole('button', { name: 'Apply' }).tap();
  await expect(booking).toHaveCount(0);
  const booked = page.getByRole('button', { name: /^Aisha Khan · 16 h a week/ });
  await expect(booked).toHaveAttribute('aria-label', /^Aisha Khan · 16 h a week, 2026-W48 to 2027-W04\./);
  await expect(message).toHaveText(
    "Allocated Aisha Khan on 'Service desk and endpoint management', 16 h a week, 2026-W48 to 2027-W04",
  );

  // The bar tapped is picked up; a week tapped moves it there.
  await booked.tap();
  await expect(booking).toContainText('Moving Aisha Khan, 2026-W48 to 2027-W04, 16 h a week.');
  await page.locator('.wt-row--book .wt-cell[data-week="2026-W47"]').tap();
  await expect(booking).toContainText('Moving Aisha Khan, 2026-W47 to 2027-W03, 16 h a week.');
  await booking.getByRole('button', { name: 'Apply' }).tap();
  await expect(booked).toHaveAttribute('aria-label', /^Aisha Khan · 16 h a week, 2026-W47 to 2027-W03\./);
  await expect(message).toHaveText(
    "Moved Aisha Khan on 'Service desk and endpoint management', 16 h a week, 2026-W47 to 2027-W03",
  );

  // Cancel changes nothing; Undo takes the move back, then the booking.
  await booked.tap();
  await booking.getByRole('button', { name: 'Longer' }).tap();
  await booking.getByRole('button', { name: 'Cancel' }).tap();
  await expect(booking).toHaveCount(0);
  await expect(booked).toHaveAttribute('aria-label', /2026-W47 to 2027-W03\./);
  await undoButton(page).tap();
  await expect(booked).toHaveAttribute('aria-label', /2026-W48 to 2027-W04\./);
  await undoButton(page).tap();
  await expect(booked).toHaveCount(0);
  expectNoErrors(errors);
});
