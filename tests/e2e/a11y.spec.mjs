// Accessibility: axe-core audits every view (and the opened editors and
// dialogs) in the light and the dark colour scheme and fails on serious or
// critical violations, colour contrast included. Keyboard focus is always
// visible, and it is not lost after a drop or after a dialog closes.
import { test, expect } from '@playwright/test';
import { createRequire } from 'node:module';
import {
  TODAY,
  VIEWS,
  collectErrors,
  column,
  dropFile,
  expectNoErrors,
  importDialog,
  openApp,
  pickFile,
} from './helpers.mjs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..', '..');
const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

// axe is injected as a script tag, which the app's own CSP refuses (it allows
// only the app's files); the audit is about the page as drawn, not the policy
// (tests/e2e/hostile.spec.mjs covers that), so these pages bypass it.
test.use({ bypassCSP: true, viewport: { width: 1400, height: 1000 } });

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

/** Places to audit besides the views: editors, dialogs and folded parts, opened. */
const OPENED = [
  { what: 'the goal editor', go: (page) => page.goto(`./?today=${TODAY}#/plan/goal`), ready: (page) => page.locator('#main form').first() },
  { what: 'the activity editor', go: (page) => page.goto(`./?today=${TODAY}#/plan/activity/act-3`), ready: (page) => page.locator('#main form').first() },
  {
    what: 'the allocation editor',
    go: async (page) => {
      await page.goto(`./?today=${TODAY}#/capacity`);
      await page.locator('#bar-alc-2').click();
    },
    ready: (page) => page.getByRole('button', { name: 'Apply' }),
  },
  {
    what: 'a move in progress on the Capacity view, with Place and Cancel',
    go: async (page) => {
      await page.goto(`./?today=${TODAY}#/capacity`);
      await page.getByRole('radio', { name: 'All open' }).check();
      await page.locator('.work[data-id="act-4"]').click();
    },
    ready: (page) => page.getByRole('group', { name: 'Move in progress' }),
  },
  {
    what: 'a booking in progress on an engagement page, with its buttons',
    go: async (page) => {
      await page.goto(`./?today=${TODAY}#/work/act-8`);
      await page.locator('.person-chip').first().click();
    },
    ready: (page) => page.getByRole('group', { name: 'Booking in progress' }),
  },
  {
    what: 'the check-in history',
    go: async (page) => {
      await page.goto(`./?today=${TODAY}#/check-in`);
      await page.locator('.history').getByRole('button', { name: 'Open' }).first().click();
    },
    ready: (page) => page.locator('.history__detail'),
  },
  {
    what: 'the new open role form',
    go: async (page) => {
      await page.goto(`./?today=${TODAY}#/people`);
      await page.getByRole('region', { name: 'Hiring plan' }).getByRole('button', { name: 'Add role' }).click();
    },
    ready: (page) => page.getByRole('form', { name: 'New open role' }),
  },
  {
    what: 'the fill role dialog',
    go: async (page) => {
      await page.goto(`./?today=${TODAY}#/people`);
      await page.getByRole('button', { name: 'Fill role… Cloud Engineer' }).click();
    },
    ready: (page) => page.getByRole('dialog', { name: 'Fill Cloud Engineer' }),
  },
  {
    what: 'a custom meeting in the governance rhythm',
    go: async (page) => {
      await page.goto(`./?today=${TODAY}#/plan`);
      await page.getByRole('region', { name: 'Governance rhythm' }).getByRole('button', { name: 'Add custom meeting' }).click();
    },
    ready: (page) => page.getByRole('textbox', { name: 'Name of New meeting' }),
  },
  {
    what: 'the import dialog',
    go: async (page) => {
      await page.goto(`./?today=${TODAY}#/files`);
      const demo = await readFile(path.join(root, 'tests/data/v2/demo.opsboard.json'), 'utf8');
      await pickFile(page, 'demo.opsboard.json', demo);
    },
    ready: (page) => importDialog(page),
  },
  {
    what: 'the compare and merge dialog',
    go: async (page) => {
      await page.goto(`./?today=${TODAY}#/files`);
      const demo = JSON.parse(await readFile(path.join(root, 'tests/data/v2/demo.opsboard.json'), 'utf8'));
      demo.plan.activities[3].title = 'Self-service intake portal';
      await pickFile(page, 'returned.opsboard.json', JSON.stringify(demo, null, 2));
      await importDialog(page).getByRole('button', { name: 'Compare and merge…' }).click();
    },
    ready: (page) => page.getByRole('dialog', { name: /^Compare with / }),
  },
  {
    what: 'the spreadsheet import dialog, with a preview',
    go: async (page) => {
      // A fresh page: the dialogs opened before are gone.
      await page.goto('about:blank');
      await page.goto(`./?today=${TODAY}#/files`);
      await page.getByRole('button', { name: 'Import from a spreadsheet…' }).click();
      await page.getByLabel('Choose a CSV file').setInputFiles(path.join(root, 'tests/e2e/fixtures/firm-people.csv'));
    },
    ready: (page) => page.getByTestId('sheet-summary'),
  },
  {
    what: 'the Files view with the plan linked to a file and its recent changes',
    go: async (page) => {
      await page.goto('about:blank');
      await page.goto(`./?today=${TODAY}#/files`);
      // The native picker cannot be driven: a file of the origin's private
      // file system stands in for the one picked.
      await page.evaluate(() => {
        window.showSaveFilePicker = async () =>
          (await navigator.storage.getDirectory()).getFileHandle('a11y.opsboard.json', { create: true });
      });
      await page.getByLabel("Your name, shown to others in the file's recent changes").fill('Dana');
      await page.getByRole('button', { name: 'Save to file…' }).click();
    },
    ready: (page) => page.getByRole('button', { name: 'Unlink' }),
  },
];

for (const colorScheme of ['light', 'dark']) {
  test.describe(`${colorScheme} colour scheme`, () => {
    test.use({ colorScheme });

    test('every view has no serious or critical axe violation', async ({ page }) => {
      const errors = collectErrors(page);
      await openApp(page, 'plan');
      const found = [];
      for (const view of VIEWS) {
        await page.getByRole('navigation', { name: 'Views' }).getByRole('link', { name: view.label, exact: true }).click();
        await expect(page.locator('#main').getByRole('heading', { name: view.heading, exact: true })).toBeVisible();
        found.push(...(await audit(page)).map((line) => `${view.label}: ${line}`));
      }
      // An engagement of the book of work: the Woodgrove service desk
      // contract, its team on its timeline and the people to book.
      await page.goto(`./?today=${TODAY}#/work/act-8`);
      await expect(page.locator('#main').getByRole('heading', { name: 'Service desk and endpoint management', level: 2 })).toBeVisible();
      await expect(page.locator('.wt-bar').first()).toBeVisible();
      found.push(...(await audit(page)).map((line) => `Engagement page: ${line}`));
      expect(found).toEqual([]);
      expectNoErrors(errors);
    });

    test('opened editors and dialogs have no serious or critical axe violation', async ({ page }) => {
      const errors = collectErrors(page);
      await openApp(page, 'plan');
      const found = [];
      for (const place of OPENED) {
        await place.go(page);
        await expect(place.ready(page)).toBeVisible();
        found.push(...(await audit(page)).map((line) => `${place.what}: ${line}`));
      }
      expect(found).toEqual([]);
      expectNoErrors(errors);
    });
  });
}

/**
 * The focused element's focus indicator: an outline (its own, or its
 * focus-within wrapper's, for the file picker) or a box-shadow ring, and the
 * contrast of its colour with the page behind it.
 */
async function focusIndicator(page) {
  return page.evaluate(() => {
    const element = document.activeElement;
    if (!element || element === document.body) return { what: 'body', visible: false };
    const luminance = (color) => {
      const [r, g, b] = color.match(/[\d.]+/g).slice(0, 3).map((value) => {
        const channel = Number(value) / 255;
        return channel <= 0.03928 ? channel / 12.92 : ((channel + 0.055) / 1.055) ** 2.4;
      });
      return 0.2126 * r + 0.7152 * g + 0.0722 * b;
    };
    const contrast = (a, b) => {
      const [high, low] = [luminance(a), luminance(b)].sort((x, y) => y - x);
      return (high + 0.05) / (low + 0.05);
    };
    // The colour behind the element: the first opaque background up the tree.
    const behind = (node) => {
      for (let at = node.parentElement; at; at = at.parentElement) {
        const background = getComputedStyle(at).backgroundColor;
        if (!/rgba\(.*, 0\)$/.test(background) && background !== 'transparent') return background;
      }
      return getComputedStyle(document.body).backgroundColor;
    };
    const label = `${element.tagName.toLowerCase()}${element.id ? `#${element.id}` : ''}.${[...element.classList].join('.')} "${(element.getAttribute('aria-label') ?? element.textContent).trim().slice(0, 40)}"`;
    for (const node of [element, element.closest('.file-picker')].filter(Boolean)) {
      const style = getComputedStyle(node);
      if (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2) {
        return { what: label, visible: true, contrast: contrast(style.outlineColor, behind(node)) };
      }
      if (style.boxShadow !== 'none') return { what: label, visible: true, contrast: 3 };
    }
    return { what: label, visible: false };
  });
}

for (const colorScheme of ['light', 'dark']) {
  test(`keyboard focus is visible on everything Tab reaches (${colorScheme})`, async ({ page }) => {
    test.setTimeout(90_000);
    await page.emulateMedia({ colorScheme });
    await openApp(page, 'plan');
    const problems = [];
    const pages = [...VIEWS, { label: 'Engagement page', hash: '#/work/act-8', heading: 'Service desk and endpoint management' }];
    for (const view of pages) {
      await page.goto(`./?today=${TODAY}${view.hash}`);
      await expect(page.locator('#main').getByRole('heading', { name: view.heading, exact: true })).toBeVisible();
      await page.locator('body').click({ position: { x: 1, y: 1 } });
      for (let step = 0; step < 30; step += 1) {
        await page.keyboard.press('Tab');
        const focus = await focusIndicator(page);
        // Past the last stop focus leaves the page: this view is done.
        if (focus.what === 'body') break;
        if (!focus.visible) problems.push(`${view.label}: no visible focus on ${focus.what}`);
        else if (!(focus.contrast >= 3)) problems.push(`${view.label}: focus ring of ${focus.what} has ${focus.contrast.toFixed(2)}:1`);
      }
    }
    // Widgets deeper than the first stops, focused the way their arrow keys
    // and Enter do it (after a key press, so :focus-visible applies).
    for (const [route, selector, prepare] of [
      ['plan', '[id^="priority-act-"]'],
      ['board', '#card-act-5'],
      ['skills', '#cell-per-1-skl-13'],
      ['capacity', '.timeline .cell[tabindex="0"]'],
      ['capacity', '#bar-alc-2'],
      ['capacity', '.work', (page) => page.getByRole('radio', { name: 'All open' }).check()],
      ['capacity', '.tl-team'],
      ['people', '#rol-1-f0'],
      ['people', '#rol-1-f4'],
      ['people', '.chip__remove'],
      ['plan', '#cad-2-f2'],
      ['work/act-8', '.wt-bar'],
      ['work/act-8', '.person-chip'],
      ['work/act-8', '#work-draft', (page) => page.locator('.person-chip').first().press('Enter')],
      ['work/act-8', '.wt-draft .button--primary', (page) => page.locator('.person-chip').first().click()],
      ['capacity', '.tl-draft .button--primary', (page) => page.locator('#bar-alc-2').press('Enter')],
      ['plan', '.priority__move:not(:disabled)'],
    ]) {
      await page.goto(`./?today=${TODAY}#/${route}`);
      if (prepare) await prepare(page);
      const target = page.locator(selector).first();
      await expect(target).toBeVisible();
      await page.keyboard.press('Shift');
      await target.focus();
      const focus = await focusIndicator(page);
      if (!focus.visible) problems.push(`${route}: no visible focus on ${focus.what}`);
      else if (!(focus.contrast >= 3)) problems.push(`${route}: focus ring of ${focus.what} has ${focus.contrast.toFixed(2)}:1`);
    }
    expect([...new Set(problems)]).toEqual([]);
  });
}

test('focus stays on what was dropped: a board card, work dropped on a week, a moved bar', async ({ page }) => {
  const errors = collectErrors(page);
  // Tall enough that a drag never has to scroll the timeline (as in
  // capacity.spec.mjs): the firm's fifteen people make it tall.
  await page.setViewportSize({ width: 1400, height: 2000 });
  await openApp(page, 'board');
  await page.dragAndDrop('#card-act-5', '.board__column--done');
  await expect(column(page, 'done').locator('#card-act-5')).toBeFocused();

  await page.goto(`./?today=${TODAY}#/capacity`);
  await page.getByRole('radio', { name: 'All open' }).check();
  await page.dragAndDrop('.work[data-id="act-4"]', '[data-person="per-4"] .cell[data-col="2"]');
  await expect(page.locator('[data-person="per-4"] #bar-alc-45')).toBeFocused();
  await page.dragAndDrop('#bar-alc-3', '[data-person="per-5"] .cell[data-col="3"]', { sourcePosition: { x: 4, y: 6 } });
  await expect(page.locator('[data-person="per-5"] #bar-alc-3')).toBeFocused();
  expectNoErrors(errors);
});

test('focus comes back when a dialog closes: import, compare and merge, remove a person, the allocation editor', async ({ page }) => {
  const errors = collectErrors(page);
  const demo = await readFile(path.join(root, 'tests/data/v2/demo.opsboard.json'), 'utf8');
  await openApp(page, 'files');
  const picker = page.getByLabel('Import plan');
  // Cancel, Escape and Replace all give focus back to the file picker (as
  // when it was used by keyboard).
  for (const close of ['Cancel', 'Escape', 'Replace the current plan']) {
    await picker.focus();
    await pickFile(page, 'demo.opsboard.json', demo);
    await expect(importDialog(page).getByRole('button', { name: 'Replace the current plan' })).toBeFocused();
    if (close === 'Escape') await page.keyboard.press('Escape');
    else await importDialog(page).getByRole('button', { name: close }).click();
    await expect(importDialog(page)).toHaveCount(0);
    await expect(picker, `after ${close}`).toBeFocused();
  }
  // A file dropped on the page had no opener: focus goes to the view.
  await page.goto(`./?today=${TODAY}#/board`);
  await dropFile(page, 'demo.opsboard.json', demo);
  await expect(importDialog(page).getByRole('button', { name: 'Replace the current plan' })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(importDialog(page)).toHaveCount(0);
  await expect(page.locator('#main')).toBeFocused();

  // Compare and merge, opened from the import dialog: closing it leaves focus
  // in the view.
  await page.goto(`./?today=${TODAY}#/files`);
  await pickFile(page, 'demo.opsboard.json', demo);
  await importDialog(page).getByRole('button', { name: 'Compare and merge…' }).click();
  const merge = page.getByRole('dialog', { name: /^Compare with / });
  await expect(merge.getByRole('heading')).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(merge).toHaveCount(0);
  await expect(page.locator('#main')).toBeFocused();

  // Removing a person: Cancel goes back to their Remove button; once removed,
  // to the table's heading.
  await page.goto(`./?today=${TODAY}#/people`);
  const remove = page.getByRole('button', { name: 'Remove Tom Becker' });
  await remove.click();
  const dialog = page.getByRole('dialog', { name: 'Remove Tom Becker?' });
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(remove).toBeFocused();
  await remove.click();
  await dialog.getByRole('button', { name: 'Remove Tom Becker' }).click();
  await expect(page.getByRole('heading', { name: 'People', exact: true })).toBeFocused();

  // The allocation editor: the clicked bar keeps focus, closing goes back to
  // it, removing to the timeline.
  await page.goto(`./?today=${TODAY}#/capacity`);
  await page.locator('#bar-alc-3').click();
  const editor = page.getByRole('form', { name: /^Allocation: / });
  await expect(editor).toBeVisible();
  await expect(page.locator('#bar-alc-3')).toBeFocused();
  await editor.getByRole('button', { name: 'Close the allocation editor' }).click();
  await expect(editor).toHaveCount(0);
  await expect(page.locator('#bar-alc-3')).toBeFocused();
  await page.locator('#bar-alc-3').click();
  await editor.getByRole('button', { name: 'Remove' }).click();
  await expect(page.locator('#bar-alc-3')).toHaveCount(0);
  await expect(page.locator('.timeline .cell[tabindex="0"]')).toBeFocused();
  expectNoErrors(errors);
});
