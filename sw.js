// Opsboard's service worker: after the first visit the app works with no
// network. The app's files are kept in one cache:
// - on install, index.html and every file it names (trunk gives them
//   content-hashed names, so a cached file never goes stale);
// - the page itself (navigations) and plan files (*.json, a team board's
//   ?plan=) are fetched from the network first and kept, so a new release
//   or a new version of a hosted plan is seen at once when online, and the
//   last one kept is used offline;
// - other files of this site come from the cache first.
// When a fresh index.html arrives, files it no longer names are dropped.
const CACHE = 'opsboard-app';

function assetsOf(html) {
  return [...html.matchAll(/(?:href|src)="(\.\/[^"?#]+)"/g)].map((match) => new URL(match[1], self.registration.scope).href);
}

async function keepRelease(html) {
  const cache = await caches.open(CACHE);
  const wanted = new Set([self.registration.scope, new URL('index.html', self.registration.scope).href, ...assetsOf(html)]);
  await Promise.all([...wanted].filter((url) => url !== self.registration.scope).map(async (url) => {
    if (!(await cache.match(url))) await cache.add(url);
  }));
  for (const request of await cache.keys()) {
    if (!wanted.has(request.url) && !request.url.endsWith('.json')) await cache.delete(request);
  }
}

self.addEventListener('install', (event) => {
  event.waitUntil((async () => {
    const response = await fetch(self.registration.scope, { cache: 'reload' });
    const cache = await caches.open(CACHE);
    await cache.put(self.registration.scope, response.clone());
    await keepRelease(await response.text());
    await self.skipWaiting();
  })());
});

self.addEventListener('activate', (event) => {
  event.waitUntil(self.clients.claim());
});

async function networkFirst(request, key) {
  const cache = await caches.open(CACHE);
  try {
    const response = await fetch(request);
    if (response.ok) {
      await cache.put(key, response.clone());
      if (request.mode === 'navigate') keepRelease(await response.clone().text()).catch(() => {});
    }
    return response;
  } catch (error) {
    const kept = await cache.match(key, { ignoreSearch: true });
    if (kept) return kept;
    throw error;
  }
}

async function cacheFirst(request) {
  const cache = await caches.open(CACHE);
  const kept = await cache.match(request);
  if (kept) return kept;
  const response = await fetch(request);
  if (response.ok) await cache.put(request, response.clone());
  return response;
}

self.addEventListener('fetch', (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== 'GET' || url.origin !== self.location.origin) return;
  if (request.mode === 'navigate') {
    // Every route of the app is index.html (hash routes), whatever the query.
    event.respondWith(networkFirst(request, self.registration.scope));
  } else if (url.pathname.endsWith('.json')) {
    event.respondWith(networkFirst(request, url.origin + url.pathname));
  } else {
    event.respondWith(cacheFirst(request));
  }
});
