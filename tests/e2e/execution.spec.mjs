// Execution: risks on cards and rows, This week, and a full weekly check-in
// that survives a reload and an export/import round trip.
import { test, expect } from '@playwright/test';
import {
  collectErrors,
  expectNoErrors,
  exportPlan,
  importDialog,
  openApp,
  pickFile,
  reloadApp,
  settle,
} from './helpers.mjs';

test('risks show as badges on cards and rows and in the Risks panel', async ({ page }) => {
  await openApp(page);
  // Hannah Weber's MD-102 certification expires on 28 Dec, before the tenant
  // baseline is due on 1 Jan.
  const row = page.locator('tr[data-activity="act-3"]');
  await expect(row.locator('.risk-badge')).toContainText('Certification expires');
  const panel = page.locator('.risks');
  await expect(panel.locator('.risk').filter({ hasText: 'Certification expires' })).toContainText('2026-12-28');
  await page.getByRole('navigation', { name: 'Views' }).getByRole('link', { name: 'Board', exact: true }).click();
  await expect(page.locator('#card-act-3 .risk-badge')).toContainText('Certification expires');
});

test('This week shows each owner their top work and the open decisions, and filters to one person', async ({ page }) => {
  const errors = collectErrors(page);
  await openApp(page, 'week');
  await expect(page.getByRole('heading', { name: /^This week · 2026-W48/ })).toBeVisible();
  await expect(page.getByRole('region', { name: 'The week of Tom Becker' })).toContainText('Standard Azure landing zone in Terraform');
  await expect(page.locator('#decisions-title + ul')).toContainText('Which PSA holds the intake form');
  // The plan's cadences on this week's days (the monthly review is on the
  // first Tuesday, 1 Dec, so not in W48).
  const meetings = page.getByRole('region', { name: 'Meetings this week' });
  await expect(meetings.getByRole('listitem')).toHaveText(['23 Nov 2026: Weekly ops sync · every Monday · Priya Raman']);
  await page.getByLabel('Show the week of').selectOption({ label: 'My week: Hannah Weber' });
  await expect(meetings).toContainText('No planned meetings this week.');
  await expect(page.locator('.week__owner')).toHaveCount(1);
  await expect(page.getByRole('region', { name: 'The week of Hannah Weber' })).toBeVisible();
  await expect(page.locator('#decisions-title + p')).toHaveText('No open decisions.');
  expectNoErrors(errors);
});

test('My week lists what one person is booked on this week with its hours, and their load reads as on the Capacity view', async ({ page }) => {
  const errors = collectErrors(page);
  await page.setViewportSize({ width: 1400, height: 1400 });
  await openApp(page, 'week');
  await page.getByLabel('Show the week of').selectOption({ label: 'My week: Marcus Hill' });
  const booked = page.getByRole('region', { name: 'Booked this week: Marcus Hill' });
  // Marcus Hill in 2026-W48: 24 h on Tailspin's AKS build and 4 h on the
  // landing zone, of 40 h.
  await expect(booked.locator('.week__load')).toHaveText('Capacity 40 h · confirmed 28 h · 70 %, 12 h free');
  await expect(booked.getByRole('listitem')).toHaveText([
    'AKS platform build 24 h · Tailspin Toys · project',
    'Standard Azure landing zone in Terraform 4 h · initiative',
  ]);
  // Each links to where it is staffed.
  await expect(booked.getByRole('link', { name: 'AKS platform build' })).toHaveAttribute('href', '#/work/act-10');
  // His risk: over his hours from 2026-W50, when the CI/CD pipelines join.
  await expect(page.locator('.risks .risk__kind')).toHaveText(['Overloaded']);

  // The same person and week on the Capacity view: the same numbers, in the
  // cell, its label and the inspector.
  await page.getByRole('navigation', { name: 'Views' }).getByRole('link', { name: 'Capacity', exact: true }).click();
  const cell = page.locator('[data-person="per-4"] .cell[data-col="2"]');
  await expect(cell).toHaveText('70');
  await expect(cell).toHaveAttribute('aria-label', 'Marcus Hill, week 3: Capacity 40 h · confirmed 28 h · 70 %, 12 h free');
  await cell.hover();
  await expect(page.locator('.tl-inspector')).toHaveText('Marcus Hill, week 3: Capacity 40 h · confirmed 28 h · 70 %, 12 h free');
  // And under his bar on the AKS build's page.
  await page.goto('./?today=2026-11-23#/work/act-10');
  await expect(page.locator('.wt-row[data-allocation="alc-21"] .wt-cell[data-week="2026-W48"] .wt-load')).toHaveText('70 %');

  // A week over his hours reads the same everywhere too: 2026-W50, 44 h of
  // 40 h with the CI/CD pipelines.
  await expect(page.locator('.wt-row[data-allocation="alc-21"] .wt-cell[data-week="2026-W50"] .wt-load')).toHaveText('110 %');
  await expect(page.locator('.wt-row[data-allocation="alc-21"] .wt-cell[data-week="2026-W50"] .wt-load')).toHaveClass(/wt-load--over/);
  await page.goto('./?today=2026-11-23#/week');
  await expect(page.getByRole('region', { name: 'Over their hours, this week and the next three' })).toContainText(
    'Marcus Hill 2026-W50: 110 %, 4 h over · 2026-W51: 110 %, 4 h over',
  );
  await page.getByRole('navigation', { name: 'Views' }).getByRole('link', { name: 'Capacity', exact: true }).click();
  await expect(page.locator('[data-person="per-4"] .cell[data-col="4"]')).toHaveAttribute('aria-label', 'Marcus Hill, week 5: Capacity 40 h · confirmed 44 h · 110 %, 4 h over');
  expectNoErrors(errors);
});

test('a full check-in is saved, survives a reload and travels in the plan file', async ({ page }) => {
  const errors = collectErrors(page);
  await openApp(page, 'check-in');
  await expect(page.getByRole('heading', { name: 'Weekly check-in · 23 Nov 2026' })).toBeVisible();

  await page.getByLabel('Summary of the week').fill('Landing zone on track; tenant baseline waits on Contoso.');
  const moved = page.getByLabel('What moved forward on Standard Azure landing zone in Terraform?');
  await moved.fill('Network and hub module reviewed.');
  await page
    .getByLabel("What's blocked on Automated Microsoft 365 tenant baseline?")
    .fill('Contoso has not granted tenant admin access.');
  await page.getByRole('button', { name: 'Add a decision' }).click();
  await page.getByLabel('Decision needed').fill('Escalate tenant access to the Contoso account manager?');
  await page.getByLabel('Who decides').selectOption({ label: 'Priya Raman' });
  await page.getByLabel('Decide by').fill('2026-11-25');
  await page.getByRole('button', { name: 'Save check-in' }).click();

  const history = page.locator('.history__item');
  await expect(history).toHaveCount(2);
  await expect(history.first()).toContainText('23 Nov 2026');
  await expect(history.first()).toContainText('3 initiatives · 1 decision');

  await settle(page);
  await reloadApp(page);
  const first = page.locator('.history__item').first();
  await first.getByRole('button', { name: 'Open' }).click();
  await expect(first).toContainText('Moved: Network and hub module reviewed.');
  await expect(first).toContainText('Blocked: Contoso has not granted tenant admin access.');
  // The list is drawn again on every change; the control used keeps focus.
  await expect(first.getByRole('button', { name: 'Close' })).toBeFocused();
  await expect(first.getByRole('button', { name: 'Close' })).toHaveAttribute('aria-expanded', 'true');
  await first.getByRole('button', { name: 'Mark decided' }).click();
  await expect(first).toContainText('decided 23 Nov 2026');
  await expect(first.getByRole('button', { name: 'Reopen' })).toBeFocused();

  // Compare the two check-ins: what moved between them.
  await page.getByLabel('Compare from').selectOption({ label: '16 Nov 2026 (chk-1)' });
  await expect(page.getByLabel('Compare from')).toBeFocused();
  await page.getByLabel('Compare to').selectOption({ label: '23 Nov 2026 (chk-2)' });
  await expect(page.locator('.history__moves')).toContainText('Map the current onboarding process');
  await expect(page.getByLabel('Compare from')).toHaveValue('chk-1');
  await expect(page.getByLabel('Compare to')).toBeFocused();

  // Export, then import into a fresh browser: the check-in is in the file.
  const file = await exportPlan(page);
  expect(file.text).toContain('Contoso has not granted tenant admin access.');
  const other = await page.context().browser().newContext();
  const fresh = await other.newPage();
  await openApp(fresh, 'files');
  await pickFile(fresh, file.name, file.text);
  await importDialog(fresh).getByRole('button', { name: 'Replace the current plan' }).click();
  await fresh.getByRole('navigation', { name: 'Views' }).getByRole('link', { name: 'Check-in', exact: true }).click();
  await expect(fresh.locator('.history__item').first()).toContainText('Landing zone on track');
  await other.close();
  expectNoErrors(errors);
});
