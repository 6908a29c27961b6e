// Offline use and installing: after one visit the app loads with no network
// (a service worker keeps its files), and it has a web manifest with icons.
import { test, expect } from '@playwright/test';
import { appUrl, collectErrors, expectNoErrors, openApp, reloadApp } from './helpers.mjs';

test.use({ serviceWorkers: 'allow' });

test('after the first visit the app opens offline, with the plan kept in the browser', async ({ page, context }) => {
  const errors = collectErrors(page);
  await openApp(page, 'board');
  // The worker has installed and keeps the app's files.
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    if (!navigator.serviceWorker.controller) {
      await new Promise((resolve) => navigator.serviceWorker.addEventListener('controllerchange', resolve, { once: true }));
    }
  });
  await page.dragAndDrop('#card-act-5', '.board__column--done');
  await expect(page.locator('.board__column--done #card-act-5')).toBeVisible();
  await expect.poll(() => page.evaluate(async () => (await (await caches.open('opsboard-app')).keys()).length)).toBeGreaterThan(3);

  await context.setOffline(true);
  await reloadApp(page);
  await expect(page.locator('.app-header__title')).toHaveText('Faster client onboarding');
  await expect(page.locator('.board__column--done #card-act-5')).toBeVisible();
  // Another route of the app, still offline.
  await page.goto(appUrl('capacity'));
  await expect(page.getByRole('grid', { name: 'Capacity by person and week' })).toBeVisible();
  // The parts loaded on demand were kept too, though never opened online.
  for (const [view, heading] of [['money', '#money-title'], ['report', '#report-title'], ['people', '#people-title']]) {
    await page.goto(appUrl(view));
    await expect(page.locator(heading)).toBeVisible();
  }
  await context.setOffline(false);
  expectNoErrors(errors);
});

test('the app can be installed: a web manifest with a name, a start URL and icons', async ({ page, request }) => {
  await openApp(page);
  const href = await page.locator('link[rel="manifest"]').getAttribute('href');
  const manifest = await (await request.get(new URL(href, page.url()).href)).json();
  expect(manifest).toMatchObject({ name: 'Opsboard', start_url: './', display: 'standalone' });
  for (const icon of manifest.icons) {
    const response = await request.get(new URL(icon.src, new URL(href, page.url())).href);
    expect(response.ok(), icon.src).toBe(true);
    expect(response.headers()['content-type']).toBe('image/png');
  }
  expect(manifest.icons.map((icon) => icon.sizes)).toEqual(['192x192', '512x512']);
});
