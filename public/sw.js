// kube-request-flow's service worker: after the first visit the app works offline.
// Registered by src/main.tsx in production builds only. Everything the app can load is in the
// build (dist/), and every file but index.html has a content hash in its name, so caching is simple:
//   install:  precache every file of the build (the list is dist/sw-precache.js, written by vite.config.ts);
//   fetch:    same-origin GETs are answered from the cache first, then the network;
//   activate: drop the caches of older builds.
// A new deploy changes sw-precache.js, so the browser installs a new worker; it takes over once
// every tab of the old version is closed (no skipWaiting), so an open tab never loses its chunks.
importScripts('/sw-precache.js');

/** @type {{ version: string; urls: string[] }} */
const PRECACHE = self.PRECACHE;
const CACHE = `krf-${PRECACHE.version}`;

self.addEventListener('install', (event) => {
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(PRECACHE.urls)));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) =>
        Promise.all(
          keys.filter((key) => key.startsWith('krf-') && key !== CACHE).map((key) => caches.delete(key)),
        ),
      )
      .then(() => self.clients.claim()),
  );
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET' || new URL(request.url).origin !== self.location.origin) return;
  event.respondWith(
    caches.open(CACHE).then(async (cache) => {
      // Every page of the app is index.html; deep links differ only in their query string.
      // ignoreVary: module scripts are fetched with an Origin header the precache requests lacked,
      // and servers answer `Vary: Origin`; the files are the same either way.
      const cached = await cache.match(request.mode === 'navigate' ? '/' : request, { ignoreVary: true });
      return cached ?? fetch(request);
    }),
  );
});
