// The Capacity view's money and hiring: each person's billable share under
// their name, the demo's open role as a row of its own (drop, keyboard and
// editor paths onto and off it), and revenue and margin beside scenarios and
// "Can we take it?". The demo's horizon is 2026-W46 to 2027-W05, so column 9
// is 2027-W02; its open role, a Cloud Engineer in the Contoso scenario,
// starts on Monday 2027-01-04 (2027-W01).
import { test, expect } from '@playwright/test';
import { askTakeIt, collectErrors, expectNoErrors, focusBody, nav, openApp } from './helpers.mjs';

const line = (page, person) => page.locator(`.tl-line[data-person="${person}"]`);
const roleLine = (page) => page.locator('.tl-line[data-role="rol-1"]');
const cell = (locator, column) => locator.locator(`.cell[data-col="${column}"]`);

// Tall enough that a drag never has to scroll the timeline (see
// capacity.spec.mjs).
test.use({ viewport: { width: 1400, height: 2000 } });

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
  // Lena (32 h a week, 416 h in the 13 weeks) bills 16 h a week of
  // Northwind's managed operations (208 h), 8 h a week of its backup and DR
  // work from 2026-W50 to 2027-W01 (40 h) and 12 h a week of the pilot from
  // 2027-W02 to W05 (48 h): 296 h; her training is internal.
  await expect(lena).toHaveText('71 % billable (target 75 %)');
  await expect(lena).toHaveAttribute('title', 'Billable 296 h of 416 h: 71 % (target 75 %, 4 points below)');

  // The pilot moved to the open role: Lena bills 48 h less in these weeks.
  await page.dragAndDrop('#bar-alc-8', '[data-role="rol-1"] .cell[data-col="9"]', {
    sourcePosition: { x: 4, y: 4 },
  });
  await expect(roleLine(page).locator('#bar-alc-8')).toBeVisible();
  await expect(lena).toHaveText('60 % billable (target 75 %)');
  await expect(lena).toHaveAttribute('title', 'Billable 248 h of 416 h: 60 % (target 75 %, 15 points below)');

  // Everyone in the demo has a target; someone added without one shows the
  // share alone.
  await nav(page).getByRole('link', { name: 'People', exact: true }).click();
  await page.getByRole('button', { name: 'Add person' }).click();
  await page.getByRole('textbox', { name: /^Name/ }).fill('Grace Okafor');
  await page.getByRole('textbox', { name: 'Team', exact: true }).fill('Cloud');
  await page.getByRole('button', { name: 'Save person' }).click();
  await expect(page.getByRole('button', { name: 'Save person' })).toHaveCount(0);
  await nav(page).getByRole('link', { name: 'Capacity', exact: true }).click();
  const grace = page.locator('.tl-line[data-person]').filter({ hasText: 'Grace Okafor' });
  await expect(grace.locator('.tl-name__billable')).toHaveText(/^\d+ % billable$/);
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
  // Not started in 2026-W53: no capacity; 40 h from 2027-W01, 16 h of it on
  // the Contoso rollout (tentative).
  await expect(cell(role, 7)).toHaveAttribute('aria-label', /^Open role Cloud Engineer, week 8: Capacity 0 h/);
  await expect(cell(role, 8)).toHaveAttribute('aria-label', /^Open role Cloud Engineer, week 9: Capacity 40 h · tentative 16 h · 40 %, 24 h free$/);

  // Drag: Lena's pilot (12 h, W02 to W05), grabbed at its first week.
  await page.dragAndDrop('#bar-alc-8', '[data-role="rol-1"] .cell[data-col="9"]', {
    sourcePosition: { x: 4, y: 4 },
  });
  const bar = role.locator('#bar-alc-8');
  await expect(bar).toHaveAttribute(
    'aria-label',
    /^Pilot: onboard Fabrikam Legal in 7 days · 12 h a week, 2027-W02 to 2027-W05, Open role Cloud Engineer\./,
  );
  await expect(cell(role, 9)).toHaveAttribute('aria-label', /Capacity 40 h · confirmed 12 h · tentative 16 h · 70 %, 12 h free$/);

  // Keyboard: Enter picks it up, ArrowUp moves it to the row above (Elena
  // Rossi, the last of the Cloud team's people).
  await bar.focus();
  await page.keyboard.press('Enter');
  await page.keyboard.press('ArrowUp');
  await expect(line(page, 'per-15').locator('#bar-draft')).toBeVisible();
  await page.keyboard.press('Enter');
  await expect(line(page, 'per-15').locator('#bar-alc-8')).toBeVisible();
  await expect(role.locator('#bar-alc-8')).toHaveCount(0);
  // And back down onto the role.
  await line(page, 'per-15').locator('#bar-alc-8').focus();
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
  // Contoso: a fixed fee of 28,000 EUR for its 248 h of tentative work, and
  // the hire it needs (40 h a week from 2027-W01 to W05 at 56 EUR an hour).
  const contoso = page.locator('.scenario').filter({ has: page.getByRole('checkbox', { name: 'Show Contoso Dental Group signs' }) });
  await expect(contoso.locator('.scenario__money')).toHaveText(
    /^Money in these weeks: \+[\d,]+ EUR revenue, [+−][\d,]+ EUR margin \(margin \d+ % → \d+ %\); hiring adds 200 h of capacity costing 11,200 EUR$/,
  );

  // 16 h a week for 4 weeks (Marcus Hill, from 2027-W02) at 150 EUR an hour
  // is 9,600 EUR; he costs 95 EUR an hour, 6,080 EUR for the 64 h.
  const form = await askTakeIt(page, {
    name: 'Contoso AKS platform', skills: [['Kubernetes', 3]], hours: 16, weeks: 4, start: '2026-W49', rate: 150,
  });
  await expect(form.getByRole('columnheader', { name: 'Revenue and margin' })).toBeVisible();
  const row = form.getByRole('row', { name: /Marcus Hill/ });
  await expect(row).toContainText('+9,600 EUR revenue, +3,520 EUR margin');

  // Added as a scenario, it is billed at that rate.
  await row.getByRole('button', { name: /^Add Contoso AKS platform with Marcus Hill/ }).click();
  const added = page.locator('.scenario').filter({ has: page.getByRole('checkbox', { name: 'Show Contoso AKS platform' }) });
  await expect(added.locator('.scenario__money')).toHaveText(/^Money in these weeks: \+9,600 EUR revenue, \+3,520 EUR margin/);

  // A rate that is not a number is refused with the reason.
  await form.getByRole('spinbutton', { name: 'Bill rate an hour' }).fill('-5');
  await form.getByRole('button', { name: 'Check' }).click();
  await expect(form.getByRole('alert')).toHaveText('Bill rate: give an amount per hour, or leave it empty');
  expectNoErrors(errors);
});

test('"Can we take it?" names the open role that could take it when nobody there can, and adds it on the role', async ({ page }) => {
  const errors = collectErrors(page);
  // Azure at 3 and Entra ID at 2: nobody holds both; the planned Cloud
  // Engineer (Azure 3, Terraform 2, Entra ID 2) would, from its first week,
  // beside the 16 h a week of the Contoso rollout it holds: 40 % → 90 %.
  const form = await askTakeIt(page, {
    name: 'Contoso identity platform', skills: [['Azure', 3], ['Entra ID', 2]], hours: 20, weeks: 4, start: '2027-W01',
  });
  await expect(form.locator('.takeit__answer')).toHaveText(
    /^No: nobody has every skill it needs \(\d+ people are short in a skill\)\. With the open role 'Cloud Engineer' hired as planned: from 2027-W01\.$/,
  );
  const row = form.getByRole('row', { name: /Open role Cloud Engineer/ });
  await expect(row).toContainText('2027-W01');
  await expect(row).toContainText('40 % → 90 %');
  await row.getByRole('button', { name: 'Add Contoso identity platform with Open role Cloud Engineer from 2027-W01 as a tentative scenario' }).click();
  // Beside the Contoso rollout's 16 h, tentative too.
  await expect(roleLine(page).locator('.bar--tentative')).toHaveCount(2);
  await expect(roleLine(page).locator('.bar--tentative:not(#bar-alc-36)')).toHaveAttribute(
    'aria-label',
    /^Contoso identity platform · 20 h a week, 2027-W01 to 2027-W04, Open role Cloud Engineer, tentative/,
  );

  // Without the Contoso scenario there is no hire to count on.
  await page.getByRole('checkbox', { name: 'Show Contoso Dental Group signs' }).uncheck();
  await form.getByRole('button', { name: 'Check' }).click();
  await expect(form.locator('.takeit__answer')).toHaveText(/^No: nobody has every skill it needs \(\d+ people are short in a skill\)\.$/);
  await expect(form.getByRole('row', { name: /Open role/ })).toHaveCount(0);
  expectNoErrors(errors);
});
