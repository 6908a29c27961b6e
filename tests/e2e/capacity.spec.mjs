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
  pickWeek,
  reloadApp,
  shownWeek,
  waitForSaved,
} from './helpers.mjs';

const cell = (page, person, column) =>
  page.locator(`[data-person="${person}"] .cell[data-col="${column}"]`);
const line = (page, person) => page.locator(`.tl-line[data-person="${person}"]`);
const message = (page) => page.locator('.capacity__message');

// Tall enough that a drag never has to scroll the timeline (Chromium drops
// a synthetic drag that scrolls its container; people scroll while dragging).
test.use({ viewport: { width: 1400, height: 2000 } });

test.beforeEach(async ({ page }) => {
  await openApp(page, 'capacity');
  await expect(page.getByRole('grid', { name: 'Capacity by person and week' })).toBeVisible();
});

test('each week shows capacity, confirmed and tentative hours', async ({ page }) => {
  const errors = collectErrors(page);
  // Tom Becker: 40 h; in 2026-W48 8 h of Northwind's managed operations, 6 h
  // of pre-sales, 14 h on the landing zone (2026-W47 to W52) and 8 h on the
  // AWS cost review (2026-W47 to W49): 36 h.
  await expect(cell(page, 'per-2', 2)).toHaveAttribute(
    'aria-label',
    'Tom Becker, week 3: Capacity 40 h · confirmed 36 h · 90 %, 4 h free',
  );
  await expect(cell(page, 'per-2', 2)).toHaveText('90');
  // Christmas Day (Friday) takes 8 h off week 2026-W52; the cost review is
  // over: 8 + 6 + 14 h.
  await expect(cell(page, 'per-2', 6)).toHaveAttribute(
    'aria-label',
    'Tom Becker, week 7: Capacity 32 h · confirmed 28 h · 88 %, 4 h free',
  );
  // Mei Chen's 32 h a week on the Woodgrove service desk (support is booked
  // on the managed-services contract now, not as support hours).
  await expect(cell(page, 'per-9', 2)).toHaveAttribute(
    'aria-label',
    'Mei Chen, week 3: Capacity 40 h · confirmed 32 h · 80 %, 8 h free',
  );
  // The open role hired if Contoso signs (from 2027-W01) holds 16 h a week
  // of the Contoso rollout, tentative.
  await expect(page.locator('.tl-line[data-role="rol-1"] .cell[data-col="9"]')).toHaveAttribute(
    'aria-label',
    'Open role Cloud Engineer, week 10: Capacity 40 h · tentative 16 h · 40 %, 24 h free',
  );
  // Aisha Khan is on parental leave in 2026-W51 and W52 (and stays booked
  // on the AKS build and the CI/CD pipelines); Ravi Patel starts in 2026-W51.
  await expect(cell(page, 'per-5', 5)).toHaveAttribute('aria-label', /^Aisha Khan, week 6: Capacity 0 h · .* · away, 40 h allocated$/);
  await expect(cell(page, 'per-5', 4)).not.toHaveAttribute('aria-label', /away/);
  await expect(cell(page, 'per-12', 4)).toHaveClass(/cell--away/);
  await expect(cell(page, 'per-12', 5)).not.toHaveClass(/cell--away/);
  // Hovering a week shows its numbers.
  await cell(page, 'per-2', 2).hover();
  await expect(page.locator('.tl-inspector')).toHaveText(
    'Tom Becker, week 3: Capacity 40 h · confirmed 36 h · 90 %, 4 h free',
  );
  // Arrow keys move between weeks and lines; focus shows the numbers too.
  await cell(page, 'per-2', 2).focus();
  await page.keyboard.press('ArrowRight');
  await expect(cell(page, 'per-2', 3)).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(cell(page, 'per-3', 3)).toBeFocused();
  await expect(page.locator('.tl-inspector')).toHaveText(/^Lena Novak, week 4: Capacity 32 h/);
  // Teams sum their people; a team folds away (Tom, Lena and Elena Rossi).
  const cloud = page.getByRole('button', { name: /^Cloud, 3 people/ });
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
  // The intake form (26.7 h left, due in 2026-W51, James holds 32 h of it,
  // so nothing is missing) dropped on Marcus Hill's 2026-W48: its remaining
  // 26.7 h over 4 weeks, 7 h a week (he has 12 h free).
  await page.dragAndDrop('.work[data-id="act-4"]', '[data-person="per-4"] .cell[data-col="2"]');
  const bar = line(page, 'per-4').locator('#bar-alc-45');
  await expect(bar).toBeVisible();
  await expect(bar).toHaveAttribute(
    'aria-label',
    /^Self-service intake form and checklist · 7 h a week, 2026-W48 to 2026-W51, Marcus Hill\./,
  );
  await expect(message(page)).toHaveText(
    "Allocated Marcus Hill on 'Self-service intake form and checklist', 7 h a week, 2026-W48 to 2026-W51",
  );
  // 24 h on the AKS build + 4 h on the landing zone + 7 h, of 40.
  await expect(cell(page, 'per-4', 2)).toHaveText('88');

  await focusBody(page);
  await page.keyboard.press('Control+z');
  await expect(page.locator('#bar-alc-45')).toHaveCount(0);
  await expect(cell(page, 'per-4', 2)).toHaveText('70');
  await page.keyboard.press('Control+Shift+z');
  await expect(line(page, 'per-4').locator('#bar-alc-45')).toBeVisible();

  await waitForSaved(page, '"id":"alc-45"');
  await reloadApp(page);
  await expect(line(page, 'per-4').locator('#bar-alc-45')).toBeVisible();
  await expect(cell(page, 'per-4', 2)).toHaveText('88');
  expectNoErrors(errors);
});

test('dragging a bar moves it to another person and weeks; undo puts it back', async ({ page }) => {
  const errors = collectErrors(page);
  // Marcus's 4 h on the landing zone, 2026-W48 to W51, grabbed by its first
  // week and dropped on Aisha Khan's 2026-W49.
  await expect(cell(page, 'per-5', 5)).toHaveAttribute('aria-label', /away, 40 h allocated$/);
  await page.dragAndDrop('#bar-alc-3', '[data-person="per-5"] .cell[data-col="3"]', {
    sourcePosition: { x: 4, y: 6 },
  });
  const moved = line(page, 'per-5').locator('#bar-alc-3');
  await expect(moved).toHaveAttribute('aria-label', /4 h a week, 2026-W49 to 2026-W52, Aisha Khan/);
  await expect(line(page, 'per-4').locator('#bar-alc-3')).toHaveCount(0);
  // Her leave weeks (already booked over: the AKS build and the CI/CD
  // pipelines, 40 h) take the 4 h more.
  await expect(cell(page, 'per-5', 5)).toHaveClass(/cell--over/);
  await expect(cell(page, 'per-5', 5)).toHaveAttribute('aria-label', /away, 44 h allocated$/);
  await focusBody(page);
  await page.keyboard.press('Control+z');
  await expect(line(page, 'per-4').locator('#bar-alc-3')).toHaveAttribute(
    'aria-label',
    /4 h a week, 2026-W48 to 2026-W51, Marcus Hill/,
  );
  await expect(cell(page, 'per-5', 5)).toHaveAttribute('aria-label', /away, 40 h allocated$/);
  expectNoErrors(errors);
});

test("dragging a bar's end lengthens and shortens it", async ({ page }) => {
  const errors = collectErrors(page);
  await page.dragAndDrop('#bar-alc-2 .bar__end', '[data-person="per-2"] .cell[data-col="7"]');
  await expect(page.locator('#bar-alc-2')).toHaveAttribute('aria-label', /14 h a week, 2026-W47 to 2026-W53/);
  await expect(message(page)).toHaveText(/^Resized Tom Becker on/);
  await page.dragAndDrop('#bar-alc-2 .bar__end', '[data-person="per-2"] .cell[data-col="3"]');
  await expect(page.locator('#bar-alc-2')).toHaveAttribute('aria-label', /14 h a week, 2026-W47 to 2026-W49/);
  expectNoErrors(errors);
});

test('dropping a role to staff on a person staffs it in the same weeks', async ({ page }) => {
  const errors = collectErrors(page);
  const role = page.locator('.tl-line--role #bar-alc-9');
  await expect(role).toHaveAttribute('aria-label', /8 h a week, 2027-W02 to 2027-W05, Unstaffed Microsoft 365 Consultant/);
  // Four roles to staff: the pilot's consultant, and the three the pipeline
  // deals need (Contoso's consultant, Trey's analyst, Tailspin's engineer).
  await expect(page.locator('.tl-line--role')).toHaveCount(4);
  await page.dragAndDrop('#bar-alc-9', '[data-person="per-12"] .cell[data-col="1"]');
  await expect(line(page, 'per-12').locator('#bar-alc-9')).toHaveAttribute(
    'aria-label',
    /8 h a week, 2027-W02 to 2027-W05, Ravi Patel/,
  );
  await expect(page.locator('.tl-line--role #bar-alc-9')).toHaveCount(0);
  await expect(page.locator('.tl-line--role')).toHaveCount(3);
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
  await expect(draft).toHaveAttribute('aria-label', /4 h a week, 2026-W49 to 2026-W52, Marcus Hill/);
  await page.keyboard.press('ArrowDown');
  await expect(line(page, 'per-5').locator('#bar-draft')).toBeFocused();
  await page.keyboard.press('+');
  await page.keyboard.press('Shift+ArrowRight');
  await expect(draft).toHaveAttribute('aria-label', /5 h a week, 2026-W49 to 2026-W53, Aisha Khan/);
  await expect(page.locator('[role="status"][aria-live="polite"]')).toHaveText(
    'Aisha Khan, 2026-W49 to 2026-W53, 5 h a week. Enter applies, Escape cancels.',
  );
  // Nothing is changed until Enter.
  await expect(line(page, 'per-5').locator('#bar-alc-3')).toHaveCount(0);
  await page.keyboard.press('Enter');
  const moved = line(page, 'per-5').locator('#bar-alc-3');
  await expect(moved).toHaveAttribute('aria-label', /5 h a week, 2026-W49 to 2026-W53, Aisha Khan/);
  await expect(moved).toBeFocused();
  await expect(page.locator('#bar-draft')).toHaveCount(0);

  // Escape drops a move; Shift+ArrowLeft shortens, - takes an hour off.
  await page.keyboard.press('Enter');
  await expect(page.locator('#bar-draft')).toBeFocused();
  await page.keyboard.press('Shift+ArrowLeft');
  await page.keyboard.press('-');
  await expect(page.locator('#bar-draft')).toHaveAttribute('aria-label', /4 h a week, 2026-W49 to 2026-W52/);
  await page.keyboard.press('Escape');
  await expect(page.locator('#bar-draft')).toHaveCount(0);
  await expect(moved).toHaveAttribute('aria-label', /5 h a week, 2026-W49 to 2026-W53/);
  await expect(moved).toBeFocused();
  expectNoErrors(errors);
});

test('keyboard: work from the list is placed on a person and week by arrows', async ({ page }) => {
  const errors = collectErrors(page);
  await page.getByRole('radio', { name: 'All open' }).check();
  await page.locator('.work[data-id="act-4"]').focus();
  await page.keyboard.press('Enter');
  // It starts on its owner, James O'Connor, this week: its remaining 26.7 h
  // over 4 weeks (he has 8 h free).
  const draft = page.locator('#bar-draft');
  await expect(line(page, 'per-8').locator('#bar-draft')).toBeFocused();
  await expect(draft).toHaveAttribute('aria-label', /7 h a week, 2026-W48 to 2026-W51, James O'Connor/);
  await page.keyboard.press('ArrowUp');
  await expect(draft).toHaveAttribute('aria-label', / · \d+ h a week, \S+ to \S+, [^,.]+/);
  await page.keyboard.press('Enter');
  await expect(page.locator('#bar-alc-45')).toBeFocused();
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
  // The open role hired if Contoso signs holds 16 h a week of its rollout
  // from 2027-W01 (column 8), tentative.
  const role = page.locator('.tl-line[data-role="rol-1"] .cell[data-col="9"]');
  const tentative = page.locator('.capacity__controls').getByRole('checkbox', { name: 'Include tentative work' });
  await expect(role).toHaveAttribute(
    'aria-label',
    'Open role Cloud Engineer, week 10: Capacity 40 h · tentative 16 h · 40 %, 24 h free',
  );
  await tentative.uncheck();
  await expect(role).toHaveAttribute(
    'aria-label',
    'Open role Cloud Engineer, week 10: Capacity 40 h · tentative 16 h (not counted) · 0 %, 40 h free',
  );
  await tentative.check();

  // Hiding the scenario hides its work; its effect is shown beside the plan:
  // the consultant to staff, 24 h a week from 2026-W52 to 2027-W05 (7
  // weeks), and the role's 16 h a week from 2027-W01 to W05: 168 + 80 h.
  const scenario = page.locator('.scenario').filter({ has: page.getByRole('textbox', { name: 'Scenario name' }) });
  await expect(scenario.locator('.scenario__effect')).toHaveText(/^248 h in these weeks · firm utilisation peaks at/);
  await page.getByRole('checkbox', { name: 'Show Contoso Dental Group signs' }).uncheck();
  await expect(page.locator('#bar-alc-36')).toHaveCount(0);
  await expect(page.locator('#bar-alc-35')).toHaveCount(0);
  await expect(role).toHaveCount(0);
  await page.getByRole('checkbox', { name: 'Show Contoso Dental Group signs' }).check();
  await expect(page.locator('#bar-alc-36')).toHaveClass(/bar--tentative/);
  await expect(role).toHaveAttribute('aria-label', /tentative 16 h · 40 %/);

  // Won: the work is confirmed; undo brings the scenario back.
  await page.getByRole('button', { name: 'Contoso Dental Group signs won: confirm its work' }).click();
  await expect(page.locator('#bar-alc-36')).not.toHaveClass(/bar--tentative/);
  await expect(role).toHaveAttribute(
    'aria-label',
    'Open role Cloud Engineer, week 10: Capacity 40 h · confirmed 16 h · 40 %, 24 h free',
  );
  await expect(page.locator('.scenario')).toHaveCount(0);
  await focusBody(page);
  await page.keyboard.press('Control+z');
  await expect(page.locator('.scenario')).toHaveCount(1);
  await expect(page.locator('#bar-alc-36')).toHaveClass(/bar--tentative/);
  expectNoErrors(errors);
});

test('"Can we take it?" answers with the earliest week and adds it as a scenario', async ({ page }) => {
  const errors = collectErrors(page);
  const form = await askTakeIt(page, {
    name: 'Contoso AKS platform', skills: [['Kubernetes', 3]], hours: 16, weeks: 4, start: '2026-W49',
  });
  // Only Marcus Hill holds Kubernetes at 3 or above. He has 12 h free in
  // 2026-W49, is over his hours from W50 to W53 (the CI/CD pipelines beside
  // the AKS build) and full in 2027-W01; from 2027-W02 he has 16 h free a
  // week (24 h on the AKS build): 96 h of 160 h before, 96 + 64 h after.
  await expect(form.locator('.takeit__answer')).toHaveText(
    'Yes, from 2027-W02: 1 person could take 16 h a week for 4 weeks without overload.',
  );
  const row = form.getByRole('row', { name: /Marcus Hill/ });
  await expect(row).toContainText('2027-W02');
  await expect(row).toContainText('60 % → 100 %');
  await row.getByRole('button', { name: 'Add Contoso AKS platform with Marcus Hill from 2027-W02 as a tentative scenario' }).click();
  await expect(page.getByRole('textbox', { name: 'Scenario name' })).toHaveCount(2);
  const bar = line(page, 'per-4').locator('.bar--tentative');
  await expect(bar).toHaveAttribute('aria-label', /^Contoso AKS platform · 16 h a week, 2027-W02 to 2027-W05, Marcus Hill, tentative/);
  await waitForSaved(page, 'Contoso AKS platform');
  await reloadApp(page);
  await expect(line(page, 'per-4').locator('.bar--tentative')).toHaveCount(1);
  expectNoErrors(errors);
});

test('clicking a bar opens its editor: hours, weeks and commitment by form, undoable', async ({ page }) => {
  const errors = collectErrors(page);
  await page.locator('#bar-alc-2').click();
  const editor = page.getByRole('form', { name: 'Allocation: Standard Azure landing zone in Terraform, Tom Becker' });
  await expect(editor.getByRole('spinbutton', { name: 'Hours a week' })).toHaveValue('14');
  await expect(shownWeek(editor, 'First week')).toHaveText('2026-W47');
  await editor.getByRole('spinbutton', { name: 'Hours a week' }).fill('18');
  await pickWeek(editor, 'Last week', '2026-W53');
  await editor.getByRole('button', { name: 'Apply' }).click();
  await expect(page.locator('#bar-alc-2')).toHaveAttribute('aria-label', /18 h a week, 2026-W47 to 2026-W53, Tom Becker\./);
  // His 36 h in 2026-W48, 4 h more.
  await expect(cell(page, 'per-2', 2)).toHaveText('100');
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
  await expect(page.locator('#bar-alc-2')).toHaveAttribute('aria-label', /14 h a week, 2026-W47 to 2026-W52, Tom Becker\./);
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
  const totalBefore = await total.getAttribute('aria-label');
  expect(totalBefore).toBe('All teams, week 3: Capacity 536 h · confirmed 384 h · 72 %, 152 h free');
  await page.locator('#bar-alc-2').click();
  const editor = page.locator('form.allocation-editor');
  await editor.getByRole('spinbutton', { name: 'Hours a week' }).fill('18');
  await editor.getByRole('button', { name: 'Apply' }).click();
  await editor.getByRole('button', { name: 'Close the allocation editor' }).click();
  // Tom's week (36 h, 4 more) and the firm's follow; the weeks are the same
  // elements.
  await expect(cell(page, 'per-2', 2)).toHaveText('100');
  await expect(total).not.toHaveAttribute('aria-label', totalBefore);
  await expect(total).toHaveAttribute('aria-label', 'All teams, week 3: Capacity 536 h · confirmed 388 h · 72 %, 148 h free');
  await expect(cell(page, 'per-2', 2)).toHaveAttribute('data-probe', 'kept');
  await expect(total).toHaveAttribute('data-probe', 'kept');
  await expect(page.locator('#bar-alc-2')).toHaveAttribute('aria-label', /18 h a week/);
  // Patched, the timeline is what a fresh page draws for the same plan.
  const patched = await timeline();
  await waitForSaved(page, '"hours_per_week":18.0');
  await reloadApp(page);
  await expect(cell(page, 'per-2', 2)).toHaveText('100');
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
  await expect(line(page, 'per-4').locator('#bar-alc-45')).toBeVisible();
  await page.dragAndDrop('#bar-alc-3', '[data-person="per-5"] .cell[data-col="3"]', {
    sourcePosition: { x: 4, y: 6 },
  });
  await expect(line(page, 'per-5').locator('#bar-alc-3')).toBeVisible();
  await focusBody(page);
  await page.keyboard.press('Control+z');
  await expect(line(page, 'per-4').locator('#bar-alc-3')).toBeVisible();
  await page.keyboard.press('Control+z');
  await expect(page.locator('#bar-alc-45')).toHaveCount(0);
  await page.keyboard.press('Control+Shift+z');
  await expect(line(page, 'per-4').locator('#bar-alc-45')).toBeVisible();
  await page.locator('#bar-alc-45').click();
  const editor = page.locator('form.allocation-editor');
  // 11 h: no other allocation of the demo has it, so the saved text shows
  // when this one is written.
  await editor.getByRole('spinbutton', { name: 'Hours a week' }).fill('11');
  await editor.getByRole('button', { name: 'Apply' }).click();
  await editor.getByRole('button', { name: 'Close the allocation editor' }).click();
  // 24 h on the AKS build + 4 h on the landing zone + 11 h, of 40.
  await expect(cell(page, 'per-4', 2)).toHaveText('98');
  await page.waitForTimeout(100);
  const counted = await shown();
  await waitForSaved(page, '"hours_per_week":11.0');
  await reloadApp(page);
  await page.getByRole('radio', { name: 'All open' }).check();
  await expect(cell(page, 'per-4', 2)).toHaveText('98');
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
  await expect(hours).toHaveValue('14');
  await expect(holder).toHaveValue('per-2');
  // Another bar: the same form, that bar's values; the people it offers
  // are not written again (a mark on one stays).
  await holder.locator('option[value="per-7"]').evaluate((option) => { option.dataset.probe = 'kept'; });
  await page.locator('#bar-alc-3').click();
  await expect(editor).toHaveCount(1);
  await expect(holder.locator('option[value="per-7"]')).toHaveAttribute('data-probe', 'kept');
  await expect(editor).toHaveAttribute('aria-label', 'Allocation: Standard Azure landing zone in Terraform, Marcus Hill');
  await expect(hours).toHaveValue('4');
  await expect(shownWeek(editor, 'First week')).toHaveText('2026-W48');
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
  await expect(shownWeek(editor, 'First week')).toHaveText('2026-W49');
  await expect(shownWeek(editor, 'Last week')).toHaveText('2026-W52');
  // Undone: back to what the plan holds again.
  await focusBody(page);
  await page.keyboard.press('Control+z');
  await expect(shownWeek(editor, 'First week')).toHaveText('2026-W48');
  // Closed, it comes back on the next click.
  await editor.getByRole('button', { name: 'Close the allocation editor' }).click();
  await expect(editor).toHaveCount(0);
  await page.locator('#bar-alc-2').click();
  await expect(hours).toHaveValue('14');
  expectNoErrors(errors);
});

test('a bar that starts weeks before the shown weeks moves by the week it was grabbed at', async ({ page }) => {
  const errors = collectErrors(page);
  // Show weeks from 2026-W49: Tom's alc-2 (14 h, 2026-W47 to W52) has two weeks
  // hidden. Grabbed at its first shown week (W49) and dropped on W50, it
  // moves one week later.
  await pickWeek(page, 'From week', '2026-W49');
  await expect(page.locator('.tl-week').first()).toContainText('W49');
  await page.dragAndDrop('#bar-alc-2', '[data-person="per-2"] .cell[data-col="1"]', {
    sourcePosition: { x: 6, y: 6 },
  });
  await expect(page.locator('#bar-alc-2')).toHaveAttribute('aria-label', /14 h a week, 2026-W48 to 2026-W53, Tom Becker\./);
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

test('the chart shows the pipeline weighted by its win probability as a line of expected demand, and says so', async ({ page }) => {
  const errors = collectErrors(page);
  const summary = page.locator('.chart__summary');
  const weighted = page.getByRole('checkbox', { name: 'Show the pipeline weighted by its win probability' });
  await expect(summary).toHaveText(/^Demand peaks at \d+ h in 2026-W52 against 432 h of capacity; demand is above capacity in 2 of 13 weeks\.$/);
  await expect(page.locator('.chart-weighted')).toHaveCount(0);
  await weighted.check();
  // Christmas week: 454 h of confirmed work (the All teams line), and the
  // deals' tentative hours that week weighted by their win probability:
  // Contoso's consultant 24 h × 60 % and Trey's analyst 32 h × 40 %: 481.2 h.
  await expect(page.locator('.chart-weighted')).toHaveCount(1);
  await expect(summary).toHaveText(
    /; demand is above capacity in 2 of 13 weeks\. With the pipeline weighted by its win probability, expected demand peaks at 481 h in 2026-W52\.$/,
  );
  await expect(page.locator('.chart-box')).toHaveAttribute('aria-label', await summary.textContent());
  await expect(page.locator('.chart-panel .tl-legend')).toContainText('Expected: support, confirmed and deals × win probability');
  await weighted.uncheck();
  await expect(page.locator('.chart-weighted')).toHaveCount(0);
  await expect(summary).not.toContainText('win probability');
  expectNoErrors(errors);
});

test("the header's tentative switch changes the risks and the Capacity view together", async ({ page }) => {
  const errors = collectErrors(page);
  const header = page.locator('.app-header').getByRole('checkbox', { name: 'Include tentative work' });
  const here = page.locator('.capacity__controls').getByRole('checkbox', { name: 'Include tentative work' });
  // Contoso's consultant to staff (24 h a week from 2026-W52, tentative)
  // given to Ravi Patel, who has 32 h booked of 40 h in 2027-W01.
  await page.dragAndDrop('#bar-alc-35', '[data-person="per-12"] .cell[data-col="6"]');
  await expect(line(page, 'per-12').locator('#bar-alc-35')).toHaveClass(/bar--tentative/);
  const ravi = cell(page, 'per-12', 8);
  await expect(ravi).toHaveAttribute('aria-label', 'Ravi Patel, week 9: Capacity 40 h · confirmed 32 h · tentative 24 h · 140 %, 16 h over');
  await page.locator('.app-nav').getByRole('link', { name: 'This week', exact: true }).click();
  const overloaded = page.locator('.risk').filter({ has: page.locator('.risk__activity', { hasText: 'Ravi Patel' }) });
  await expect(overloaded.locator('.risk__kind')).toHaveText('Overloaded');

  // Tentative work left out, from the header: his risk goes, and the
  // Capacity view counts without it too.
  await header.uncheck();
  await expect(overloaded).toHaveCount(0);
  await page.locator('.app-nav').getByRole('link', { name: 'Capacity', exact: true }).click();
  await expect(here).not.toBeChecked();
  await expect(ravi).toHaveAttribute('aria-label', 'Ravi Patel, week 9: Capacity 40 h · confirmed 32 h · tentative 24 h (not counted) · 80 %, 8 h free');
  // And back, from the Capacity view's own switch: the header follows.
  await here.check();
  await expect(header).toBeChecked();
  await expect(ravi).toHaveAttribute('aria-label', /tentative 24 h · 140 %, 16 h over$/);
  await page.locator('.app-nav').getByRole('link', { name: 'This week', exact: true }).click();
  await expect(overloaded.locator('.risk__kind')).toHaveText('Overloaded');
  expectNoErrors(errors);
});

/** Adds a client project with no hours planned through Work → Add work. */
async function addUnplannedWork(page, { title, client, start, end }) {
  await page.locator('.app-nav').getByRole('link', { name: 'Work', exact: true }).click();
  await page.getByRole('button', { name: 'Add work' }).click();
  const form = page.locator('form').filter({ has: page.getByRole('button', { name: 'Add', exact: true }) });
  await form.getByRole('textbox', { name: 'Title' }).fill(title);
  await form.getByRole('textbox', { name: 'Client' }).fill(client);
  await form.getByLabel('Start', { exact: true }).fill(start);
  await form.getByLabel('End', { exact: true }).fill(end);
  await expect(form.getByRole('spinbutton', { name: 'Effort (hours)' })).toHaveValue('0');
  await form.getByRole('button', { name: 'Add', exact: true }).click();
  await expect(page.locator('.engagement').filter({ hasText: title })).toBeVisible();
  await page.locator('.app-nav').getByRole('link', { name: 'Capacity', exact: true }).click();
  await page.getByRole('radio', { name: 'All open' }).check();
}

test('work with no hours planned dropped on a person books their free hours and says so; on a leaver it is cut to their last week', async ({ page }) => {
  const errors = collectErrors(page);
  await addUnplannedWork(page, { title: 'Firewall refresh', client: 'Litware', start: '2026-11-23', end: '2027-02-05' });
  const work = page.locator('.work[data-id="act-21"]');
  await expect(work).toContainText('Firewall refresh');

  // Sofia Lindqvist has 24 h free in 2026-W48 (16 h of Litware's security
  // operations): booked at 24 h a week to the work's end, and told.
  await page.dragAndDrop('.work[data-id="act-21"]', '[data-person="per-7"] .cell[data-col="2"]');
  await expect(line(page, 'per-7').locator('#bar-alc-45')).toHaveAttribute('aria-label', /^Firewall refresh · 24 h a week, 2026-W48 to 2027-W05, Sofia Lindqvist\./);
  await expect(message(page)).toHaveText(
    "Allocated Sofia Lindqvist on 'Firewall refresh', 24 h a week, 2026-W48 to 2027-W05 " +
      "'Firewall refresh' has no hours planned: booked at 24 h a week; set its effort to staff it to a total.",
  );
  await expect(cell(page, 'per-7', 2)).toHaveText('100');

  // Oliver Grant leaves on Friday 8 January 2027 (2027-W01) and has 8 h free
  // in 2026-W48: the booking stops at his last week, and the message says so.
  await page.dragAndDrop('.work[data-id="act-21"]', '[data-person="per-10"] .cell[data-col="2"]');
  await expect(line(page, 'per-10').locator('#bar-alc-46')).toHaveAttribute('aria-label', /^Firewall refresh · 8 h a week, 2026-W48 to 2027-W01, Oliver Grant\./);
  await expect(message(page)).toHaveText(
    "Allocated Oliver Grant on 'Firewall refresh', 8 h a week, 2026-W48 to 2027-W01 " +
      "'Firewall refresh' has no hours planned: booked at 8 h a week; set its effort to staff it to a total. " +
      'Oliver Grant is there from 2026-W48 to 2027-W01 only: the rest of the run stays to staff.',
  );

  // Both undone.
  await focusBody(page);
  await page.keyboard.press('Control+z');
  await expect(page.locator('#bar-alc-46')).toHaveCount(0);
  await page.keyboard.press('Control+z');
  await expect(page.locator('#bar-alc-45')).toHaveCount(0);
  await expect(cell(page, 'per-7', 2)).toHaveText('40');
  expectNoErrors(errors);
});
