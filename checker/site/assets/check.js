/* The check panel of an exercise page (/// check | ID): grades the learner's file in the
   browser with the course's own Python grader (checker.browser under Pyodide, in
   check-worker.mjs), so the page shows what smm-check prints. The worker starts Pyodide
   (a few seconds) as soon as the learner chooses a file, or shows an intent to use the
   panel (pointer or focus on it, unless the browser asks to save data), so the check
   itself answers at once; the panel's data-checker attribute says "starting", then
   "ready". The last file, name and result are kept in
   localStorage under smm-check:v<version>:<exercise>. No framework, no build step. */
(function () {
  "use strict";
  if (typeof document === "undefined") return;
  // The shared helpers (base.js).
  var base = window.smmBase;
  var PREFIX = "smm-check:";
  var STATUS_ORDER = { fail: 0, warn: 1, pass: 2 };
  // Material re-runs nothing on instant navigation, so the script's own address is taken
  // once, here; the worker, Pyodide and the bundle sit beside it.
  var WORKER_URL = document.currentScript.src.replace(/[^/]*$/, "check-worker.mjs");
  var worker = null;
  var booted = false;
  var booting = null;
  var pending = {};
  var nextId = 1;

  function ask(action, options, data) {
    if (!worker) {
      worker = new Worker(WORKER_URL, { type: "module" });
      worker.onmessage = function (event) {
        var reply = event.data;
        var settle = pending[reply.id];
        delete pending[reply.id];
        if (reply.failure) settle.reject(new Error(reply.failure));
        else { booted = true; settle.resolve(reply); }
      };
    }
    return new Promise(function (resolve, reject) {
      var id = nextId++;
      pending[id] = { resolve: resolve, reject: reject };
      worker.postMessage({ id: id, action: action, options: options, data: data }, data ? [data.buffer] : []);
    });
  }

  // Starts the worker and Pyodide, and has them load what grading the panel's exercise
  // reads, ahead of the first check, once per page load; a failure
  // is left for the check to report, and the next call tries again.
  function boot(config) {
    booting = booting || ask("boot", { kind: config.kind, exercise: config.exercise })
      .catch(function (error) { booting = null; throw error; });
    return booting;
  }

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }
  function toBase64(bytes) {
    var chunks = [];
    for (var i = 0; i < bytes.length; i += 0x8000) {
      chunks.push(String.fromCharCode.apply(null, bytes.subarray(i, i + 0x8000)));
    }
    return btoa(chunks.join(""));
  }
  function fromBase64(text) {
    var binary = atob(text);
    var bytes = new Uint8Array(binary.length);
    for (var i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
    return bytes;
  }

  function renderResult(area, answer, s) {
    area.textContent = "";
    if (answer.error === "invalid-input") {
      var count = answer.problems.length;
      area.appendChild(el("p", "smm-cp-verdict smm-cp-invalid",
        count === 1 ? s.invalid_one : base.format(s.invalid, { count: count })));
      var problems = el("ul", "smm-cp-problems");
      answer.problems.forEach(function (p) {
        var where = [];
        if (p.row !== null) where.push(base.format(s.problem_row, { row: p.row }));
        if (p.column !== null) where.push(base.format(s.problem_column, { column: p.column }));
        problems.appendChild(el("li", null, (where.length ? where.join(", ") + ": " : "") + p.message));
      });
      area.appendChild(problems);
      return;
    }
    if (answer.error) {
      area.appendChild(el("p", "smm-cp-verdict smm-cp-invalid", base.format(s.usage, { message: answer.message })));
      return;
    }
    var values = { score: answer.score, threshold: answer.threshold };
    area.appendChild(el("p", "smm-cp-verdict " + (answer.passed ? "smm-cp-passed" : "smm-cp-failed"),
      base.format(answer.passed ? s.passed : s.not_passed, values)));
    area.appendChild(el("h3", null, s.findings));
    var list = el("ul", "smm-cp-findings");
    answer.findings.slice().sort(function (a, b) { return STATUS_ORDER[a.status] - STATUS_ORDER[b.status]; })
      .forEach(function (f) {
        var item = el("li", "smm-cp-" + f.status);
        item.setAttribute("data-rule", f.rule);
        item.appendChild(el("span", "smm-cp-badge", s[f.status]));
        item.appendChild(document.createTextNode(" "));
        item.appendChild(el("code", null, f.rule));
        if (f.rows && f.rows.length) {
          var rows = el("span", "smm-cp-rows", " (" + base.format(f.rows.length > 1 ? s.rows : s.row, { rows: f.rows.join(", ") }) + ")");
          item.appendChild(rows);
        }
        if (f.code) {
          item.appendChild(document.createTextNode(" "));
          item.appendChild(el("code", "smm-cp-code", f.code));
        }
        item.appendChild(document.createTextNode(": " + f.message));
        list.appendChild(item);
      });
    area.appendChild(list);
  }

  function initPanel(root) {
    var config = base.claim(root);
    if (!config) return;
    var s = config.strings;
    var key = base.storageKey(PREFIX, config.version, config.exercise);
    var record = base.load(key) || {};
    var learner = root.querySelector(".smm-cp-learner");
    var fileInput = root.querySelector(".smm-cp-file");
    var status = root.querySelector(".smm-cp-status");
    var area = root.querySelector(".smm-cp-result");
    var kept = root.querySelector(".smm-cp-kept");
    var buttons = [].slice.call(root.querySelectorAll("button"));

    function showKept() {
      kept.hidden = !record.file && !record.result;
      root.querySelector(".smm-cp-again").hidden = !record.file;
      root.querySelector(".smm-cp-kept-text").textContent = record.file
        ? base.format(s.kept, { name: record.file.name, size: Math.max(1, Math.round(record.file.size / 1024)) })
        : s.kept_no_file;
    }

    function name() {
      return learner ? learner.value.trim() : "";
    }

    var running = false;
    function busy(on) {
      running = on;
      buttons.forEach(function (b) { b.disabled = on; });
    }

    // Gets the checker ready while the learner is still choosing; `announce` says so in
    // the status line (after a file is chosen, not on a mere pointer or focus).
    function prepare(announce) {
      if (root.getAttribute("data-checker") === "ready") return;
      if (announce && !running && !booted) status.textContent = s.preparing;
      root.setAttribute("data-checker", "starting");
      boot(config).then(function () {
        root.setAttribute("data-checker", "ready");
        if (announce && !running) status.textContent = s.ready;
      }, function () { root.removeAttribute("data-checker"); });
    }
    fileInput.addEventListener("change", function () { if (fileInput.files.length) prepare(true); });
    if (!base.savesData()) {
      ["pointerenter", "focusin"].forEach(function (name) {
        root.addEventListener(name, function () { prepare(false); }, { once: true });
      });
    }

    function run(action, options, data, message) {
      busy(true);
      status.textContent = booted ? message : s.loading + " " + message;
      return ask(action, options, data).then(function (reply) {
        root.setAttribute("data-checker", "ready");
        root.setAttribute("data-boot-ms", Math.round(reply.bootMs));
        root.setAttribute("data-run-ms", Math.round(reply.ms));
        return reply.answer;
      }).catch(function (error) {
        status.textContent = base.format(s.failed, { reason: error.message });
        throw error;
      }).finally(function () { busy(false); });
    }

    function check(filename, bytes) {
      if (learner && config.learner_required && !name()) { status.textContent = s.enter_name; learner.focus(); return; }
      var keep = bytes.length <= config.keep_limit ? { name: filename, size: bytes.length, data: toBase64(bytes) } : null;
      var options = { kind: config.kind, exercise: config.exercise, filename: filename, learner: name() || null };
      run("grade", options, bytes, base.format(s.checking, { name: filename })).then(function (answer) {
        record = { learner: name(), file: keep, result: answer, checked: filename, date: base.today() };
        // A file too large for the browser's storage is dropped; the result is still kept.
        if (!base.save(key, record)) { record.file = null; base.save(key, record); }
        renderResult(area, answer, s);
        status.textContent = base.format(s.checked, { name: filename, date: record.date });
        showKept();
        // The verdict takes the focus from the pressed button, so keyboard and screen-reader
        // users land on the result, and reading on goes straight into the findings.
        var verdict = area.querySelector(".smm-cp-verdict");
        verdict.setAttribute("tabindex", "-1");
        verdict.focus();
      }, function () {});
    }

    root.querySelector(".smm-cp-run").addEventListener("click", function () {
      var file = fileInput.files[0];
      if (!file) {
        if (record.file) check(record.file.name, fromBase64(record.file.data));
        else status.textContent = s.choose_file;
        return;
      }
      file.arrayBuffer().then(function (buffer) { check(file.name, new Uint8Array(buffer)); });
    });
    root.querySelector(".smm-cp-again").addEventListener("click", function () {
      check(record.file.name, fromBase64(record.file.data));
    });
    root.querySelector(".smm-cp-forget").addEventListener("click", function () {
      localStorage.removeItem(key);
      record = { learner: record.learner };
      if (record.learner) base.save(key, record);
      fileInput.value = "";
      area.textContent = "";
      status.textContent = s.forgotten;
      showKept();
    });

    if (learner) {
      learner.value = record.learner || "";
      learner.addEventListener("change", function () {
        record.learner = name();
        base.save(key, record);
      });
      root.querySelector(".smm-cp-download").addEventListener("click", function () {
        if (!name()) { status.textContent = s.enter_name; learner.focus(); return; }
        run("dataset", { exercise: config.exercise, learner: name() }, null, s.making_download).then(function (answer) {
          if (answer.error) { renderResult(area, answer, s); return; }
          var filename = config.exercise + "-" + name().toLowerCase().replace(/[^\p{L}\p{N}]+/gu, "-").replace(/^-|-$/g, "") + ".csv";
          base.download(filename, new Blob([answer.csv], { type: "text/csv" }));
          status.textContent = base.format(s[config.download_hint], { name: filename });
        }, function () {});
      });
    }

    showKept();
    if (record.result) {
      renderResult(area, record.result, s);
      status.textContent = base.format(s.checked, { name: record.checked, date: record.date });
    }
  }

  base.onEveryPage(function () {
    [].slice.call(document.querySelectorAll(".smm-checkpanel")).forEach(initPanel);
  });
})();
