// The skills matrix: keyboard and click editing that survives a reload,
// filters, totals and coverage.
import { test, expect } from '@playwright/test';
import { collectErrors, expectNoErrors, openApp, reloadApp, settle, undoButton } from './helpers.mjs';

const cell = (page, person, skill) => page.locator(`#cell-${person}-${skill}`);

test('a level edited by keyboard in the matrix survives a reload', async ({ page }) => {
  const errors = collectErrors(page);
  await openApp(page, 'skills');
  // Lena Novak (per-3) has no Microsoft Intune (skl-10).
  const first = cell(page, 'per-1', 'skl-1');
  await first.focus();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  for (let step = 0; step < 9; step += 1) await page.keyboard.press('ArrowRight');
  const target = cell(page, 'per-3', 'skl-10');
  await expect(target).toBeFocused();
  await expect(target).toHaveText('');
  await page.keyboard.press('3');
  await expect(target).toHaveText('3');
  await expect(target).toBeFocused();
  await expect(target).toHaveAttribute('aria-label', 'Lena Novak, Microsoft Intune: level 3, strong');
  // The cell was changed where it stands: it keeps the matrix's one tab
  // stop, so Tab leaves the matrix and Shift+Tab comes back to it.
  await expect(target).toHaveAttribute('tabindex', '0');
  await expect(page.locator('.matrix td[tabindex="0"]')).toHaveCount(1);
  await page.keyboard.press('Tab');
  await expect(target).not.toBeFocused();
  await page.keyboard.press('Shift+Tab');
  await expect(target).toBeFocused();
  await expect(undoButton(page)).toHaveAttribute('aria-label', 'Undo: Lena Novak is now at level 3 in Microsoft Intune');

  await settle(page);
  await reloadApp(page);
  await expect(cell(page, 'per-3', 'skl-10')).toHaveText('3');
  expectNoErrors(errors);
});

test('a click steps the level, and the totals and filters follow', async ({ page }) => {
  await openApp(page, 'skills');
  const azureHolders = page.locator('.matrix tfoot td').first();
  await expect(azureHolders).toHaveText('2'); // Tom 4, Lena 3
  await cell(page, 'per-1', 'skl-1').click(); // Priya: none → learning
  await expect(cell(page, 'per-1', 'skl-1')).toHaveText('1');
  await cell(page, 'per-1', 'skl-1').click(); // → working
  await expect(azureHolders).toHaveText('3');
  await page.getByLabel('Team', { exact: true }).selectOption('Cloud');
  await expect(page.locator('.matrix tbody tr')).toHaveCount(3); // Tom, Lena, Elena
  await page.getByLabel('Category', { exact: true }).selectOption('Security');
  // Microsoft Defender, Entra ID, Penetration testing.
  await expect(page.locator('.matrix thead th.matrix__skill')).toHaveCount(3);
});

test('coverage names the certifications that expire within the horizon', async ({ page }) => {
  await openApp(page, 'skills');
  const coverage = page.locator('section[aria-labelledby="coverage-title"]');
  await expect(coverage).toContainText('MD-102');
  await expect(coverage).toContainText('AWS Solutions Architect');
});

test('"Who could take it?" finds the people with the skills and the first free week', async ({ page }) => {
  await openApp(page, 'skills');
  await page.getByRole('button', { name: 'Add a needed skill' }).click();
  await page.getByLabel('Needed skill', { exact: true }).selectOption({ label: 'Microsoft Intune' });
  await page.getByLabel('Needed level', { exact: true }).selectOption('3');
  await page.getByLabel('Hours a week', { exact: true }).fill('12');
  await page.getByLabel('Weeks', { exact: true }).fill('4');
  await page.getByLabel('Earliest start', { exact: true }).fill('2026-11-23');
  await page.getByRole('button', { name: 'Find people' }).click();
  const results = page.getByRole('list', { name: 'People who could take it' }).locator('li');
  // Hannah Weber (Intune 4) has 12 h free a week from 2027-W01, once the
  // tenant baseline is done; Ravi Patel (Intune 3) has 8 h free at most until
  // the migration ends after 2027-W05.
  await expect(results.first()).toContainText('Hannah Weber');
  await expect(results.first()).toContainText('2027-W01');
  await expect(results.nth(1)).toContainText('Ravi Patel');
  await expect(results.nth(1)).toContainText('2027-W06');
});

test('removing an owner asks who takes over, and undo brings everything back', async ({ page }) => {
  await openApp(page, 'people');
  await page.getByRole('button', { name: 'Remove Tom Becker' }).click();
  const dialog = page.getByRole('dialog', { name: 'Remove Tom Becker?' });
  // The landing zone and Northwind's managed operations; his bookings on
  // those, the AWS cost review, the backup work and pre-sales.
  await expect(dialog).toContainText('Tom Becker owns 2 pieces of work and has 5 allocations. Who takes them over?');
  await dialog.getByLabel('Hand their work to').selectOption({ label: 'Lena Novak (Cloud Engineer)' });
  await dialog.getByRole('button', { name: 'Remove Tom Becker' }).click();
  await expect(page.locator('tr[data-person="per-2"]')).toHaveCount(0);
  await page.getByRole('navigation', { name: 'Views' }).getByRole('link', { name: 'Plan', exact: true }).click();
  await expect(page.locator('tr[data-activity="act-2"] .activities__owner')).toHaveText('Lena Novak');
  await page.getByRole('button', { name: /^Undo: Removed Tom Becker/ }).click();
  await expect(page.locator('tr[data-activity="act-2"] .activities__owner')).toHaveText('Tom Becker');
  await page.getByRole('navigation', { name: 'Views' }).getByRole('link', { name: 'Work', exact: true }).click();
  await expect(page.locator('.engagement[data-activity="act-7"] .engagement__team')).toContainText('Tom Becker');
});

test('the matrix exports as CSV and imports back unchanged; a skill column of the matrix reads levels, a wrong one refused by row and column', async ({ page }) => {
  await openApp(page, 'skills');
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Export matrix (CSV)' }).click(),
  ]);
  expect(download.suggestedFilename()).toBe('Faster client onboarding skills.csv');
  const exported = await (await import('node:fs/promises')).readFile(await download.path(), 'utf8');
  // Azure 4, AWS 3, Terraform 3, and none of the twelve other skills.
  expect(exported.split(/\r?\n/)[2]).toBe('Tom Becker,Cloud Architect,Cloud,40,4,3,3,0,0,0,0,0,0,0,0,0,0,0,0');

  const dialog = page.getByRole('dialog', { name: 'Import from a spreadsheet' });
  const input = dialog.getByLabel('Choose a CSV file');
  await page.getByRole('button', { name: 'Import people…' }).click();
  await input.setInputFiles({ name: 'skills.csv', mimeType: 'text/csv', buffer: Buffer.from(exported) });
  // Each skill's column is matched as its levels.
  await expect(dialog.getByLabel('Import column E (Azure) as')).toHaveValue('Level of the skill named above');
  await expect(page.getByTestId('sheet-summary')).toHaveText('Nothing changes from skills.csv: 15 unchanged');

  const bad = 'Name,Role,Team,Azure\nAnna Kowalski,Network Engineer,Cloud,7\nBo Lind,Network Engineer,Cloud,2\n';
  await input.setInputFiles({ name: 'people.csv', mimeType: 'text/csv', buffer: Buffer.from(bad) });
  await expect(dialog.locator('.sheet-import__row--refused')).toContainText("row 2, column D: Azure: '7' is not a skill level: use 0 (none) to 4");
  await expect(page.getByTestId('sheet-summary')).toHaveText('On Import: 1 person added (1 row refused)');
  await expect(page.locator('.matrix tbody tr')).toHaveCount(15);
  await dialog.getByRole('button', { name: 'Import', exact: true }).click();
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(page.locator('.matrix tbody tr')).toHaveCount(16);
  await expect(page.locator('.matrix tbody tr').last()).toContainText('Bo Lind');
  await expect(undoButton(page)).toHaveAttribute('aria-label', 'Undo: Imported people.csv: 1 person added');
});

test('a board card offers "Suggest owner", opening the suggestions', async ({ page }) => {
  await openApp(page, 'board');
  await page.getByRole('link', { name: 'Suggest owner for Pilot: onboard Fabrikam Legal in 7 days' }).click();
  await expect(page).toHaveURL(/#\/plan\/activity\/act-6\/suggest$/);
  // James O'Connor first (see plan.spec.mjs).
  await expect(page.getByRole('region', { name: 'Suggested owners' }).locator('li').first()).toContainText("James O'Connor");
});

test('a name being typed in the catalogue stays while levels are set in the matrix', async ({ page }) => {
  await openApp(page, 'skills');
  await page.locator('.catalogue summary').click();
  const name = page.getByLabel('Name of Firewalls and VPN');
  await name.fill('Network secu');
  await cell(page, 'per-1', 'skl-1').click();
  await expect(cell(page, 'per-1', 'skl-1')).toHaveText('1');
  await expect(name).toHaveValue('Network secu');
});

test('catalogue skills are renamed and removed, and undo brings a removed one back', async ({ page }) => {
  await openApp(page, 'skills');
  await page.locator('.catalogue summary').click();
  await page.getByLabel('Name of Firewalls and VPN').fill('Network security');
  await page.getByRole('button', { name: 'Save Firewalls and VPN' }).click();
  await expect(page.locator('.matrix thead')).toContainText('Network security');
  await page.getByRole('button', { name: 'Remove AWS' }).click();
  await expect(page.locator('.matrix thead')).not.toContainText('AWS');
  await page.getByRole('button', { name: /^Undo: Removed the skill 'AWS'/ }).click();
  await expect(page.locator('.matrix thead')).toContainText('AWS');
  await expect(cell(page, 'per-2', 'skl-2')).toHaveText('3');
});
