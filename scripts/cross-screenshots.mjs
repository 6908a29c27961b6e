// Screenshots of every view in Firefox ESR and WebKitGTK (and Chromium, for
// comparison), light and dark, through the cross-browser suite's WebDriver
// harness: `make cross-screenshots` (needs dist/: `make size`). Writes
// DIR/ENGINE-VIEW-SCHEME.png (default DIR: target/screenshots/cross).
//
// CROSS_BROWSERS picks engines (default: firefox,webkit,chromium).
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Tab, engines, startDriver, startServer } from '../tests/cross/harness.mjs';

const VIEWS = ['plan', 'week', 'work', 'work/act-8', 'board', 'people', 'skills', 'capacity', 'check-in', 'money', 'report', 'files'];
const dir = process.argv[2] ?? 'target/screenshots/cross';
mkdirSync(dir, { recursive: true });

const server = await startServer();
try {
  for (const engine of engines()) {
    for (const scheme of ['light', 'dark']) {
      const driver = await startDriver(engine, { scheme });
      const session = await driver.session();
      try {
        const tab = new Tab(session, server.base, engine);
        const dark = await (async () => {
          await tab.open('plan');
          return tab.js('return matchMedia("(prefers-color-scheme: dark)").matches');
        })();
        if (dark !== (scheme === 'dark')) console.warn(`${engine}: asked for ${scheme}, the page sees ${dark ? 'dark' : 'light'}`);
        for (const view of VIEWS) {
          await tab.open(view);
          await new Promise((done) => setTimeout(done, 400));
          const file = join(dir, `${engine}-${view.replace('/', '-')}-${scheme}.png`);
          writeFileSync(file, await tab.screenshot());
          console.log(file);
        }
      } finally {
        await session.quit();
        driver.stop();
      }
    }
  }
} finally {
  await server.stop();
}
