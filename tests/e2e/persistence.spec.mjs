// Edits are kept in browser storage: they survive a reload, and the plan
// switcher opens, switches and remembers plans.
import { test, expect } from '@playwright/test';
import {
  DEMO_ACTIVITIES,
  DEMO_GOAL,
  DEMO_NAME,
  collectErrors,
  expectNoErrors,
  goTo,
  headerTitle,
  openApp,
  reloadApp,
  waitForSaved,
} from './helpers.mjs';

test('an activity edited in the Plan view survives a reload', async ({ page }) => {
  const errors = collectErrors(page);
  await openApp(page);
  const original = DEMO_ACTIVITIES[0];
  const renamed = 'Map the onboarding process end to end';

  await page.getByRole('link', { name: `Edit ${original.title}`, exact: true }).click();
  const title = page.getByRole('textbox', { name: /^Title/ });
  await expect(title).toBeFocused();
  await expect(title).toHaveValue(original.title);
  await title.fill(renamed);
  await page.getByRole('button', { name: 'Save initiative' }).click();

  const row = page.locator(`tr[data-activity="${original.id}"]`);
  await expect(row.getByRole('rowheader')).toHaveText(renamed);
  await expect(page.getByRole('button', { name: 'Save initiative' })).toHaveCount(0);
  await waitForSaved(page, renamed);

  await reloadApp(page);
  await expect(row.getByRole('rowheader')).toHaveText(renamed);
  await expect(row.locator('.activities__owner')).toHaveText(original.owner);
  await expect(page.locator('table.activities tbody tr')).toHaveCount(DEMO_ACTIVITIES.length);
  await expect(page.getByRole('rowheader', { name: original.title, exact: true })).toHaveCount(0);
  expectNoErrors(errors);
});

test('a person added in the People view survives a reload', async ({ page }) => {
  const errors = collectErrors(page);
  await openApp(page, 'people');
  const people = page.locator('.people tbody tr');
  await expect(people.first()).toBeVisible();
  const before = await people.count();

  await page.getByRole('button', { name: 'Add person' }).click();
  const name = page.getByRole('textbox', { name: /^Name/ });
  await expect(name).toBeFocused();
  await name.fill('Grace Okafor');
  await page.getByRole('textbox', { name: 'Role', exact: true }).fill('Network Engineer');
  await page.getByRole('textbox', { name: 'Team', exact: true }).fill('Cloud');
  await page.getByRole('button', { name: 'Save person' }).click();

  const added = page.locator('.people tbody tr').filter({
    has: page.getByRole('rowheader', { name: 'Grace Okafor', exact: true }),
  });
  await expect(people).toHaveCount(before + 1);
  await expect(added.getByRole('cell').first()).toHaveText('Network Engineer');
  await waitForSaved(page, 'Grace Okafor');

  await reloadApp(page);
  await expect(people).toHaveCount(before + 1);
  await expect(added.getByRole('cell').first()).toHaveText('Network Engineer');
  await expect(added.getByRole('cell').nth(1)).toHaveText('Cloud');
  expectNoErrors(errors);
});

test('plan switcher: new empty plan, back to the demo, reload opens the last one', async ({ page }) => {
  const errors = collectErrors(page);
  await openApp(page);
  const switcher = page.locator('#plan-switcher');
  await expect(page.getByLabel('Switch plan')).toBeVisible();
  await expect(headerTitle(page)).toHaveText(DEMO_NAME);
  const demoId = await switcher.inputValue();
  expect(demoId).toMatch(/^plan-\d+$/);
  await waitForSaved(page, DEMO_NAME);

  await switcher.selectOption('new');
  await expect(headerTitle(page)).toHaveText('New plan');
  await expect(page.locator('#goal-title')).toHaveText('No strategic goal yet.');
  await expect(page.locator('table.activities tbody tr')).toHaveCount(0);
  await expect(page.getByText('No initiatives yet.')).toBeVisible();
  const newId = await switcher.inputValue();
  expect(newId).toMatch(/^plan-\d+$/);
  expect(newId).not.toBe(demoId);
  // Both plans are offered, plus the two actions.
  await expect(switcher.locator('option')).toHaveText([
    DEMO_NAME,
    'New plan',
    '+ New empty plan',
    '↺ Reset demo (opens a fresh copy)',
  ]);

  // The new plan is remembered as the one opened last.
  await waitForSaved(page, '"name":"New plan"');
  await reloadApp(page);
  await expect(headerTitle(page)).toHaveText('New plan');
  await expect(switcher).toHaveValue(newId);

  // Back to the demo: its content is all there.
  await switcher.selectOption(demoId);
  await expect(headerTitle(page)).toHaveText(DEMO_NAME);
  await expect(page.locator('#goal-title')).toContainText(DEMO_GOAL);
  await expect(page.locator('table.activities tbody tr')).toHaveCount(DEMO_ACTIVITIES.length);

  await waitForSaved(page, DEMO_NAME);
  await reloadApp(page);
  await expect(headerTitle(page)).toHaveText(DEMO_NAME);
  await expect(switcher).toHaveValue(demoId);
  await expect(page.locator('table.activities tbody tr')).toHaveCount(DEMO_ACTIVITIES.length);

  // The Files view lists both stored plans and marks the open one.
  await goTo(page, 'Files');
  const stored = page.locator('.stored__plan');
  await expect(stored).toHaveCount(2);
  await expect(stored.filter({ hasText: DEMO_NAME }).locator('.tag')).toHaveText('open');
  await expect(stored.locator('.tag')).toHaveCount(1);
  await expect(page.getByRole('button', { name: 'Open New plan' })).toBeEnabled();
  expectNoErrors(errors);
});
