// Compare and merge: a plan file sent back is compared with the open plan,
// changes are picked one by one, and taking them is one undoable edit.
import { test, expect } from '@playwright/test';
import {
  collectErrors,
  expectNoErrors,
  exportPlan,
  focusBody,
  importDialog,
  importError,
  openApp,
  pickFile,
} from './helpers.mjs';

const mergeDialog = (page, name) => page.getByRole('dialog', { name: `Compare with “${name}”` });
const row = (dialog, text) => dialog.locator('.merge__change').filter({ hasText: text });

async function compareFile(page, name, text) {
  await pickFile(page, name, text);
  await importDialog(page).getByRole('button', { name: 'Compare and merge…' }).click();
  const dialog = mergeDialog(page, name);
  await expect(dialog).toBeVisible();
  return dialog;
}

test('a file sent back merges three-way: only their changes, conflicts left as ours, one undo', async ({ page }) => {
  const errors = collectErrors(page);
  await openApp(page, 'files');
  const sent = await exportPlan(page);
  const file = JSON.parse(sent.text);
  expect(file.origin.id).toMatch(/^[a-z0-9]{12}$/);
  expect(file.origin.revisions).toHaveLength(1);

  // Meanwhile we change the goal here.
  await page.goto('./?today=2026-11-23#/plan/goal');
  await page.locator('form').getByLabel('Outcome (the one strategic goal)', { exact: true }).fill('Ours: onboarding in 5 days');
  await page.getByRole('button', { name: 'Save goal' }).click();
  await expect(page.locator('.goal__outcome')).toHaveText('Ours: onboarding in 5 days');

  // The client changed a title, an allocation and the goal too, and their
  // Opsboard exported it as a new revision.
  file.plan.activities.find((activity) => activity.id === 'act-4').title = 'Self-service intake portal';
  file.plan.allocations.find((allocation) => allocation.id === 'alc-2').hours_per_week = 28;
  file.plan.goal.outcome = 'Theirs: onboarding in 6 days';
  file.origin.revisions.unshift('client1');
  await page.goto('./?today=2026-11-23#/files');
  const dialog = await compareFile(page, 'returned.opsboard.json', JSON.stringify(file, null, 2));

  await expect(dialog).toContainText('only what the file changed since then is listed (3)');
  await expect(dialog).toContainText('1 of them changed what you changed too');
  const title = row(dialog, 'title: Self-service intake form and checklist → Self-service intake portal');
  await expect(title.getByRole('checkbox')).toBeChecked();
  const hours = row(dialog, 'Allocation: Tom Becker on “Standard Azure landing zone in Terraform”');
  await expect(hours).toContainText('hours per week: 14 → 28 (+14)');
  await expect(hours.getByRole('checkbox')).toBeChecked();
  const goal = row(dialog, 'goal outcome: Ours: onboarding in 5 days → Theirs: onboarding in 6 days');
  await expect(goal).toContainText('both changed');
  await expect(goal.getByRole('checkbox')).not.toBeChecked();
  await expect(dialog.getByText('2 of 3 picked')).toBeVisible();

  // Leave the hours, take the title.
  await hours.getByRole('checkbox').uncheck();
  await dialog.getByRole('button', { name: 'Take 1 change' }).click();
  await expect(dialog).toBeHidden();

  await page.goto('./?today=2026-11-23#/plan');
  await expect(page.locator('.goal__outcome')).toHaveText('Ours: onboarding in 5 days');
  await expect(page.getByText('Self-service intake portal').first()).toBeVisible();
  await focusBody(page);
  await page.keyboard.press('Control+z');
  await expect(page.getByText('Self-service intake form and checklist').first()).toBeVisible();
  await expect(page.getByText('Self-service intake portal')).toHaveCount(0);

  // The next export remembers both sides' revisions.
  const next = JSON.parse((await exportPlan(page)).text);
  expect(next.origin.id).toBe(file.origin.id);
  expect(next.origin.revisions).toContain('client1');
  expect(next.origin.revisions).toContain(file.origin.revisions[1]);
  expectNoErrors(errors);
});

test('an unrelated file compares two-way: nothing is picked, and a change that cannot stand alone is refused', async ({ page }) => {
  const errors = collectErrors(page);
  await openApp(page, 'files');
  // The same plan from elsewhere: no lineage in common, with an initiative
  // (the demo's activities end at act-20, its allocations at alc-44) and its
  // allocation added.
  const file = JSON.parse((await exportPlan(page)).text);
  delete file.origin;
  const activity = structuredClone(file.plan.activities.find((item) => item.id === 'act-4'));
  Object.assign(activity, { id: 'act-21', title: 'Runbook for new clients', depends_on: [] });
  file.plan.activities.push(activity);
  const allocation = structuredClone(file.plan.allocations.find((item) => item.id === 'alc-5'));
  Object.assign(allocation, { id: 'alc-45', activity: 'act-21' });
  file.plan.allocations.push(allocation);

  const dialog = await compareFile(page, 'other.opsboard.json', JSON.stringify(file));
  await expect(dialog).toContainText('No common version of these plans is kept in this browser');
  await expect(dialog.getByRole('heading', { name: 'Activities' })).toBeVisible();
  await expect(dialog.getByRole('heading', { name: 'Allocations' })).toBeVisible();
  await expect(dialog.getByText('0 of 2 picked')).toBeVisible();
  await expect(dialog.getByRole('button', { name: 'Take 0 changes' })).toBeDisabled();

  await row(dialog, 'Allocation: James O\'Connor on “Runbook for new clients”').getByRole('checkbox').check();
  await dialog.getByRole('button', { name: 'Take 1 change' }).click();
  await expect(dialog.getByRole('alert')).toContainText('allocation to act-21, which is not in the plan');
  await expect(dialog).toBeVisible();

  await dialog.getByRole('button', { name: 'Take all' }).click();
  await dialog.getByRole('button', { name: 'Take 2 changes' }).click();
  await expect(dialog).toBeHidden();
  await page.goto('./?today=2026-11-23#/plan');
  await expect(page.getByText('Runbook for new clients').first()).toBeVisible();
  expectNoErrors(errors);
});

test('a client copy cannot be compared without the copy it was made from', async ({ page }) => {
  await openApp(page, 'files');
  const file = JSON.parse((await exportPlan(page)).text);
  delete file.origin;
  file.profile = 'client-safe';
  await pickFile(page, 'client.opsboard.json', JSON.stringify(file));
  await importDialog(page).getByRole('button', { name: 'Compare and merge…' }).click();
  await expect(importError(page)).toContainText('This is a client-safe copy');
  await expect(importError(page)).toContainText('Your current plan was not changed.');
});
