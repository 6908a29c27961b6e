// The Money view: revenue, cost and margin by client and activity, billing
// edited in place (one undoable command), budgets and billable utilisation.
import { test, expect } from '@playwright/test';
import { readFile } from 'node:fs/promises';
import { collectErrors, expectNoErrors, focusBody, goTo, openApp, pickFile, undoButton } from './helpers.mjs';

const AZURE = 'Standard Azure landing zone in Terraform';
// Tailspin Toys' AKS platform build, billed by the hour at 145 EUR.
const AKS = 'AKS platform build';
const amount = (text) => Number(text.replace(/[^0-9−-]/g, '').replace('−', '-'));

test('a bill rate edited in the Money view changes revenue and margin, and undo restores them', async ({ page }) => {
  const errors = collectErrors(page);
  await openApp(page);
  await goTo(page, 'Money');
  await expect(page.getByTestId('money-summary')).toContainText('revenue');
  await expect(page.getByRole('img', { name: /Revenue and cost by week/ })).toBeVisible();

  const row = page.getByRole('row').filter({ has: page.getByRole('rowheader', { name: AKS, exact: true }) });
  await expect(row.getByRole('combobox', { name: `Billing of ${AKS}` })).toHaveValue('hourly');
  const rate = row.getByRole('spinbutton', { name: `Rate per hour or fixed fee of ${AKS}` });
  await expect(rate).toHaveValue('145');
  const cells = row.getByRole('cell');
  const revenue = amount(await cells.nth(2).textContent());
  const margin = amount(await cells.nth(4).textContent());
  expect(revenue).toBeGreaterThan(0);
  const hours = revenue / 145;

  await rate.fill('160');
  await rate.press('Tab');
  await expect(cells.nth(2)).toHaveText(`${(hours * 160).toLocaleString('en-US')} EUR`);
  expect(amount(await cells.nth(4).textContent())).toBe(margin + hours * 15);

  await focusBody(page);
  await page.keyboard.press('Control+z');
  await expect(rate).toHaveValue('145');
  expect(amount(await cells.nth(2).textContent())).toBe(revenue);
  expect(amount(await cells.nth(4).textContent())).toBe(margin);
  expectNoErrors(errors);
});

test('a fixed fee without an amount is refused in place and the plan is unchanged', async ({ page }) => {
  await openApp(page, 'money');
  const row = page.getByRole('row').filter({ has: page.getByRole('rowheader', { name: AZURE }) });
  await row.getByRole('spinbutton', { name: `Rate per hour or fixed fee of ${AZURE}` }).fill('');
  await row.getByRole('combobox', { name: `Billing of ${AZURE}` }).selectOption('fixed');
  await expect(row.getByRole('alert')).toHaveText('Give the rate or the fee');
  await expect(undoButton(page)).toBeDisabled();
});

test('a plan of many activities lists the first hundred, more on request, and finds by title or client', async ({ page }) => {
  const errors = collectErrors(page);
  // The demo (20 activities: 6 initiatives, 14 of the book of work) with 130
  // more, copies of its pilot: 150 in all.
  const file = JSON.parse(await readFile('tests/data/v4/demo.opsboard.json', 'utf8'));
  const pilot = file.plan.activities.find((activity) => activity.id === 'act-6');
  for (let n = 21; n <= 150; n += 1) {
    file.plan.activities.push({ ...pilot, id: `act-${n}`, title: `Copy ${n} of the pilot`, depends_on: [] });
  }
  await openApp(page, 'files');
  await pickFile(page, 'many.opsboard.json', JSON.stringify(file));
  await page.getByRole('button', { name: 'Replace the current plan' }).click();
  await goTo(page, 'Money');

  const table = page.locator('.money__table--activities tbody');
  await expect(table.getByRole('row')).toHaveCount(100);
  const more = page.locator('.money__more');
  await expect(more).toHaveText('Showing 100 of 150 pieces of work. Show 50 more');
  await more.getByRole('button', { name: 'Show 50 more' }).click();
  await expect(table.getByRole('row')).toHaveCount(150);
  await expect(more).toHaveCount(0);

  // Found by title, then by client, in any case.
  const find = page.getByRole('searchbox', { name: 'Find work or a client' });
  await find.fill('copy 14');
  await expect(table.getByRole('rowheader')).toHaveText(['Copy 140 of the pilot', 'Copy 141 of the pilot',
    'Copy 142 of the pilot', 'Copy 143 of the pilot', 'Copy 144 of the pilot', 'Copy 145 of the pilot', 'Copy 146 of the pilot',
    'Copy 147 of the pilot', 'Copy 148 of the pilot', 'Copy 149 of the pilot']);
  await expect(more).toHaveText('Showing 10 of 10 found, of 150 pieces of work.');
  await find.fill(pilot.client.toUpperCase());
  await expect(table.getByRole('row')).toHaveCount(100);
  await expect(more).toHaveText(/^Showing 100 of 13\d found, of 150 pieces of work\. Show 3\d more$/);
  await find.fill('');
  await expect(more).toHaveText('Showing 100 of 150 pieces of work. Show 50 more');
  expectNoErrors(errors);
});
