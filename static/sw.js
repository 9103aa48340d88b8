// The service worker: keeps every file of the build in a cache so the page loads and analyses
// with no network after one visit. scripts/precache.mjs (a trunk post-build hook) replaces the
// next line with this build's version (a hash of its files) and the list of its files.
const VERSION = 'unbuilt'; const FILES = [];

// One cache per version; an activated version deletes the caches of the others.
const PREFIX = 'wenxi-';
const CACHE = PREFIX + VERSION;

self.addEventListener('install', (event) => {
  // `no-cache` asks the server whether the HTTP cache's copy is current (the page fetched
  // these files moments ago): a host that sends validators answers 304 instead of sending the
  // 7 MB again, and a copy of a previous version is never taken.
  const requests = ['./', ...FILES].map((file) => new Request(file, { cache: 'no-cache' }));
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(requests)));
});

self.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    const names = await caches.keys();
    await Promise.all(
      names.filter((name) => name.startsWith(PREFIX) && name !== CACHE).map((name) => caches.delete(name)),
    );
    // The first visit's page is controlled at once, so it already works offline.
    await self.clients.claim();
  })());
});

// A new version waits until the page's update notice asks for it (register_sw.js), so a page
// never runs half on the old files and half on the new ones.
self.addEventListener('message', (event) => {
  if (event.data === 'skip-waiting') self.skipWaiting();
});

// Cache first; anything not in the build (there should be nothing) goes to the network.
self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET' || new URL(request.url).origin !== self.location.origin) return;
  event.respondWith((async () => {
    const cache = await caches.open(CACHE);
    const hit = (await cache.match(request, { ignoreSearch: true }))
      ?? (request.mode === 'navigate' ? await cache.match('./') : undefined);
    return hit ?? fetch(request);
  })());
});
