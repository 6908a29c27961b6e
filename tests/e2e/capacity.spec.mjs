// The Capacity view: the timeline's numbers, every drag and its keyboard
// twin, undo, reload persistence, tentative work and scenarios, and the
// "Can we take it?" answer on the demo plan. The demo's horizon is 2026-W46
// to 2027-W05, so column 2 is this week, 2026-W48.
import { test, expect } from '@playwright/test';
import {
  askTakeIt,
  collectErrors,
  expectNoErrors,
  focusBody,
  openApp,
  reloadApp,
  waitForSaved,
} from './helpers.mjs';

const cell = (page, person, column) =>
  page.locator(`[data-person="${person}"] .cell[data-col="${column}"]`);
const line = (page, person) => page.locator(`.tl-line[data-person="${person}"]`);
const message = (page) => page.locator('.capacity__message');

// Tall enough that a drag never has to scroll the timeline (Chromium drops
// a synthetic drag that scrolls its container; people scroll while dragging).
test.use({ viewport: { width: 1400, height: 1400 } });

test.beforeEach(async ({ page }) => {
  await openApp(page, 'capacity');
  await expect(page.getByRole('grid', { name: 'Capacity by person and week' })).toBeVisible();
});

test('each week shows capacity, support, confirmed and tentative hours', async ({ page }) => {
  const errors = collectErrors(page);
  // Tom Becker: 40 h, 20 h on the landing zone from 2026-W47 to 2026-W52.
  await expect(cell(page, 'per-2', 2)).toHaveAttribute(
    'aria-label',
    'Tom Becker, week 3: Capacity 40 h · confirmed 20 h · 50 %, 20 h free',
  );
  await expect(cell(page, 'per-2', 2)).toHaveText('50');
  // Christmas Day (Friday) takes 8 h off week 2026-W52.
  await expect(cell(page, 'per-2', 6)).toHaveAttribute(
    'aria-label',
    'Tom Becker, week 7: Capacity 32 h · confirmed 20 h · 63 %, 12 h free',
  );
  // Mei Chen does 30 h of support a week.
  await expect(cell(page, 'per-9', 2)).toHaveAttribute(
    'aria-label',
    'Mei Chen, week 3: Capacity 40 h · support 30 h · 75 %, 10 h free',
  );
  // Aisha Khan is on parental leave in 2026-W51 and W52; Ravi Patel starts
  // in 2026-W51.
  await expect(cell(page, 'per-5', 5)).toHaveClass(/cell--away/);
  await expect(cell(page, 'per-5', 4)).not.toHaveClass(/cell--away/);
  await expect(cell(page, 'per-12', 4)).toHaveClass(/cell--away/);
  await expect(cell(page, 'per-12', 5)).not.toHaveClass(/cell--away/);
  // Hovering a week shows its numbers.
  await cell(page, 'per-2', 2).hover();
  await expect(page.locator('.tl-inspector')).toHaveText(
    'Tom Becker, week 3: Capacity 40 h · confirmed 20 h · 50 %, 20 h free',
  );
  // Arrow keys move between weeks and lines; focus shows the numbers too.
  await cell(page, 'per-2', 2).focus();
  await page.keyboard.press('ArrowRight');
  await expect(cell(page, 'per-2', 3)).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(cell(page, 'per-3', 3)).toBeFocused();
  await expect(page.locator('.tl-inspector')).toHaveText(/^Lena Novak, week 4: Capacity 32 h/);
  // Teams sum their people; a team folds away.
  const cloud = page.getByRole('button', { name: /^Cloud, 2 people/ });
  await cloud.click();
  await expect(line(page, 'per-2')).toHaveCount(0);
  await cloud.click();
  await expect(line(page, 'per-2')).toBeVisible();
  expectNoErrors(errors);
});

test('dragging work from the list allocates it; undo and reload', async ({ page }) => {
  const errors = collectErrors(page);
  await page.getByRole('radio', { name: 'All open' }).check();
  // The status line is in the page, silent, before the first change: a
  // screen reader hears a live region only if it was there already.
  await expect(message(page)).toHaveAttribute('role', 'status');
  await expect(message(page)).toBeHidden();
  // The intake form (26.7 h left, due in 2026-W51, James holds 40 h of it)
  // dropped on Marcus Hill's 2026-W48: 26.7 h over 4 weeks, 7 h a week.
  await page.dragAndDrop('.work[data-id="act-4"]', '[data-person="per-4"] .cell[data-col="2"]');
  const bar = line(page, 'per-4').locator('#bar-alc-10');
  await expect(bar).toBeVisible();
  await expect(bar).toHaveAttribute(
    'aria-label',
    /^Self-service intake form and checklist · 7 h a week, 2026-W48 to 2026-W51, Marcus Hill\./,
  );
  await expect(message(page)).toHaveText(
    "Allocated Marcus Hill on 'Self-service intake form and checklist', 7 h a week, 2026-W48 to 2026-W51",
  );
  // 8 + 7 h of 40.
  await expect(cell(page, 'per-4', 2)).toHaveText('38');

  await focusBody(page);
  await page.keyboard.press('Control+z');
  await expect(page.locator('#bar-alc-10')).toHaveCount(0);
  await expect(cell(page, 'per-4', 2)).toHaveText('20');
  await page.keyboard.press('Control+Shift+z');
  await expect(line(page, 'per-4').locator('#bar-alc-10')).toBeVisible();

  await waitForSaved(page, '"id":"alc-10"');
  await reloadApp(page);
  await expect(line(page, 'per-4').locator('#bar-alc-10')).toBeVisible();
  await expect(cell(page, 'per-4', 2)).toHaveText('38');
  expectNoErrors(errors);
});

test('dragging a bar moves it to another person and weeks; undo puts it back', async ({ page }) => {
  const errors = collectErrors(page);
  // Marcus's 8 h on the landing zone, 2026-W48 to W51, grabbed by its first
  // week and dropped on Aisha Khan's 2026-W49.
  await page.dragAndDrop('#bar-alc-3', '[data-person="per-5"] .cell[data-col="3"]', {
    sourcePosition: { x: 4, y: 6 },
  });
  const moved = line(page, 'per-5').locator('#bar-alc-3');
  await expect(moved).toHaveAttribute('aria-label', /8 h a week, 2026-W49 to 2026-W52, Aisha Khan/);
  await expect(line(page, 'per-4').locator('#bar-alc-3')).toHaveCount(0);
  // Her leave weeks are now overloaded.
  await expect(cell(page, 'per-5', 5)).toHaveClass(/cell--over/);
  await expect(cell(page, 'per-5', 5)).toHaveAttribute('aria-label', /away, 8 h allocated/);
  await focusBody(page);
  await page.keyboard.press('Control+z');
  await expect(line(page, 'per-4').locator('#bar-alc-3')).toHaveAttribute(
    'aria-label',
    /8 h a week, 2026-W48 to 2026-W51, Marcus Hill/,
  );
  expectNoErrors(errors);
});

test("dragging a bar's end lengthens and shortens it", async ({ page }) => {
  const errors = collectErrors(page);
  await page.dragAndDrop('#bar-alc-2 .bar__end', '[data-person="per-2"] .cell[data-col="7"]');
  await expect(page.locator('#bar-alc-2')).toHaveAttribute('aria-label', /20 h a week, 2026-W47 to 2026-W53/);
  await expect(message(page)).toHaveText(/^Resized Tom Becker on/);
  await page.dragAndDrop('#bar-alc-2 .bar__end', '[data-person="per-2"] .cell[data-col="3"]');
  await expect(page.locator('#bar-alc-2')).toHaveAttribute('aria-label', /20 h a week, 2026-W47 to 2026-W49/);
  expectNoErrors(errors);
});

test('dropping a role to staff on a person staffs it in the same weeks', async ({ page }) => {
  const errors = collectErrors(page);
  const role = page.locator('.tl-line--role #bar-alc-9');
  await expect(role).toHaveAttribute('aria-label', /8 h a week, 2027-W02 to 2027-W05, Unstaffed Microsoft 365 Consultant/);
  await page.dragAndDrop('#bar-alc-9', '[data-person="per-12"] .cell[data-col="1"]');
  await expect(line(page, 'per-12').locator('#bar-alc-9')).toHaveAttribute(
    'aria-label',
    /8 h a week, 2027-W02 to 2027-W05, Ravi Patel/,
  );
  await expect(page.locator('.tl-line--role')).toHaveCount(0);
  await expect(message(page)).toHaveText(/^Staffed Ravi Patel on 'Pilot: onboard Fabrikam Legal in 7 days'/);
  expectNoErrors(errors);
});

test('keyboard: Enter picks a bar up, arrows, Shift+arrows and +/- change it, Enter applies', async ({ page }) => {
  const errors = collectErrors(page);
  await page.locator('#bar-alc-3').focus();
  await page.keyboard.press('Enter');
  const draft = page.locator('#bar-draft');
  await expect(draft).toBeFocused();
  await page.keyboard.press('ArrowRight');
  await expect(draft).toHaveAttribute('aria-label', /8 h a week, 2026-W49 to 2026-W52, Marcus Hill/);
  await page.keyboard.press('ArrowDown');
  await expect(line(page, 'per-5').locator('#bar-draft')).toBeFocused();
  await page.keyboard.press('+');
  await page.keyboard.press('Shift+ArrowRight');
  await expect(draft).toHaveAttribute('aria-label', /9 h a week, 2026-W49 to 2026-W53, Aisha Khan/);
  await expect(page.locator('[role="status"][aria-live="polite"]')).toHaveText(
    'Aisha Khan, 2026-W49 to 2026-W53, 9 h a week. Enter applies, Escape cancels.',
  );
  // Nothing is changed until Enter.
  await expect(line(page, 'per-5').locator('#bar-alc-3')).toHaveCount(0);
  await page.keyboard.press('Enter');
  const moved = line(page, 'per-5').locator('#bar-alc-3');
  await expect(moved).toHaveAttribute('aria-label', /9 h a week, 2026-W49 to 2026-W53, Aisha Khan/);
  await expect(moved).toBeFocused();
  await expect(page.locator('#bar-draft')).toHaveCount(0);

  // Escape drops a move; Shift+ArrowLeft shortens, - takes an hour off.
  await page.keyboard.press('Enter');
  await expect(page.locator('#bar-draft')).toBeFocused();
  await page.keyboard.press('Shift+ArrowLeft');
  await page.keyboard.press('-');
  await expect(page.locator('#bar-draft')).toHaveAttribute('aria-label', /8 h a week, 2026-W49 to 2026-W52/);
  await page.keyboard.press('Escape');
  await expect(page.locator('#bar-draft')).toHaveCount(0);
  await expect(moved).toHaveAttribute('aria-label', /9 h a week, 2026-W49 to 2026-W53/);
  await expect(moved).toBeFocused();
  expectNoErrors(errors);
});

test('keyboard: work from the list is placed on a person and week by arrows', async ({ page }) => {
  const errors = collectErrors(page);
  await page.getByRole('radio', { name: 'All open' }).check();
  await page.locator('.work[data-id="act-4"]').focus();
  await page.keyboard.press('Enter');
  // It starts on its owner, James O'Connor, this week.
  const draft = page.locator('#bar-draft');
  await expect(line(page, 'per-8').locator('#bar-draft')).toBeFocused();
  await expect(draft).toHaveAttribute('aria-label', /7 h a week, 2026-W48 to 2026-W51, James O'Connor/);
  await page.keyboard.press('ArrowUp');
  await expect(draft).toHaveAttribute('aria-label', / · \d+ h a week, \S+ to \S+, [^,.]+/);
  await page.keyboard.press('Enter');
  await expect(page.locator('#bar-alc-10')).toBeFocused();
  await expect(message(page)).toHaveText(/^Allocated /);
  expectNoErrors(errors);
});

test('a move outside the horizon is refused with the reason and changes nothing', async ({ page }) => {
  const errors = collectErrors(page);
  // Lena's pilot work, 2027-W02 to W05, a week later would end in W06.
  await page.locator('#bar-alc-8').focus();
  await page.keyboard.press('Enter');
  await expect(page.locator('#bar-draft')).toBeFocused();
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('Enter');
  await expect(message(page)).toHaveText(
    'Not changed: the allocation must lie inside the horizon, 2026-W46 to 2027-W05',
  );
  await page.keyboard.press('Escape');
  await expect(page.locator('#bar-alc-8')).toHaveAttribute('aria-label', /2027-W02 to 2027-W05/);
  expectNoErrors(errors);
});

test('tentative work and scenarios can be left out, confirmed as won and undone', async ({ page }) => {
  const errors = collectErrors(page);
  const hannah = cell(page, 'per-11', 2);
  await expect(hannah).toHaveAttribute(
    'aria-label',
    'Hannah Weber, week 3: Capacity 40 h · tentative 16 h · 40 %, 24 h free',
  );
  await page.getByRole('checkbox', { name: 'Include tentative work' }).uncheck();
  await expect(hannah).toHaveAttribute(
    'aria-label',
    'Hannah Weber, week 3: Capacity 40 h · tentative 16 h (not counted) · 0 %, 40 h free',
  );
  await page.getByRole('checkbox', { name: 'Include tentative work' }).check();

  // Hiding the scenario hides its work; its effect is shown beside the plan.
  const scenario = page.locator('.scenario').filter({ has: page.getByRole('textbox', { name: 'Scenario name' }) });
  await expect(scenario.locator('.scenario__effect')).toHaveText(/^96 h in these weeks · firm utilisation peaks at/);
  await page.getByRole('checkbox', { name: 'Show Contoso Dental Group signs' }).uncheck();
  await expect(page.locator('#bar-alc-4')).toHaveCount(0);
  await expect(hannah).toHaveAttribute('aria-label', 'Hannah Weber, week 3: Capacity 40 h · 0 %, 40 h free');
  await page.getByRole('checkbox', { name: 'Show Contoso Dental Group signs' }).check();
  await expect(page.locator('#bar-alc-4')).toHaveClass(/bar--tentative/);

  // Won: the work is confirmed; undo brings the scenario back.
  await page.getByRole('button', { name: 'Contoso Dental Group signs won: confirm its work' }).click();
  await expect(page.locator('#bar-alc-4')).not.toHaveClass(/bar--tentative/);
  await expect(hannah).toHaveAttribute(
    'aria-label',
    'Hannah Weber, week 3: Capacity 40 h · confirmed 16 h · 40 %, 24 h free',
  );
  await expect(page.locator('.scenario')).toHaveCount(0);
  await focusBody(page);
  await page.keyboard.press('Control+z');
  await expect(page.locator('.scenario')).toHaveCount(1);
  await expect(page.locator('#bar-alc-4')).toHaveClass(/bar--tentative/);
  expectNoErrors(errors);
});

test('"Can we take it?" answers with the earliest week and adds it as a scenario', async ({ page }) => {
  const errors = collectErrors(page);
  const form = await askTakeIt(page, {
    name: 'Contoso AKS platform', skills: [['Kubernetes', 3]], hours: 20, weeks: 4, start: '2026-W49',
  });
  // Only Marcus Hill holds Kubernetes at 3 or above; he has 32 h free in
  // 2026-W49 to W51 and 32 h (Christmas Day) in W52: 24 h of 152 h before,
  // 24 + 80 h after.
  await expect(form.locator('.takeit__answer')).toHaveText(
    'Yes, from 2026-W49: 1 person could take 20 h a week for 4 weeks without overload.',
  );
  const row = form.getByRole('row', { name: /Marcus Hill/ });
  await expect(row).toContainText('2026-W49');
  await expect(row).toContainText('16 % → 68 %');
  await row.getByRole('button', { name: 'Add Contoso AKS platform with Marcus Hill from 2026-W49 as a tentative scenario' }).click();
  await expect(page.getByRole('textbox', { name: 'Scenario name' })).toHaveCount(2);
  const bar = line(page, 'per-4').locator('.bar--tentative');
  await expect(bar).toHaveAttribute('aria-label', /^Contoso AKS platform · 20 h a week, 2026-W49 to 2026-W52, Marcus Hill, tentative/);
  await waitForSaved(page, 'Contoso AKS platform');
  await reloadApp(page);
  await expect(line(page, 'per-4').locator('.bar--tentative')).toHaveCount(1);
  expectNoErrors(errors);
});

test('clicking a bar opens its editor: hours, weeks and commitment by form, undoable', async ({ page }) => {
  const errors = collectErrors(page);
  await page.locator('#bar-alc-2').click();
  const editor = page.getByRole('form', { name: 'Allocation: Standard Azure landing zone in Terraform, Tom Becker' });
  await expect(editor.getByRole('spinbutton', { name: 'Hours a week' })).toHaveValue('20');
  await expect(editor.getByLabel('First week')).toHaveValue('2026-W47');
  await editor.getByRole('spinbutton', { name: 'Hours a week' }).fill('24');
  await editor.getByLabel('Last week').fill('2026-W53');
  await editor.getByRole('button', { name: 'Apply' }).click();
  await expect(page.locator('#bar-alc-2')).toHaveAttribute('aria-label', /24 h a week, 2026-W47 to 2026-W53, Tom Becker\./);
  await expect(cell(page, 'per-2', 2)).toHaveText('60');
  // Tentative, in the Contoso scenario.
  await editor.getByRole('combobox', { name: 'Commitment' }).selectOption('tentative');
  await editor.getByRole('combobox', { name: 'Scenario' }).selectOption({ label: 'Contoso Dental Group signs' });
  await editor.getByRole('button', { name: 'Apply' }).click();
  await expect(page.locator('#bar-alc-2')).toHaveClass(/bar--tentative/);
  // A bad value is refused with the reason.
  await editor.getByRole('spinbutton', { name: 'Hours a week' }).fill('0');
  await editor.getByRole('button', { name: 'Apply' }).click();
  await expect(editor.getByRole('alert')).toHaveText('an allocation needs more than 0 hours a week');
  await focusBody(page);
  await page.keyboard.press('Control+z');
  await page.keyboard.press('Control+z');
  await expect(page.locator('#bar-alc-2')).toHaveAttribute('aria-label', /20 h a week, 2026-W47 to 2026-W52, Tom Becker\./);
  // Remove takes it off the plan.
  await page.locator('#bar-alc-2').click();
  await editor.getByRole('button', { name: 'Remove' }).click();
  await expect(page.locator('#bar-alc-2')).toHaveCount(0);
  expectNoErrors(errors);
});

test('a change patches the weeks it touched in place, drawn as a fresh page draws them', async ({ page }) => {
  const errors = collectErrors(page);
  // Each line's markup, without the marks this test sets.
  const timeline = () => page.locator('.tl-body > .tl-wrap').evaluateAll((lines) => lines.map((line) => {
    const copy = line.cloneNode(true);
    copy.querySelectorAll('[data-probe]').forEach((element) => element.removeAttribute('data-probe'));
    return copy.innerHTML;
  }));
  await page.locator('.tl-body .cell').evaluateAll((cells) => cells.forEach((cell) => { cell.dataset.probe = 'kept'; }));
  const total = page.locator('.tl-line--total .cell[data-col="2"]');
  const totalBefore = await total.textContent();
  await page.locator('#bar-alc-2').click();
  const editor = page.locator('form.allocation-editor');
  await editor.getByRole('spinbutton', { name: 'Hours a week' }).fill('24');
  await editor.getByRole('button', { name: 'Apply' }).click();
  await editor.getByRole('button', { name: 'Close the allocation editor' }).click();
  // Tom's week and the firm's follow; the weeks are the same elements.
  await expect(cell(page, 'per-2', 2)).toHaveText('60');
  await expect(total).not.toHaveText(totalBefore);
  await expect(cell(page, 'per-2', 2)).toHaveAttribute('data-probe', 'kept');
  await expect(total).toHaveAttribute('data-probe', 'kept');
  await expect(page.locator('#bar-alc-2')).toHaveAttribute('aria-label', /24 h a week/);
  // Patched, the timeline is what a fresh page draws for the same plan.
  const patched = await timeline();
  await waitForSaved(page, '"hours_per_week":24.0');
  await reloadApp(page);
  await expect(cell(page, 'per-2', 2)).toHaveText('60');
  expect(await timeline()).toEqual(patched);
  expectNoErrors(errors);
});

test('drops, undos and redos are counted into the weeks, the work list and the panels as a fresh page computes them', async ({ page }) => {
  const errors = collectErrors(page);
  await page.getByRole('radio', { name: 'All open' }).check();
  // What the view shows of the plan's numbers: every line of the timeline
  // (names with their billable figures, weeks, bars), the firm's billable
  // line, the work to staff and the panels under the timeline.
  const shown = async () => ({
    lines: await page.locator('.tl-body > .tl-wrap').evaluateAll((lines) => lines.map((line) => line.innerHTML)),
    billable: await page.locator('.capacity__billable').innerText(),
    work: await page.locator('.worklist__items').innerText(),
    panels: await page.locator('.capacity__panels').innerText(),
  });
  // Work dropped on Marcus, a bar moved to Aisha, the move undone, the
  // drop undone and redone, the intake form's hours changed.
  await page.dragAndDrop('.work[data-id="act-4"]', '[data-person="per-4"] .cell[data-col="2"]');
  await expect(line(page, 'per-4').locator('#bar-alc-10')).toBeVisible();
  await page.dragAndDrop('#bar-alc-3', '[data-person="per-5"] .cell[data-col="3"]', {
    sourcePosition: { x: 4, y: 6 },
  });
  await expect(line(page, 'per-5').locator('#bar-alc-3')).toBeVisible();
  await focusBody(page);
  await page.keyboard.press('Control+z');
  await expect(line(page, 'per-4').locator('#bar-alc-3')).toBeVisible();
  await page.keyboard.press('Control+z');
  await expect(page.locator('#bar-alc-10')).toHaveCount(0);
  await page.keyboard.press('Control+Shift+z');
  await expect(line(page, 'per-4').locator('#bar-alc-10')).toBeVisible();
  await page.locator('#bar-alc-10').click();
  const editor = page.locator('form.allocation-editor');
  await editor.getByRole('spinbutton', { name: 'Hours a week' }).fill('12');
  await editor.getByRole('button', { name: 'Apply' }).click();
  await editor.getByRole('button', { name: 'Close the allocation editor' }).click();
  await expect(cell(page, 'per-4', 2)).toHaveText('50');
  await page.waitForTimeout(100);
  const counted = await shown();
  await waitForSaved(page, '"hours_per_week":12.0');
  await reloadApp(page);
  await page.getByRole('radio', { name: 'All open' }).check();
  await expect(cell(page, 'per-4', 2)).toHaveText('50');
  await page.waitForTimeout(100);
  expect(await shown()).toEqual(counted);
  expectNoErrors(errors);
});

test('the editor stays open as the selection moves and shows what the plan holds', async ({ page }) => {
  const errors = collectErrors(page);
  const editor = page.locator('form.allocation-editor');
  const hours = editor.getByRole('spinbutton', { name: 'Hours a week' });
  const holder = editor.getByRole('combobox', { name: 'Assigned to' });
  await page.locator('#bar-alc-2').click();
  await expect(editor).toHaveAttribute('aria-label', 'Allocation: Standard Azure landing zone in Terraform, Tom Becker');
  await expect(hours).toHaveValue('20');
  await expect(holder).toHaveValue('per-2');
  // Another bar: the same form, that bar's values; the people it offers
  // are not written again (a mark on one stays).
  await holder.locator('option[value="per-7"]').evaluate((option) => { option.dataset.probe = 'kept'; });
  await page.locator('#bar-alc-3').click();
  await expect(editor).toHaveCount(1);
  await expect(holder.locator('option[value="per-7"]')).toHaveAttribute('data-probe', 'kept');
  await expect(editor).toHaveAttribute('aria-label', 'Allocation: Standard Azure landing zone in Terraform, Marcus Hill');
  await expect(hours).toHaveValue('8');
  await expect(editor.getByLabel('First week')).toHaveValue('2026-W48');
  await expect(holder).toHaveValue('per-4');
  // Unstaffed work: "Assigned to" offers it as it is, then people.
  await page.locator('#bar-alc-9').click();
  await expect(editor).toHaveAttribute('aria-label', /^Allocation: .*, Unstaffed Microsoft 365 Consultant$/);
  await expect(holder).toHaveValue('');
  await expect(holder.locator('option').first()).toHaveText('Unstaffed Microsoft 365 Consultant');
  await page.locator('#bar-alc-3').click();
  await expect(holder).toHaveValue('per-4');
  await expect(holder.locator('option').first()).not.toHaveText('Unstaffed Microsoft 365 Consultant');
  // Moved by keyboard: the fields follow the plan.
  await page.locator('#bar-alc-3').focus();
  await page.keyboard.press('Enter');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('Enter');
  await expect(editor.getByLabel('First week')).toHaveValue('2026-W49');
  await expect(editor.getByLabel('Last week')).toHaveValue('2026-W52');
  // Undone: back to what the plan holds again.
  await focusBody(page);
  await page.keyboard.press('Control+z');
  await expect(editor.getByLabel('First week')).toHaveValue('2026-W48');
  // Closed, it comes back on the next click.
  await editor.getByRole('button', { name: 'Close the allocation editor' }).click();
  await expect(editor).toHaveCount(0);
  await page.locator('#bar-alc-2').click();
  await expect(hours).toHaveValue('20');
  expectNoErrors(errors);
});

test('a bar that starts weeks before the shown weeks moves by the week it was grabbed at', async ({ page }) => {
  const errors = collectErrors(page);
  // Show weeks from 2026-W49: Tom's alc-2 (2026-W47 to W52) has two weeks
  // hidden. Grabbed at its first shown week (W49) and dropped on W50, it
  // moves one week later.
  await page.getByLabel('From week').fill('2026-W49');
  await page.getByLabel('From week').dispatchEvent('change');
  await expect(page.locator('.tl-week').first()).toContainText('W49');
  await page.dragAndDrop('#bar-alc-2', '[data-person="per-2"] .cell[data-col="1"]', {
    sourcePosition: { x: 6, y: 6 },
  });
  await expect(page.locator('#bar-alc-2')).toHaveAttribute('aria-label', /20 h a week, 2026-W48 to 2026-W53, Tom Becker\./);
  expectNoErrors(errors);
});

test("people's names stay at the left edge when the weeks are scrolled sideways", async ({ page }) => {
  const errors = collectErrors(page);
  // A window too narrow for every week: the timeline scrolls sideways.
  await page.setViewportSize({ width: 560, height: 1000 });
  const scroller = page.locator('.tl-scroll');
  const name = page.locator('.tl-line[data-person="per-2"] .tl-name');
  await expect(name).toContainText('Tom Becker');
  // The timeline scrolls in its own box; the page does not scroll sideways.
  const overflow = await scroller.evaluate((element) => element.scrollWidth - element.clientWidth);
  expect(overflow).toBeGreaterThan(100);
  expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
  const left = async () => (await name.boundingBox()).x - (await scroller.boundingBox()).x;
  const atStart = await left();
  expect(atStart).toBeLessThan(3);
  // Scrolled by 100 px, the weeks move under the name, which stays.
  const week = cell(page, 'per-2', 6);
  const weekBefore = (await week.boundingBox()).x;
  await scroller.evaluate((element) => { element.scrollLeft = 100; });
  await expect.poll(async () => Math.round(weekBefore - (await week.boundingBox()).x)).toBe(100);
  await expect.poll(left).toBeCloseTo(atStart, 0);
  await expect(name).toBeVisible();
  // The name is drawn over the weeks scrolled beneath it.
  const { x, y, width, height } = await name.boundingBox();
  const top = await page.evaluate(([px, py]) => document.elementFromPoint(px, py)?.closest('.tl-name') !== null, [x + width / 2, y + height / 2]);
  expect(top).toBe(true);
  // Back at the start, nothing has moved.
  await scroller.evaluate((element) => { element.scrollLeft = 0; });
  await expect.poll(async () => Math.round((await week.boundingBox()).x)).toBe(Math.round(weekBefore));
  await expect.poll(left).toBeCloseTo(atStart, 0);
  expectNoErrors(errors);
});
