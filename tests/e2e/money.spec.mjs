// The Money view: revenue, cost and margin by client and activity, billing
// edited in place (one undoable command), budgets and billable utilisation.
import { test, expect } from '@playwright/test';
import { collectErrors, expectNoErrors, focusBody, goTo, openApp, undoButton } from './helpers.mjs';

const AZURE = 'Standard Azure landing zone in Terraform';
const amount = (text) => Number(text.replace(/[^0-9−-]/g, '').replace('−', '-'));

test('a bill rate edited in the Money view changes revenue and margin, and undo restores them', async ({ page }) => {
  const errors = collectErrors(page);
  await openApp(page);
  await goTo(page, 'Money');
  await expect(page.getByTestId('money-summary')).toContainText('revenue');
  await expect(page.getByRole('img', { name: /Revenue and cost by week/ })).toBeVisible();

  const row = page.getByRole('row').filter({ has: page.getByRole('rowheader', { name: AZURE }) });
  await expect(row.getByRole('combobox', { name: `Billing of ${AZURE}` })).toHaveValue('hourly');
  const rate = row.getByRole('spinbutton', { name: `Rate per hour or fixed fee of ${AZURE}` });
  await expect(rate).toHaveValue('135');
  const cells = row.getByRole('cell');
  const revenue = amount(await cells.nth(2).textContent());
  const margin = amount(await cells.nth(4).textContent());
  expect(revenue).toBeGreaterThan(0);
  const hours = revenue / 135;

  await rate.fill('150');
  await rate.press('Tab');
  await expect(cells.nth(2)).toHaveText(`${(hours * 150).toLocaleString('en-US')} EUR`);
  expect(amount(await cells.nth(4).textContent())).toBe(margin + hours * 15);

  await focusBody(page);
  await page.keyboard.press('Control+z');
  await expect(rate).toHaveValue('135');
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
