// The spreadsheet import: a 13-person firm's own three spreadsheets (people,
// work and assignments, leave), in their own column names, brought into an
// empty plan by file, by paste and by a drop on the page; each row previewed
// before anything changes, refusals named by row and column, one undo step
// an import, and a second import of the same file changing nothing.
import { test, expect } from '@playwright/test';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { collectErrors, expectNoErrors, focusBody, openApp, undoButton } from './helpers.mjs';

const fixtures = path.resolve(import.meta.dirname, 'fixtures');
const PEOPLE = path.join(fixtures, 'firm-people.csv');
const WORK = path.join(fixtures, 'firm-work.tsv');
const LEAVE = path.join(fixtures, 'firm-leave.csv');

function dialog(page) {
  return page.getByRole('dialog', { name: 'Import from a spreadsheet' });
}

function summary(page) {
  return page.getByTestId('sheet-summary');
}

/** The preview's rows as "row · what · change · why" lines. */
async function previewRows(page) {
  return dialog(page)
    .locator('.sheet-import__rows tbody tr')
    .evaluateAll((rows) => rows.map((row) => [...row.cells].map((cell) => cell.textContent.trim()).join(' · ')));
}

/** Drops a file on the page as a browser does. */
async function dropFile(page, name, text, type) {
  const dataTransfer = await page.evaluateHandle(
    ([fileName, content, mime]) => {
      const transfer = new DataTransfer();
      transfer.items.add(new File([content], fileName, { type: mime }));
      return transfer;
    },
    [name, text, type],
  );
  await page.dispatchEvent('body', 'dragover', { dataTransfer });
  await page.dispatchEvent('body', 'drop', { dataTransfer });
  await dataTransfer.dispose();
}

async function newEmptyPlan(page) {
  await page.locator('#plan-switcher').selectOption('new');
  await expect(page.locator('#plan-switcher option:checked')).toHaveText('New plan');
}

test('a firm\'s people by file, work by paste and leave by a drop: previewed, refused rows named, each import one undo step, and a second import changes nothing', async ({ page }) => {
  const errors = collectErrors(page);
  await openApp(page, 'people');
  await newEmptyPlan(page);
  await expect(page.locator('.people tbody tr')).toHaveCount(0);

  // People, by file, from the People view.
  await page.getByRole('button', { name: 'Import from a spreadsheet…' }).click();
  await expect(dialog(page)).toBeVisible();
  await expect(page.locator('#sheet-import-title')).toBeFocused();
  await dialog(page).getByLabel('Choose a CSV file').setInputFiles(PEOPLE);
  await expect(page.getByTestId('sheet-read')).toHaveText('firm-people.csv: 13 rows, 12 columns, separated by commas.');
  await expect(dialog(page).getByLabel('The rows are')).toHaveValue('People');
  // Every column is matched by its name.
  await expect(dialog(page).getByLabel('Import column A (Full name) as')).toHaveValue('Name');
  await expect(dialog(page).getByLabel('Import column E (Hrs/week) as')).toHaveValue('Weekly hours');
  await expect(dialog(page).getByLabel('Import column K (Skill levels) as')).toHaveValue('Skills');
  await expect(dialog(page).getByLabel('Dates are written')).toHaveValue('day/month/year');
  await expect(summary(page)).toHaveText('On Import: 13 people added, 13 skills added');
  await expect(dialog(page)).toContainText('New skills, added to the catalogue: Azure, Project management');
  // Nothing has changed yet.
  await expect(page.locator('.people tbody tr')).toHaveCount(0);
  await dialog(page).getByRole('button', { name: 'Import', exact: true }).click();
  await expect(dialog(page).locator('.sheet-import__done')).toContainText('13 people added');

  // Work and assignments, pasted as cells copied from a spreadsheet.
  await dialog(page).getByRole('button', { name: 'Import another sheet' }).click();
  await dialog(page).getByLabel('Paste cells').fill(await readFile(WORK, 'utf8'));
  await expect(page.getByTestId('sheet-read')).toHaveText('pasted cells: 18 rows, 12 columns, separated by tabs.');
  await expect(dialog(page).getByLabel('The rows are')).toHaveValue('Work');
  await expect(summary(page)).toHaveText(/^On Import: 8 pieces of work added, 16 assignments added, \d+ assignments cut to the plan's horizon \(2026-W48 to 2027-W07\) or to people's dates \(2 rows refused\)$/);
  await dialog(page).getByLabel('Only rows that are refused').check();
  const refused = await previewRows(page);
  expect(refused).toHaveLength(2);
  expect(refused[0]).toMatch(/^18 · 'Network refresh'.* · Refused · row 18, column I: Assignee: row 10 says the same$/);
  expect(refused[1]).toMatch(/^19 · .*Security review.* · Refused · row 19, column I: Assignee: .*Sam Carter/);
  await dialog(page).getByRole('button', { name: 'Import', exact: true }).click();
  await expect(dialog(page).locator('.sheet-import__done')).toContainText('Imported pasted cells');
  await dialog(page).getByRole('button', { name: 'Close' }).click();
  await expect(dialog(page)).toHaveCount(0);

  // Leave, dropped on the page: the row with a date that does not exist is
  // refused, named by its row and column; the others are taken.
  await dropFile(page, 'firm-leave.csv', await readFile(LEAVE, 'utf8'), 'text/csv');
  await expect(dialog(page)).toBeVisible();
  await expect(dialog(page).getByLabel('The rows are')).toHaveValue('Leave');
  await expect(summary(page)).toHaveText('On Import: 8 leave entries added (1 row refused)');
  await dialog(page).getByLabel('Only rows that are refused').check();
  expect(await previewRows(page)).toEqual([
    expect.stringMatching(/^8 · Elena Rossi.* · Refused · row 8, column B: Leave start: .*31\/02\/2027/),
  ]);
  await dialog(page).getByRole('button', { name: 'Import', exact: true }).click();
  await dialog(page).getByRole('button', { name: 'Close' }).click();

  // The firm is in the plan: 13 people, their work on the Work view.
  await expect(page.locator('.people tbody tr')).toHaveCount(13);
  await page.goto(page.url().replace(/#.*$/, '#/work'));
  await expect(page.getByRole('link', { name: 'Azure landing zone' })).toBeVisible();

  // The same people file again: nothing changes.
  await page.goto(page.url().replace(/#.*$/, '#/people'));
  await page.getByRole('button', { name: 'Import from a spreadsheet…' }).click();
  await dialog(page).getByLabel('Choose a CSV file').setInputFiles(PEOPLE);
  await expect(summary(page)).toHaveText('Nothing changes from firm-people.csv: 13 unchanged');
  await expect(dialog(page).getByRole('button', { name: 'Import', exact: true })).toBeDisabled();
  await dialog(page).getByRole('button', { name: 'Cancel' }).click();

  // Undo takes the leave import back as one step.
  await expect(undoButton(page)).toHaveAccessibleName(/Imported firm-leave\.csv/);
  await focusBody(page);
  await page.keyboard.press('Control+z');
  await expect(undoButton(page)).toHaveAccessibleName(/Imported pasted cells/);
  expectNoErrors(errors);
});

test('dates that read two ways are asked; a match changed by hand is used; Cancel and Escape change nothing', async ({ page }) => {
  const errors = collectErrors(page);
  await openApp(page, 'people');
  const holidays = page.getByRole('region', { name: 'Public holidays' }).locator('li');
  const before = await holidays.count();

  await page.getByRole('button', { name: 'Import from a spreadsheet…' }).click();
  await dialog(page).getByLabel('Paste cells').fill('Day\tHoliday\n01/05/2027\tMay Day\n03/04/2027\tEaster Saturday');
  await expect(dialog(page).getByLabel('The rows are')).toHaveValue('Holidays');
  // 01/05 and 03/04 are dates either way round: the person is asked.
  await expect(dialog(page).getByLabel('Dates are written')).toHaveValue('');
  await expect(dialog(page)).toContainText('Every date in the file reads as day/month or month/day');
  await expect(dialog(page).getByRole('button', { name: 'Import', exact: true })).toBeDisabled();
  await dialog(page).getByLabel('Dates are written').selectOption('day/month/year');
  await expect(summary(page)).toHaveText('On Import: 2 public holidays added');
  expect(await previewRows(page)).toEqual([
    expect.stringMatching(/^2 · 2027-05-01 May Day · Added/),
    expect.stringMatching(/^3 · 2027-04-03 Easter Saturday · Added/),
  ]);
  await dialog(page).getByLabel('Dates are written').selectOption('month/day/year');
  expect(await previewRows(page)).toEqual([
    expect.stringMatching(/^2 · 2027-01-05 May Day · Added/),
    expect.stringMatching(/^3 · 2027-03-04 Easter Saturday · Added/),
  ]);
  // Escape closes the dialog: no holiday was added.
  await page.keyboard.press('Escape');
  await expect(dialog(page)).toHaveCount(0);
  await expect(holidays).toHaveCount(before);

  // A column the import does not know ("Hours") is left out until matched.
  await page.getByRole('button', { name: 'Import from a spreadsheet…' }).click();
  await dialog(page).getByLabel('Paste cells').fill('Full name\tHours\nTom Becker\t32');
  const hours = dialog(page).getByLabel('Import column B (Hours) as');
  await expect(hours).toHaveValue('');
  await expect(summary(page)).toHaveText(/^Nothing changes from pasted cells: 1 unchanged/);
  await hours.selectOption('Weekly hours');
  await expect(summary(page)).toHaveText(/^On Import: 1 person updated/);
  expect(await previewRows(page)).toEqual([expect.stringMatching(/^2 · Tom Becker · Updated/)]);
  await dialog(page).getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog(page)).toHaveCount(0);
  await expect(undoButton(page)).toBeDisabled();
  expectNoErrors(errors);
});

test('a workbook is refused with the way round it, and a plan file dropped still opens as a plan', async ({ page }) => {
  const errors = collectErrors(page);
  await openApp(page, 'files');
  await dropFile(page, 'Firm.xlsx', 'PK', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
  await expect(dialog(page)).toBeVisible();
  await expect(dialog(page).getByRole('alert')).toHaveText(
    'Firm.xlsx was not read: Opsboard reads CSV files and cells pasted from a spreadsheet, not workbooks: save the sheet as CSV (in Excel: File › Save a Copy › CSV UTF-8), or select its cells, copy them and paste them here.',
  );
  await dialog(page).getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog(page)).toHaveCount(0);
  // A plan file dropped the same way goes to the plan import.
  const plan = await readFile(path.resolve(fixtures, '../../data/v5/demo.opsboard.json'), 'utf8');
  await dropFile(page, 'demo.opsboard.json', plan, 'application/json');
  await expect(page.getByRole('dialog', { name: 'Open this plan file?' })).toBeVisible();
  await expect(dialog(page)).toHaveCount(0);
  expectNoErrors(errors);
});

test('the People, Work, Leave and Holidays sheets go out and come back unchanged', async ({ page }) => {
  const errors = collectErrors(page);
  await openApp(page, 'files');
  for (const [button, sheet] of [['People (CSV)', 'People'], ['Work and assignments (CSV)', 'Work'], ['Leave (CSV)', 'Leave'], ['Public holidays (CSV)', 'Holidays']]) {
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: button }).click();
    const file = await download;
    const text = await readFile(await file.path(), 'utf8');
    await page.getByRole('button', { name: 'Import from a spreadsheet…' }).click();
    await dialog(page).getByLabel('Choose a CSV file').setInputFiles({ name: file.suggestedFilename(), mimeType: 'text/csv', buffer: Buffer.from(text) });
    await expect(dialog(page).getByLabel('The rows are')).toHaveValue(sheet);
    await expect(summary(page)).toHaveText(new RegExp(`^Nothing changes from ${file.suggestedFilename().replace(/[.()]/g, '\\$&')}: \\d+ unchanged$`));
    await dialog(page).getByRole('button', { name: 'Cancel' }).click();
  }
  expectNoErrors(errors);
});
