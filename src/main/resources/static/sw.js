// Lindung's service worker (issue 18; docs/decisions.md, "Drafts on the agent's device"), served from the root
// (/sw.js, never cached by the HTTP cache) so that its scope is the whole application. It keeps, for use without a
// network:
//  - static files linked by their content's digest (/css, /js, /img, /webjars: name-<md5>.ext), which never change;
//  - the blank registration form (/peserta/baru) and the region pickers' option lists (/ui/regions/options), taken
//    from the network whenever there is one;
//  - the public card verification page (/verifikasi-kartu, issue 19), the same for everyone, with the keys it carries.
// Nothing else: no search result, no participant's page, no API answer. Sign-out clears these caches (the page's
// offline-drafts.js and the server's Clear-Site-Data header).
const CACHE = 'lindung-1';
const VERSIONED = /^\/(css|js|img|webjars)\/.*-[0-9a-f]{32}\.[A-Za-z0-9]+$/;
const SHELLS = ['/peserta/baru'];
const OPTIONS = '/ui/regions/options';
const PUBLIC_PAGES = ['/verifikasi-kartu'];

self.addEventListener('install', () => self.skipWaiting());

self.addEventListener('activate', event => event.waitUntil(
  caches.keys()
    .then(keys => Promise.all(keys.filter(k => k !== CACHE).map(k => caches.delete(k))))
    .then(() => self.clients.claim())));

self.addEventListener('fetch', event => {
  const request = event.request;
  if (request.method !== 'GET') {
    return;
  }
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) {
    return;
  }
  if (VERSIONED.test(url.pathname)) {
    event.respondWith(cacheFirst(request));
  } else if (request.mode === 'navigate' && SHELLS.includes(url.pathname) && !url.search) {
    event.respondWith(networkFirst(request, response => warmOptions(response)));
  } else if (PUBLIC_PAGES.includes(url.pathname) && !url.search) {
    event.respondWith(networkFirst(request));
  } else if (url.pathname === OPTIONS) {
    event.respondWith(networkFirst(request));
  }
});

async function cacheFirst(request) {
  const cache = await caches.open(CACHE);
  const hit = await cache.match(request);
  if (hit) {
    return hit;
  }
  const response = await fetch(request);
  if (response.ok) {
    await cache.put(request, response.clone());
  }
  return response;
}

// The network's answer when there is one (kept for later unless it is a redirect, e.g. to the login page), else the
// kept one; a navigation with neither fails as it would without this worker.
async function networkFirst(request, then) {
  const cache = await caches.open(CACHE);
  try {
    const response = await fetch(request);
    if (response.ok && !response.redirected) {
      await cache.put(request, response.clone());
      if (then) {
        then(response.clone());
      }
    }
    return response;
  } catch (offline) {
    const kept = await cache.match(request, {ignoreVary: true});
    if (kept) {
      return kept;
    }
    throw offline;
  }
}

// The desa lists of the kecamatan the blank form offers, fetched once in the background, so that a desa can be
// chosen without a network (public region names only).
async function warmOptions(response) {
  const html = await response.text();
  const select = /<select[^>]*id="kecamatan"[^>]*>([\s\S]*?)<\/select>/.exec(html);
  if (!select) {
    return;
  }
  const cache = await caches.open(CACHE);
  const codes = [...select[1].matchAll(/value="([0-9.]+)"/g)].map(m => m[1]).slice(0, 80);
  for (const code of codes) {
    const url = OPTIONS + '?kecamatan=' + encodeURIComponent(code);
    if (!(await cache.match(url, {ignoreVary: true}))) {
      try {
        const options = await fetch(url, {credentials: 'same-origin'});
        if (options.ok && !options.redirected) {
          await cache.put(url, options);
        }
      } catch (offline) {
        return;
      }
    }
  }
}
