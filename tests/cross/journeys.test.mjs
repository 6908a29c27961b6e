// The main journeys in every engine: Firefox ESR, WebKitGTK (Safari's
// engine) and Chromium, through WebDriver, on the release build in dist/.
// `make cross` runs them (and `make test`, as its last step).
//
// Each journey starts a fresh browser (empty storage). Drag and drop is
// driven by the Playwright suite in Chromium; WebDriver's pointer actions
// start no HTML5 drag in any of these engines, so here every move goes by
// the keyboard and the menus, the paths a drag always has beside it.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { DEMO_NAME, Key, ROOT, Tab, engines, startDriver, startServer } from './harness.mjs';

const FAILURES = join(ROOT, 'target/cross');
/** The longest a journey may go without finishing (they take 1-5 s). */
const JOURNEY_MS = Number(process.env.CROSS_JOURNEY_MS ?? 90_000);
const DEMO_FILE = `${DEMO_NAME}.opsboard.json`;
const CARD = '#card-act-5';
const column = (status) => `.board__column[data-status="${status}"]`;

/** The views, their routes and the heading each one shows. */
const VIEWS = [
  ['plan', 'Initiatives'],
  ['week', 'This week'],
  ['work', 'Work'],
  ['board', 'Board'],
  ['people', 'People'],
  ['skills', 'Skills matrix'],
  ['capacity', 'Capacity'],
  ['check-in', 'Weekly check-in'],
  ['money', 'Money'],
  ['report', DEMO_NAME],
  ['files', 'Plan files'],
];

let server;
before(async () => {
  server = await startServer();
});
after(() => server?.stop());

/** Fills localStorage to its last character with the engine's real quota. */
async function fillLocalStorage(tab) {
  const written = await tab.js(`
    let written = 0;
    for (const size of [1000000, 100000, 10000, 1000, 100, 10, 1]) {
      for (;;) {
        try { localStorage.setItem('e2e.filler.' + written, 'x'.repeat(size)); }
        catch (error) { break; }
        written += 1;
      }
    }
    return written;`);
  assert.ok(written > 4, `only ${written} fillers fitted`);
}

/** Whether the card is in the Board's column `status`. */
const cardIn = (tab, status) => tab.has(`${column(status)} ${CARD}`);

/** Clicks the header's Undo button. */
async function undo(tab) {
  await (await tab.find('.app-header__actions button[aria-label^="Undo"]')).click();
}

/** Moves the demo's card act-5 one column right from the keyboard. */
async function moveCardRight(tab, to = 'in-progress') {
  await tab.focus(CARD);
  await tab.press(Key.ARROW_RIGHT);
  await tab.until(`the card in "${to}"`, () => cardIn(tab, to));
}

/** Waits until the autosave has written a plan text containing `text`. */
const waitForSaved = (tab, text) => tab.until(`a save holding "${text}"`, async () => (await tab.storedOpenPlan()).includes(text));

/** The notices shown at the top of the page, as text. */
const notices = (tab) => tab.js('return [...document.querySelectorAll(".notice")].map((notice) => notice.textContent.replace(/\\s+/g, " ").trim())');

for (const engine of engines()) {
  describe(engine, () => {
    let driver;
    before(async () => {
      driver = await startDriver(engine);
    });
    after(() => driver?.stop());

    /** One run of a journey in a fresh browser; a failure leaves a screenshot in target/cross/. */
    const runOnce = async (name, body) => {
      const session = await driver.session();
      const tab = new Tab(session, server.base, engine);
      try {
        await body(tab);
        assert.deepEqual(await tab.errors(), [], 'the page logged errors');
      } catch (error) {
        mkdirSync(FAILURES, { recursive: true });
        const file = join(FAILURES, `${engine}-${name.replace(/[^a-z0-9]+/gi, '-').slice(0, 80)}.png`);
        writeFileSync(file, await tab.screenshot().catch(() => Buffer.alloc(0)));
        throw error;
      } finally {
        await session.quit();
      }
    };

    /**
     * A journey. A browser can die under the suite, and its WebDriver then
     * waits for it forever (seen once: WebKit's MiniBrowser gone in the
     * middle of a journey): a journey with no answer within JOURNEY_MS gets
     * a fresh driver and one more try. A failed check is not tried again.
     */
    const journey = (name, body) =>
      it(name, async () => {
        for (let attempt = 1; ; attempt += 1) {
          const run = runOnce(name, body);
          // Once given up on, its late failure is nobody's business.
          run.catch(() => {});
          let timer;
          const hung = new Promise((_, fail) => {
            timer = setTimeout(() => fail(Object.assign(new Error(`${engine}: no answer within ${JOURNEY_MS / 1000} s`), { hung: true })), JOURNEY_MS);
          });
          try {
            return await Promise.race([run, hung]);
          } catch (error) {
            if (!error.hung || attempt > 1) throw error;
            driver.stop();
            driver = await startDriver(engine);
          } finally {
            clearTimeout(timer);
          }
        }
      });

    journey('first load shows the demo plan', async (tab) => {
      await tab.open('plan');
      assert.equal(await tab.text('.app-header__title'), DEMO_NAME);
      await tab.waitForText('#goal-title', 'Cut client onboarding from 14 to 7 days');
      assert.equal(await tab.js('return document.querySelectorAll("table.activities tbody tr").length'), 6);
    });

    journey('regression: the plan switcher shows the open plan (WebKit drew it white on white)', async (tab) => {
      await tab.open('plan');
      const switcher = await tab.js(`
        const select = document.getElementById('plan-switcher');
        const style = getComputedStyle(select);
        return { chosen: select.selectedOptions[0]?.textContent, color: style.color, background: style.backgroundColor, appearance: style.appearance || style.webkitAppearance };`);
      assert.equal(switcher.chosen, DEMO_NAME);
      assert.equal(switcher.appearance, 'none');
      assert.notEqual(switcher.color, switcher.background);
    });

    journey('an edit survives a reload', async (tab) => {
      await tab.open('plan');
      await tab.click('Edit Map the current onboarding process');
      const title = await tab.find('#activity-title');
      await tab.until('the title field focused', async () => (await tab.focused()) === 'activity-title');
      await title.clear();
      await title.sendKeys('Map the onboarding process end to end');
      await tab.click('Save initiative');
      await tab.waitForText('tr[data-activity="act-1"] th', 'Map the onboarding process end to end');
      await waitForSaved(tab, 'Map the onboarding process end to end');
      await tab.reload();
      await tab.waitForText('tr[data-activity="act-1"] th', 'Map the onboarding process end to end');
    });

    journey('Board: a card moves by keyboard and by its Move menu; undo and redo', async (tab) => {
      await tab.open('board');
      await moveCardRight(tab);
      await tab.until('focus on the moved card', async () => (await tab.focused()) === 'card-act-5');
      await tab.press(Key.ARROW_RIGHT);
      await tab.until('the card in "blocked"', () => cardIn(tab, 'blocked'));
      // Ctrl+Z on the card (not a field) undoes; the Undo button too.
      await tab.driver.actions().keyDown(Key.CONTROL).sendKeys('z').keyUp(Key.CONTROL).perform();
      await tab.until('the card back in "in-progress"', () => cardIn(tab, 'in-progress'));
      await undo(tab);
      await tab.until('the card back in "not-started"', () => cardIn(tab, 'not-started'));
      await (await tab.find('.app-header__actions button[aria-label^="Redo"]')).click();
      await tab.until('the card in "in-progress" again', () => cardIn(tab, 'in-progress'));
      // The Move menu, the path a tap takes.
      const menu = await tab.named('Move Security baseline sign-off for new clients to', { selector: 'select' });
      await tab.js('const [menu] = arguments; menu.value = "done"; menu.dispatchEvent(new Event("change", { bubbles: true }))', menu);
      await tab.until('the card in "done"', () => cardIn(tab, 'done'));
    });

    journey('drag and drop: the engine\'s own drag events move a card and a bar', async (tab) => {
      // WebDriver's pointer actions start a native drag that never drops in
      // these engines, so the drag's events are dispatched as the page
      // would get them, with the engine's own DataTransfer.
      const drag = (from, to) => tab.js(`
        const [from, to] = [...arguments].map((css) => document.querySelector(css));
        const transfer = new DataTransfer();
        const at = (element) => { const box = element.getBoundingClientRect(); return { clientX: box.x + box.width / 2, clientY: box.y + box.height / 2 }; };
        const fire = (element, type) => element.dispatchEvent(new DragEvent(type, { bubbles: true, cancelable: true, dataTransfer: transfer, ...at(element) }));
        fire(from, 'dragstart');
        fire(to, 'dragenter');
        fire(to, 'dragover');
        fire(to, 'drop');
        fire(from, 'dragend');`, from, to);
      await tab.open('board');
      await drag(CARD, column('done'));
      await tab.until('the card in "done"', () => cardIn(tab, 'done'));
      await tab.click('Capacity');
      await tab.find('#bar-alc-3');
      await drag('#bar-alc-3', '.tl-line[data-person="per-5"] .cell[data-col="3"]');
      await tab.until('the bar on Aisha Khan', () => tab.has('.tl-line[data-person="per-5"] #bar-alc-3'));
      await undo(tab);
      await tab.until('the bar back on Marcus Hill', async () => !(await tab.has('.tl-line[data-person="per-5"] #bar-alc-3')));
    });

    journey('Capacity: a bar moves by keyboard, and undo puts it back', async (tab) => {
      await tab.open('capacity');
      await tab.focus('#bar-alc-3');
      await tab.press(Key.ENTER);
      await tab.until('the draft focused', async () => (await tab.focused()) === 'bar-draft');
      await tab.press(Key.ARROW_RIGHT);
      await tab.until('the draft a week later', async () => /2026-W49 to 2026-W52, Marcus Hill/.test(await tab.attribute('#bar-draft', 'aria-label')));
      await tab.press(Key.ENTER);
      await tab.until('the bar moved', async () => /4 h a week, 2026-W49 to 2026-W52, Marcus Hill/.test(await tab.attribute('#bar-alc-3', 'aria-label')));
      await undo(tab);
      await tab.until('the bar back', async () => /4 h a week, 2026-W48 to 2026-W51, Marcus Hill/.test(await tab.attribute('#bar-alc-3', 'aria-label')));
    });

    journey('regression: a week picker that works without <input type="week"> (empty in WebKit, bare text in Firefox)', async (tab) => {
      // The picker is a date field that stands for its week.
      await tab.open('capacity');
      const field = await tab.named('From week', { selector: 'input' });
      assert.equal(await field.getAttribute('type'), 'date');
      assert.equal(await tab.js('return arguments[0].type', field), 'date', 'the engine has date fields');
      await tab.waitForText('.week-picker__week', '2026-W46');
      assert.equal(await tab.js('return arguments[0].value', field), '2026-11-09');
      await tab.click('From week: a week later');
      await tab.waitForText('.week-picker__week', '2026-W47');
      await tab.waitForText('.tl-week', 'W47');
      // Any day picked stands for its week: a Wednesday is the week of its Monday.
      await tab.fill('From week', '2026-12-02');
      await tab.waitForText('.week-picker__week', '2026-W49');
      await tab.waitForText('.tl-week', 'W49');
      assert.equal(await tab.js('return arguments[0].value', field), '2026-11-30');
      await tab.click('Horizon');
      await tab.waitForText('.week-picker__week', '2026-W46');
    });

    journey('regression: a download\'s URL outlives its click (Safari drops a download revoked at once)', async (tab) => {
      await tab.open('files');
      await tab.click('Export plan');
      const [file] = await tab.until('the export', async () => {
        const files = await tab.downloads();
        return files.length > 0 && files;
      });
      assert.equal(file.name, DEMO_FILE);
      assert.equal(file.alive, true);
    });

    journey('the Files view says whether this browser keeps the plans, and reminds to export', async (tab) => {
      await tab.open('files');
      await tab.waitForText('#main', /keeps the plans stored here until you delete them|export to keep a copy/);
    });

    journey('a plan file exports, and imports back over a change', async (tab) => {
      await tab.open('board');
      await tab.click('Export plan');
      const [exported] = await tab.until('the export', async () => {
        const files = await tab.downloads();
        return files.length > 0 && files;
      });
      assert.equal(exported.name, DEMO_FILE);
      const file = JSON.parse(exported.text);
      assert.equal(file.format, 'opsboard-plan');
      assert.equal(file.plan.name, DEMO_NAME);

      await moveCardRight(tab);
      await tab.click('Files');
      const path = join(mkdtempSync(join(tmpdir(), 'opsboard-cross-')), DEMO_FILE);
      writeFileSync(path, exported.text);
      const input = await tab.find('input[type="file"][aria-label="Import plan"]');
      await input.sendKeys(path);
      await tab.waitForText('[role="dialog"]', `"${DEMO_FILE}" holds the plan "${DEMO_NAME}"`);
      await tab.until('"Replace" focused', async () => (await tab.js('return document.activeElement.textContent.trim()')) === 'Replace the current plan');
      await tab.press(Key.ENTER);
      await tab.until('the dialog closed', async () => !(await tab.has('[role="dialog"]')));
      await tab.click('Board');
      await tab.until('the card back in "not-started"', () => cardIn(tab, 'not-started'));
    });

    journey('a plan file dropped on the page opens the import dialog, and Escape closes it', async (tab) => {
      await tab.open('plan');
      const text = readFileSync(join(ROOT, 'tests/data/v2/demo.opsboard.json'), 'utf8');
      await tab.js(`
        const transfer = new DataTransfer();
        transfer.items.add(new File([arguments[0]], 'dropped.opsboard.json', { type: 'application/json' }));
        for (const type of ['dragenter', 'dragover', 'drop']) {
          document.body.dispatchEvent(new DragEvent(type, { bubbles: true, cancelable: true, dataTransfer: transfer }));
        }`, text);
      await tab.waitForText('[role="dialog"]', '"dropped.opsboard.json" holds the plan');
      await tab.until('focus in the dialog', () => tab.js('return !!document.activeElement.closest("[role=dialog]")'));
      await tab.press(Key.ESCAPE);
      await tab.until('the dialog closed', async () => !(await tab.has('[role="dialog"]')));
    });

    journey('a share link opens the plan read-only; a local copy can be made', async (tab) => {
      await tab.open('files');
      await tab.click('Make a share link');
      const field = await tab.find('input.share-link');
      const link = await tab.js('return arguments[0].value', field);
      assert.match(link, /#\/plan\?share=[A-Za-z0-9_-]+$/);
      const [, fragment] = link.split('#');
      await tab.driver.get(`${tab.url('plan').split('#')[0]}#${fragment}`);
      await tab.waitForText('.board-banner', 'Read-only team board · from a shared link');
      assert.equal(await tab.text('.app-header__title'), DEMO_NAME);
      await tab.click('Make a local copy');
      await tab.until('the banner gone', async () => !(await tab.has('.board-banner')));
    });

    journey('regression: without CompressionStream (Safari before 16.4) a share link says why and what to do', async (tab) => {
      await tab.open('files', { inject: ['no-compression'] });
      await tab.click('Make a share link');
      await tab.waitForText('.form__error[role="alert"]', /No share link: this browser has no CompressionStream.*Send the plan file instead/);
    });

    journey('a team board (?plan=) opens read-only and refuses edits with the reason', async (tab) => {
      const demo = readFileSync(join(ROOT, 'tests/data/v2/demo.opsboard.json'), 'utf8');
      server.files.set('/plans/team.opsboard.json', demo.replace('"name": "Faster client onboarding"', '"name": "Team plan on the wiki"'));
      await tab.open('board', { query: { plan: 'plans/team.opsboard.json' } });
      await tab.waitForText('.board-banner', 'Read-only team board · from plans/team.opsboard.json');
      await tab.waitForText('.app-header__title', 'Team plan on the wiki');
      await tab.focus(CARD);
      await tab.press(Key.ARROW_RIGHT);
      await tab.waitForText('[role="status"][aria-live="polite"]', 'This team board is read-only: make a local copy to change it.');
      assert.ok(await cardIn(tab, 'not-started'));
      assert.equal(await tab.js('return Object.keys(localStorage).filter((key) => key.startsWith("opsboard.plan.")).length'), 0);
    });

    journey('storage unavailable: the demo opens, edits work, and the banner offers an export', async (tab) => {
      await tab.open('plan', { inject: ['no-storage'] });
      await tab.until('the banner', async () => (await notices(tab)).some((text) => text.includes('Browser storage is unavailable')));
      await tab.click('Board');
      await moveCardRight(tab);
      await tab.click('Export plan now');
      const files = await tab.until('the export', async () => (await tab.downloads()).at(-1));
      assert.equal(JSON.parse(files.text).plan.activities.find((activity) => activity.id === 'act-5').status, 'in_progress');
    });

    journey('storage full (the engine\'s own quota, no IndexedDB): the edit stays and the banner says so', async (tab) => {
      await tab.open('board', { inject: ['no-indexeddb'] });
      await waitForSaved(tab, DEMO_NAME);
      await fillLocalStorage(tab);
      await moveCardRight(tab);
      await tab.until('the "full" banner', async () => (await notices(tab)).some((text) => text.includes('Browser storage is full')));
      assert.ok(await cardIn(tab, 'in-progress'));
    });

    journey('a plan that outgrows localStorage is kept in IndexedDB and opens after a reload', async (tab) => {
      await tab.open('board');
      await waitForSaved(tab, DEMO_NAME);
      await fillLocalStorage(tab);
      await moveCardRight(tab);
      // The save goes to IndexedDB; nothing to report.
      await new Promise((done) => setTimeout(done, 1000));
      assert.deepEqual((await notices(tab)).filter((text) => /storage/i.test(text)), []);
      await tab.reload();
      await tab.until('the moved card after the reload', () => cardIn(tab, 'in-progress'));
    });

    journey('parts load on demand: the first views fetch only the Capacity panels, each part arrives when opened', async (tab) => {
      const parts = () => tab.js('return performance.getEntriesByType("resource").map((entry) => entry.name).filter((name) => /\\/app\\/[^/]+\\/split_[^/]*\\.wasm$/.test(name)).map((name) => name.split("/").pop().replace(/\\.wasm$/, ""))');
      const show = async (route, heading) => {
        await tab.js('location.hash = arguments[0]', `#/${route}`);
        await tab.until(`the heading "${heading}"`, () =>
          tab.js('return [...document.querySelectorAll("#main :is(h1, h2, h3)")].some((h) => h.textContent.trim().startsWith(arguments[0]))', heading));
      };
      await tab.open('plan');
      for (const [route, heading] of VIEWS.filter(([route]) => ['week', 'board', 'capacity'].includes(route))) {
        await show(route, heading);
      }
      // The panels under the timeline follow it.
      await show('capacity', 'Can we take it?');
      const expected = ['split_capacity_panels'];
      assert.deepEqual(await parts(), expected);
      for (const [route, heading] of VIEWS.filter(([route]) => !['plan', 'week', 'board', 'capacity'].includes(route))) {
        await show(route, heading);
        expected.push(`split_${route.replace('-', '_')}_view`);
        assert.deepEqual(await parts(), expected);
      }
      // The editors and dialogs that are parts: each arrives when first
      // opened, and works.
      await show('plan/goal', 'Goal, horizon, resources and risk thresholds');
      expected.push('split_plan_editor');
      assert.deepEqual(await parts(), expected);
      await tab.open('capacity');
      // A click selects the bar (by script: WebKitGTK's driver calls the bar,
      // in its scrolled timeline, not interactable).
      await tab.find('#bar-alc-3');
      await tab.js('document.querySelector("#bar-alc-3").click()');
      await tab.until('the allocation editor', () => tab.has('form.allocation-editor input[aria-label="Hours a week"]'));
      assert.ok((await parts()).includes('split_allocation_editor'));
      await tab.open('files');
      await tab.click('Import from a spreadsheet…');
      await tab.until('the spreadsheet import focused', async () => (await tab.focused()) === 'sheet-import-title');
      assert.ok((await parts()).includes('split_sheet_import_dialog'));
      await tab.press(Key.ESCAPE);
      await tab.until('the dialog closed', async () => !(await tab.has('[role="dialog"]')));
      const path = join(mkdtempSync(join(tmpdir(), 'opsboard-cross-')), 'other.opsboard.json');
      writeFileSync(path, readFileSync(join(ROOT, 'tests/data/v2/demo.opsboard.json'), 'utf8'));
      await (await tab.find('input[type="file"][aria-label="Import plan"]')).sendKeys(path);
      await tab.click('Compare and merge…');
      await tab.until('the comparison focused', async () => (await tab.focused()) === 'merge-title');
      assert.ok((await parts()).includes('split_import_dialog'));
      assert.ok((await parts()).includes('split_merge_dialog'));
      await tab.press(Key.ESCAPE);
      await tab.until('the dialog closed', async () => !(await tab.has('[role="dialog"]')));
    });

    journey('Tab reaches every view\'s controls, each with a visible focus ring', async (tab) => {
      const problems = [];
      for (const [route, heading] of VIEWS) {
        await tab.open(route);
        await tab.until(`the heading "${heading}"`, () =>
          tab.js('return [...document.querySelectorAll("#main :is(h1, h2, h3)")].some((h) => h.textContent.trim().startsWith(arguments[0]))', heading));
        // From the header's first control: a view opened by its route keeps
        // the page, and with it where the last view's Tab order stopped.
        await tab.js('window.scrollTo(0, 0); document.querySelector(".app-header button").focus()');
        let reachedMain = false;
        for (let step = 0; step < 40; step += 1) {
          await tab.press(Key.TAB);
          const focus = await tab.js(`
            const element = document.activeElement;
            if (!element || element === document.body) return null;
            const style = getComputedStyle(element);
            const ring = (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0) || style.boxShadow !== 'none';
            return { what: element.id || element.getAttribute('aria-label') || element.textContent.trim().slice(0, 40) || element.tagName, ring, shown: element.getClientRects().length > 0, inMain: !!element.closest('#main') };`);
          if (!focus) break;
          if (!focus.shown) problems.push(`${route}: focus on hidden ${focus.what}`);
          else if (!focus.ring) problems.push(`${route}: no focus ring on ${focus.what}`);
          reachedMain ||= focus.inMain;
        }
        if (!reachedMain) problems.push(`${route}: Tab never reached the view`);
      }
      assert.deepEqual(problems, []);
    });
  });
}
