// The ops plan: editing the goal and metrics, the health panel and its links,
// the computed priorities with pins (drag and keyboard), and the table's
// sorting and filtering.
import { test, expect } from '@playwright/test';
import {
  DEMO_NAME,
  collectErrors,
  expectNoErrors,
  exportPlan,
  focusBody,
  headerTitle,
  openApp,
  reloadApp,
  settle,
  undoButton,
  waitForSaved,
} from './helpers.mjs';

const priorities = (page) => page.locator('.priorities__list > li');
const healthCheck = (page, label) =>
  page.locator('.health__check').filter({ has: page.locator('.health__label', { hasText: label }) });

test('the goal is edited through its form, and undo restores it', async ({ page }) => {
  const errors = collectErrors(page);
  await openApp(page);
  await page.getByRole('link', { name: 'Edit goal and resources' }).click();
  await expect(page).toHaveURL(/#\/plan\/goal$/);
  const outcome = page.locator('form').getByLabel('Outcome (the one strategic goal)', { exact: true });
  await expect(outcome).toBeFocused();
  await outcome.fill('Onboard every new client in 5 days by March');
  await page.locator('form').getByLabel('Tooling (one per line)', { exact: true }).fill('HaloPSA\nIT Glue');
  await page.getByRole('button', { name: 'Save goal' }).click();
  await expect(page).toHaveURL(/#\/plan$/);
  await expect(page.locator('.goal__outcome')).toHaveText('Onboard every new client in 5 days by March');
  await expect(page.locator('.goal')).toContainText('HaloPSA, IT Glue');

  await focusBody(page);
  await page.keyboard.press('Control+z');
  await expect(page.locator('.goal__outcome')).toContainText('Cut client onboarding from 14 to 7 days');
  await page.keyboard.press('Control+Shift+z');
  await expect(page.locator('.goal__outcome')).toHaveText('Onboard every new client in 5 days by March');

  await settle(page);
  await reloadApp(page);
  await expect(page.locator('.goal__outcome')).toHaveText('Onboard every new client in 5 days by March');
  expectNoErrors(errors);
});

test('a bad horizon is refused with a message and changes nothing', async ({ page }) => {
  await openApp(page, 'plan/goal');
  await page.locator('form').getByLabel('Horizon length (weeks)', { exact: true }).fill('60');
  await page.getByRole('button', { name: 'Save goal' }).click();
  await expect(page.locator('.form__error')).toHaveText(
    'Horizon: use 13 or 26 weeks, or any length from 1 to 52',
  );
  await expect(undoButton(page)).toHaveAttribute('aria-label', 'Nothing to undo');
});

test('success metrics are added and edited, with a progress bar', async ({ page }) => {
  await openApp(page);
  await page.getByRole('link', { name: 'Add metric' }).click();
  await page.locator('form').getByLabel('Name', { exact: true }).fill('First-contact resolution');
  await page.locator('form').getByLabel('Unit', { exact: true }).fill('%');
  await page.locator('form').getByLabel('Baseline', { exact: true }).fill('60');
  await page.locator('form').getByLabel('Target', { exact: true }).fill('80');
  await page.locator('form').getByLabel('Current value', { exact: true }).fill('70');
  await page.getByRole('button', { name: 'Save metric' }).click();
  const meter = page.getByRole('meter', { name: /First-contact resolution/ });
  await expect(meter).toHaveAttribute('aria-valuenow', '50');

  await page.getByRole('link', { name: 'Edit the metric First-contact resolution' }).click();
  await page.locator('form').getByLabel('Current value', { exact: true }).fill('80');
  await page.getByRole('button', { name: 'Save metric' }).click();
  await expect(meter).toHaveAttribute('aria-valuenow', '100');
});

test('the health panel finds gaps and links to where they are fixed', async ({ page }) => {
  await openApp(page);
  await expect(page.locator('.health__summary')).toHaveText('5 of 5 components in place');

  // Take the owner away from one activity: the Owners check fails and links to it.
  await page.getByRole('link', { name: 'Edit Security baseline sign-off for new clients', exact: true }).click();
  await page.locator('form').getByLabel('Owner').selectOption({ label: 'No owner' });
  await page.getByRole('button', { name: 'Save initiative' }).click();
  await expect(page.locator('.health__summary')).toHaveText('4 of 5 components in place');
  const finding = healthCheck(page, 'Owners').getByRole('link', {
    name: "'Security baseline sign-off for new clients' has no owner.",
  });
  await finding.click();
  await expect(page).toHaveURL(/#\/plan\/activity\/act-5$/);
  await expect(page.getByRole('heading', { name: "Edit 'Security baseline sign-off for new clients'" })).toBeVisible();
});

test('a new empty plan shows every component as missing', async ({ page }) => {
  await openApp(page);
  await page.locator('#plan-switcher').selectOption('new');
  await expect(page.locator('.health__summary')).toHaveText('0 of 5 components in place');
  await healthCheck(page, 'Goal')
    .getByRole('link', { name: 'The plan has no strategic goal: write the outcome it exists for.' })
    .click();
  await expect(page).toHaveURL(/#\/plan\/goal$/);
});

test('a dependency loop is refused with the whole loop named', async ({ page }) => {
  await openApp(page, 'plan/activity/act-1');
  await page.getByRole('checkbox', { name: 'Pilot: onboard Fabrikam Legal in 7 days' }).check();
  await page.getByRole('button', { name: 'Save initiative' }).click();
  await expect(page.locator('.form__error')).toHaveText(
    'the dependencies form a loop: Map the current onboarding process → Pilot: onboard Fabrikam Legal in 7 days → ' +
      'Self-service intake form and checklist → Map the current onboarding process',
  );
});

test('a long activity gets its midpoint check-in proposed', async ({ page }) => {
  await openApp(page, 'plan/activity/new');
  await page.locator('form').getByLabel('Title', { exact: true }).fill('Migrate the file server');
  await page.locator('form').getByLabel('Start', { exact: true }).fill('2026-11-23');
  await page.locator('form').getByLabel('Deadline (hard)', { exact: true }).fill('2026-12-31');
  await expect(page.getByText('Proposed: 2026-12-14 (halfway, on the review day)')).toBeVisible();
  await page.getByRole('button', { name: 'Save initiative' }).click();
  await page.getByRole('link', { name: 'Edit Migrate the file server', exact: true }).click();
  await expect(page.locator('form').getByLabel('Midpoint check-in', { exact: true })).toHaveValue('2026-12-14');
});

test('priorities are explained, and a drag pins an activity that survives a reload', async ({ page }) => {
  const errors = collectErrors(page);
  await openApp(page);
  const list = priorities(page);
  await expect(list).toHaveCount(5); // the demo's done activity drops out
  await expect(list.first().locator('.priority__why')).toContainText('impact');
  const third = await list.nth(2).getAttribute('data-activity');
  await list.nth(2).dragTo(list.first());
  await expect(list.first()).toHaveAttribute('data-activity', third);
  await expect(list.first().locator('.tag--pinned')).toHaveText('pinned · computed #3');
  // The table shows the same place.
  await expect(page.locator(`tr[data-activity="${third}"] .activities__priority`)).toHaveText('1');

  await settle(page);
  await reloadApp(page);
  await expect(priorities(page).first()).toHaveAttribute('data-activity', third);
  await priorities(page).first().getByRole('button', { name: /^Unpin / }).click();
  await expect(priorities(page).nth(2)).toHaveAttribute('data-activity', third);
  // The unpinned activity keeps the focus at its computed place.
  await expect(priorities(page).nth(2)).toBeFocused();
  expectNoErrors(errors);
});

test('the keyboard moves an activity in the priority list, and undo puts it back', async ({ page }) => {
  await openApp(page);
  const list = priorities(page);
  const second = await list.nth(1).getAttribute('data-activity');
  await list.nth(1).focus();
  await page.keyboard.press('ArrowUp');
  await expect(list.first()).toHaveAttribute('data-activity', second);
  await expect(list.first()).toBeFocused();
  await focusBody(page);
  await page.keyboard.press('Control+z');
  await expect(list.nth(1)).toHaveAttribute('data-activity', second);
});

test('the activities table sorts by a column and filters by status and owner', async ({ page }) => {
  await openApp(page);
  const rows = page.locator('table.activities tbody tr');
  await expect(rows).toHaveCount(6);

  await page.getByRole('button', { name: 'Deadline' }).click();
  await expect(page.getByRole('columnheader', { name: 'Deadline' })).toHaveAttribute('aria-sort', 'ascending');
  await expect(rows.first()).toHaveAttribute('data-activity', 'act-1');
  await page.getByRole('button', { name: 'Deadline' }).click();
  await expect(rows.first()).toHaveAttribute('data-activity', 'act-6');

  await page.getByLabel('Status', { exact: true }).selectOption('Blocked');
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toHaveAttribute('data-activity', 'act-3');
  await page.getByLabel('Status', { exact: true }).selectOption('');
  await page.getByLabel('Owner', { exact: true }).selectOption({ label: 'Lena Novak' });
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toHaveAttribute('data-activity', 'act-6');
  await page.getByLabel('Client', { exact: true }).selectOption('internal');
  await expect(page.getByText('No initiative matches these filters.')).toBeVisible();

  await page.getByLabel('Client', { exact: true }).selectOption('');
  await page.getByLabel('Owner', { exact: true }).selectOption('');
  await page.getByLabel('Priority', { exact: true }).selectOption('3');
  await page.getByRole('button', { name: 'Priority' }).click();
  await expect(rows).toHaveCount(3);
  await expect(page.locator('table.activities tbody .activities__priority')).toHaveText(['1', '2', '3']);
});

test('an activity is deleted from the table, and undo brings it back', async ({ page }) => {
  await openApp(page);
  const rows = page.locator('table.activities tbody tr');
  await expect(rows).toHaveCount(6);
  const title = (await rows.first().locator('.activities__title').textContent()).trim();
  await rows.first().getByRole('button', { name: `Delete ${title}` }).click();
  await expect(rows).toHaveCount(5);
  await expect(page.locator('table.activities tbody')).not.toContainText(title);
  await focusBody(page);
  await page.keyboard.press('Control+z');
  await expect(rows).toHaveCount(6);
  await expect(rows.first().locator('.activities__title')).toHaveText(title);
});

test('risk thresholds are plan settings, checked when saved', async ({ page }) => {
  await openApp(page, 'plan/goal');
  const stale = page.locator('form').getByLabel('Stale after (days without movement)', { exact: true });
  await expect(stale).toHaveValue('8');
  await stale.fill('0');
  await page.getByRole('button', { name: 'Save goal' }).click();
  await expect(page.locator('.form__error')).toHaveText('work is stale after 1 to 365 days without movement');
  await stale.fill('10');
  await page.getByRole('button', { name: 'Save goal' }).click();
  await expect(page).toHaveURL(/#\/plan$/);
  const file = await exportPlan(page);
  expect(JSON.parse(file.text).plan.settings.stale_after_days).toBe(10);
});

test('"Suggest owner" ranks people by skills and free hours, and assigns in one undoable step', async ({ page }) => {
  await openApp(page, 'plan/activity/act-6');
  await page.getByRole('button', { name: 'Suggest owner' }).click();
  const suggestions = page.getByRole('region', { name: 'Suggested owners' }).locator('li');
  // Nobody holds both Azure and Intune at 2. James O'Connor (Intune 2) has
  // 16 h free a week beside the service desk in the pilot's four weeks, and
  // owns the intake form it depends on; Lena has as many hours free (her
  // own pilot hours aside) but nothing related; Tom has 14 h a week free.
  await expect(suggestions.first()).toContainText("James O'Connor");
  await expect(suggestions.first()).toContainText('short in Azure (has 0, needs 2) · 64 h free of 60 h needed · already on related work');
  await expect(suggestions.nth(1)).toContainText('Lena Novak');
  await expect(suggestions.nth(1)).toContainText('short in Microsoft Intune (has 0, needs 2) · 64 h free of 60 h needed');
  await expect(suggestions.nth(2)).toContainText('Tom Becker');
  await expect(suggestions.nth(2)).toContainText('56 h free of 60 h needed');
  await page.getByRole('button', { name: "Assign James O'Connor" }).click();
  await expect(page.locator('form').getByLabel('Owner', { exact: true })).toHaveValue('per-8');
  await expect(undoButton(page)).toHaveAttribute('aria-label', "Undo: Gave 'Pilot: onboard Fabrikam Legal in 7 days' to James O'Connor");
  await page.getByRole('link', { name: 'Cancel' }).click();
  await expect(page.locator('tr[data-activity="act-6"] .activities__owner')).toHaveText("James O'Connor");
  await undoButton(page).click();
  await expect(page.locator('tr[data-activity="act-6"] .activities__owner')).toHaveText('Lena Novak');
});

test('the plan is renamed from the header, which keeps the focus, and undo restores the name', async ({ page }) => {
  const errors = collectErrors(page);
  await openApp(page);
  const button = page.getByRole('button', { name: 'Rename the plan' });
  await button.click();
  const name = page.getByRole('textbox', { name: 'Plan name' });
  await expect(name).toBeFocused();
  await expect(name).toHaveValue(DEMO_NAME);
  // Escape leaves it as it was, back on the button.
  await name.fill('Not this one');
  await name.press('Escape');
  await expect(headerTitle(page)).toHaveText(DEMO_NAME);
  await expect(button).toBeFocused();
  await expect(undoButton(page)).toBeDisabled();

  // A name is needed.
  await button.press('Enter');
  await name.fill('   ');
  await name.press('Enter');
  await expect(page.getByRole('alert').filter({ hasText: 'Not renamed' })).toHaveText('Not renamed: the plan needs a name');
  await expect(name).toHaveAttribute('aria-invalid', 'true');
  await expect(name).toBeFocused();

  const renamed = 'Ops plan and book of work';
  await name.fill(renamed);
  await name.press('Enter');
  await expect(headerTitle(page)).toHaveText(renamed);
  await expect(button).toBeFocused();
  await expect(page.locator('#plan-switcher option:checked')).toHaveText(renamed);
  await expect(undoButton(page)).toHaveAttribute('aria-label', `Undo: Renamed the plan to '${renamed}'`);

  await focusBody(page);
  await page.keyboard.press('Control+z');
  await expect(headerTitle(page)).toHaveText(DEMO_NAME);
  await expect(page.locator('#plan-switcher option:checked')).toHaveText(DEMO_NAME);
  await page.keyboard.press('Control+Shift+z');
  await expect(headerTitle(page)).toHaveText(renamed);
  // Kept: a reload opens it under its new name.
  await waitForSaved(page, renamed);
  await reloadApp(page);
  await expect(headerTitle(page)).toHaveText(renamed);
  expectNoErrors(errors);
});
