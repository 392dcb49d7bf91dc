/* Registers the course's service worker (sw.js at the site's root, see
   checker/site/service-worker.js), which keeps the course readable offline, and asks it
   to look for a new build on every page load: browsers look by themselves only now and
   then. It is an extra: where a browser cannot register one (no support, a file:// page,
   a blocked worker), the site works as before, so a refusal is not an error to show. */
(function () {
  "use strict";
  if (typeof navigator === "undefined" || !("serviceWorker" in navigator) || !document.currentScript) return;
  // This file is assets/smm/offline.js: the site's root is two folders up.
  var root = new URL("../../", document.currentScript.src);
  navigator.serviceWorker.register(new URL("sw.js", root).href, { scope: root.href, updateViaCache: "none" })
    .then(function (registration) { return registration.active ? registration.update() : undefined; })
    .catch(function () { return undefined; });
})();
