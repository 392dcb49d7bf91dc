/* The course's service worker. checker/site/offline.py writes it as sw.js at the site's
   root after every build, with BUILD (the build's version and the addresses to save on
   install) above this text; under `mkdocs serve` BUILD is null and the worker removes
   itself and every saved build.

   It only steps in when the network fails: every request goes to the network first, so
   a learner online always gets what was published last, and the saved copy of this build
   answers when there is no connection. A file fetched that is not saved yet (Pyodide and
   the grader, on the first check) is saved then, so checking works offline after that. */
"use strict";

const PREFIX = "smm-course:";
const SCOPE = self.registration.scope;
// The name of this build's saved copy (none for the worker that removes them all).
const CURRENT = BUILD ? PREFIX + BUILD.version : null;

// Deletes every saved build but this one's.
function deleteOthers() {
  return caches.keys().then((names) => Promise.all(names
    .filter((name) => name.startsWith(PREFIX) && name !== CURRENT).map((name) => caches.delete(name))));
}

self.addEventListener("install", (event) => {
  // The worker that removes them all does it at once: it has nothing to serve, so it need
  // not wait to take over, which a browser may put off for minutes while the worker in
  // charge is busy. The worker in charge saves nothing once its copy is gone (save).
  // Unregistering waits for this installation to end, so the installation cannot wait for it.
  if (!BUILD) {
    event.waitUntil(deleteOthers());
    self.registration.unregister();
    return;
  }
  // Asked with "no-cache", the server confirms each file: the browser's own cache may
  // still hold the previous build's, which must not become this build's saved copy.
  event.waitUntil(caches.open(CURRENT)
    .then((cache) => cache.addAll(BUILD.precache.map((path) => new Request(new URL(path, SCOPE), { cache: "no-cache" }))))
    .then(() => self.skipWaiting()));
});

// A new build's worker drops the copy of the build before once it takes over: until
// then, the worker in charge may still answer from it without a connection.
self.addEventListener("activate", (event) => {
  if (BUILD) event.waitUntil(deleteOthers().then(() => self.clients.claim()));
});

// The address a file is saved under. A page is an address ending in "/" (Material links
// to folders) or ".html"; its query (search terms from a shared link) does not change the
// file, and folder/index.html is the folder's page.
function savedAs(request) {
  const url = new URL(request.url);
  if (url.pathname.endsWith("/") || url.pathname.endsWith(".html")) {
    url.search = "";
    url.pathname = url.pathname.replace(/index\.html$/, "");
  }
  return url.href;
}

// The site's "not found" page in this build's copy, saved on install like every page: the
// copy answers with it for an address the site never had, and a copy without it is one a
// newer worker deleted.
function savedNotFound() {
  return caches.match(new URL("404.html", SCOPE).href, { cacheName: CURRENT });
}

// Saves a file in this build's copy unless a newer worker has deleted that copy. Opening a
// deleted copy brings it back, holding this file alone and never deleted; the newer worker
// may delete it between the first look and the opening, so a copy that is still not whole
// after saving is deleted again.
async function save(address, response) {
  if (!(await savedNotFound())) return;
  await (await caches.open(CURRENT)).put(address, response);
  if (!(await savedNotFound())) await caches.delete(CURRENT);
}

async function respond(event) {
  const request = event.request;
  const address = savedAs(request);
  // A file of this build never changes within it, so one saved copy is enough; a file not
  // saved yet is confirmed with the server first, as on install.
  const copy = await caches.match(address, { cacheName: CURRENT });
  try {
    const response = await fetch(copy ? request : new Request(request, { cache: "no-cache" }));
    // A full, same-origin, direct answer is saved (a browser refuses a redirected one for
    // a page); a failure to save (a full disk) only means the file is not there offline.
    if (!copy && response.status === 200 && response.type === "basic" && !response.redirected) {
      event.waitUntil(save(address, response.clone()).catch(() => undefined));
    }
    return response;
  } catch (offline) {
    // An address the site never had, asked for offline, gets the site's "not found" page.
    const fallback = copy || (request.mode === "navigate" || address.endsWith("/")
      ? await savedNotFound() : undefined);
    if (fallback) return fallback;
    throw offline;
  }
}

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (!BUILD || request.method !== "GET" || !request.url.startsWith(SCOPE)) return;
  event.respondWith(respond(event));
});
