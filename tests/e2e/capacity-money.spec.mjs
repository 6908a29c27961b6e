// The Capacity view's money and hiring: each person's billable share under
// their name, the demo's open role as a row of its own (drop, keyboard and
// editor paths onto and off it), and revenue and margin beside scenarios and
// "Can we take it?". The demo's horizon is 2026-W46 to 2027-W05, so column 9
// is 2027-W02; its open role, a Cloud Engineer in the Contoso scenario,
// starts on Monday 2027-01-04 (2027-W01).
import { test, expect } from '@playwright/test';
import { askTakeIt, collectErrors, expectNoErrors, focusBody, openApp } from './helpers.mjs';

const line = (page, person) => page.locator(`.tl-line[data-person="${person}"]`);
const roleLine = (page) => page.locator('.tl-line[data-role="rol-1"]');
const cell = (locator, column) => locator.locator(`.cell[data-col="${column}"]`);

test.use({ viewport: { width: 1400, height: 1400 } });

test.beforeEach(async ({ page }) => {
  await openApp(page, 'capacity');
  await expect(page.getByRole('grid', { name: 'Capacity by person and week' })).toBeVisible();
});

test('billable utilisation shows for the firm and under each name, and follows the work', async ({ page }) => {
  const errors = collectErrors(page);
  await expect(page.locator('.capacity__billable')).toHaveText(
    /^The firm in these weeks: Billable [\d,]+ h of [\d,]+ h: \d+ %\. Each person's share is under their name\.$/,
  );
  const lena = line(page, 'per-3').locator('.tl-name__billable');
  // Lena's only work is 16 h a week of the billable pilot, W02 to W05.
  await expect(lena).toHaveText(/^\d+ % billable \(target 75 %\)$/);
  await expect(lena).not.toHaveText(/^0 %/);
  await expect(lena).toHaveAttribute('title', /^Billable 64 h of [\d,]+ h: \d+ % \(target 75 %, \d+ points below\)$/);
  // James O'Connor has no target: the share alone.
  await expect(line(page, 'per-8').locator('.tl-name__billable')).toHaveText(/^\d+ % billable$/);

  // The pilot moved to the open role: Lena bills nothing in these weeks.
  await page.dragAndDrop('#bar-alc-8', '[data-role="rol-1"] .cell[data-col="9"]', {
    sourcePosition: { x: 4, y: 4 },
  });
  await expect(roleLine(page).locator('#bar-alc-8')).toBeVisible();
  await expect(lena).toHaveText('0 % billable (target 75 %)');
  expectNoErrors(errors);
});

test('an open role is a row while its scenario is shown: work moves onto it by drag, keyboard and editor', async ({ page }) => {
  const errors = collectErrors(page);
  const role = roleLine(page);
  await expect(role.getByRole('rowheader')).toHaveText(/^Cloud Engineer\s*Open role from 4 Jan$/);
  await expect(role.locator('.tl-name__role')).toHaveAttribute(
    'title',
    'Open role of the hiring plan: Approved, starting 4 Jan · Contoso Dental Group signs',
  );
  // Not started in 2027-W00 (2026-W53): no capacity; 40 h from 2027-W01.
  await expect(cell(role, 7)).toHaveAttribute('aria-label', /^Open role Cloud Engineer, week 8: Capacity 0 h/);
  await expect(cell(role, 8)).toHaveAttribute('aria-label', /^Open role Cloud Engineer, week 9: Capacity 40 h · 0 %, 40 h free$/);

  // Drag: Lena's pilot (16 h, W02 to W05), grabbed at its first week.
  await page.dragAndDrop('#bar-alc-8', '[data-role="rol-1"] .cell[data-col="9"]', {
    sourcePosition: { x: 4, y: 4 },
  });
  const bar = role.locator('#bar-alc-8');
  await expect(bar).toHaveAttribute(
    'aria-label',
    /^Pilot: onboard Fabrikam Legal in 7 days · 16 h a week, 2027-W02 to 2027-W05, Open role Cloud Engineer\./,
  );
  await expect(cell(role, 9)).toHaveAttribute('aria-label', /Capacity 40 h · confirmed 16 h · 40 %, 24 h free$/);

  // Keyboard: Enter picks it up, ArrowUp moves it to the row above (Lena).
  await bar.focus();
  await page.keyboard.press('Enter');
  await page.keyboard.press('ArrowUp');
  await expect(line(page, 'per-3').locator('#bar-draft')).toBeVisible();
  await page.keyboard.press('Enter');
  await expect(line(page, 'per-3').locator('#bar-alc-8')).toBeVisible();
  await expect(role.locator('.bar')).toHaveCount(0);
  // And back down onto the role.
  await line(page, 'per-3').locator('#bar-alc-8').focus();
  await page.keyboard.press('Enter');
  await page.keyboard.press('ArrowDown');
  await expect(role.locator('#bar-draft')).toBeVisible();
  await page.keyboard.press('Enter');
  await expect(role.locator('#bar-alc-8')).toBeVisible();

  // The editor: "Assigned to" lists people and the open role.
  await role.locator('#bar-alc-8').click();
  const editor = page.getByRole('form', { name: /^Allocation: Pilot: onboard Fabrikam Legal in 7 days, Open role Cloud Engineer$/ });
  const holder = editor.getByRole('combobox', { name: 'Assigned to' });
  await expect(holder).toHaveValue('rol-1');
  await holder.selectOption({ label: 'Tom Becker' });
  await editor.getByRole('button', { name: 'Apply' }).click();
  await expect(line(page, 'per-2').locator('#bar-alc-8')).toBeVisible();
  await focusBody(page);
  await page.keyboard.press('Control+z');
  await expect(role.locator('#bar-alc-8')).toBeVisible();

  // Without the scenario there is no hire: the role's work is to staff.
  await page.getByRole('checkbox', { name: 'Show Contoso Dental Group signs' }).uncheck();
  await expect(role).toHaveCount(0);
  const toStaff = page.locator('.tl-line--role').filter({ has: page.locator('#bar-alc-8') });
  await expect(toStaff.getByRole('rowheader')).toHaveText(/^Cloud Engineer\s*to staff: drag onto a person$/);
  await page.getByRole('checkbox', { name: 'Show Contoso Dental Group signs' }).check();
  await expect(role.locator('#bar-alc-8')).toBeVisible();
  expectNoErrors(errors);
});

test('scenarios and "Can we take it?" show what they do to revenue and margin', async ({ page }) => {
  const errors = collectErrors(page);
  // Contoso: 96 h of billable tentative work, and the hire it needs (40 h a
  // week from 2027-W01 to W05 at 56 EUR an hour).
  const contoso = page.locator('.scenario').filter({ has: page.getByRole('checkbox', { name: 'Show Contoso Dental Group signs' }) });
  await expect(contoso.locator('.scenario__money')).toHaveText(
    /^Money in these weeks: \+[\d,]+ EUR revenue, [+−][\d,]+ EUR margin \(margin \d+ % → \d+ %\); hiring adds 200 h of capacity costing 11,200 EUR$/,
  );

  // 20 h a week for 4 weeks at 150 EUR an hour is 12,000 EUR; Marcus Hill
  // costs 95 EUR an hour, 7,600 EUR for the 80 h.
  const form = await askTakeIt(page, {
    name: 'Contoso AKS platform', skills: [['Kubernetes', 3]], hours: 20, weeks: 4, start: '2026-W49', rate: 150,
  });
  await expect(form.getByRole('columnheader', { name: 'Revenue and margin' })).toBeVisible();
  const row = form.getByRole('row', { name: /Marcus Hill/ });
  await expect(row).toContainText('+12,000 EUR revenue, +4,400 EUR margin');

  // Added as a scenario, it is billed at that rate.
  await row.getByRole('button', { name: /^Add Contoso AKS platform with Marcus Hill/ }).click();
  const added = page.locator('.scenario').filter({ has: page.getByRole('checkbox', { name: 'Show Contoso AKS platform' }) });
  await expect(added.locator('.scenario__money')).toHaveText(/^Money in these weeks: \+12,000 EUR revenue, \+4,400 EUR margin/);

  // A rate that is not a number is refused with the reason.
  await form.getByRole('spinbutton', { name: 'Bill rate an hour' }).fill('-5');
  await form.getByRole('button', { name: 'Check' }).click();
  await expect(form.getByRole('alert')).toHaveText('Bill rate: give an amount per hour, or leave it empty');
  expectNoErrors(errors);
});

test('"Can we take it?" names the open role that could take it when nobody there can, and adds it on the role', async ({ page }) => {
  const errors = collectErrors(page);
  // Azure at 3 and Entra ID at 2: nobody holds both; the planned Cloud
  // Engineer (Azure 3, Terraform 2, Entra ID 2) would, from its first week.
  const form = await askTakeIt(page, {
    name: 'Contoso identity platform', skills: [['Azure', 3], ['Entra ID', 2]], hours: 30, weeks: 4, start: '2027-W01',
  });
  await expect(form.locator('.takeit__answer')).toHaveText(
    /^No: nobody has every skill it needs \(\d+ people are short in a skill\)\. With the open role 'Cloud Engineer' hired as planned: from 2027-W01\.$/,
  );
  const row = form.getByRole('row', { name: /Open role Cloud Engineer/ });
  await expect(row).toContainText('2027-W01');
  await expect(row).toContainText('0 % → 75 %');
  await row.getByRole('button', { name: 'Add Contoso identity platform with Open role Cloud Engineer from 2027-W01 as a tentative scenario' }).click();
  await expect(roleLine(page).locator('.bar--tentative')).toHaveAttribute(
    'aria-label',
    /^Contoso identity platform · 30 h a week, 2027-W01 to 2027-W04, Open role Cloud Engineer, tentative/,
  );

  // Without the Contoso scenario there is no hire to count on.
  await page.getByRole('checkbox', { name: 'Show Contoso Dental Group signs' }).uncheck();
  await form.getByRole('button', { name: 'Check' }).click();
  await expect(form.locator('.takeit__answer')).toHaveText(/^No: nobody has every skill it needs \(\d+ people are short in a skill\)\.$/);
  await expect(form.getByRole('row', { name: /Open role/ })).toHaveCount(0);
  expectNoErrors(errors);
});
