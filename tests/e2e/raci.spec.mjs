// The RACI matrix on the Plan view: the owner is the Accountable; other
// cells cycle Responsible, Consulted, Informed and nothing by click and by
// keyboard, each an undoable command, and the checks follow.
import { test, expect } from '@playwright/test';
import { collectErrors, expectNoErrors, focusBody, openApp } from './helpers.mjs';

const AZURE = 'Standard Azure landing zone in Terraform';

test('RACI cells cycle by click and keyboard, keep focus, and undo restores them', async ({ page }) => {
  const errors = collectErrors(page);
  await openApp(page);
  const panel = page.getByRole('region', { name: 'Who does what (RACI)' });
  await expect(panel.getByRole('button', { name: `Tom Becker on ${AZURE}: A/R (Accountable and responsible)` })).toHaveText('A/R');
  await expect(panel.getByRole('button', { name: `Daniel Ortiz on ${AZURE}: C (Consulted)` })).toHaveText('C');

  const lena = (role) => panel.getByRole('button', { name: `Lena Novak on ${AZURE}: ${role}`, exact: true });
  await lena('no role').click();
  await expect(lena('R (Responsible)')).toHaveText('R');
  await expect(lena('R (Responsible)')).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(lena('C (Consulted)')).toHaveText('C');
  await expect(lena('C (Consulted)')).toBeFocused();

  await focusBody(page);
  await page.keyboard.press('Control+z');
  await expect(lena('R (Responsible)')).toBeVisible();
  await page.keyboard.press('Control+z');
  await expect(lena('no role')).toHaveText('');
  expectNoErrors(errors);
});

test('the RACI checks name an activity left without anyone responsible', async ({ page }) => {
  await openApp(page);
  const panel = page.getByRole('region', { name: 'Who does what (RACI)' });
  await expect(panel.getByRole('list', { name: 'RACI checks' }).or(panel.locator('.raci__ok'))).not.toContainText(AZURE);
  // Tom Becker (the owner) and Marcus Hill are responsible for the landing
  // zone: R → C → I → nothing takes three presses each.
  for (const name of ['Tom Becker', 'Marcus Hill']) {
    const cell = panel.getByRole('button', { name: new RegExp(`^${name} on ${AZURE}:`) });
    for (let n = 0; n < 3; n += 1) {
      await cell.click();
      await expect(cell).toBeFocused();
    }
  }
  await expect(panel.getByRole('button', { name: `Tom Becker on ${AZURE}: A (Accountable)` })).toHaveText('A');
  await expect(panel.getByRole('list', { name: 'RACI checks' })).toContainText(AZURE);
});
