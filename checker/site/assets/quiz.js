/* Course quizzes: instant feedback, score, retry, results kept in localStorage, and the
   progress page. gradeQuestion mirrors checker/quiz/grade.py rule for rule;
   tests/test_quiz_parity.py runs both on the same answers. No framework, no build step. */
(function () {
  "use strict";
  var PREFIX = "smm-quiz:";
  var EXPORT_FORMAT = "smm-course-progress";

  function within(value, target, tolerance, slack) {
    return Math.abs(value - target) <= tolerance + slack * Math.max(1, Math.abs(target));
  }

  function gradeQuestion(q, answer, strings, slack) {
    if (answer === null || answer === undefined || (Array.isArray(answer) && !answer.length)) {
      return { correct: false, feedback: strings.unanswered };
    }
    if (q.type === "single" || q.type === "multiple") {
      var chosen = answer.filter(function (v, i) { return answer.indexOf(v) === i; })
        .sort(function (a, b) { return a - b; });
      var right = [];
      q.options.forEach(function (o, i) { if (o.correct) right.push(i); });
      var text = function (i) { return q.options[i].feedback; };
      if (chosen.join() === right.join()) return { correct: true, feedback: chosen.map(text).join(" ") };
      // Only the chosen wrong options are explained, as in grade.py.
      var said = chosen.filter(function (i) { return right.indexOf(i) < 0; }).map(text);
      if (q.type === "multiple" && right.some(function (i) { return chosen.indexOf(i) < 0; })) {
        said.push(strings.missed_options);
      }
      return { correct: false, feedback: said.join(" ") };
    }
    if (q.type === "true-false") {
      return { correct: answer === q.answer, feedback: answer ? q.true_feedback : q.false_feedback };
    }
    if (q.type === "numeric") {
      if (within(answer, q.answer, q.tolerance, slack)) return { correct: true, feedback: q.correct_feedback };
      var mistake = q.mistakes.filter(function (m) { return within(answer, m.value, q.tolerance, slack); })[0];
      return { correct: false, feedback: mistake ? mistake.feedback : q.wrong_feedback };
    }
    var ok = answer.length === q.count && answer.every(function (v, i) { return v === i; });
    return { correct: ok, feedback: ok ? q.correct_feedback : q.wrong_feedback };
  }

  function scorePercent(correct, total) {
    return total ? Math.floor((200 * correct + total) / (2 * total)) : 0;
  }

  if (typeof module !== "undefined" && module.exports) {
    module.exports = { gradeQuestion: gradeQuestion, scorePercent: scorePercent };
  }
  if (typeof document === "undefined") return;

  function fmt(text, values) {
    return text.replace(/\{(\w+)\}/g, function (all, name) { return name in values ? values[name] : all; });
  }
  function all(root, selector) { return [].slice.call(root.querySelectorAll(selector)); }
  function storageKey(bank, version) { return PREFIX + "v" + version + ":" + bank; }
  function load(key) {
    try { return JSON.parse(localStorage.getItem(key)); } catch (e) { return null; }
  }
  function save(key, value) {
    try { localStorage.setItem(key, JSON.stringify(value)); return true; } catch (e) { return false; }
  }
  function today() { return new Date().toISOString().slice(0, 10); }

  // A stored answer from before the bank was edited may no longer fit its question.
  function fits(q, answer) {
    var size = q.type === "ordering" ? q.count : q.options ? q.options.length : 0;
    var indices = function (list) {
      return Array.isArray(list) && list.length > 0 && list.every(function (i) { return i === (i | 0) && i >= 0 && i < size; });
    };
    if (q.type === "true-false") return typeof answer === "boolean";
    if (q.type === "numeric") return typeof answer === "number" && isFinite(answer);
    if (q.type === "ordering") return indices(answer) && answer.length === size;
    return indices(answer);
  }

  function parseNumber(text, unit) {
    text = text.trim();
    if (unit && text.slice(-unit.length) === unit) text = text.slice(0, -unit.length);
    text = text.replace(/%+$/, "").replace(/\s/g, "");
    return /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(text) ? parseFloat(text) : undefined;
  }

  function initQuiz(root) {
    if (root.dataset.ready) return;
    root.dataset.ready = "1";
    var data = JSON.parse(root.dataset.smm);
    var s = data.strings;
    var key = storageKey(data.bank, data.version);
    var stored = load(key);
    var record = stored && stored.attempt && typeof stored.attempt === "object" ? stored : { attempt: {}, best: null };
    var sets = all(root, ".smm-q");
    var questions = {};
    data.questions.forEach(function (q) { questions[q.id] = q; });
    var best = root.querySelector(".smm-quiz-best");
    var score = root.querySelector(".smm-score");
    var retry = root.querySelector(".smm-retry");

    function persist() {
      if (!save(key, record)) { best.textContent = s.no_storage; best.hidden = false; }
    }
    function showBest() {
      if (record.best) {
        best.textContent = fmt(s.best, { score: record.best.score, date: record.best.date });
        best.hidden = false;
      }
    }

    function readAnswer(set, q) {
      if (q.type === "numeric") return parseNumber(set.querySelector("input").value, q.unit);
      if (q.type === "ordering") return all(set, "li").map(function (li) { return +li.dataset.index; });
      var picked = all(set, "input:checked").map(function (input) {
        return q.type === "true-false" ? input.value === "true" : +input.value;
      });
      if (!picked.length) return undefined;
      return q.type === "true-false" ? picked[0] : picked;
    }

    function writeAnswer(set, q, answer) {
      if (q.type === "numeric") set.querySelector("input").value = String(answer);
      else if (q.type === "ordering") {
        var list = set.querySelector("ol");
        answer.forEach(function (i) { list.appendChild(list.querySelector('li[data-index="' + i + '"]')); });
      } else {
        all(set, "input").forEach(function (input) {
          var value = q.type === "true-false" ? input.value === "true" : +input.value;
          input.checked = q.type === "true-false" ? value === answer : answer.indexOf(value) >= 0;
        });
      }
    }

    function lock(set, locked) {
      all(set, "input, .smm-moves button").forEach(function (el) { el.disabled = locked; });
      all(set, "li").forEach(function (li) { li.draggable = !locked; });
      // The button stays focusable so keyboard users do not lose their place.
      set.querySelector(".smm-check").setAttribute("aria-disabled", String(locked));
      set.classList.toggle("smm-done", locked);
    }

    function show(set, q, answer) {
      var verdict = gradeQuestion(q, answer, s, data.float_slack);
      var box = set.querySelector(".smm-feedback");
      box.className = "smm-feedback " + (verdict.correct ? "smm-correct" : "smm-wrong");
      box.textContent = (verdict.correct ? s.correct : s.wrong) + " " + verdict.feedback;
      lock(set, true);
    }

    function finish() {
      var done = sets.filter(function (set) { return set.dataset.qid in record.attempt; });
      if (done.length < sets.length) {
        score.textContent = done.length ? fmt(s.remaining, { count: sets.length - done.length }) : "";
        retry.hidden = !done.length;
        return;
      }
      var right = sets.filter(function (set) {
        var q = questions[set.dataset.qid];
        return gradeQuestion(q, record.attempt[q.id], s, data.float_slack).correct;
      }).length;
      var percent = scorePercent(right, sets.length);
      score.textContent = fmt(s.score, { score: percent, correct: right, total: sets.length, pass_mark: data.pass_mark }) +
        " " + (percent >= data.pass_mark ? s.passed : s.not_passed);
      retry.hidden = false;
      if (!record.best || percent > record.best.score) {
        record.best = { score: percent, date: today() };
        persist();
      }
      showBest();
    }

    function check(set) {
      var q = questions[set.dataset.qid];
      if (set.classList.contains("smm-done")) return;
      var answer = readAnswer(set, q);
      if (answer === undefined) {
        set.querySelector(".smm-feedback").textContent = q.type === "numeric" ? s.enter_number : s.choose_option;
        return;
      }
      record.attempt[q.id] = answer;
      persist();
      show(set, q, answer);
      finish();
    }

    sets.forEach(function (set) {
      var q = questions[set.dataset.qid];
      var options = set.querySelector(".smm-options");
      if (data.shuffle && options && q.type !== "true-false") {
        var nodes = all(options, ".smm-option");
        for (var i = nodes.length - 1; i > 0; i--) {
          var j = Math.floor(Math.random() * (i + 1));
          var swap = nodes[i]; nodes[i] = nodes[j]; nodes[j] = swap;
        }
        nodes.forEach(function (node) { options.appendChild(node); });
      }
      if (q.type === "ordering") {
        set.initialOrder = all(set, "li");
        setupOrdering(set, s);
      }
      set.querySelector(".smm-check").addEventListener("click", function () { check(set); });
      if (q.type === "numeric") {
        set.querySelector("input").addEventListener("keydown", function (event) {
          if (event.key === "Enter") check(set);
        });
      }
      if (q.id in record.attempt && !fits(q, record.attempt[q.id])) delete record.attempt[q.id];
      if (q.id in record.attempt) {
        writeAnswer(set, q, record.attempt[q.id]);
        show(set, q, record.attempt[q.id]);
      }
    });

    retry.addEventListener("click", function () {
      record.attempt = {};
      persist();
      sets.forEach(function (set) {
        lock(set, false);
        all(set, "input").forEach(function (input) {
          if (input.type === "text") input.value = "";
          else input.checked = false;
        });
        if (set.initialOrder) set.initialOrder.forEach(function (li) { li.parentNode.appendChild(li); });
        var box = set.querySelector(".smm-feedback");
        box.className = "smm-feedback";
        box.textContent = "";
      });
      score.textContent = "";
      retry.hidden = true;
      sets[0].querySelector("input, button").focus();
    });

    showBest();
    finish();
  }

  function setupOrdering(set, s) {
    var list = set.querySelector("ol");
    var box = set.querySelector(".smm-feedback");
    var dragged = null;
    function announce(li) {
      var items = all(list, "li");
      box.textContent = fmt(s.moved, {
        item: li.querySelector(".smm-item").textContent, position: items.indexOf(li) + 1, count: items.length
      });
    }
    list.addEventListener("click", function (event) {
      var button = event.target.closest("button");
      if (!button || button.disabled) return;
      var li = button.closest("li");
      var up = button.classList.contains("smm-up");
      var other = up ? li.previousElementSibling : li.nextElementSibling;
      if (!other) return;
      list.insertBefore(up ? li : other, up ? other : li);
      button.focus();
      announce(li);
    });
    all(list, "li").forEach(function (li) {
      li.draggable = true;
      li.addEventListener("dragstart", function (event) {
        dragged = li;
        li.classList.add("smm-dragging");
        event.dataTransfer.effectAllowed = "move";
        event.dataTransfer.setData("text/plain", li.dataset.index);
      });
      li.addEventListener("dragend", function () {
        li.classList.remove("smm-dragging");
        if (dragged) announce(dragged);
        dragged = null;
      });
      li.addEventListener("dragover", function (event) {
        if (!dragged || dragged === li) return;
        event.preventDefault();
        var box = li.getBoundingClientRect();
        list.insertBefore(dragged, event.clientY < box.top + box.height / 2 ? li : li.nextElementSibling);
      });
      li.addEventListener("drop", function (event) { event.preventDefault(); });
    });
  }

  function initProgress(root) {
    if (root.dataset.ready) return;
    root.dataset.ready = "1";
    var data = JSON.parse(root.dataset.smm);
    var s = data.strings;
    var status = root.querySelector(".smm-progress-status");
    var file = root.querySelector(".smm-import-file");

    function render() {
      var passed = 0;
      data.banks.forEach(function (bank) {
        var record = load(storageKey(bank.id, data.version));
        var best = record && record.best;
        var done = best && best.score >= bank.pass_mark;
        if (done) passed += 1;
        root.querySelector('[data-progress-best="' + bank.id + '"]').textContent = best ? best.score + "/100" : "–";
        var cell = root.querySelector('[data-progress-status="' + bank.id + '"]');
        cell.textContent = done ? "✓ " + s.passed : best ? s.not_passed : s.not_started;
        cell.className = done ? "smm-passed" : "";
      });
      root.querySelector(".smm-progress-summary").textContent = fmt(s.summary, { passed: passed, total: data.banks.length });
    }

    function ourKeys() {
      var keys = [];
      for (var i = 0; i < localStorage.length; i++) {
        if (localStorage.key(i).indexOf(PREFIX) === 0) keys.push(localStorage.key(i));
      }
      return keys;
    }

    root.querySelector(".smm-export").addEventListener("click", function () {
      var quizzes = {};
      data.banks.forEach(function (bank) {
        var record = load(storageKey(bank.id, data.version));
        if (record) quizzes[bank.id] = record;
      });
      var payload = { format: EXPORT_FORMAT, version: data.version, exported: new Date().toISOString(), quizzes: quizzes };
      var link = document.createElement("a");
      link.href = URL.createObjectURL(new Blob([JSON.stringify(payload, null, 2)], { type: "application/json" }));
      link.download = "smm-course-progress.json";
      document.body.appendChild(link);
      link.click();
      link.remove();
      setTimeout(function () { URL.revokeObjectURL(link.href); }, 1000);
    });

    root.querySelector(".smm-import").addEventListener("click", function () { file.click(); });
    file.addEventListener("change", function () {
      if (!file.files.length) return;
      file.files[0].text().then(function (text) {
        var payload = JSON.parse(text);
        if (!payload || payload.format !== EXPORT_FORMAT || payload.version !== data.version ||
            typeof payload.quizzes !== "object") throw new Error("not a progress export");
        var count = 0;
        data.banks.forEach(function (bank) {
          var record = payload.quizzes[bank.id];
          if (!record || typeof record !== "object") return;
          var best = record.best;
          var valid = best && typeof best.score === "number" && best.score >= 0 && best.score <= 100;
          save(storageKey(bank.id, data.version), {
            attempt: record.attempt && typeof record.attempt === "object" ? record.attempt : {},
            best: valid ? { score: best.score, date: String(best.date || "") } : null
          });
          count += 1;
        });
        status.textContent = fmt(s.imported, { count: count });
        render();
      }).catch(function () {
        status.textContent = s.import_failed;
      }).then(function () { file.value = ""; });
    });

    root.querySelector(".smm-erase").addEventListener("click", function () {
      if (!window.confirm(s.confirm_erase)) return;
      ourKeys().forEach(function (key) { localStorage.removeItem(key); });
      status.textContent = s.erased;
      render();
    });

    render();
  }

  function init() {
    all(document, ".smm-quiz").forEach(initQuiz);
    all(document, ".smm-progress").forEach(initProgress);
  }
  // Material's instant navigation swaps pages without reloading scripts; document$
  // announces each new page, the first one included.
  if (window.document$ && window.document$.subscribe) window.document$.subscribe(init);
  else if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
