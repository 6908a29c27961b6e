// People: leave, skills, certifications and cost rate through the person
// form, public holidays, and what they change in the risks.
import { test, expect } from '@playwright/test';
import { collectErrors, expectNoErrors, openApp, reloadApp, settle } from './helpers.mjs';

test('giving Lena Novak Intune removes the pilot\'s skill gap, and survives a reload', async ({ page }) => {
  const errors = collectErrors(page);
  await openApp(page);
  const pilotRow = page.locator('tr[data-activity="act-6"]');
  await expect(pilotRow.locator('.risk-badge')).toContainText('Skill gap');

  await page.getByRole('navigation', { name: 'Views' }).getByRole('link', { name: 'People', exact: true }).click();
  await page.getByRole('button', { name: 'Edit Lena Novak' }).click();
  await page.getByRole('button', { name: 'Add skill' }).click();
  const row = page.locator('fieldset').filter({ hasText: 'Skills (0 none' }).locator('.rows__row').last();
  await row.getByLabel('Skill', { exact: true }).selectOption({ label: 'Microsoft Intune (Microsoft 365)' });
  await row.getByLabel('Level', { exact: true }).selectOption('2');
  await page.getByRole('button', { name: 'Add leave' }).click();
  await page.getByLabel('Leave from').fill('2026-12-28');
  await page.getByLabel('Leave until').fill('2026-12-31');
  await page.getByLabel('Leave note').fill('Christmas break');
  await page.getByRole('button', { name: 'Add certification' }).click();
  await page.getByLabel('Certification', { exact: true }).last().fill('Microsoft 365 Endpoint Administrator (MD-102)');
  await page.getByLabel('Expires').last().fill('2027-06-30');
  await page.getByLabel('Internal cost rate (per hour)').fill('61');
  await page.getByRole('button', { name: 'Save person' }).click();
  await expect(page.getByRole('button', { name: 'Save person' })).toHaveCount(0);

  await settle(page);
  await reloadApp(page);
  await page.getByRole('navigation', { name: 'Views' }).getByRole('link', { name: 'Plan', exact: true }).click();
  await expect(page.locator('tr[data-activity="act-6"] .risk-badge')).not.toContainText('Skill gap');
  await page.getByRole('navigation', { name: 'Views' }).getByRole('link', { name: 'People', exact: true }).click();
  await page.getByRole('button', { name: 'Edit Lena Novak' }).click();
  await expect(page.getByLabel('Leave note')).toHaveValue('Christmas break');
  await expect(page.getByLabel('Internal cost rate (per hour)')).toHaveValue('61');
  expectNoErrors(errors);
});

test('public holidays are added and removed', async ({ page }) => {
  await openApp(page, 'people');
  const holidays = page.locator('section[aria-labelledby="holidays-title"] .stored__plan');
  await expect(holidays).toHaveCount(3);
  await page.getByLabel('Holiday date').fill('2027-01-06');
  await page.getByLabel('Holiday name').fill('Epiphany');
  await page.getByRole('button', { name: 'Add holiday' }).click();
  await expect(holidays).toHaveCount(4);
  await expect(holidays.last()).toContainText('6 Jan 2027 · Epiphany');
  await page.getByRole('button', { name: 'Remove 25 Dec 2026 · Christmas Day' }).click();
  await expect(holidays).toHaveCount(3);
});

test('the availability strip names the short weeks', async ({ page }) => {
  await openApp(page, 'people');
  const aisha = page.locator('tr[data-person="per-5"] .strip');
  await expect(aisha).toHaveAttribute('aria-label', /2026-W51: 0 h of 40 h \(leave: Parental leave\)/);
  await expect(aisha.locator('.strip__week')).toHaveCount(13);
  await expect(page.locator('tr[data-person="per-12"] .strip')).toHaveAttribute('aria-label', /2026-W50: 0 h of 40 h \(starts 2026-12-14\)/);
});

test('an on-call week takes its own support load, and the strip shows it', async ({ page }) => {
  await openApp(page, 'people');
  // Mei Chen has no support hours of her own (the service desk is booked on
  // its contract): 40 h a week, and 2026-W49 is not a short week.
  await expect(page.locator('tr[data-person="per-9"] .strip')).not.toHaveAttribute('aria-label', /2026-W49/);
  await page.getByRole('button', { name: 'Edit Mei Chen' }).click();
  await page.getByRole('button', { name: 'Add a support period' }).click();
  await page.getByLabel('Support from').fill('2026-11-30');
  await page.getByLabel('Support until').fill('2026-12-04');
  await page.getByLabel('Support hours a week then').fill('40');
  await page.getByRole('button', { name: 'Save person' }).click();
  await expect(page.locator('tr[data-person="per-9"] .strip')).toHaveAttribute(
    'aria-label',
    /2026-W49: 0 h of 40 h/,
  );
});
