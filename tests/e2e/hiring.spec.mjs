// The hiring plan on the People view: open roles added with a skill in a
// scenario, edited in place, filled by a new person, removed (their work
// stays as placeholders), each step one command that Undo takes back.
import { test, expect } from '@playwright/test';
import {
  collectErrors,
  expectNoErrors,
  exportPlan,
  focusBody,
  goTo,
  importDialog,
  openApp,
  pickFile,
  undoButton,
} from './helpers.mjs';

/** The Hiring plan panel. */
function hiringPlan(page) {
  return page.getByRole('region', { name: 'Hiring plan' });
}

/** The card of an open role, by its title. */
function card(page, title) {
  return hiringPlan(page)
    .getByRole('listitem')
    .filter({ has: page.getByRole('heading', { name: title, exact: true }) });
}

/** The People table's row of a person, by name. */
function personRow(page, name) {
  return page
    .getByRole('region', { name: 'People', exact: true })
    .getByRole('row')
    .filter({ has: page.getByRole('rowheader', { name, exact: true }) });
}

test('a role is added with a skill in a scenario, filled by a new person, undone and removed', async ({ page }) => {
  const errors = collectErrors(page);
  await openApp(page, 'people');
  // The demo's role holds 16 h a week of the Contoso rollout.
  await expect(card(page, 'Cloud Engineer')).toContainText(
    'only while the scenario “Contoso Dental Group signs” is shown. 16 h a week allocated, 2027-W01 to 2027-W05.',
  );

  await hiringPlan(page).getByRole('button', { name: 'Add role' }).click();
  const form = page.getByRole('form', { name: 'New open role' });
  const title = form.getByRole('textbox', { name: 'Title', exact: true });
  await expect(title).toBeFocused();
  await title.fill('Network Engineer');
  await form.getByRole('textbox', { name: 'Team', exact: true }).fill('Cloud');
  await form.getByRole('spinbutton', { name: 'Weekly hours', exact: true }).fill('32');
  await form.getByRole('textbox', { name: 'Planned start', exact: true }).fill('2026-12-07');
  await form.getByRole('combobox', { name: 'Status', exact: true }).selectOption('Approved');
  await form.getByRole('combobox', { name: 'Scenario', exact: true }).selectOption({ label: 'Contoso Dental Group signs' });
  await form.getByRole('spinbutton', { name: 'Cost rate per hour', exact: true }).fill('48');
  await form.getByRole('combobox', { name: 'Skill to add to New open role', exact: true }).selectOption({ label: 'Firewalls and VPN (Networking)' });
  await form.getByRole('combobox', { name: 'Skill level to add to New open role', exact: true }).selectOption('3');
  await form.getByRole('button', { name: 'Add the skill to New open role' }).click();
  await expect(form.getByRole('list', { name: 'Skills' })).toContainText('Firewalls and VPN · 3 strong');
  await form.getByRole('button', { name: 'Save role' }).click();

  const role = card(page, 'Network Engineer');
  await expect(form).toHaveCount(0);
  await expect(role).toContainText(
    'Adds 32 h a week from 7 Dec 2026, only while the scenario “Contoso Dental Group signs” is shown. No work allocated yet.',
  );
  await expect(role.getByRole('combobox', { name: 'Status of Network Engineer' })).toHaveValue('Approved');
  await expect(role.getByRole('combobox', { name: 'Scenario of Network Engineer' })).toHaveValue('scn-1');
  await expect(role.getByRole('spinbutton', { name: 'Cost rate per hour of Network Engineer' })).toHaveValue('48');
  await expect(role.getByRole('list', { name: 'Skills' })).toContainText('Firewalls and VPN · 3 strong');

  // Edited in place: the hours follow at once and focus moves on as usual.
  const hours = role.getByRole('spinbutton', { name: 'Weekly hours of Network Engineer' });
  await hours.fill('36');
  await hours.press('Tab');
  await expect(role.getByRole('textbox', { name: 'Planned start of Network Engineer' })).toBeFocused();
  await expect(role).toContainText('Adds 36 h a week from 7 Dec 2026');

  // Fill role…: the hire's name, the role's start date proposed.
  await role.getByRole('button', { name: 'Fill role… Network Engineer' }).click();
  const dialog = page.getByRole('dialog', { name: 'Fill Network Engineer' });
  const name = dialog.getByRole('textbox', { name: 'Name of the hire' });
  await expect(name).toBeFocused();
  await expect(dialog.getByRole('textbox', { name: 'First working day' })).toHaveValue('2026-12-07');
  await name.fill('Grace Okafor');
  await dialog.getByRole('button', { name: 'Fill role', exact: true }).click();
  await expect(dialog).toHaveCount(0);
  await expect(role).toContainText('Filled by Grace Okafor · Cloud · 36 h a week from 7 Dec 2026');
  await expect(role.getByRole('textbox')).toHaveCount(0);
  await expect(role.getByRole('button', { name: /^Fill role/ })).toHaveCount(0);
  await expect(personRow(page, 'Grace Okafor')).toContainText('Network Engineer');
  await expect(personRow(page, 'Grace Okafor')).toContainText('starts 2026-12-07');

  // Undo takes the fill back: the role is open again, the person gone.
  await focusBody(page);
  await page.keyboard.press('Control+z');
  await expect(personRow(page, 'Grace Okafor')).toHaveCount(0);
  await expect(role.getByRole('button', { name: 'Fill role… Network Engineer' })).toBeVisible();
  await expect(role.getByRole('spinbutton', { name: 'Weekly hours of Network Engineer' })).toHaveValue('36');

  // Remove, after a confirmation that says what happens to its work.
  const remove = role.getByRole('button', { name: 'Remove Network Engineer' });
  await expect(remove).toHaveAttribute('title', /work allocated to it stays as placeholders/);
  await remove.click();
  const confirm = page.getByRole('dialog', { name: 'Remove the role Network Engineer?' });
  await expect(confirm).toContainText('No work is allocated to it. Undo (Ctrl+Z) brings the role back.');
  await confirm.getByRole('button', { name: 'Remove role' }).click();
  await expect(role).toHaveCount(0);
  await expect(hiringPlan(page).getByRole('heading', { name: 'Hiring plan' })).toBeFocused();
  await undoButton(page).click();
  await expect(role.getByRole('spinbutton', { name: 'Weekly hours of Network Engineer' })).toHaveValue('36');
  expectNoErrors(errors);
});

test('a refused edit says why on its card and leaves the plan as it was', async ({ page }) => {
  const errors = collectErrors(page);
  await openApp(page, 'people');
  const role = card(page, 'Cloud Engineer');
  const hours = role.getByRole('spinbutton', { name: 'Weekly hours of Cloud Engineer' });
  await hours.fill('200');
  await hours.press('Enter');
  await expect(role.getByRole('alert')).toContainText('200 hours a week is not possible: use 0 to 168');
  await expect(role).toContainText('Adds 40 h a week');
  await expect(undoButton(page)).toBeDisabled();

  // The title is needed; a new title names every field of the card.
  const title = role.getByRole('textbox', { name: 'Title of Cloud Engineer' });
  await title.fill(' ');
  await title.press('Enter');
  await expect(role.getByRole('alert')).toHaveText('Title: name the role, for example Cloud Engineer');
  await title.fill('Cloud Platform Engineer');
  await title.press('Enter');
  const renamed = card(page, 'Cloud Platform Engineer');
  await expect(renamed.getByRole('alert')).toHaveText('');
  await expect(renamed.getByRole('spinbutton', { name: 'Weekly hours of Cloud Platform Engineer' })).toHaveValue('40');
  await expect(renamed.getByRole('textbox', { name: 'Title of Cloud Platform Engineer' })).toBeFocused();

  // The scenario: none makes it counted in the plan.
  await renamed.getByRole('combobox', { name: 'Scenario of Cloud Platform Engineer' }).selectOption({ label: 'Counted in the plan' });
  await expect(renamed).toContainText('Adds 40 h a week from 4 Jan 2027, counted in the plan.');
  // A skill removed from the chips.
  await renamed.getByRole('button', { name: 'Remove Terraform from Cloud Platform Engineer' }).click();
  await expect(renamed.getByRole('list', { name: 'Skills' })).not.toContainText('Terraform');
  await expect(renamed.getByRole('combobox', { name: 'Skill to add to Cloud Platform Engineer', exact: true })).toBeFocused();
  expectNoErrors(errors);
});

test('work allocated to a role is counted on its card and stays as a placeholder when it goes', async ({ page }) => {
  const errors = collectErrors(page);
  await openApp(page, 'files');
  // The demo (whose open role holds 16 h a week of the Contoso rollout from
  // 2027-W01 to W05) with 16 h a week of the landing zone allocated to it
  // too, from 2027-W02 to W04: 32 h a week at most.
  const exported = JSON.parse((await exportPlan(page)).text);
  exported.plan.allocations.push({
    id: 'alc-50',
    person: null,
    placeholder: null,
    open_role: 'rol-1',
    activity: 'act-2',
    hours_per_week: 16.0,
    first_week: '2027-W02',
    last_week: '2027-W04',
    commitment: 'confirmed',
    scenario: null,
  });
  await pickFile(page, 'with-a-hire.opsboard.json', JSON.stringify(exported, null, 2));
  await importDialog(page).getByRole('button', { name: 'Replace the current plan' }).click();
  await goTo(page, 'People');

  const role = card(page, 'Cloud Engineer');
  await expect(role).toContainText('Up to 32 h a week allocated, 2027-W01 to 2027-W05 (2 allocations).');
  await role.getByRole('button', { name: 'Remove Cloud Engineer' }).click();
  const confirm = page.getByRole('dialog', { name: 'Remove the role Cloud Engineer?' });
  await expect(confirm).toContainText(
    'Its 2 allocations stay in the plan as placeholders named “Cloud Engineer”, to staff on the Capacity view.',
  );
  await confirm.getByRole('button', { name: 'Remove role' }).click();
  await expect(role).toHaveCount(0);
  await expect(hiringPlan(page)).toContainText('No open roles in the plan yet.');

  await goTo(page, 'Capacity');
  await expect(page.locator('#bar-alc-50')).toHaveAttribute('aria-label', /Unstaffed Cloud Engineer/);
  await expect(page.locator('#bar-alc-36')).toHaveAttribute('aria-label', /Unstaffed Cloud Engineer/);
  await focusBody(page);
  await page.keyboard.press('Control+z');
  await expect(page.locator('#bar-alc-50')).toHaveAttribute('aria-label', /Open role Cloud Engineer/);
  await expect(page.locator('#bar-alc-36')).toHaveAttribute('aria-label', /Open role Cloud Engineer/);
  expectNoErrors(errors);
});
