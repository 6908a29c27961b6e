// Playwright end-to-end tests for Opsboard. They run against the release
// build in dist/, served as static files (the app runs entirely in the browser).
import { defineConfig } from '@playwright/test';

// The port dist/ is served on: E2E_PORT, 4173 unless set (two checkouts on one
// machine each take their own).
const port = Number(process.env.E2E_PORT ?? 4173);
const baseURL = `http://127.0.0.1:${port}/`;

export default defineConfig({
  testDir: 'tests/e2e',
  // Two cores: one browser at a time.
  workers: 1,
  fullyParallel: false,
  retries: 0,
  reporter: 'list',
  timeout: 30_000,
  expect: { timeout: 10_000 },
  outputDir: 'test-results',
  use: {
    baseURL,
    acceptDownloads: true,
    // The app's service worker would answer requests that page.route stubs;
    // tests/e2e/offline.spec.mjs allows it where it is the subject.
    serviceWorkers: 'block',
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    },
  },
  webServer: {
    command: `python3 -m http.server ${port} --bind 127.0.0.1 --directory dist`,
    url: baseURL,
    reuseExistingServer: !process.env.CI,
    timeout: 30_000,
  },
});
