/* What the course's widgets share (check.js, quiz.js, course.js, offline.js): text with
   {placeholders}, records in localStorage under versioned keys, a DOM shortcut, file
   downloads, the browser's wish to save data and the start on every page; and the loading
   of each widget's script on the pages that show the widget. mkdocs.yml lists this file
   (base.js) first, so it runs before the scripts that use it. No framework, no build step. */
(function () {
  "use strict";

  // Fills each {name} of text with values[name]; unknown placeholders stay as written.
  function format(text, values) {
    return text.replace(/\{(\w+)\}/g, function (all, name) { return name in values ? values[name] : all; });
  }
  // A widget's data (its data-smm attribute) the first time it is set up, null after:
  // instant navigation may announce a page whose widgets are already running.
  function claim(root) {
    if (root.getAttribute("data-ready")) return null;
    root.setAttribute("data-ready", "true");
    return JSON.parse(root.getAttribute("data-smm"));
  }
  function all(root, selector) { return [].slice.call(root.querySelectorAll(selector)); }
  // The version changes when the shape of what a widget stores does, so an old record is
  // never read as a new one.
  function storageKey(prefix, version, id) { return prefix + "v" + version + ":" + id; }
  // A stored record, or null when there is none or the browser refuses storage.
  function load(key) {
    try { return JSON.parse(localStorage.getItem(key)); } catch (e) { return null; }
  }
  function save(key, value) {
    try { localStorage.setItem(key, JSON.stringify(value)); return true; } catch (e) { return false; }
  }
  function today() { return new Date().toISOString().slice(0, 10); }
  function download(filename, blob) {
    var link = document.createElement("a");
    link.href = URL.createObjectURL(blob);
    link.download = filename;
    document.body.appendChild(link);
    link.click();
    link.remove();
    setTimeout(function () { URL.revokeObjectURL(link.href); }, 1000);
  }
  // Whether the browser asks to save data (a data saver, a metered connection): then
  // nothing is downloaded ahead of the learner.
  function savesData() { return Boolean(navigator.connection && navigator.connection.saveData); }
  // Material's instant navigation swaps pages without reloading scripts; document$
  // announces each new page, the first one included.
  function onEveryPage(init) {
    if (window.document$ && window.document$.subscribe) window.document$.subscribe(init);
    else if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
    else init();
  }

  // A widget names its script (data-smm-script, see checker/site/rendering.py), which
  // loads once, on the first page that shows such a widget: the other pages neither fetch
  // nor compile it. The script then sets its widgets up on every page, the one that
  // loaded it included, as Material's document$ repeats the page shown to a late listener.
  var scriptFolder = new URL(".", document.currentScript.src);  // assets/smm/, beside this file
  var requested = {};
  function loadWidgetScripts() {
    all(document, "[data-smm-script]").forEach(function (widget) {
      var src = new URL(widget.getAttribute("data-smm-script"), scriptFolder).href;
      if (requested[src]) return;
      requested[src] = true;
      var script = document.createElement("script");
      script.src = src;
      document.body.appendChild(script);
    });
  }
  onEveryPage(loadWidgetScripts);

  window.smmBase = {
    format: format, claim: claim, all: all, storageKey: storageKey, load: load, save: save, today: today,
    download: download, savesData: savesData, onEveryPage: onEveryPage
  };
})();
