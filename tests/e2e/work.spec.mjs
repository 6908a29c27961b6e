// The Work view: the firm's book of work beside the ops plan. The list by
// client with each engagement's kind, status or stage, dates, team, hours and
// budget, narrowed by Find and Kind; an engagement's own page (its team on
// its timeline, booked by drag and drop and by keyboard, undoable); pipeline
// deals won, lost and gathered into a scenario; a plan file of version 3
// opening with everything in the ops plan; and no serious axe violation.
//
// The demo's horizon is 2026-W46 to 2027-W05 and today is 2026-W48. Its book
// of work (act-7 to act-20) holds three managed-services contracts (act-7 to
// act-9), six client projects (act-10 to act-15), three pipeline deals
// (act-16 to act-18) and two pieces of internal work; its allocations end at
// alc-44, so the next one made is alc-45.
import { test, expect } from '@playwright/test';
import { createRequire } from 'node:module';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import {
  TODAY,
  collectErrors,
  expectNoErrors,
  focusBody,
  goTo,
  importDialog,
  nav,
  openApp,
  pickFile,
} from './helpers.mjs';

const root = path.resolve(import.meta.dirname, '..', '..');
const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

/** An engagement of the Work view's list, by its id. */
const engagement = (page, id) => page.locator(`.engagement[data-activity="${id}"]`);
/** The client headings of the list, in order. */
const clients = (page) => page.locator('.work-client__name');
/** The engagement page's status line. */
const message = (page) => page.locator('.engagement-detail .book__message');
/** A booking's bar on the engagement page. */
const bar = (page, id) => page.locator(`#work-bar-${id}`);
/** A person to book, by id. */
const chip = (page, person) => page.locator(`#work-person-${person}`);
/** A week of the "Book someone" row. */
const bookWeek = (page, week) => page.locator(`.wt-row--book .wt-cell[data-week="${week}"]`);

// Tall enough that a drag never has to scroll (see capacity.spec.mjs).
test.use({ viewport: { width: 1400, height: 2000 } });

test('the Work view lists the book of work by client with kind, status or stage, dates, team, hours and budget', async ({ page }) => {
  const errors = collectErrors(page);
  await openApp(page, 'plan');
  await goTo(page, 'Work');
  // Contracts commit 32 + 100 + 24 h a week (the Tailspin deal's 16 h are
  // not signed). The deals weighted by their win probability: Contoso's
  // 248 h at 60 % (148.8 h), Trey's 32 h a week for 6 weeks at 40 % (76.8 h)
  // and Tailspin's 16 h a week for 4 weeks at 20 % (12.8 h): 238.4 h.
  await expect(page.locator('.book__summary')).toHaveText(
    '14 pieces of work for 8 clients · contracts commit 156 h a week · 3 pipeline deals: 238 h over the horizon weighted by their win probability',
  );
  // By client, alphabetically, internal work last; each with its hours this
  // week (Woodgrove: 104 h on the service desk and 50 h on zero trust).
  await expect(clients(page)).toHaveText([
    /^Adventure Works/, /^Alpine Ski House/, /^Contoso Dental Group/, /^Litware/, /^Northwind Logistics/,
    /^Tailspin Toys/, /^Trey Research/, /^Woodgrove Bank/, /^Internal work/,
  ]);
  await expect(clients(page).filter({ hasText: 'Woodgrove Bank' })).toHaveText('Woodgrove Bank · 154 h booked this week');

  // A managed-services contract: its term, weekly hours and renewal, the
  // five people on it, and its hours a week: 104 h in the 9 weeks until
  // Oliver Grant leaves after 2027-W01 (2026 has a W53), then 88 h in 4.
  const desk = engagement(page, 'act-8');
  await expect(desk.getByRole('link', { name: 'Service desk and endpoint management' })).toHaveAttribute('href', '#/work/act-8');
  await expect(desk.locator('.tag')).toHaveText('Managed service');
  await expect(desk.locator('.engagement__stage')).toHaveText('In progress');
  await expect(desk.locator('.engagement__dates')).toHaveText('13 Apr 2026 to 10 Dec 2027 · 100 h a week, renews 11 Jun 2027');
  await expect(desk.locator('.engagement__team')).toHaveText("Mei Chen, Ben Okafor, James O'Connor and 2 more");
  await expect(desk.getByRole('img')).toHaveAttribute(
    'aria-label',
    '1,288 h booked over the horizon, 88 to 104 h a week in 13 of 13 weeks',
  );
  await expect(desk.locator('.risk-badge')).toContainText('Cover gap');
  // A project: its budget burnt (Marcus and Aisha, 48 h a week, in the two
  // weeks before this one) and planned (48 h a week for 13 weeks).
  const aks = engagement(page, 'act-10');
  await expect(aks.locator('.tag')).toHaveText('Project');
  await expect(aks.locator('.engagement__dates')).toHaveText('9 Nov 2026 to 5 Feb 2027');
  await expect(aks.locator('.engagement__team')).toHaveText('Marcus Hill, Aisha Khan');
  await expect(aks.locator('.engagement__budget')).toHaveText('96 of 760 h burnt · 624 h planned');
  // A pipeline deal: its stage and win probability, the roles it needs.
  const contoso = engagement(page, 'act-16');
  await expect(contoso.locator('.tag')).toHaveText('Pipeline deal');
  await expect(contoso.locator('.engagement__stage')).toHaveText('Proposal · 60 %');
  await expect(contoso.locator('.engagement__team')).toHaveText('open role Cloud Engineer, Microsoft 365 Consultant (to staff)');
  expectNoErrors(errors);
});

test('Find and the Kind filter narrow the Work view', async ({ page }) => {
  const errors = collectErrors(page);
  await openApp(page, 'work');
  const all = page.locator('.engagement');
  await expect(all).toHaveCount(14);
  const find = page.getByRole('searchbox', { name: 'Find work by title or client' });
  // By client, in any case.
  await find.fill('WOODGROVE');
  await expect(clients(page)).toHaveText([/^Woodgrove Bank/]);
  await expect(all).toHaveCount(2);
  // By title.
  await find.fill('pipelines');
  await expect(all).toHaveCount(1);
  await expect(engagement(page, 'act-15')).toBeVisible();
  await find.fill('nothing like it');
  await expect(all).toHaveCount(0);
  await expect(page.getByText('No work matches.', { exact: false })).toBeVisible();
  await find.fill('');

  const kind = page.getByRole('combobox', { name: 'Kind' });
  // The three contracts; the Tailspin deal (a contract not yet signed) is
  // under the pipeline deals.
  await kind.selectOption({ label: 'Managed service' });
  await expect(all).toHaveCount(3);
  await expect(all.locator('.tag')).toHaveText(['Managed service', 'Managed service', 'Managed service']);
  await kind.selectOption({ label: 'Pipeline deals' });
  await expect(all).toHaveCount(3);
  await expect(all.locator('.engagement__stage')).toHaveText(['Proposal · 60 %', 'Lead · 20 %', 'Qualified · 40 %']);
  await kind.selectOption({ label: 'Internal' });
  await expect(clients(page)).toHaveText([/^Internal work/]);
  await expect(all).toHaveCount(2);
  // Find and Kind together.
  await find.fill('training');
  await expect(all).toHaveCount(1);
  await expect(engagement(page, 'act-19')).toBeVisible();
  await kind.selectOption({ label: 'All work' });
  await find.fill('');
  await expect(all).toHaveCount(14);
  expectNoErrors(errors);
});

test('an engagement page shows its team on its timeline with each person\'s load, as the Capacity view counts it', async ({ page }) => {
  const errors = collectErrors(page);
  await openApp(page, 'work');
  await engagement(page, 'act-8').getByRole('link', { name: 'Service desk and endpoint management' }).click();
  await expect(page).toHaveURL((url) => url.hash === '#/work/act-8');
  await expect(page.locator('#main').getByRole('heading', { name: 'Service desk and endpoint management', level: 2 })).toBeVisible();
  await expect(page.locator('.engagement-detail__facts')).toHaveText(
    "Managed service Woodgrove Bank · In progress · 13 Apr 2026 to 10 Dec 2027 · 100 h a week, renews 11 Jun 2027 · lead James O'Connor · fixed fee 78,000 EUR",
  );
  // Its risk: the contract's cover once Oliver Grant leaves.
  await expect(page.getByRole('region', { name: 'Risks (1)' })).toContainText(
    "only 88 h a week are covered: Oliver Grant leaves on 8 Jan 2027",
  );
  // The team, a row per booking.
  await expect(page.locator('.wt-bar:not(.wt-bar--draft)')).toHaveCount(5);
  await expect(bar(page, 'alc-13')).toHaveAttribute('aria-label', "James O'Connor · 24 h a week, 2026-W46 to 2027-W05. Enter to move by keyboard, Delete to remove.");
  await expect(bar(page, 'alc-16')).toHaveAttribute('aria-label', 'Oliver Grant · 16 h a week, 2026-W46 to 2027-W01. Enter to move by keyboard, Delete to remove.');
  // Under each bar, that person's load in the week: James O'Connor has 24 h
  // here and 8 h on the intake form in 2026-W48 (80 % of 40 h), 24 h of 32 h
  // in Christmas week (75 %); Oliver Grant is not there after 2027-W01.
  const james = page.locator('.wt-row[data-allocation="alc-13"]');
  await expect(james.locator('.wt-cell[data-week="2026-W46"] .wt-load')).toHaveText('60 %');
  await expect(james.locator('.wt-cell[data-week="2026-W48"] .wt-load')).toHaveText('80 %');
  await expect(james.locator('.wt-cell[data-week="2026-W52"] .wt-load')).toHaveText('75 %');
  const oliver = page.locator('.wt-row[data-allocation="alc-16"]');
  await expect(oliver.locator('.wt-cell[data-week="2027-W01"] .wt-load')).toHaveText('67 %');
  await expect(oliver.locator('.wt-cell[data-week="2027-W02"] .wt-load')).toHaveCount(0);
  // The same number on the Capacity view.
  await nav(page).getByRole('link', { name: 'Capacity', exact: true }).click();
  await expect(page.locator('[data-person="per-8"] .cell[data-col="2"]')).toHaveAttribute(
    'aria-label',
    "James O'Connor, week 3: Capacity 40 h · confirmed 32 h · 80 %, 8 h free",
  );
  expectNoErrors(errors);
});

test('a person dragged onto a week of the engagement is booked, and undo takes it back', async ({ page }) => {
  const errors = collectErrors(page);
  await openApp(page, 'work/act-8');
  await expect(page.locator('.wt-bar')).toHaveCount(5);
  // Sofia Lindqvist onto 2027-W02: the contract commits 100 h a week and 88 h
  // are covered once Oliver Grant has left, so it asks 12 h; she has 8 h free
  // that week (16 h of security operations, 10 h of zero trust, 6 h of the
  // security sign-off), so 8 h a week to the contract's last week shown.
  await page.dragAndDrop('#work-person-per-7', '.wt-row--book .wt-cell[data-week="2027-W02"]');
  const booked = bar(page, 'alc-45');
  await expect(booked).toHaveAttribute('aria-label', 'Sofia Lindqvist · 8 h a week, 2027-W02 to 2027-W05. Enter to move by keyboard, Delete to remove.');
  await expect(booked).toBeFocused();
  await expect(message(page)).toHaveText("Allocated Sofia Lindqvist on 'Service desk and endpoint management', 8 h a week, 2027-W02 to 2027-W05");
  // Her load follows: 40 h of 40 h in 2027-W02.
  await expect(page.locator('.wt-row[data-allocation="alc-45"] .wt-cell[data-week="2027-W02"] .wt-load')).toHaveText('100 %');
  // The cover gap shrinks to 4 h.
  await expect(page.getByRole('region', { name: 'Risks (1)' })).toContainText('only 96 h a week are covered');

  await focusBody(page);
  await page.keyboard.press('Control+z');
  await expect(booked).toHaveCount(0);
  await expect(page.locator('.wt-bar')).toHaveCount(5);
  await expect(page.getByRole('region', { name: 'Risks (1)' })).toContainText('only 88 h a week are covered');
  expectNoErrors(errors);
});

test('by keyboard: Enter on a person proposes a booking, arrows, + and − change it, Enter applies; a bar moves by keyboard; undo takes each back', async ({ page }) => {
  const errors = collectErrors(page);
  await openApp(page, 'work/act-8');
  const draft = page.locator('#work-draft');
  const live = page.locator('[role="status"][aria-live="polite"]').last();
  // Aisha Khan from this week: the contract's hours are covered this week,
  // so it asks its 100 h, capped at her 16 h free (24 h on the AKS build),
  // to the last week shown.
  await expect(chip(page, 'per-5')).toHaveAccessibleName(
    'Aisha Khan 16 h free in 2026-W48. Drag onto a week, or press Enter to propose a booking from 2026-W48.',
  );
  await chip(page, 'per-5').focus();
  await page.keyboard.press('Enter');
  await expect(draft).toBeFocused();
  await expect(draft).toHaveAttribute('aria-label', /^Aisha Khan, 2026-W48 to 2027-W05, 16 h a week\. Arrows move it/);
  await expect(live).toHaveText(/^Booking Aisha Khan, 2026-W48 to 2027-W05, 16 h a week\./);
  // A week earlier, an hour less, an hour more and less again.
  await page.keyboard.press('ArrowLeft');
  await expect(draft).toHaveAttribute('aria-label', /^Aisha Khan, 2026-W47 to 2027-W04, 16 h a week\./);
  await page.keyboard.press('-');
  await expect(draft).toHaveAttribute('aria-label', /^Aisha Khan, 2026-W47 to 2027-W04, 15 h a week\./);
  await page.keyboard.press('+');
  await page.keyboard.press('-');
  await expect(draft).toHaveAttribute('aria-label', /^Aisha Khan, 2026-W47 to 2027-W04, 15 h a week\./);
  await expect(draft).toBeFocused();
  // Nothing is booked until Enter.
  await expect(page.locator('.wt-bar:not(.wt-bar--draft)')).toHaveCount(5);
  await page.keyboard.press('Enter');
  const booked = bar(page, 'alc-45');
  await expect(booked).toHaveAttribute('aria-label', 'Aisha Khan · 15 h a week, 2026-W47 to 2027-W04. Enter to move by keyboard, Delete to remove.');
  await expect(booked).toBeFocused();
  await expect(draft).toHaveCount(0);
  await expect(message(page)).toHaveText("Allocated Aisha Khan on 'Service desk and endpoint management', 15 h a week, 2026-W47 to 2027-W04");

  // The bar moved a week later by keyboard.
  await page.keyboard.press('Enter');
  await expect(draft).toBeFocused();
  await page.keyboard.press('ArrowRight');
  await expect(draft).toHaveAttribute('aria-label', /^Aisha Khan, 2026-W48 to 2027-W05, 15 h a week\./);
  await page.keyboard.press('Enter');
  await expect(booked).toHaveAttribute('aria-label', 'Aisha Khan · 15 h a week, 2026-W48 to 2027-W05. Enter to move by keyboard, Delete to remove.');
  await expect(booked).toBeFocused();
  await expect(message(page)).toHaveText("Moved Aisha Khan on 'Service desk and endpoint management', 15 h a week, 2026-W48 to 2027-W05");

  // Escape drops a move, and focus goes back to the bar.
  await page.keyboard.press('Enter');
  await page.keyboard.press('Shift+ArrowLeft');
  await expect(draft).toHaveAttribute('aria-label', /^Aisha Khan, 2026-W48 to 2027-W04, 15 h a week\./);
  await page.keyboard.press('Escape');
  await expect(draft).toHaveCount(0);
  await expect(booked).toBeFocused();
  await expect(booked).toHaveAttribute('aria-label', /2026-W48 to 2027-W05/);

  // Undo takes the move back, then the booking.
  await focusBody(page);
  await page.keyboard.press('Control+z');
  await expect(booked).toHaveAttribute('aria-label', /^Aisha Khan · 15 h a week, 2026-W47 to 2027-W04\./);
  await page.keyboard.press('Control+z');
  await expect(booked).toHaveCount(0);

  // Escape on a proposed booking goes back to the person.
  await chip(page, 'per-5').focus();
  await page.keyboard.press('Enter');
  await expect(draft).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(draft).toHaveCount(0);
  await expect(chip(page, 'per-5')).toBeFocused();
  expectNoErrors(errors);
});

test('a pipeline deal won becomes confirmed work, a deal lost leaves the list, and undo takes each back', async ({ page }) => {
  const errors = collectErrors(page);
  await openApp(page, 'work');
  const contoso = engagement(page, 'act-16');
  await contoso.getByRole('button', { name: 'Won: Microsoft 365 and Intune rollout' }).click();
  await expect(page.locator('.book__message')).toHaveText(
    "Won 'Microsoft 365 and Intune rollout': it and its 2 allocations are confirmed, with the open role it needs; the scenario 'Contoso Dental Group signs' held nothing else and is removed",
  );
  await expect(contoso.locator('.tag')).toHaveText('Project');
  await expect(contoso.locator('.engagement__stage')).toHaveText('Not started');
  await expect(contoso.getByRole('button', { name: /^Won/ })).toHaveCount(0);
  await expect(page.getByRole('combobox', { name: 'Kind' })).toBeVisible();
  // Its allocations (the consultant to staff and the open role's 16 h) are
  // confirmed: solid bars on its page.
  await contoso.getByRole('link', { name: 'Microsoft 365 and Intune rollout' }).click();
  await expect(bar(page, 'alc-35')).not.toHaveClass(/wt-bar--tentative/);
  await expect(bar(page, 'alc-36')).not.toHaveClass(/wt-bar--tentative/);
  await expect(bar(page, 'alc-36')).toHaveAttribute('aria-label', 'Open role Cloud Engineer · 16 h a week, 2027-W01 to 2027-W05. Enter to move by keyboard, Delete to remove.');
  await expect(page.locator('.engagement-detail__facts .tag')).toHaveText('Project');
  await focusBody(page);
  await page.keyboard.press('Control+z');
  await expect(page.locator('.engagement-detail__facts .tag')).toHaveText('Pipeline deal');
  await expect(bar(page, 'alc-36')).toHaveClass(/wt-bar--tentative/);
  await expect(bar(page, 'alc-36')).toHaveAttribute('aria-label', /, tentative\. /);

  // Lost: Trey Research's penetration test leaves the list with its client.
  await page.getByRole('link', { name: '← All work' }).click();
  await expect(contoso.locator('.tag')).toHaveText('Pipeline deal');
  await engagement(page, 'act-17').getByRole('button', { name: 'Lost: Penetration test and security uplift' }).click();
  await expect(page.locator('.book__message')).toHaveText(
    "Lost 'Penetration test and security uplift': it and its 1 allocation are removed",
  );
  await expect(engagement(page, 'act-17')).toHaveCount(0);
  await expect(clients(page).filter({ hasText: 'Trey Research' })).toHaveCount(0);
  await expect(page.locator('.engagement')).toHaveCount(13);
  await focusBody(page);
  await page.keyboard.press('Control+z');
  await expect(engagement(page, 'act-17').locator('.engagement__stage')).toHaveText('Qualified · 40 %');
  await expect(page.locator('.engagement')).toHaveCount(14);
  expectNoErrors(errors);
});

test('a scenario made of two chosen deals appears in the Capacity view\'s Scenarios panel', async ({ page }) => {
  const errors = collectErrors(page);
  await openApp(page, 'work');
  await page.getByRole('checkbox', { name: 'Choose Penetration test and security uplift for a scenario' }).check();
  await page.getByRole('checkbox', { name: 'Choose Kubernetes managed service for a scenario' }).check();
  const chosen = page.getByRole('group', { name: 'Make a scenario from the chosen deals' });
  await expect(chosen).toContainText('2 deals chosen:');
  await chosen.getByRole('textbox', { name: 'Scenario name' }).fill('Security and platform deals won');
  await chosen.getByRole('button', { name: 'Make a scenario of them' }).click();
  await expect(page.locator('.book__message')).toHaveText(
    "Added the scenario 'Security and platform deals won' with 2 deals and their 2 allocations",
  );
  await expect(chosen).toHaveCount(0);

  await goTo(page, 'Capacity');
  const scenario = page.locator('.scenario').filter({ has: page.getByRole('checkbox', { name: 'Show Security and platform deals won' }) });
  await expect(scenario).toHaveCount(1);
  // Trey's analyst to staff, 32 h a week from 2026-W50 to 2027-W02 (6
  // weeks), and Tailspin's engineer, 16 h a week from 2027-W02 to W05.
  await expect(scenario.locator('.scenario__effect')).toHaveText(/^256 h in these weeks · firm utilisation peaks at/);
  await expect(page.getByRole('checkbox', { name: 'Show Contoso Dental Group signs' })).toBeVisible();
  // Hidden, its work leaves the timeline.
  await expect(page.locator('#bar-alc-37')).toHaveCount(1);
  await scenario.getByRole('checkbox', { name: 'Show Security and platform deals won' }).uncheck();
  await expect(page.locator('#bar-alc-37')).toHaveCount(0);
  await expect(page.locator('#bar-alc-38')).toHaveCount(0);
  expectNoErrors(errors);
});

test('a version 3 plan file opens with all its activities as initiatives and nothing on the Work view', async ({ page }) => {
  const errors = collectErrors(page);
  const text = await readFile(path.join(root, 'tests/data/v3/demo.opsboard.json'), 'utf8');
  const titles = JSON.parse(text).plan.activities.map((activity) => activity.title);
  await openApp(page, 'files');
  await pickFile(page, 'demo.opsboard.json', text);
  await importDialog(page).getByRole('button', { name: 'Replace the current plan' }).click();
  await expect(importDialog(page)).toHaveCount(0);

  // Its client projects too (Northwind's landing zone, Contoso's baseline).
  await goTo(page, 'Plan');
  const rows = page.locator('table.activities tbody tr');
  await expect(rows).toHaveCount(6);
  for (const title of titles) {
    await expect(page.locator('table.activities').getByRole('rowheader', { name: title, exact: true })).toHaveCount(1);
  }
  await goTo(page, 'Work');
  await expect(page.locator('.engagement')).toHaveCount(0);
  await expect(page.locator('.book__summary')).toHaveText(/^0 pieces of work for 0 clients/);
  await expect(page.getByText('No work matches. Add a client project, a contract or a deal with Add work.')).toBeVisible();
  expectNoErrors(errors);
});

/** Runs axe on the page; returns the serious and critical violations, one line a node. */
async function audit(page) {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ path: AXE });
  const violations = await page.evaluate(async () => {
    const result = await window.axe.run(document, { resultTypes: ['violations'] });
    return result.violations.map((violation) => ({
      id: violation.id,
      impact: violation.impact,
      help: violation.help,
      nodes: violation.nodes.map((node) => `${node.target.join(' ')}: ${node.failureSummary.replace(/\s+/g, ' ')}`),
    }));
  });
  return violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .flatMap((violation) => violation.nodes.slice(0, 5).map((node) => `${violation.id} (${violation.impact}): ${violation.help} · ${node}`));
}

for (const colorScheme of ['light', 'dark']) {
  test.describe(`${colorScheme} colour scheme`, () => {
    // axe is injected as a script tag, which the app's CSP refuses (see
    // a11y.spec.mjs).
    test.use({ colorScheme, bypassCSP: true });

    test('the Work view and an engagement page have no serious or critical axe violation', async ({ page }) => {
      const errors = collectErrors(page);
      await openApp(page, 'work');
      const found = [];
      await expect(page.locator('.engagement').first()).toBeVisible();
      // With the scenario group shown, and the form to add work open.
      await page.getByRole('checkbox', { name: 'Choose Kubernetes managed service for a scenario' }).check();
      await page.getByRole('button', { name: 'Add work' }).click();
      await expect(page.getByRole('heading', { name: 'Add work', level: 3 })).toBeVisible();
      found.push(...(await audit(page)).map((line) => `Work: ${line}`));

      await page.goto(`./?today=${TODAY}#/work/act-8`);
      await expect(page.locator('.wt-bar').first()).toBeVisible();
      found.push(...(await audit(page)).map((line) => `Engagement: ${line}`));
      // A booking proposed by keyboard, and the form open.
      await chip(page, 'per-7').focus();
      await page.keyboard.press('Enter');
      await expect(page.locator('#work-draft')).toBeFocused();
      await page.getByRole('button', { name: 'Edit details' }).click();
      await expect(page.getByRole('heading', { name: 'Edit details', level: 3 })).toBeVisible();
      found.push(...(await audit(page)).map((line) => `Engagement, draft and form: ${line}`));
      // A pipeline deal's page: tentative bars and roles to staff.
      await page.goto(`./?today=${TODAY}#/work/act-16`);
      await expect(page.locator('.wt-bar--tentative').first()).toBeVisible();
      found.push(...(await audit(page)).map((line) => `Deal: ${line}`));
      expect(found).toEqual([]);
      expectNoErrors(errors);
    });
  });
}
