// Opsboard's service worker: after the first visit the app works with no
// network. The app's files are kept in one cache:
// - on install, index.html, every file it names and every file those
//   scripts load: the main module and the parts of the app loaded on demand
//   (each has a content-hashed name or sits in a folder named by the build's
//   content, so a cached file never goes stale);
// - the page itself (navigations) and plan files (*.json, a team board's
//   ?plan=) are fetched from the network first and kept, so a new release
//   or a new version of a hosted plan is seen at once when online, and the
//   last one kept is used offline;
// - other files of this site come from the cache first.
// When a fresh index.html arrives, its files are kept first, then files it
// no longer names are dropped. Other pages of the site are not the app's.
const CACHE = 'opsboard-app';

function assetsOf(html) {
  return [...html.matchAll(/(?:href|src)="(\.\/[^"?#]+)"/g)].map((match) => new URL(match[1], self.registration.scope).href);
}

// The files a script of the app loads, relative to it: the modules it
// imports and the wasm it fetches (`new URL("./part.wasm", import.meta.url)`),
// so the parts of the app loaded on demand are kept with the rest.
function loadsOf(script, url) {
  return [...script.matchAll(/(?:\bfrom\s*|\bimport\s*\(\s*|\bnew URL\(\s*)["'](\.\/[^"'?#\s]+\.(?:js|wasm))["']/g)].map((match) => new URL(match[1], url).href);
}

// Every file of a release: index.html's, and what its scripts load, and
// theirs in turn.
async function releaseFiles(html) {
  const wanted = new Set(assetsOf(html));
  const scripts = [...wanted].filter((url) => url.endsWith('.js'));
  while (scripts.length > 0) {
    const url = scripts.pop();
    const response = await fetch(url);
    if (!response.ok) throw new Error(`${url} answered ${response.status}`);
    for (const file of loadsOf(await response.text(), url)) {
      if (wanted.has(file)) continue;
      wanted.add(file);
      if (file.endsWith('.js')) scripts.push(file);
    }
  }
  return wanted;
}

async function keepRelease(html) {
  const cache = await caches.open(CACHE);
  const wanted = new Set([self.registration.scope, new URL('index.html', self.registration.scope).href, ...(await releaseFiles(html))]);
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
    if (!isAppHtml(response)) throw new Error(`the app page answered ${response.status}`);
    // The files first, the page last: a page is never kept without its files.
    await keepRelease(await response.clone().text());
    await (await caches.open(CACHE)).put(self.registration.scope, response);
    await self.skipWaiting();
  })());
});

self.addEventListener('activate', (event) => {
  event.waitUntil(self.clients.claim());
});

function isAppHtml(response) {
  return response.ok && (response.headers.get('content-type') ?? '').includes('text/html');
}

// The app's own page: the scope itself or its index.html, with any query.
function isAppPage(url) {
  const scope = new URL(self.registration.scope);
  return url.origin === scope.origin && (url.pathname === scope.pathname || url.pathname === `${scope.pathname}index.html`);
}

async function networkFirst(request, key, isPage) {
  const cache = await caches.open(CACHE);
  try {
    const response = await fetch(request);
    if (isPage && isAppHtml(response)) {
      // Keep the new release's files before the page that names them; if
      // they cannot all be kept, the page kept before stays.
      try {
        await keepRelease(await response.clone().text());
        await cache.put(key, response.clone());
      } catch (ignored) {
        // Offline use goes on with the release kept before.
      }
    } else if (!isPage && response.ok) {
      await cache.put(key, response.clone());
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
    // Every route of the app is its page (hash routes), whatever the query;
    // other pages of the site (a plan file opened in a tab) are left alone.
    if (isAppPage(url)) event.respondWith(networkFirst(request, self.registration.scope, true));
  } else if (url.pathname.endsWith('.json')) {
    event.respondWith(networkFirst(request, url.origin + url.pathname, false));
  } else {
    event.respondWith(cacheFirst(request));
  }
});
