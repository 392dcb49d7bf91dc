/* The course's service worker. checker/site/offline.py writes it as sw.js at the site's
   root after every build, with BUILD above this text: the build's version, what a first
   visit saves ahead (BUILD.ahead), and every file of the whole course (BUILD.course, of
   BUILD.bytes in all). Under `mkdocs serve` BUILD is null and the worker removes itself
   and every saved build.

   It only steps in when the network fails: every request goes to the network first, so
   a learner online always gets what was published last, and the saved copy of this build
   answers when there is no connection. It saves as the learner reads: each page and file
   fetched through it is saved as it arrives (Pyodide and the grader on the first check),
   and a page asks it (assets/offline.js) to save the page it showed before the worker was
   in charge, with BUILD.ahead unless the browser asks to save data, or the whole course. */
"use strict";

const PREFIX = "smm-course:";
const SCOPE = self.registration.scope;
// The name of this build's saved copy (none for the worker that removes them all).
const CURRENT = BUILD ? PREFIX + BUILD.version : null;
// An entry every copy holds from its creation: a copy without it is one a newer worker
// deleted. The site serves no file of that name (offline.py leaves out dot files).
const MARKER = new URL(".smm-saved-copy", SCOPE).href;
// How many files the whole course is fetched at a time.
const PARALLEL = 4;

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
  // Installing downloads nothing: the copy starts empty but for its marker.
  event.waitUntil(caches.open(CURRENT)
    .then((cache) => cache.put(MARKER, new Response("")))
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
function savedAs(url) {
  const saved = new URL(url);
  saved.hash = "";
  if (saved.pathname.endsWith("/") || saved.pathname.endsWith(".html")) {
    saved.search = "";
    saved.pathname = saved.pathname.replace(/index\.html$/, "");
  }
  return saved.href;
}

function isSaved(address) {
  return caches.match(address, { cacheName: CURRENT }).then(Boolean);
}

// Saves a file in this build's copy unless a newer worker has deleted that copy. Opening a
// deleted copy brings it back, holding this file alone and never deleted; the newer worker
// may delete it between the first look and the opening, so a copy that is still without
// its marker after saving is deleted again.
async function save(address, response) {
  if (!(await isSaved(MARKER))) return;
  await (await caches.open(CURRENT)).put(address, response);
  if (!(await isSaved(MARKER))) await caches.delete(CURRENT);
}

// Whether a response may be saved: a full, same-origin, direct answer (a browser refuses
// a redirected one for a page).
function savable(response) {
  return response.status === 200 && response.type === "basic" && !response.redirected;
}

// Fetches and saves a file of this build not saved yet. Asked with "no-cache", the server
// confirms the file: the browser's own cache may still hold the previous build's, which
// must not become this build's saved copy; a file it holds unchanged costs no download.
// A file that cannot be fetched now is simply not saved.
async function fetchAndSave(address) {
  if (await isSaved(address)) return;
  try {
    const response = await fetch(new Request(address, { cache: "no-cache" }));
    if (savable(response)) await save(address, response);
  } catch (failure) {
    return;
  }
}

// Saves the whole course, PARALLEL files at a time, telling `port` how far it got.
async function saveCourse(port) {
  const addresses = BUILD.course.map((path) => new URL(path, SCOPE).href);
  let done = 0;
  let failed = 0;
  const next = async () => {
    while (addresses.length) {
      const address = addresses.shift();
      await fetchAndSave(address);
      if (!(await isSaved(address))) failed += 1;
      done += 1;
      port.postMessage({ done: done, total: BUILD.course.length });
    }
  };
  await Promise.all(Array.from({ length: PARALLEL }, next));
  port.postMessage({ finished: true, failed: failed, total: BUILD.course.length });
}

// How much of the whole course is saved: { files, saved, bytes }.
async function courseState() {
  const saved = await Promise.all(BUILD.course.map((path) => isSaved(new URL(path, SCOPE).href)));
  return { files: BUILD.course.length, saved: saved.filter(Boolean).length, bytes: BUILD.bytes };
}

// Messages from the pages (assets/offline.js):
//   {keep: [urls], ahead: bool}  save the files a page showed before this worker was in
//                                charge, and BUILD.ahead when ahead is true;
//   {course: "state"} / {course: "save"} with a port: how much of the course is saved, or
//                                save it all, reporting progress on the port.
self.addEventListener("message", (event) => {
  const message = event.data || {};
  if (!BUILD) return;
  if (message.keep) {
    const urls = message.keep.filter((url) => url.startsWith(SCOPE)).map(savedAs);
    const extra = message.ahead ? BUILD.ahead.map((path) => new URL(path, SCOPE).href) : [];
    event.waitUntil(Promise.all([...new Set([...urls, ...extra])].map(fetchAndSave)));
  } else if (message.course === "state" && event.ports[0]) {
    event.waitUntil(courseState().then((state) => event.ports[0].postMessage(state)));
  } else if (message.course === "save" && event.ports[0]) {
    event.waitUntil(saveCourse(event.ports[0]));
  }
});

async function respond(event) {
  const request = event.request;
  const address = savedAs(request.url);
  // A file of this build never changes within it, so one saved copy is enough; a file not
  // saved yet is confirmed with the server first, as in fetchAndSave.
  const copy = await caches.match(address, { cacheName: CURRENT });
  try {
    const response = await fetch(copy ? request : new Request(request, { cache: "no-cache" }));
    // A failure to save (a full disk) only means the file is not there offline.
    if (!copy && savable(response)) {
      event.waitUntil(save(address, response.clone()).catch(() => undefined));
    }
    return response;
  } catch (offline) {
    // A page not saved (or an address the site never had), asked for offline, gets the
    // site's "not found" page when that is saved.
    const fallback = copy || (request.mode === "navigate" || address.endsWith("/")
      ? await caches.match(new URL("404.html", SCOPE).href, { cacheName: CURRENT }) : undefined);
    if (fallback) return fallback;
    throw offline;
  }
}

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (!BUILD || request.method !== "GET" || !request.url.startsWith(SCOPE)) return;
  event.respondWith(respond(event));
});
