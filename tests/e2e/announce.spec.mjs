// What a screen reader hears after a move: every drop, keyboard move, undo
// and redo says what changed in the page's polite live region, in words,
// whichever way it was made. (The keyboard moves of the Capacity view are
// covered step by step in capacity.spec.mjs.)
import { test, expect } from '@playwright/test';
import { collectErrors, expectNoErrors, focusBody, openApp } from './helpers.mjs';

const live = (page) => page.locator('[role="status"][aria-live="polite"]').first();

test.use({ viewport: { width: 1400, height: 2000 } });

test('a drop on the Capacity timeline, onto a person or an open role, is announced, and so are undo and redo', async ({ page }) => {
  const errors = collectErrors(page);
  await openApp(page, 'capacity');
  await page.getByRole('radio', { name: 'All open' }).check();
  await page.dragAndDrop('.work[data-id="act-4"]', '[data-person="per-4"] .cell[data-col="2"]');
  await expect(live(page)).toHaveText(
    "Allocated Marcus Hill on 'Self-service intake form and checklist', 7 h a week, 2026-W48 to 2026-W51",
  );
  await focusBody(page);
  await page.keyboard.press('Control+z');
  await expect(live(page)).toHaveText(
    "Undone: Allocated Marcus Hill on 'Self-service intake form and checklist', 7 h a week, 2026-W48 to 2026-W51",
  );
  await page.keyboard.press('Control+Shift+z');
  await expect(live(page)).toHaveText(/^Redone: Allocated Marcus Hill/);

  // A bar moved onto the open role of the hiring plan: Lena's 12 h a week
  // on the pilot.
  await page.dragAndDrop('#bar-alc-8', '[data-role="rol-1"] .cell[data-col="9"]', { sourcePosition: { x: 4, y: 4 } });
  await expect(live(page)).toHaveText(/the open role Cloud Engineer on 'Pilot: onboard Fabrikam Legal in 7 days', 12 h a week, 2027-W02 to 2027-W05$/);
  expectNoErrors(errors);
});

test('a card dragged on the Board is announced with its new status', async ({ page }) => {
  const errors = collectErrors(page);
  await openApp(page, 'board');
  await page.dragAndDrop('#card-act-5', '.board__column--in-progress');
  await expect(live(page)).toHaveText("Moved 'Security baseline sign-off for new clients' to In progress");
  expectNoErrors(errors);
});
