/* Course quizzes: instant feedback, score, retry, results kept in localStorage, and the
   progress page. Each question type is one object in TYPES, looked up by the type name the
   bank gives: how it grades (mirroring its class in checker/quiz/question_types/ rule for
   rule; tests/test_quiz_parity.py runs both on the same answers), reads and restores an
   answer, and sets up and resets its controls. No framework, no build step. */
(function () {
  "use strict";
  var PREFIX = "smm-quiz:";
  var EXPORT_FORMAT = "smm-course-progress";
  // The shared helpers (base.js); absent under Node, where only grading runs.
  var base = typeof window === "undefined" ? null : window.smmBase;

  function within(value, target, tolerance, slack) {
    return Math.abs(value - target) <= tolerance + slack * Math.max(1, Math.abs(target));
  }
  // A non-empty list of whole numbers from 0 to size - 1: a stored answer from before the
  // bank was edited may no longer fit its question.
  function indices(list, size) {
    return Array.isArray(list) && list.length > 0 &&
      list.every(function (i) { return i === (i | 0) && i >= 0 && i < size; });
  }
  function checkedValues(set) {
    return base.all(set, "input:checked").map(function (input) { return input.value; });
  }
  function uncheck(set) {
    base.all(set, "input").forEach(function (input) { input.checked = false; });
  }

  /* A typed number read as the grader reads answer files: Numeric.read_answer drops the
     question's unit, then checker/cells.py's read_number, rule for rule (its thousands and
     decimal marks, signs, percent), with the currency and ratio marks of
     checker/data/cells.toml that the page data carries. undefined when it is not a number.
     tests/test_quiz_parity.py runs both on a table of accepted and refused inputs. */
  // White space as Python's str.isspace has it (JS's \s lacks U+001C-U+001F and U+0085
  // and adds U+FEFF), for strip() and for the spaces that separate thousands.
  var SPACE = "\\t-\\r\\x1c-\\x20\\x85\\xa0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000";
  var EDGE_SPACES = new RegExp("^[" + SPACE + "]+|[" + SPACE + "]+$", "g");
  var SEPARATING_SPACES = new RegExp("[" + SPACE + "']+", "g");
  var MINUSES = /[\u2212\u2013]/g;
  var DIGITS = /^[-+]?(?:\d+(?:\.\d+)?|\.\d+)$/;

  function strip(text) { return text.replace(EDGE_SPACES, ""); }
  function escapeMark(mark) { return mark.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"); }
  // Marks tried longest first, so "руб." goes whole before "р.".
  function anyOf(marks) {
    return marks.slice().sort(function (a, b) { return b.length - a.length; }).map(escapeMark).join("|");
  }
  // A whole number with thousands marks, without them; unchanged (so unreadable) when the
  // groups are not of three digits.
  function grouped(whole, mark) {
    var groups = new RegExp("^[-+]?\\d{1,3}(?:" + escapeMark(mark) + "\\d{3})*$");
    return groups.test(whole) ? whole.split(mark).join("") : whole;
  }
  function separatorsToPoint(body) {
    var commas = body.split(",").length - 1, points = body.split(".").length - 1;
    if (commas && points) {
      var decimal = body.lastIndexOf(",") > body.lastIndexOf(".") ? "," : ".";
      var at = body.lastIndexOf(decimal);
      return grouped(body.slice(0, at), decimal === "," ? "." : ",") + "." + body.slice(at + 1);
    }
    if (commas > 1) return grouped(body, ",");
    if (points > 1) return grouped(body, ".");
    if (commas === 1) {
      var parts = body.split(",");
      var bare = parts[0].replace(/^[-+]+/, "");
      if (parts[1].length === 3 && bare !== "" && bare !== "0") return parts[0] + parts[1];
      return parts[0] + "." + parts[1];
    }
    return body;
  }
  function parseNumber(text, unit, marks) {
    text = strip(text);
    if (unit && text.slice(-unit.length) === unit) text = strip(text.slice(0, -unit.length));
    if (DIGITS.test(text)) return parseFloat(text);
    var body = text.replace(SEPARATING_SPACES, "").toLowerCase().replace(MINUSES, "-");
    body = body.replace(/%/g, "").replace(new RegExp(anyOf(marks.currency), "g"), "")
      .replace(new RegExp("(?:" + anyOf(marks.ratio_marks) + ")$"), "");
    var number = separatorsToPoint(body);
    return DIGITS.test(number) ? parseFloat(number) : undefined;
  }

  /* One object per question type:
     grade(q, answer, strings, slack) -> {correct, feedback}, for an answer given;
     fits(q, answer): whether a stored answer still fits the question;
     read(set, q, page): the answer on the page, or undefined when none is given;
     restore(set, q, answer): show a stored answer;
     setup(set, q, page): once per page (page.shuffle, page.strings, page.marks: the
       number marks, page.check());
     reset(set): back to no answer, for a retry;
     missing: the string shown when Check is pressed without an answer. */
  function choiceType(multiple) {
    return {
      grade: function (q, answer, strings) {
        var chosen = answer.filter(function (v, i) { return answer.indexOf(v) === i; })
          .sort(function (a, b) { return a - b; });
        var right = [];
        q.options.forEach(function (o, i) { if (o.correct) right.push(i); });
        var text = function (i) { return q.options[i].feedback; };
        if (chosen.join() === right.join()) return { correct: true, feedback: chosen.map(text).join(" ") };
        // Only the chosen wrong options are explained, as in choice.py.
        var said = chosen.filter(function (i) { return right.indexOf(i) < 0; }).map(text);
        if (multiple && right.some(function (i) { return chosen.indexOf(i) < 0; })) {
          said.push(strings.missed_options);
        }
        return { correct: false, feedback: said.join(" ") };
      },
      fits: function (q, answer) { return indices(answer, q.options.length); },
      read: function (set) {
        var picked = checkedValues(set).map(Number);
        return picked.length ? picked : undefined;
      },
      restore: function (set, q, answer) {
        base.all(set, "input").forEach(function (input) { input.checked = answer.indexOf(+input.value) >= 0; });
      },
      setup: function (set, q, page) {
        if (!page.shuffle) return;
        var options = set.querySelector(".smm-options");
        var nodes = base.all(options, ".smm-option");
        for (var i = nodes.length - 1; i > 0; i--) {
          var j = Math.floor(Math.random() * (i + 1));
          var swap = nodes[i]; nodes[i] = nodes[j]; nodes[j] = swap;
        }
        nodes.forEach(function (node) { options.appendChild(node); });
      },
      reset: uncheck,
      missing: "choose_option"
    };
  }

  var TYPES = {
    single: choiceType(false),
    multiple: choiceType(true),
    "true-false": {
      grade: function (q, answer) {
        return { correct: answer === q.answer, feedback: answer ? q.true_feedback : q.false_feedback };
      },
      fits: function (q, answer) { return typeof answer === "boolean"; },
      read: function (set) {
        var picked = checkedValues(set);
        return picked.length ? picked[0] === "true" : undefined;
      },
      restore: function (set, q, answer) {
        base.all(set, "input").forEach(function (input) { input.checked = (input.value === "true") === answer; });
      },
      setup: function () {},
      reset: uncheck,
      missing: "choose_option"
    },
    numeric: {
      grade: function (q, answer, strings, slack) {
        if (within(answer, q.answer, q.tolerance, slack)) return { correct: true, feedback: q.correct_feedback };
        var mistake = q.mistakes.filter(function (m) { return within(answer, m.value, q.tolerance, slack); })[0];
        return { correct: false, feedback: mistake ? mistake.feedback : q.wrong_feedback };
      },
      fits: function (q, answer) { return typeof answer === "number" && isFinite(answer); },
      read: function (set, q, page) { return parseNumber(set.querySelector("input").value, q.unit, page.marks); },
      restore: function (set, q, answer) { set.querySelector("input").value = String(answer); },
      setup: function (set, q, page) {
        set.querySelector("input").addEventListener("keydown", function (event) {
          if (event.key === "Enter") page.check();
        });
      },
      reset: function (set) { set.querySelector("input").value = ""; },
      missing: "enter_number"
    },
    ordering: {
      grade: function (q, answer) {
        var ok = answer.length === q.count && answer.every(function (v, i) { return v === i; });
        return { correct: ok, feedback: ok ? q.correct_feedback : q.wrong_feedback };
      },
      fits: function (q, answer) { return indices(answer, q.count) && answer.length === q.count; },
      read: function (set) { return base.all(set, "li").map(function (li) { return +li.dataset.index; }); },
      restore: function (set, q, answer) {
        var list = set.querySelector("ol");
        answer.forEach(function (i) { list.appendChild(list.querySelector('li[data-index="' + i + '"]')); });
      },
      setup: function (set, q, page) {
        set.initialOrder = base.all(set, "li");
        setupOrdering(set, page.strings);
      },
      reset: function (set) {
        set.initialOrder.forEach(function (li) { li.parentNode.appendChild(li); });
      },
      missing: "choose_option"
    }
  };

  function gradeQuestion(q, answer, strings, slack) {
    if (answer === null || answer === undefined || (Array.isArray(answer) && !answer.length)) {
      return { correct: false, feedback: strings.unanswered };
    }
    return TYPES[q.type].grade(q, answer, strings, slack);
  }

  function scorePercent(correct, total) {
    return total ? Math.floor((200 * correct + total) / (2 * total)) : 0;
  }

  if (typeof module !== "undefined" && module.exports) {
    module.exports = { gradeQuestion: gradeQuestion, scorePercent: scorePercent, parseNumber: parseNumber, TYPES: TYPES };
  }
  if (typeof document === "undefined") return;

  function initQuiz(root) {
    var data = base.claim(root);
    if (!data) return;
    var s = data.strings;
    var key = base.storageKey(PREFIX, data.version, data.bank);
    var stored = base.load(key);
    var record = stored && stored.attempt && typeof stored.attempt === "object" ? stored : { attempt: {}, best: null };
    var sets = base.all(root, ".smm-q");
    var questions = {};
    data.questions.forEach(function (q) { questions[q.id] = q; });
    var best = root.querySelector(".smm-quiz-best");
    var score = root.querySelector(".smm-score");
    var retry = root.querySelector(".smm-retry");

    function persist() {
      if (!base.save(key, record)) { best.textContent = s.no_storage; best.hidden = false; }
    }
    function showBest() {
      if (record.best) {
        best.textContent = base.format(s.best, { score: record.best.score, date: record.best.date });
        best.hidden = false;
      }
    }

    function lock(set, locked) {
      base.all(set, "input, .smm-moves button").forEach(function (el) { el.disabled = locked; });
      base.all(set, "li").forEach(function (li) { li.draggable = !locked; });
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
        score.textContent = done.length ? base.format(s.remaining, { count: sets.length - done.length }) : "";
        retry.hidden = !done.length;
        return;
      }
      var right = sets.filter(function (set) {
        var q = questions[set.dataset.qid];
        return gradeQuestion(q, record.attempt[q.id], s, data.float_slack).correct;
      }).length;
      var percent = scorePercent(right, sets.length);
      score.textContent = base.format(s.score, { score: percent, correct: right, total: sets.length, pass_mark: data.pass_mark }) +
        " " + (percent >= data.pass_mark ? s.passed : s.not_passed);
      retry.hidden = false;
      if (!record.best || percent > record.best.score) {
        record.best = { score: percent, date: base.today() };
        persist();
      }
      showBest();
    }

    function check(set, page) {
      var q = questions[set.dataset.qid];
      if (set.classList.contains("smm-done")) return;
      var type = TYPES[q.type];
      var answer = type.read(set, q, page);
      if (answer === undefined) {
        set.querySelector(".smm-feedback").textContent = s[type.missing];
        return;
      }
      record.attempt[q.id] = answer;
      persist();
      show(set, q, answer);
      finish();
    }

    sets.forEach(function (set) {
      var q = questions[set.dataset.qid];
      var type = TYPES[q.type];
      var page = {
        shuffle: data.shuffle, strings: s, marks: data.number_marks, check: function () { check(set, page); }
      };
      type.setup(set, q, page);
      set.querySelector(".smm-check").addEventListener("click", page.check);
      if (q.id in record.attempt && !type.fits(q, record.attempt[q.id])) delete record.attempt[q.id];
      if (q.id in record.attempt) {
        type.restore(set, q, record.attempt[q.id]);
        show(set, q, record.attempt[q.id]);
      }
    });

    retry.addEventListener("click", function () {
      record.attempt = {};
      persist();
      sets.forEach(function (set) {
        lock(set, false);
        TYPES[questions[set.dataset.qid].type].reset(set);
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
      var items = base.all(list, "li");
      box.textContent = base.format(s.moved, {
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
    base.all(list, "li").forEach(function (li) {
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
    var data = base.claim(root);
    if (!data) return;
    var s = data.strings;
    var status = root.querySelector(".smm-progress-status");
    var file = root.querySelector(".smm-import-file");

    function render() {
      var passed = 0;
      data.banks.forEach(function (bank) {
        var record = base.load(base.storageKey(PREFIX, data.version, bank.id));
        var best = record && record.best;
        var done = best && best.score >= bank.pass_mark;
        if (done) passed += 1;
        root.querySelector('[data-progress-best="' + bank.id + '"]').textContent = best ? best.score + "/100" : "–";
        var cell = root.querySelector('[data-progress-status="' + bank.id + '"]');
        cell.textContent = done ? "✓ " + s.passed : best ? s.not_passed : s.not_started;
        cell.className = done ? "smm-passed" : "";
      });
      root.querySelector(".smm-progress-summary").textContent = base.format(s.summary, { passed: passed, total: data.banks.length });
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
        var record = base.load(base.storageKey(PREFIX, data.version, bank.id));
        if (record) quizzes[bank.id] = record;
      });
      var payload = { format: EXPORT_FORMAT, version: data.version, exported: new Date().toISOString(), quizzes: quizzes };
      base.download("smm-course-progress.json",
        new Blob([JSON.stringify(payload, null, 2)], { type: "application/json" }));
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
          base.save(base.storageKey(PREFIX, data.version, bank.id), {
            attempt: record.attempt && typeof record.attempt === "object" ? record.attempt : {},
            best: valid ? { score: best.score, date: String(best.date || "") } : null
          });
          count += 1;
        });
        status.textContent = base.format(s.imported, { count: count });
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

  base.onEveryPage(function () {
    base.all(document, ".smm-quiz").forEach(initQuiz);
    base.all(document, ".smm-progress").forEach(initProgress);
  });
})();
