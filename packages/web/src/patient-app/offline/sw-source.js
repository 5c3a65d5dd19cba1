/* global self, caches, fetch, Request, handlePush, handleNotificationClick */
/**
 * The service worker's source. The build (`vite.config.ts`, plugin `service-worker`) writes it
 * to `/sw.js` with two constants put in front: `PRECACHE`, the patient app's files (index.html,
 * its hashed scripts and styles, the manifest and icons), and `VERSION`, a hash of that list.
 *
 * - Install: every file of the list is fetched into a cache named after the version.
 * - Activate: caches of older versions are deleted; the first worker takes the open pages at
 *   once, a later one waits until the page asks it to (the "Reload to update" button).
 * - A page address (navigation): the network first, so an online patient always gets the
 *   current release; with no connection, the cached index.html (the app routes itself).
 * - A file of the list: from the cache, so the app opens offline and quickly.
 * - The camera coach's pose model (`/mediapipe/…`): not in the list (about 12 MB a phone needs
 *   only if the patient uses the coach); kept in a cache of its own the first time the coach
 *   loads it, served from there after (offline too), and kept across releases: its addresses
 *   carry the package version (`?v=`), and a new version replaces the old file.
 * - `/api/…`: never touched. The app keeps what it needs in IndexedDB; a cached API answer
 *   here could outlive the session or another patient's sign-in.
 */
/* global PRECACHE, VERSION */
const CACHE_PREFIX = 'spinewise-app-';
const CACHE = `${CACHE_PREFIX}${VERSION}`;
const APP_PAGE = '/index.html';

self.addEventListener('install', (event) => {
  event.waitUntil(
    (async () => {
      const cache = await caches.open(CACHE);
      // `reload`: past the browser's HTTP cache, so the files are this release's.
      await cache.addAll(PRECACHE.map((path) => new Request(path, { cache: 'reload' })));
      // The first worker has nothing to replace: start at once.
      if (self.registration.active === null) await self.skipWaiting();
    })(),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      const names = await caches.keys();
      await Promise.all(
        names
          .filter((name) => name.startsWith(CACHE_PREFIX) && name !== CACHE)
          .map((name) => caches.delete(name)),
      );
      await self.clients.claim();
    })(),
  );
});

self.addEventListener('message', (event) => {
  if (event.data !== null && typeof event.data === 'object' && event.data.type === 'SKIP_WAITING') {
    void self.skipWaiting();
  }
});

async function appPage(request) {
  try {
    return await fetch(request);
  } catch (error) {
    const cached = await caches.match(APP_PAGE, { cacheName: CACHE });
    if (cached !== undefined) return cached;
    throw error;
  }
}

async function fromCache(request) {
  const cache = await caches.open(CACHE);
  const cached = await cache.match(request, { ignoreSearch: true });
  if (cached !== undefined) return cached;
  const response = await fetch(request);
  // A hashed file never changes: keep one the list missed (a chunk loaded later).
  if (response.ok && new URL(request.url).pathname.startsWith('/assets/')) {
    await cache.put(request, response.clone());
  }
  return response;
}

const POSE_CACHE = 'spinewise-mediapipe';

async function poseModelFile(request) {
  const cache = await caches.open(POSE_CACHE);
  const cached = await cache.match(request);
  if (cached !== undefined) return cached;
  const response = await fetch(request);
  if (response.ok) {
    // One version of each file: an older one (another `?v=`) goes.
    const path = new URL(request.url).pathname;
    for (const old of await cache.keys()) {
      if (new URL(old.url).pathname === path) await cache.delete(old);
    }
    await cache.put(request, response.clone());
  }
  return response;
}

self.addEventListener('fetch', (event) => {
  const { request } = event;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  if (url.pathname === '/api' || url.pathname.startsWith('/api/')) return;
  if (request.mode === 'navigate') {
    event.respondWith(appPage(request));
    return;
  }
  if (url.pathname.startsWith('/mediapipe/')) {
    event.respondWith(poseModelFile(request));
    return;
  }
  if (url.pathname.startsWith('/assets/') || PRECACHE.includes(url.pathname)) {
    event.respondWith(fromCache(request));
  }
});

// Reminders (decision 010): the handlers come from settings/push-handler.ts, put in front of
// this file by the build.
self.addEventListener('push', (event) => {
  handlePush(event);
});
self.addEventListener('notificationclick', (event) => {
  handleNotificationClick(event);
});
