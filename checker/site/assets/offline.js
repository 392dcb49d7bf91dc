/* Registers the course's service worker (sw.js at the site's root, see
   checker/site/service-worker.js), which keeps what the learner reads available offline,
   and asks it to look for a new build on every page load: browsers look by themselves
   only now and then. The page a learner first opens loads before the worker is in charge,
   so this script asks the worker to save it and what it loaded, plus a little the other
   pages share, unless the browser asks to save data. It also runs the panel of the
   progress page that saves the whole course (/// offline).

   The worker is an extra: where a browser cannot register one (no support, a file://
   page, a blocked worker), the site works as before, so a refusal is not an error to
   show, and the panel says the course cannot be saved here. */
(function () {
  "use strict";
  if (typeof navigator === "undefined" || !document.currentScript) return;
  var base = window.smmBase;
  // This file is assets/smm/offline.js: the site's root is two folders up.
  var root = new URL("../../", document.currentScript.src);
  var saveData = base.savesData();
  var ready = !("serviceWorker" in navigator) ? Promise.reject(new Error("no service workers"))
    : navigator.serviceWorker.register(new URL("sw.js", root).href, { scope: root.href, updateViaCache: "none" })
      .then(function (registration) {
        if (registration.active) registration.update().catch(function () { return undefined; });
        return navigator.serviceWorker.ready;
      });

  // Asks the worker to save this page and the files it loaded; the worker skips those it
  // has. "ahead" adds what the other pages share.
  function keepThisPage(worker) {
    if (!worker) return;
    var loaded = performance.getEntriesByType("resource").map(function (entry) { return entry.name; });
    worker.postMessage({ keep: [location.href].concat(loaded), ahead: !saveData });
  }
  ready.then(function (registration) { keepThisPage(registration.active); }, function () { return undefined; });
  // A new build's worker starts with an empty copy: it saves the page shown too.
  if ("serviceWorker" in navigator) {
    navigator.serviceWorker.addEventListener("controllerchange", function () {
      keepThisPage(navigator.serviceWorker.controller);
    });
  }

  // Sends the worker a message with a port of its own; each reply goes to onReply.
  function ask(worker, message, onReply) {
    var channel = new MessageChannel();
    channel.port1.onmessage = function (event) { onReply(event.data); };
    worker.postMessage(message, [channel.port2]);
  }

  function initPanel(panel) {
    var config = base.claim(panel);
    if (!config) return;
    var s = config.strings;
    var button = panel.querySelector(".smm-offline-save");
    var bar = panel.querySelector("progress");
    var status = panel.querySelector(".smm-offline-status");
    status.textContent = s.waiting;
    ready.then(function (registration) {
      var worker = registration.active;
      ask(worker, { course: "state" }, function (state) {
        var size = (state.bytes / 1048576).toFixed(1);
        button.textContent = base.format(s.save, { size: size });
        bar.max = state.files;
        bar.value = state.saved;
        if (state.saved === state.files) status.textContent = s.saved;
        else status.textContent = saveData ? base.format(s.save_data, { size: size }) : "";
        button.disabled = false;
        button.addEventListener("click", function () {
          button.disabled = true;
          status.textContent = base.format(s.saving, { files: state.files, size: size });
          ask(worker, { course: "save" }, function (reply) {
            bar.value = reply.finished ? reply.total - reply.failed : reply.done;
            if (!reply.finished) return;
            status.textContent = reply.failed ? base.format(s.partly, { failed: reply.failed, files: reply.total }) : s.saved;
            button.disabled = false;
          });
        });
      });
    }, function () { status.textContent = s.unsupported; });
  }

  base.onEveryPage(function () { base.all(document, ".smm-offline").forEach(initPanel); });
})();
