// Mermaid (2.6 MB) is fetched only when a page actually has a diagram. Material draws a
// diagram with `mermaid.initialize(config)` and then `mermaid.render(id, text)`, and it
// fetches Mermaid from a CDN unless a `mermaid` global exists. This stand-in is that
// global: it keeps the config and, on the first render, loads the vendored copy, which
// replaces the stand-in.
(function () {
  if (window.mermaid) {
    return;
  }
  var source = document.currentScript.src.replace(/[^/]*$/, "../vendor/mermaid.min.js");
  var config = {};
  var loading = null;

  function load() {
    if (!loading) {
      loading = new Promise(function (resolve, reject) {
        var script = document.createElement("script");
        script.src = source;
        script.onload = function () {
          window.mermaid.initialize(config);
          resolve(window.mermaid);
        };
        script.onerror = function () {
          loading = null;
          reject(new Error("could not load " + source));
        };
        document.head.appendChild(script);
      });
    }
    return loading;
  }

  window.mermaid = {
    initialize: function (options) {
      config = options;
    },
    render: function (id, text) {
      return load().then(function (mermaid) {
        return mermaid.render(id, text);
      });
    },
  };
})();
