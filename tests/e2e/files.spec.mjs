// Plan files: export, import (replace or open as new), bad files refused with
// a precise reason, and files dropped anywhere on the page.
import { test, expect } from '@playwright/test';
import {
  DEMO_FILE_NAME,
  DEMO_NAME,
  collectErrors,
  column,
  dropFile,
  expectNoErrors,
  exportPlan,
  goTo,
  headerTitle,
  importDialog,
  importError,
  openApp,
  pickFile,
  reloadApp,
  settle,
  undoButton,
} from './helpers.mjs';

// An exported plan carries its lineage ("origin") for later merges.
const ENVELOPE_START = '{\n  "format": "opsboard-plan",\n  "version": 5,\n  "origin": {\n    "id": "';

test('export then import (replace) gives the same plan, byte for byte', async ({ page }) => {
  const errors = collectErrors(page);
  await openApp(page, 'board');
  const exported = await exportPlan(page);
  expect(exported.name).toBe(DEMO_FILE_NAME);
  expect(exported.text.startsWith(ENVELOPE_START)).toBe(true);
  const file = JSON.parse(exported.text);
  expect(file.format).toBe('opsboard-plan');
  expect(file.version).toBe(5);
  expect(file.plan.name).toBe(DEMO_NAME);
  // The ops plan's 6 initiatives and the book of work's 14 engagements.
  expect(file.plan.activities).toHaveLength(20);

  // Exporting twice without a change gives the same bytes.
  expect((await exportPlan(page)).text).toBe(exported.text);

  // Change the plan, then replace it with the exported file.
  await page.locator('#card-act-5').focus();
  await page.keyboard.press('ArrowRight');
  await expect(column(page, 'in-progress').locator('#card-act-5')).toBeVisible();
  expect((await exportPlan(page)).text).not.toBe(exported.text);

  await goTo(page, 'Files');
  await pickFile(page, exported.name, exported.text);
  const dialog = importDialog(page);
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText(
    `"${DEMO_FILE_NAME}" holds the plan "${DEMO_NAME}": 6 initiatives, 14 pieces of the book of work, 15 people.`,
  );
  const replace = dialog.getByRole('button', { name: 'Replace the current plan' });
  await expect(replace).toBeFocused();
  await replace.click();
  await expect(dialog).toHaveCount(0);
  await expect(importError(page)).toHaveCount(0);

  const again = await exportPlan(page);
  expect(again.name).toBe(DEMO_FILE_NAME);
  expect(again.text).toBe(exported.text);

  // Replacing is undoable: the card move comes back.
  await expect(undoButton(page)).toHaveAttribute('aria-label', /^Undo: /);
  await undoButton(page).click();
  await goTo(page, 'Board');
  await expect(column(page, 'in-progress').locator('#card-act-5')).toBeVisible();
  expectNoErrors(errors);
});

test('"Open as a new plan" adds a second plan to the switcher and the Files view', async ({ page }) => {
  const errors = collectErrors(page);
  await openApp(page, 'files');
  const switcher = page.locator('#plan-switcher');
  const firstId = await switcher.inputValue();
  const exported = await exportPlan(page);
  const planOptions = switcher.locator('option:not([value="new"]):not([value="demo"])');
  await expect(planOptions).toHaveCount(1);
  await expect(page.locator('.stored__plan')).toHaveCount(1);

  await pickFile(page, exported.name, exported.text);
  await importDialog(page).getByRole('button', { name: 'Open as a new plan' }).click();
  await expect(importDialog(page)).toHaveCount(0);

  await expect(planOptions).toHaveCount(2);
  await expect(planOptions).toHaveText([DEMO_NAME, DEMO_NAME]);
  await expect(switcher).not.toHaveValue(firstId);
  await expect(headerTitle(page)).toHaveText(DEMO_NAME);
  const stored = page.locator('.stored__plan');
  await expect(stored).toHaveCount(2);
  await expect(stored.locator('.tag')).toHaveText(['open']);
  await expect(page.getByRole('button', { name: `Open ${DEMO_NAME}` }).and(page.locator(':enabled'))).toHaveCount(1);

  // The new plan is the imported one under a new id; everything else is equal.
  const copy = JSON.parse((await exportPlan(page)).text);
  const original = JSON.parse(exported.text);
  expect(copy.plan.id).not.toBe(original.plan.id);
  expect({ ...copy.plan, id: original.plan.id }).toEqual(original.plan);

  // Both plans are kept after a reload.
  await reloadApp(page);
  await expect(page.locator('.stored__plan')).toHaveCount(2);
  await expect(planOptions).toHaveCount(2);

  // The list opens the first plan again, then deletes the copy.
  await page.getByRole('button', { name: `Open ${DEMO_NAME}` }).and(page.locator(':enabled')).click();
  await expect(switcher).toHaveValue(firstId);
  await expect(stored.locator('.tag')).toHaveCount(1);
  await page.getByRole('button', { name: `Delete ${DEMO_NAME} from this browser` }).and(page.locator(':enabled')).click();
  await expect(stored).toHaveCount(1);
  await expect(planOptions).toHaveCount(1);
  await expect(switcher).toHaveValue(firstId);
  expectNoErrors(errors);
});

/** Bad files: each is refused with its reason, and the plan stays as it was. */
const BAD_FILES = [
  {
    what: 'not JSON at all',
    name: 'notes.txt',
    text: () => 'this is not a plan, just some notes\n',
    reason: [/not valid JSON/, /line 1, column \d+/],
  },
  {
    what: 'JSON that is not a plan',
    name: 'budget.json',
    text: () => '{"name":"budget"}',
    reason: [/not an Opsboard plan file/, /"format"/],
  },
  {
    what: 'a plan file of a newer version',
    name: 'future.opsboard.json',
    text: () => '{"format":"opsboard-plan","version":6,"plan":{}}',
    reason: [/newer Opsboard/, /version 6/],
  },
  {
    what: 'a plan that breaks a rule (unknown owner)',
    name: 'broken-owner.opsboard.json',
    text: (exported) => {
      const file = JSON.parse(exported);
      file.plan.activities.find((activity) => activity.id === 'act-5').owner = 'per-99';
      return JSON.stringify(file, null, 2);
    },
    reason: [/per-99/],
    path: 'plan.activities[act-5].owner',
  },
];

for (const bad of BAD_FILES) {
  test(`a bad file is refused with its reason: ${bad.what}`, async ({ page }) => {
    const errors = collectErrors(page);
    await openApp(page, 'files');
    const before = await exportPlan(page);

    await pickFile(page, bad.name, bad.text(before.text));
    const error = importError(page);
    await expect(error).toBeVisible();
    await expect(error).toHaveAttribute('role', 'alert');
    await expect(error.getByRole('heading')).toHaveText(`"${bad.name}" was not opened`);
    for (const reason of bad.reason) {
      await expect(error.locator('.import-error__message')).toContainText(reason);
    }
    if (bad.path) {
      await expect(error.getByText('Field:')).toContainText(bad.path);
      await expect(error.locator('code')).toHaveText(bad.path);
      await expect(error.locator('.import-error__message')).toContainText(bad.path);
    }
    await expect(error).toContainText('Your current plan was not changed.');
    await settle(page);
    await expect(importDialog(page)).toHaveCount(0);
    await expect(page.locator('.dialog')).toHaveCount(0);

    const after = await exportPlan(page);
    expect(after.name).toBe(before.name);
    expect(after.text).toBe(before.text);
    await expect(undoButton(page)).toBeDisabled();

    await error.getByRole('button', { name: 'Dismiss' }).click();
    await expect(error).toHaveCount(0);
    expectNoErrors(errors);
  });
}

test('a good file picked after a bad one clears the error and opens the dialog', async ({ page }) => {
  await openApp(page, 'files');
  const exported = await exportPlan(page);
  await pickFile(page, 'budget.json', '{"name":"budget"}');
  await expect(importError(page)).toBeVisible();
  await pickFile(page, exported.name, exported.text);
  await expect(importDialog(page)).toBeVisible();
  await expect(importError(page)).toHaveCount(0);
  await importDialog(page).getByRole('button', { name: 'Cancel' }).click();
  await expect(importDialog(page)).toHaveCount(0);
  expect((await exportPlan(page)).text).toBe(exported.text);
});

test('a plan file dropped on the page opens the import dialog', async ({ page }) => {
  const errors = collectErrors(page);
  await openApp(page, 'board');
  const exported = await exportPlan(page);
  const renamed = JSON.parse(exported.text);
  renamed.plan.name = 'Dropped plan';
  const text = JSON.stringify(renamed, null, 2);

  // Dropped on the Board (not the Files view): the dialog opens anyway.
  await dropFile(page, 'dropped.opsboard.json', text);
  const dialog = importDialog(page);
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText('"dropped.opsboard.json" holds the plan "Dropped plan"');

  // Cancel leaves the plan alone.
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(headerTitle(page)).toHaveText(DEMO_NAME);
  expect((await exportPlan(page)).text).toBe(exported.text);

  // Dropped again and replaced: the plan takes the file's content.
  await dropFile(page, 'dropped.opsboard.json', text);
  await dialog.getByRole('button', { name: 'Replace the current plan' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(headerTitle(page)).toHaveText('Dropped plan');
  expectNoErrors(errors);
});

test('a bad file dropped outside the Files view shows its error there', async ({ page }) => {
  await openApp(page, 'plan');
  const before = await exportPlan(page);
  await dropFile(page, 'future.opsboard.json', '{"format":"opsboard-plan","version":6,"plan":{}}');
  const error = importError(page);
  await expect(error).toBeVisible();
  await expect(error).toContainText('newer Opsboard');
  await settle(page);
  await expect(importDialog(page)).toHaveCount(0);
  expect((await exportPlan(page)).text).toBe(before.text);
});
