// The cross-browser suite's harness: the three engines driven through
// WebDriver (Playwright cannot drive Debian's Firefox or WebKitGTK), the
// static server, and a small `Tab` that reads the page as a person does.
//
//   firefox    Firefox ESR through geckodriver, headless
//   webkit     WebKitGTK's MiniBrowser (Safari's engine) through
//              WebKitWebDriver, in a virtual X display (xvfb-run)
//   chromium   Debian's Chromium through chromedriver, headless
//
// CROSS_BROWSERS picks engines (default: all three); CROSS_PORT the port
// dist/ is served on (default 4176).
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Builder, Key } from 'selenium-webdriver';
import { serve } from './server.mjs';

export { Key };

/** The date the app is pinned to (`?today=`), as in the Playwright suite. */
export const TODAY = '2026-11-23';
export const DEMO_NAME = 'Faster client onboarding';
export const ROOT = resolve(import.meta.dirname, '../..');

const WAIT_MS = Number(process.env.CROSS_WAIT_MS ?? 15_000);
const WIDTH = 1400;
const HEIGHT = 1000;

/** The engines asked for, in a fixed order. */
export function engines() {
  const all = ['firefox', 'webkit', 'chromium'];
  const asked = (process.env.CROSS_BROWSERS ?? all.join(',')).split(',').map((name) => name.trim());
  const unknown = asked.filter((name) => !all.includes(name));
  if (unknown.length > 0) throw new Error(`CROSS_BROWSERS: unknown engine ${unknown.join(', ')}`);
  return all.filter((name) => asked.includes(name));
}

function freePort() {
  return new Promise((done, fail) => {
    const probe = createServer();
    probe.once('error', fail);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => done(port));
    });
  });
}

const sleep = (ms) => new Promise((done) => setTimeout(done, ms));

async function waitForDriver(url, child, name) {
  const started = Date.now();
  while (Date.now() - started < 30_000) {
    if (child.exitCode !== null) throw new Error(`${name} exited with ${child.exitCode}`);
    try {
      const response = await fetch(`${url}/status`);
      if (response.ok && (await response.json()).value?.ready !== false) return;
    } catch {
      // Not listening yet.
    }
    await sleep(100);
  }
  throw new Error(`${name} did not answer on ${url} within 30 s`);
}

/**
 * A running WebDriver server for `engine`: `{ session(), stop() }`. Each
 * session is a fresh browser with its own empty storage. `scheme: 'dark'`
 * asks the engine for the dark colour scheme.
 */
export async function startDriver(engine, { scheme = 'light' } = {}) {
  const port = await freePort();
  const home = mkdtempSync(join(tmpdir(), `opsboard-${engine}-`));
  const downloads = join(home, 'downloads');
  // WebKitGTK takes the colour scheme from the GTK theme.
  const env = { ...process.env, HOME: home, GTK_THEME: scheme === 'dark' ? 'Adwaita:dark' : 'Adwaita' };
  let child;
  let capabilities;
  if (engine === 'firefox') {
    child = spawn('geckodriver', ['--host', '127.0.0.1', '--port', String(port), '--log', 'fatal'], { env, stdio: 'ignore', detached: true });
    capabilities = {
      browserName: 'firefox',
      'moz:firefoxOptions': {
        binary: process.env.FIREFOX ?? '/usr/bin/firefox-esr',
        args: ['-headless', `--width=${WIDTH}`, `--height=${HEIGHT}`],
        prefs: {
          'browser.download.folderList': 2,
          'browser.download.dir': downloads,
          'browser.download.useDownloadDir': true,
          'browser.download.alwaysOpenPanel': false,
          // 0 dark, 1 light.
          'layout.css.prefers-color-scheme.content-override': scheme === 'dark' ? 0 : 1,
        },
      },
    };
  } else if (engine === 'webkit') {
    // MiniBrowser has no headless mode: a virtual display of its own.
    child = spawn('xvfb-run', ['-a', '-s', `-screen 0 ${WIDTH}x${HEIGHT + 200}x24`, 'WebKitWebDriver', `--port=${port}`], { env, stdio: 'ignore', detached: true });
    capabilities = {
      browserName: 'MiniBrowser',
      'webkitgtk:browserOptions': {
        binary: process.env.MINIBROWSER ?? '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser',
        args: ['--automation', `--geometry=${WIDTH}x${HEIGHT}`],
      },
    };
  } else {
    child = spawn(process.env.CHROMEDRIVER ?? '/usr/bin/chromedriver', [`--port=${port}`], { env, stdio: 'ignore', detached: true });
    capabilities = {
      browserName: 'chrome',
      'goog:chromeOptions': {
        binary: process.env.CHROMIUM ?? '/usr/bin/chromium',
        args: [
          '--headless=new', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
          '--disable-component-update', '--disable-sync', '--no-first-run', `--window-size=${WIDTH},${HEIGHT}`,
          ...(scheme === 'dark' ? ['--force-dark-mode'] : []),
        ],
        prefs: { 'download.default_directory': downloads, 'download.prompt_for_download': false },
      },
    };
  }
  const url = `http://127.0.0.1:${port}`;
  await waitForDriver(url, child, engine);
  return {
    engine,
    async session() {
      const driver = await new Builder().usingServer(url).withCapabilities(capabilities).build();
      await driver.manage().setTimeouts({ script: WAIT_MS });
      if (engine === 'webkit') {
        await driver.manage().window().setRect({ width: WIDTH, height: HEIGHT }).catch(() => {});
      }
      return driver;
    },
    stop() {
      try {
        process.kill(-child.pid, 'SIGTERM');
      } catch {
        // Already gone.
      }
      rmSync(home, { recursive: true, force: true });
    },
  };
}

/** Serves dist/ for the suite; `files` adds plan files to host beside it. */
export async function startServer() {
  const port = Number(process.env.CROSS_PORT ?? 4176);
  const files = new Map();
  const server = await serve(join(ROOT, 'dist'), port, files);
  return { base: `http://127.0.0.1:${port}/`, files, stop: () => new Promise((done) => server.close(done)) };
}

// Runs in the page: the element matching `selector` whose accessible name
// (aria-labelledby, aria-label, its <label>, or its text) is `name`, shown.
const FIND_NAMED = `
  const [name, selector, scopeSelector] = arguments;
  const scope = scopeSelector ? document.querySelector(scopeSelector) : document;
  if (!scope) return null;
  const text = (node) => (node?.textContent ?? '').replace(/\\s+/g, ' ').trim();
  const nameOf = (element) => {
    const labelledBy = element.getAttribute('aria-labelledby');
    if (labelledBy) return labelledBy.split(/\\s+/).map((id) => text(document.getElementById(id))).join(' ').trim();
    if (element.hasAttribute('aria-label')) return element.getAttribute('aria-label').trim();
    if (element.id) {
      const label = document.querySelector('label[for="' + CSS.escape(element.id) + '"]');
      if (label) return text(label);
    }
    const label = element.matches('input, select, textarea') && element.closest('label');
    if (label) {
      // The label's own words, not the options or values of the control.
      const words = label.cloneNode(true);
      words.querySelectorAll('input, select, textarea').forEach((control) => control.remove());
      return text(words);
    }
    return text(element);
  };
  return [...scope.querySelectorAll(selector)]
    .find((element) => element.getClientRects().length > 0 && nameOf(element) === name) ?? null;
`;

const CONTROLS = 'button, a[href], input, select, textarea, [role="button"], [role="link"], [role="tab"]';

/** A browser session on the app, read as a person reads it. */
export class Tab {
  constructor(driver, base, engine) {
    this.driver = driver;
    this.base = base;
    this.engine = engine;
  }

  /** The app's address: `route` (`board`), query parameters, injected scripts. */
  url(route = 'plan', { query = {}, inject = [] } = {}) {
    const params = new URLSearchParams({ today: TODAY, ...query });
    params.set('e2e', ['errors', 'downloads', ...inject].join(','));
    return `${this.base}?${params}#/${route}`;
  }

  /** Opens the app and waits until it has started. */
  async open(route = 'plan', options = {}) {
    await this.driver.get(this.url(route, options));
    await this.find('.app-header');
  }

  /** Reloads and waits until the app has started again. */
  async reload() {
    await this.driver.navigate().refresh();
    await this.find('.app-header');
  }

  /** Runs `script` (a function body using `arguments`) in the page. */
  js(script, ...args) {
    return this.driver.executeScript(script, ...args);
  }

  /** Polls `check` until it returns something truthy; fails with `what`. */
  async until(what, check, timeout = WAIT_MS) {
    const started = Date.now();
    let last;
    for (;;) {
      try {
        last = await check();
        if (last) return last;
      } catch (error) {
        last = error;
      }
      if (Date.now() - started > timeout) {
        throw new Error(`${this.engine}: waited ${timeout} ms for ${what}${last instanceof Error ? ` (${last.message})` : ''}`);
      }
      await sleep(100);
    }
  }

  /** The first element matching `css`, once it is there. */
  find(css) {
    return this.until(`"${css}"`, () => this.js('return document.querySelector(arguments[0])', css));
  }

  /** Whether an element matches `css` now. */
  async has(css) {
    return (await this.js('return document.querySelector(arguments[0]) !== null', css)) === true;
  }

  /** The control named `name` (as a screen reader names it), once shown. */
  named(name, { selector = CONTROLS, within } = {}) {
    return this.until(`a control named "${name}"`, () => this.js(FIND_NAMED, name, selector, within ?? null));
  }

  /** Clicks the control named `name`. */
  async click(name, options) {
    await (await this.named(name, options)).click();
  }

  /** The text of the first element matching `css` (whitespace folded). */
  text(css) {
    return this.js(
      'const element = document.querySelector(arguments[0]); return element ? element.textContent.replace(/\\s+/g, " ").trim() : null',
      css,
    );
  }

  /** Waits until the first element matching `css` has text matching `pattern`. */
  async waitForText(css, pattern) {
    const matches = (text) => (typeof pattern === 'string' ? text?.includes(pattern) : pattern.test(text ?? ''));
    await this.until(`"${css}" to read ${pattern}`, async () => matches(await this.text(css)));
    return this.text(css);
  }

  /** An attribute of the first element matching `css`. */
  attribute(css, name) {
    return this.js('return document.querySelector(arguments[0])?.getAttribute(arguments[1]) ?? null', css, name);
  }

  /** Presses keys on whatever has focus (`Key.ENTER`, `'+'`, ...). */
  async press(...keys) {
    await this.driver.actions().sendKeys(...keys).perform();
  }

  /** Focuses the element matching `css` as a keyboard user reaches it. */
  async focus(css) {
    await this.find(css);
    await this.js('document.querySelector(arguments[0]).focus()', css);
  }

  /** The id (or tag) of the focused element. */
  focused() {
    return this.js('const element = document.activeElement; return element ? (element.id || element.tagName.toLowerCase()) : null');
  }

  /** Sets a field's value as typing does, then leaves it (input and change). */
  async fill(name, value, options) {
    const field = await this.named(name, { selector: 'input, textarea, select', ...options });
    await this.js(
      `const [field, value] = arguments;
       const proto = Object.getPrototypeOf(field);
       Object.getOwnPropertyDescriptor(proto, 'value').set.call(field, value);
       field.dispatchEvent(new Event('input', { bubbles: true }));
       field.dispatchEvent(new Event('change', { bubbles: true }));`,
      field,
      value,
    );
  }

  /**
   * The files the page offered as downloads, oldest first: `name`, `text`,
   * and `alive`, whether their URL was still usable when read (Safari
   * drops a download whose URL is revoked right after the click).
   */
  downloads() {
    return this.driver.executeAsyncScript(`
      const done = arguments[arguments.length - 1];
      Promise.all(window.__e2eDownloads.map(async ({ name, url }) => ({
        name,
        text: await window.__e2eBlobs.get(url)?.text(),
        alive: !window.__e2eRevoked.has(url),
      }))).then(done, (error) => done([{ error: String(error) }]));
    `);
  }

  /** What the page logged as errors (tests/cross/inject/errors.js). */
  async errors() {
    return (await this.js('return window.__e2eErrors ?? ["errors.js was not injected"]')) ?? [];
  }

  /** The stored text of the plan opened last (what a reload opens). */
  storedOpenPlan() {
    return this.js(`
      const index = JSON.parse(localStorage.getItem('opsboard.index') ?? 'null');
      return index && index.last_open ? localStorage.getItem('opsboard.plan.' + index.last_open) ?? '' : '';
    `);
  }

  /** A screenshot as PNG bytes. */
  async screenshot() {
    return Buffer.from(await this.driver.takeScreenshot(), 'base64');
  }
}
