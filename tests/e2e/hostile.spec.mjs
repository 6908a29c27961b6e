// Hostile content and the Content-Security-Policy. A plan file whose every
// text holds markup, script, javascript: addresses, attribute break-outs,
// 10,000-character runs, right-to-left overrides, zero-width characters and
// emoji is imported, opened as a team board and as a share link; every view
// (and the printed Report) must show it as text and run none of it. The same
// walk runs once with the page's CSP and once with it bypassed, so the
// escaping is proven on its own and not only hidden behind the policy.
// Normal use must raise no CSP violation for the app's own files.
import { test, expect } from '@playwright/test';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import {
  TODAY,
  VIEWS,
  collectErrors,
  expectNoErrors,
  exportPlan,
  importDialog,
  openApp,
  pickFile,
} from './helpers.mjs';

const root = path.resolve(import.meta.dirname, '..', '..');

// Keys whose strings must stay valid for the import to be accepted: ids and
// references to ids, dates and ISO weeks, enum values and the envelope.
const KEPT = new Set([
  'format', 'profile', 'revisions',
  'id', 'owner', 'person', 'activity', 'skill', 'scenario', 'depends_on',
  'responsible', 'consulted', 'informed',
  'date', 'start', 'end', 'deadline', 'checkin', 'expires', 'start_date', 'end_date',
  'target_date', 'done_on', 'due', 'decided_on', 'first_week', 'last_week',
  'review_weekday', 'working_days', 'weekday', 'direction', 'status', 'kind', 'commitment',
  'employment', 'frequency', 'scope', 'stage', 'period',
]);
// Kept too whatever key holds them, so a field added to the format later
// keeps the file importable (a new enum still has to be named above: the
// import is checked).
const ID_DATE_OR_WEEK = /^(?:[a-z]+-\d+|\d{4}-\d{2}-\d{2}|\d{4}-W\d{2})$/;

// What every hostile text is made of; each original text gets one in turn.
const PAYLOADS = [
  (text) => `<img src=x onerror=window.__xss=1>${text}`,
  (text) => `<script>window.__xss=1</script>${text}`,
  (text) => `javascript:window.__xss=1//${text}`,
  (text) => `"><img src=x onerror=window.__xss=1>'${text}' onmouseover='window.__xss=1`,
  (text) => `\u202E${text}\u200B\u200C\u200D\u2066 👩🏽‍💻🔥 <svg onload=window.__xss=1>`,
  (text) => `<a href="javascript:window.__xss=1">${text}</a><iframe src="javascript:window.__xss=1"></iframe>`,
  (text) => `${text}</textarea></title></style><img src=x onerror=alert(1)>`,
];
// Long texts (descriptions, notes, summaries, the longer titles) also get a
// 10,000-character run, with no space to break it.
const LONG_KEYS = new Set(['description', 'headcount_note', 'summary', 'outcome', 'note', 'text']);
const LONG_RUN = '\u{1F525}<b>'.repeat(2000);

/**
 * The demo plan file (as the app exports it, so always the current version)
 * with every free text replaced; `hostile` maps each original text to its
 * replacement (one original, one replacement, so names that must be unique
 * stay unique and names that must match still match).
 */
async function hostilePlan(page) {
  await openApp(page, 'files');
  const file = JSON.parse((await exportPlan(page)).text);
  const hostile = new Map();
  const rewrite = (text, key) => {
    if (!hostile.has(text)) {
      const payload = PAYLOADS[hostile.size % PAYLOADS.length](text);
      hostile.set(text, LONG_KEYS.has(key) || text.length > 40 ? `${payload} ${LONG_RUN}` : payload);
    }
    return hostile.get(text);
  };
  // An email stays one address (one @, no spaces), hostile all the same.
  const email = (text) => {
    if (!hostile.has(text)) hostile.set(text, `"><img/src=x/onerror=window.__xss=1>${text}`);
    return hostile.get(text);
  };
  const walk = (value, key) => {
    if (typeof value === 'string' && key === 'email') return email(value);
    if (typeof value === 'string') return KEPT.has(key) || ID_DATE_OR_WEEK.test(value) ? value : rewrite(value, key);
    if (Array.isArray(value)) return value.map((item) => walk(item, key));
    if (value && typeof value === 'object') {
      return Object.fromEntries(Object.entries(value).map(([name, item]) => [name, walk(item, name)]));
    }
    return value;
  };
  return { file: walk(file, ''), hostile };
}

// Marks of a hostile text shown as text (innerText: what is rendered).
const SHOWN_AS_TEXT =
  /onerror=window\.__xss=1>|<script>window\.__xss=1<\/script>|javascript:window\.__xss=1|<svg onload=window\.__xss=1>|onerror=alert\(1\)>/;

/**
 * Records CSP violations (from the first script on) in `window.__csp`, and
 * native dialogs in the returned list.
 */
async function watch(context, page) {
  await context.addInitScript(() => {
    window.__csp = [];
    document.addEventListener('securitypolicyviolation', (event) => {
      window.__csp.push(`${event.effectiveDirective} blocked ${event.blockedURI || 'inline'} (${event.sourceFile}:${event.lineNumber})`);
    });
  });
  const dialogs = [];
  const onDialog = (dialog) => {
    dialogs.push(`${dialog.type()}: ${dialog.message()}`);
    dialog.dismiss().catch(() => {});
  };
  page.on('dialog', onDialog);
  context.on('page', (other) => other.on('dialog', onDialog));
  return dialogs;
}

/** Nothing of the hostile text became markup or ran. */
async function expectInert(page, dialogs, where) {
  const found = await page.evaluate(() => ({
    xss: window.__xss,
    images: document.querySelectorAll('img[src="x"]').length,
    handlers: [...document.querySelectorAll('*')].flatMap((element) =>
      [...element.attributes]
        .filter((attribute) => /^on/i.test(attribute.name))
        .map((attribute) => `${element.tagName.toLowerCase()}[${attribute.name}]`),
    ),
    javascriptUrls: [...document.querySelectorAll('[href], [src], [action], [formaction]')]
      .map((element) => element.getAttribute('href') ?? element.getAttribute('src') ?? element.getAttribute('action') ?? element.getAttribute('formaction'))
      .filter((url) => /^\s*javascript:/i.test(url)),
    embedded: document.querySelectorAll('iframe, object, embed, frame, b').length,
    // trunk's loader is the page's only script.
    scripts: document.scripts.length,
    csp: window.__csp ?? [],
  }));
  expect(found, where).toEqual({
    xss: undefined,
    images: 0,
    handlers: [],
    javascriptUrls: [],
    embedded: 0,
    scripts: 1,
    csp: [],
  });
  expect(dialogs, where).toEqual([]);
}

/** Visits every view by its nav link; each shows hostile text as text and runs none. */
async function walkViews(page, dialogs, where) {
  for (const view of VIEWS) {
    await page.getByRole('navigation', { name: 'Views' }).getByRole('link', { name: view.label, exact: true }).click();
    await expect(page).toHaveURL((url) => url.hash === view.hash);
    // Files lists the plans kept in this browser, none on a board opened in a
    // fresh browser: there the header's plan name is the hostile text shown.
    const scope = view.label === 'Files' ? 'body' : '#main';
    await expect.poll(() => page.locator(scope).innerText(), { message: `${where}: ${view.label}` }).toMatch(SHOWN_AS_TEXT);
    await expectInert(page, dialogs, `${where}: ${view.label}`);
  }
}

for (const bypassCSP of [false, true]) {
  test.describe(bypassCSP ? 'with the CSP bypassed (escaping alone)' : 'with the CSP', () => {
    test.use({ bypassCSP, viewport: { width: 1400, height: 1000 } });

    test('a plan file full of hostile text is shown as text in every view, board, link and print', async ({ page, context, browser }) => {
      test.setTimeout(120_000);
      const errors = collectErrors(page);
      const dialogs = await watch(context, page);
      const { file, hostile } = await hostilePlan(page);
      const text = `${JSON.stringify(file, null, 2)}\n`;
      const name = hostile.get('Faster client onboarding');

      // The import is accepted: ids, dates and enums are intact.
      await pickFile(page, 'hostile.opsboard.json', text);
      await expect(importDialog(page)).toContainText(name);
      await expectInert(page, dialogs, 'import dialog');
      await importDialog(page).getByRole('button', { name: 'Replace the current plan' }).click();
      await expect(page.locator('.app-header__title')).toHaveText(name);
      await walkViews(page, dialogs, 'imported');

      // Editors and folded parts show the texts too.
      await page.goto(`./?today=${TODAY}#/plan/activity/act-3`);
      const title = hostile.get('Automated Microsoft 365 tenant baseline');
      await expect.poll(() => page.locator('#main').evaluate((main) => [...main.querySelectorAll('input, textarea')].map((field) => field.value))).toContain(title);
      await expectInert(page, dialogs, 'activity editor');
      await page.goto(`./?today=${TODAY}#/work/act-8`);
      await expect(page.locator('#engagement-title')).toHaveText(hostile.get('Service desk and endpoint management'));
      expect(await page.locator('#main').innerText()).toMatch(SHOWN_AS_TEXT);
      await expectInert(page, dialogs, 'engagement page');
      await page.goto(`./?today=${TODAY}#/check-in`);
      await page.getByRole('region', { name: 'Check-in history' }).or(page.locator('.history')).first().getByRole('button', { name: 'Open' }).first().click();
      await expect(page.locator('.history__detail')).toContainText(hostile.get('Interviews done, swimlane map drafted.'));
      await expectInert(page, dialogs, 'check-in history');
      await page.goto(`./?today=${TODAY}#/capacity`);
      await page.locator('.bar').first().click();
      await expect(page.locator('#main')).toContainText(/onerror|<script>|javascript:|<svg/);
      await expectInert(page, dialogs, 'allocation editor');

      // The printed Report.
      await page.goto(`./?today=${TODAY}#/report`);
      await page.emulateMedia({ media: 'print' });
      await expect(page.locator('.app-header')).toBeHidden();
      await expect(page.locator('article.report')).toContainText(name);
      expect(await page.locator('article.report').innerText()).toMatch(SHOWN_AS_TEXT);
      await expectInert(page, dialogs, 'printed report');
      await page.emulateMedia({ media: 'screen' });

      // The export gives back exactly the texts that came in (the envelope
      // adds the plan's lineage).
      const exported = await exportPlan(page);
      expect(JSON.parse(exported.text).plan).toEqual(file.plan);

      // A share link of it, opened in another page.
      await page.goto(`./?today=${TODAY}#/files`);
      const panel = page.getByRole('region', { name: 'Spreadsheets and calendars' });
      await panel.getByRole('button', { name: 'Make a share link' }).click();
      const link = await panel.getByRole('textbox', { name: 'Share link' }).inputValue();
      const shared = await browser.newPage({ bypassCSP, viewport: { width: 1400, height: 1000 } });
      const sharedDialogs = await watch(shared.context(), shared);
      await shared.goto(link.replace('#/plan', `?today=${TODAY}#/plan`));
      await expect(shared.getByRole('region', { name: 'Read-only team board' })).toContainText('from a shared link');
      await expect(shared.locator('.app-header__title')).toHaveText(name);
      await walkViews(shared, sharedDialogs, 'share link');
      await shared.close();

      // The same file as a team board beside the app.
      await page.route('**/hostile.opsboard.json', (route) =>
        route.fulfill({ status: 200, contentType: 'application/json', body: text }),
      );
      await page.goto(`./index.html?plan=hostile.opsboard.json&today=${TODAY}#/board`);
      await expect(page.getByRole('region', { name: 'Read-only team board' })).toBeVisible();
      await expect(page.locator('.app-header__title')).toHaveText(name);
      await walkViews(page, dialogs, 'team board');
      expectNoErrors(errors);
    });

    test('a hostile ?plan= address is named as text', async ({ page, context }) => {
      const dialogs = await watch(context, page);
      const source = '<img src=x onerror=window.__xss=1>.json';
      await page.goto(`./?plan=${encodeURIComponent(source)}&today=${TODAY}#/plan`);
      // Named as the address it was fetched from (percent-encoded), as text.
      await expect(page.locator('.board-banner--failed')).toContainText('%3Cimg%20src=x%20onerror=window.__xss=1%3E.json could not be loaded');
      await expectInert(page, dialogs, 'failed board');
    });
  });
}

test('normal use raises no CSP violation: views, downloads, share link, team board, report', async ({ page, context, browser }) => {
  const errors = collectErrors(page);
  const dialogs = await watch(context, page);
  await openApp(page, 'plan');
  for (const view of VIEWS) {
    await page.getByRole('navigation', { name: 'Views' }).getByRole('link', { name: view.label, exact: true }).click();
    await expect(page.locator('#main').getByRole('heading', { name: view.heading, exact: true })).toBeVisible();
  }
  // Downloads are blob: URLs.
  await exportPlan(page);
  const panel = page.getByRole('region', { name: 'Spreadsheets and calendars' });
  await exportPlan(page, panel.getByRole('button', { name: 'Activities (CSV)' }));
  await exportPlan(page, panel.getByRole('button', { name: 'Deadlines and check-ins (iCalendar)' }));
  // Share links go through CompressionStream and back.
  await panel.getByRole('button', { name: 'Make a share link' }).click();
  const link = await panel.getByRole('textbox', { name: 'Share link' }).inputValue();
  const shared = await browser.newPage();
  const sharedDialogs = await watch(shared.context(), shared);
  await shared.goto(link.replace('#/plan', `?today=${TODAY}#/plan`));
  await expect(shared.locator('.app-header__title')).toHaveText('Faster client onboarding');
  await expectInert(shared, sharedDialogs, 'share link');
  await shared.close();
  // A team board fetches its plan from the site.
  const demo = await readFile(path.join(root, 'tests/data/v2/demo.opsboard.json'), 'utf8');
  await page.route('**/team.opsboard.json', (route) => route.fulfill({ status: 200, contentType: 'application/json', body: demo }));
  await page.goto(`./index.html?plan=team.opsboard.json&today=${TODAY}#/report`);
  await expect(page.getByRole('region', { name: 'Read-only team board' })).toBeVisible();
  await page.emulateMedia({ media: 'print' });
  await expect(page.locator('article.report')).toBeVisible();
  await expectInert(page, dialogs, 'normal use');
  expectNoErrors(errors);
});

test.describe('with the service worker', () => {
  test.use({ serviceWorkers: 'allow' });

  test('the service worker registers and serves under the CSP without a violation', async ({ page, context }) => {
    const errors = collectErrors(page);
    const dialogs = await watch(context, page);
    await openApp(page, 'board');
    await page.evaluate(async () => {
      await navigator.serviceWorker.ready;
      if (!navigator.serviceWorker.controller) {
        await new Promise((resolve) => navigator.serviceWorker.addEventListener('controllerchange', resolve, { once: true }));
      }
    });
    await page.reload();
    await expect(page.locator('.app-header')).toBeVisible();
    expect(await page.evaluate(() => Boolean(navigator.serviceWorker.controller))).toBe(true);
    await expectInert(page, dialogs, 'service worker');
    expectNoErrors(errors);
  });
});

test('the policy is in force: injected markup neither loads nor runs', async ({ page, context }) => {
  await watch(context, page);
  await openApp(page, 'plan');
  const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  // No inline script at all: the page starts from a file of its own.
  expect(csp).toContain("script-src 'self' 'wasm-unsafe-eval';");
  expect(csp).toContain("object-src 'none'");
  expect(csp).toContain("base-uri 'none'");
  expect(csp).not.toContain('inline-script-hashes');
  // Markup put on the page by any other way than the app's escaping.
  await page.evaluate(() => {
    const box = document.createElement('div');
    box.innerHTML = '<img src="x" onerror="window.__xss=1"><a id="js" href="javascript:window.__xss=2">x</a>';
    document.body.append(box);
    const script = document.createElement('script');
    script.textContent = 'window.__xss = 3';
    document.body.append(script);
    const remote = document.createElement('script');
    remote.src = 'https://example.com/evil.js';
    document.body.append(remote);
  });
  await page.route('https://example.com/**', (route) => route.abort());
  await expect.poll(() => page.evaluate(() => window.__csp.length)).toBeGreaterThanOrEqual(3);
  const violations = await page.evaluate(() => window.__csp.join('\n'));
  expect(violations).toContain('script-src-attr blocked inline');
  expect(violations).toContain('script-src-elem blocked inline');
  expect(violations).toContain('script-src-elem blocked https://example.com/evil.js');
  expect(await page.evaluate(() => window.__xss)).toBeUndefined();
});
