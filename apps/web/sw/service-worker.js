/* The app shell for a phone without network. Written into dist/sw.js by scripts/service-worker.mjs,
 * which fills in the build's files and its version; a new build is a new worker. */
/* global self, caches, fetch, Response, URL */
const VERSION = '__VERSION__';
const PRECACHE = __PRECACHE__;
const SHELL = `fk-shell-${VERSION}`;
// The last answer of each GET the pages made, so a page opened offline shows its last data (and its age).
const API = 'fk-api';
const CACHED_AT = 'x-fangkong-cached-at';
// Files, live events and sessions are never kept: downloads are audited each time, events are live.
const NOT_KEPT = /\/(export|document|feedback|events|download|print)(\/|\?|$)|^\/api\/auth\/(login|logout)/;

self.addEventListener('install', (event) => {
  event.waitUntil(
    caches
      .open(SHELL)
      .then((cache) => cache.addAll(PRECACHE))
      .then(() => self.skipWaiting()),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) =>
        Promise.all(keys.filter((k) => k.startsWith('fk-shell-') && k !== SHELL).map((k) => caches.delete(k))),
      )
      .then(() => self.clients.claim()),
  );
});

async function fromShell(request) {
  const cache = await caches.open(SHELL);
  return (await cache.match(request)) ?? fetch(request);
}

/** Every page path is the one index.html: from the shell at once, so it opens with or without network. */
async function page() {
  const cache = await caches.open(SHELL);
  return (await cache.match('/index.html')) ?? fetch('/index.html');
}

/** The network's answer, kept with the time it came; without network, the kept one marked with that time. */
async function api(request) {
  const cache = await caches.open(API);
  try {
    const response = await fetch(request);
    if (response.ok && (response.headers.get('content-type') ?? '').includes('json')) {
      const headers = new Headers(response.headers);
      headers.set(CACHED_AT, new Date().toISOString());
      const body = await response.clone().arrayBuffer();
      await cache.put(
        request,
        new Response(body, { status: response.status, statusText: response.statusText, headers }),
      );
    }
    return response;
  } catch (err) {
    const kept = await cache.match(request);
    if (kept) return kept;
    throw err;
  }
}

self.addEventListener('fetch', (event) => {
  const { request } = event;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  if (url.pathname.startsWith('/api/')) {
    if (!NOT_KEPT.test(url.pathname)) event.respondWith(api(request));
    return;
  }
  if (request.mode === 'navigate') {
    if (!/\/(api|metrics)\b/.test(url.pathname)) event.respondWith(page());
    return;
  }
  event.respondWith(fromShell(request));
});

// Signing out forgets every kept answer: personal data does not stay on a shared phone.
self.addEventListener('message', (event) => {
  if (event.data === 'fk-forget') event.waitUntil(caches.delete(API));
});
