// A plan linked to a file on disk (File System Access API): every change is
// written to the file, changes other planners write are merged in without
// asking, the same field changed two ways is asked about before anything is
// written, and the link survives a reload. The native pickers cannot be
// driven, so they are stubbed with a file of the Origin Private File System,
// which both pages of one browser context share, as two planners share a
// synced folder.
import { test, expect } from '@playwright/test';
import { TODAY, collectErrors, column, expectNoErrors, goTo, openApp, reloadApp } from './helpers.mjs';

const FILE = 'team.opsboard.json';
const NAME_FIELD = "Your name, shown to others in the file's recent changes";
const MERGE_DIALOG = `Compare with “${FILE}”`;

/** Two initiatives of the demo that start not started, by id and title. */
const SIGN_OFF = { id: 'act-5', title: 'Security baseline sign-off for new clients' };
const PILOT = { id: 'act-6', title: 'Pilot: onboard Fabrikam Legal in 7 days' };

// A merge from another page arrives on a read every 5 seconds.
test.describe.configure({ timeout: 60_000 });

test.beforeEach(async ({ context }) => {
  await context.addInitScript((name) => {
    const file = async () => (await navigator.storage.getDirectory()).getFileHandle(name, { create: true });
    window.showSaveFilePicker = async () => file();
    window.showOpenFilePicker = async () => [await file()];
  }, FILE);
});

/**
 * The file's text as it is on disk, read from the page. A read that meets
 * the app's write replacing the file (`NotFoundError` or `NotReadableError`
 * from the snapshot taken just before) is read again.
 */
async function fileText(page) {
  for (let attempt = 1; ; attempt += 1) {
    const read = await page.evaluate(async (name) => {
      try {
        const directory = await navigator.storage.getDirectory();
        const file = await (await directory.getFileHandle(name, { create: true })).getFile();
        return { text: await file.text() };
      } catch (error) {
        if (error.name !== 'NotFoundError' && error.name !== 'NotReadableError') throw error;
        return null;
      }
    }, FILE);
    if (read) return read.text;
    if (attempt === 5) throw new Error(`${FILE} was being replaced on each of 5 reads`);
    await page.waitForTimeout(50);
  }
}

/** The file's plan; `null` while it is empty. */
async function readFile(page) {
  const text = await fileText(page);
  return text ? JSON.parse(text) : null;
}

/** An activity's status in the file (`not_started`, `done`, ...). */
async function statusInFile(page, id) {
  const file = await readFile(page);
  return file?.plan.activities.find((activity) => activity.id === id).status;
}

function headerFile(page) {
  return page.locator('.app-header__file');
}

/** Gives the planner's name in the Files view. */
async function giveName(page, name) {
  await openApp(page, 'files');
  await page.getByLabel(NAME_FIELD).fill(name);
}

/** Saves the open plan to the file as `name` and waits for the link. */
async function saveToFile(page, name) {
  await giveName(page, name);
  await page.getByRole('button', { name: 'Save to file…' }).click();
  await expect(headerFile(page)).toHaveText(new RegExp(`^${FILE} · written \\d\\d:\\d\\d$`));
}

/** Opens the file as `name` and waits for the link. */
async function openFile(page, name) {
  await giveName(page, name);
  await page.getByRole('button', { name: 'Open plan file…' }).click();
  await expect(headerFile(page)).toContainText(FILE);
}

/** Moves an initiative on the Board with its Move menu. */
async function move(page, activity, status) {
  if (!page.url().endsWith('#/board')) await goTo(page, 'Board');
  await page.getByRole('combobox', { name: `Move ${activity.title} to` }).selectOption(status);
  await expect(column(page, status).locator(`#card-${activity.id}`)).toBeVisible();
}

function onBoard(page, activity, status) {
  return column(page, status).locator(`#card-${activity.id}`);
}

test('Save to file… writes the plan with who wrote it, and an edit is written a moment later', async ({ page }) => {
  const errors = collectErrors(page);
  await saveToFile(page, 'Dana');
  const saved = await readFile(page);
  expect(saved.format).toBe('opsboard-plan');
  expect(saved.plan.name).toBe('Faster client onboarding');
  expect(saved.edits[0].by).toBe('Dana');
  expect(saved.edits[0].at).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
  await expect(page.locator('.link__edits')).toContainText('Dana');

  await move(page, SIGN_OFF, 'done');
  await expect(headerFile(page)).toContainText('changes not written yet');
  await expect.poll(() => statusInFile(page, SIGN_OFF.id), { timeout: 3_000 }).toBe('done');
  await expect(headerFile(page)).toHaveText(new RegExp(`^${FILE} · written \\d\\d:\\d\\d$`));
  const written = await readFile(page);
  expect(written.edits).toHaveLength(2);
  expect(written.edits[0].by).toBe('Dana');
  expect(written.edits[0].what).toContain(SIGN_OFF.title);

  // The Files view lists the file's recent changes, newest first.
  await goTo(page, 'Files');
  const rows = page.locator('.link__edit');
  await expect(rows).toHaveCount(2);
  await expect(rows.first()).toContainText(SIGN_OFF.title);
  await expect(rows.last()).toContainText('Saved the plan to this file');
  expectNoErrors(errors);
});

test("another planner's edit is merged without asking, and the file keeps both", async ({ context, page }) => {
  const errors = collectErrors(page);
  await saveToFile(page, 'Dana');
  await move(page, SIGN_OFF, 'done');
  await expect.poll(() => statusInFile(page, SIGN_OFF.id)).toBe('done');

  const other = await context.newPage();
  const otherErrors = collectErrors(other);
  await openFile(other, 'Sam');
  await expect(other.locator('.app-header__title')).toHaveText('Faster client onboarding');
  await move(other, PILOT, 'in-progress');
  await expect.poll(() => statusInFile(other, PILOT.id)).toBe('in_progress');

  // The first page reads the file within a few seconds and merges Sam's
  // change on its own.
  const notice = page.locator('.notice--info');
  await expect(notice).toContainText(`1 change by Sam merged from ${FILE}`, { timeout: 15_000 });
  await expect(notice).toContainText(PILOT.title);
  await expect(page.locator('[role="status"][aria-live="polite"]')).toContainText(`1 change by Sam merged from ${FILE}`);
  await expect(onBoard(page, PILOT, 'in-progress')).toBeVisible();
  await expect(onBoard(page, SIGN_OFF, 'done')).toBeVisible();
  // It is one undoable edit.
  await expect(page.locator('.app-header__actions button').filter({ hasText: 'Undo' })).toHaveAttribute(
    'aria-label',
    `Undo: Took 1 change from '${FILE}'`,
  );

  const file = await readFile(page);
  expect(file.plan.activities.find((activity) => activity.id === SIGN_OFF.id).status).toBe('done');
  expect(file.plan.activities.find((activity) => activity.id === PILOT.id).status).toBe('in_progress');
  expect(file.edits.map((edit) => edit.by)).toEqual(['Sam', 'Dana', 'Dana']);
  expectNoErrors(errors);
  expectNoErrors(otherErrors);
});

test('two planners editing different things at once both keep their edits', async ({ context, page }) => {
  const errors = collectErrors(page);
  await saveToFile(page, 'Dana');
  const other = await context.newPage();
  const otherErrors = collectErrors(other);
  await openFile(other, 'Sam');
  await goTo(page, 'Board');
  await goTo(other, 'Board');

  // No wait between the two edits: both are written within the same moment.
  await Promise.all([move(page, SIGN_OFF, 'done'), move(other, PILOT, 'blocked')]);

  for (const each of [page, other]) {
    await expect(onBoard(each, SIGN_OFF, 'done')).toBeVisible({ timeout: 15_000 });
    await expect(onBoard(each, PILOT, 'blocked')).toBeVisible({ timeout: 15_000 });
  }
  await expect.poll(() => statusInFile(page, SIGN_OFF.id)).toBe('done');
  await expect.poll(() => statusInFile(page, PILOT.id)).toBe('blocked');
  const names = (await readFile(page)).edits.map((edit) => edit.by);
  expect(names).toContain('Sam');
  expect(names.filter((name) => name === 'Dana').length).toBeGreaterThanOrEqual(2);
  expectNoErrors(errors);
  expectNoErrors(otherErrors);
});

test('the same field changed two ways is asked about, and the file is not written over until then', async ({ context, page }) => {
  const errors = collectErrors(page);
  await saveToFile(page, 'Dana');
  const other = await context.newPage();
  const otherErrors = collectErrors(other);
  await openFile(other, 'Sam');
  await goTo(page, 'Board');
  await goTo(other, 'Board');

  await Promise.all([move(page, SIGN_OFF, 'done'), move(other, SIGN_OFF, 'blocked')]);

  // One of them writes first; the other finds the file changed in the same
  // field and is asked.
  const asked = async () => {
    for (const [each, status] of [[page, 'done'], [other, 'blocked']]) {
      if (await each.getByRole('dialog', { name: MERGE_DIALOG }).isVisible()) return { each, status };
    }
    return null;
  };
  await expect.poll(async () => (await asked()) !== null, { timeout: 15_000 }).toBe(true);
  const { each: askedPage, status: askedWants } = await asked();
  const firstWrote = askedWants === 'done' ? 'blocked' : 'done';
  const dialog = askedPage.getByRole('dialog', { name: MERGE_DIALOG });
  const conflict = dialog.locator('.merge__change--conflict');
  await expect(conflict).toContainText('both changed');
  await expect(conflict).toContainText(SIGN_OFF.title);
  await expect(headerFile(askedPage)).toContainText('file changed by others, review');

  // Until the choice is applied the file keeps the first write.
  await askedPage.waitForTimeout(2_000);
  expect(await statusInFile(askedPage, SIGN_OFF.id)).toBe(firstWrote.replace('-', '_'));

  // Take theirs: then the file and both pages agree.
  await conflict.getByRole('checkbox').check();
  // Their status history entry comes along (picked already).
  await dialog.getByRole('button', { name: /^Take \d+ changes?$/ }).click();
  await expect(dialog).toBeHidden();
  for (const each of [page, other]) {
    await expect(onBoard(each, SIGN_OFF, firstWrote)).toBeVisible({ timeout: 15_000 });
  }
  await expect(headerFile(askedPage)).toHaveText(new RegExp(`^${FILE} · written \\d\\d:\\d\\d$`));
  expect(await statusInFile(page, SIGN_OFF.id)).toBe(firstWrote.replace('-', '_'));
  expectNoErrors(errors);
  expectNoErrors(otherErrors);
});

test('cancelling the question leaves the file unwritten until the changes are reviewed', async ({ context, page }) => {
  const errors = collectErrors(page);
  await saveToFile(page, 'Dana');
  // Another planner's write of the same field, made straight to the file.
  const file = await readFile(page);
  file.plan.activities.find((activity) => activity.id === SIGN_OFF.id).status = 'blocked';
  file.edits.unshift({ by: 'Sam', at: '2026-11-23T09:00:00Z', what: 'Moved it to Blocked' });
  await move(page, SIGN_OFF, 'done');
  await page.evaluate(
    async ([name, text]) => {
      const directory = await navigator.storage.getDirectory();
      const writable = await (await directory.getFileHandle(name)).createWritable();
      await writable.write(text);
      await writable.close();
    },
    [FILE, JSON.stringify(file, null, 2)],
  );

  const dialog = page.getByRole('dialog', { name: MERGE_DIALOG });
  await expect(dialog).toBeVisible({ timeout: 15_000 });
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toBeHidden();
  const banner = page.getByRole('region', { name: 'Linked file' });
  await expect(banner).toContainText(`${FILE} has changes by others that are not merged`);
  await expect(headerFile(page)).toContainText('file changed by others, review');
  await page.waitForTimeout(1_500);
  expect(await statusInFile(page, SIGN_OFF.id)).toBe('blocked');

  await banner.getByRole('button', { name: 'Review their changes' }).click();
  await expect(dialog).toBeVisible();
  await expect(dialog.locator('.merge__change--conflict')).toContainText('both changed');
  expectNoErrors(errors);
});

test('a reload keeps the link', async ({ page }) => {
  const errors = collectErrors(page);
  await saveToFile(page, 'Dana');
  await reloadApp(page);
  await expect(headerFile(page)).toHaveText(new RegExp(`^${FILE} · written \\d\\d:\\d\\d$`));
  await goTo(page, 'Files');
  await expect(page.locator('.link__file')).toContainText(`This plan is linked to ${FILE}`);
  await expect(page.getByLabel(NAME_FIELD)).toHaveValue('Dana');

  // Still written to after the reload.
  await move(page, SIGN_OFF, 'done');
  await expect.poll(() => statusInFile(page, SIGN_OFF.id)).toBe('done');

  // Unlink forgets the file, also for the next visit.
  await goTo(page, 'Files');
  await page.getByRole('button', { name: 'Unlink' }).click();
  await expect(headerFile(page)).toHaveCount(0);
  await reloadApp(page);
  await expect(page.locator('.app-header__title')).toBeVisible();
  await expect(headerFile(page)).toHaveCount(0);
  expectNoErrors(errors);
});

test('after a restart without permission the header offers to reconnect, and nothing is written until then', async ({ context, page }) => {
  const errors = collectErrors(page);
  await saveToFile(page, 'Dana');
  // A browser restarted: the remembered file needs a click to be reached.
  await context.addInitScript(() => {
    FileSystemHandle.prototype.queryPermission = async () => 'prompt';
    FileSystemHandle.prototype.requestPermission = async () => 'granted';
  });
  await reloadApp(page);
  const reconnect = page.locator('.app-header').getByRole('button', { name: `Reconnect to ${FILE}` });
  await expect(reconnect).toBeVisible();
  await move(page, SIGN_OFF, 'done');
  await page.waitForTimeout(1_500);
  expect(await statusInFile(page, SIGN_OFF.id)).toBe('not_started');

  await reconnect.click();
  await expect.poll(() => statusInFile(page, SIGN_OFF.id)).toBe('done');
  await expect(headerFile(page)).toHaveText(new RegExp(`^${FILE} · written \\d\\d:\\d\\d$`));
  expectNoErrors(errors);
});

test('a plan file that does not read is reported and links nothing', async ({ page }) => {
  const errors = collectErrors(page);
  await page.goto(`./?today=${TODAY}#/files`);
  await page.evaluate(async (name) => {
    const directory = await navigator.storage.getDirectory();
    const writable = await (await directory.getFileHandle(name, { create: true })).createWritable();
    await writable.write('{"format": "something else"}');
    await writable.close();
  }, FILE);
  await openApp(page, 'files');
  await page.getByLabel(NAME_FIELD).fill('Dana');
  await page.getByRole('button', { name: 'Open plan file…' }).click();
  await expect(page.locator('[data-testid="import-error"]')).toContainText(`"${FILE}" was not opened`);
  await expect(headerFile(page)).toHaveCount(0);
  expectNoErrors(errors);
});

test('without the File System Access API the Files view says why and offers export and import', async ({ context, page }) => {
  await context.addInitScript(() => {
    delete window.showOpenFilePicker;
    delete window.showSaveFilePicker;
  });
  const errors = collectErrors(page);
  await openApp(page, 'files');
  await expect(page.locator('.link__unsupported')).toHaveText(
    'Linking a plan to a file needs the File System Access API, in Chrome and Edge; export, import and compare and merge work here.',
  );
  await expect(page.getByRole('button', { name: 'Open plan file…' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Save to file…' })).toHaveCount(0);
  await expect(page.locator('#main').getByRole('button', { name: 'Export plan', exact: true })).toBeVisible();
  await expect(page.locator('input[type="file"][aria-label="Import plan"]')).toBeAttached();
  expectNoErrors(errors);
});
