// First load: the demo plan, no errors, and every view reachable from the nav.
import { test, expect } from '@playwright/test';
import {
  DEMO_ACTIVITIES,
  DEMO_GOAL,
  DEMO_NAME,
  VIEWS,
  collectErrors,
  expectNoErrors,
  goTo,
  headerTitle,
  nav,
  openApp,
} from './helpers.mjs';

test('the demo plan appears on first load without errors', async ({ page }) => {
  const errors = collectErrors(page);
  await openApp(page);

  await expect(headerTitle(page)).toHaveText(DEMO_NAME);
  await expect(page.locator('#goal-title')).toContainText(DEMO_GOAL);
  // The goal date is laid out from the pinned today (2026-11-23).
  await expect(page.locator('#goal-title')).toHaveText(`${DEMO_GOAL} by 5 February 2027`);

  const rows = page.locator('table.activities tbody tr');
  await expect(rows).toHaveCount(DEMO_ACTIVITIES.length);
  // The table opens sorted by priority; each activity shows its owner.
  for (const activity of DEMO_ACTIVITIES) {
    const row = page.locator(`table.activities tr[data-activity="${activity.id}"]`);
    await expect(row.getByRole('rowheader')).toHaveText(activity.title);
    await expect(row.locator('.activities__owner')).toHaveText(activity.owner);
  }

  // No storage problem on a clean first visit.
  await expect(page.locator('.notice')).toHaveCount(0);
  expectNoErrors(errors);
});

test("the demo tells the firm's story on first open: utilisation, overload, leave and a contract's cover", async ({ page }) => {
  const errors = collectErrors(page);
  await openApp(page, 'money');
  // 15 people, billable on most of their hours but not all of them.
  const summary = page.getByTestId('money-summary');
  await expect(summary).toContainText('Billable utilisation of the firm: ');
  const share = Number((await summary.textContent()).match(/Billable utilisation of the firm: (\d+) %/)[1]);
  expect(share).toBeGreaterThanOrEqual(65);
  expect(share).toBeLessThanOrEqual(80);
  // The pilot runs out of its 72 h budget; the AWS cost review is tight.
  await expect(page.locator('#main')).toContainText("'Pilot: onboard Fabrikam Legal in 7 days' runs out of its 72 h budget in 2027-W05");
  await expect(page.locator('#main')).toContainText("'AWS cost review and rightsizing' has 96 % of its 150 h budget planned");

  await goTo(page, 'This week');
  const risks = page.locator('.risks .risk');
  // Marcus Hill over his hours when the CI/CD pipelines join the AKS build.
  await expect(risks.filter({ hasText: 'Overloaded' }).filter({ has: page.locator('.risk__activity', { hasText: 'Marcus Hill' }) })).toHaveCount(1);
  // Aisha Khan stays booked through her parental leave.
  await expect(risks.filter({ has: page.locator('.risk__kind', { hasText: 'Booked while away' }) }).first()).toContainText(
    'Aisha Khan is booked 24 h a week on \'AKS platform build\' in 2026-W51 to 2026-W52 (2 weeks), when they are away all week: Parental leave',
  );
  // Oliver Grant leaves the Woodgrove service desk.
  const cover = risks.filter({ has: page.locator('.risk__kind', { hasText: 'Cover gap' }) });
  await expect(cover.locator('.risk__activity')).toHaveText('Service desk and endpoint management');
  await expect(cover).toContainText(
    "'Service desk and endpoint management' for Woodgrove Bank commits 100 h a week; in 2027-W02 to 2027-W05 (4 weeks) only 88 h a week are covered: Oliver Grant leaves on 8 Jan 2027.",
  );
  await expect(cover.locator('.risk__activity')).toHaveAttribute('href', '#/work/act-8');
  // Who is over their hours in the coming weeks, as the Capacity view has it.
  await expect(page.getByRole('region', { name: 'Over their hours, this week and the next three' }).getByRole('listitem')).toHaveText([
    'Aisha Khan 2026-W51: away, 40 h allocated · Capacity',
    'Marcus Hill 2026-W50: 110 %, 4 h over · 2026-W51: 110 %, 4 h over · Capacity',
  ]);
  expectNoErrors(errors);
});

test('every nav link is reachable by name and opens its view', async ({ page }) => {
  const errors = collectErrors(page);
  await openApp(page);

  for (const view of VIEWS) {
    const link = nav(page).getByRole('link', { name: view.label, exact: true });
    await expect(link).toHaveAttribute('href', view.hash);
    await goTo(page, view.label);
    await expect(link).toHaveAttribute('aria-current', 'page');
    // Only the current view's link is marked current.
    await expect(nav(page).locator('[aria-current="page"]')).toHaveCount(1);
  }

  // Opening a view by its hash directly works too (a bookmarked view).
  await page.goto('./?today=2026-11-23#/board');
  await expect(page.locator('#main').getByRole('heading', { name: 'Board', exact: true })).toBeVisible();
  await expect(nav(page).getByRole('link', { name: 'Board', exact: true })).toHaveAttribute(
    'aria-current',
    'page',
  );
  expectNoErrors(errors);
});

test('in a narrow window no view makes the page scroll sideways', async ({ page }) => {
  const errors = collectErrors(page);
  for (const width of [560, 800]) {
    await page.setViewportSize({ width, height: 900 });
    await openApp(page);
    for (const view of VIEWS) {
      await goTo(page, view.label);
      // Wide tables scroll inside their panels, not the page.
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow, `${view.label} at ${width} px`).toBeLessThanOrEqual(0);
    }
    // An engagement page: its team timeline scrolls in its own box.
    await page.goto('./?today=2026-11-23#/work/act-8');
    await expect(page.locator('.wt-bar').first()).toBeVisible();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow, `the engagement page at ${width} px`).toBeLessThanOrEqual(0);
  }
  expectNoErrors(errors);
});

// A declared icon keeps Chromium from asking for /favicon.ico and logging a 404.
test('the page has an icon, so the browser logs no 404 for /favicon.ico', async ({ page }) => {
  await openApp(page);
  const declared = await page.locator('link[rel~="icon"]').count();
  if (declared === 0) {
    const response = await page.request.get('favicon.ico');
    expect(response.status(), 'no <link rel="icon"> and /favicon.ico is missing').toBe(200);
  }
});
