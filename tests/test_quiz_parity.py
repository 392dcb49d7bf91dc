"""The widget and the CLI agree: quiz.js's gradeQuestion, run under Node on the bank data
the page embeds, gives the same verdict and feedback as checker.quiz.grade for every
question of every bank and a spread of right, wrong, edge and empty answers; and quiz.js
reads a typed number exactly as an answer file's cell is read (checker/cells.py), accepting
and refusing the same inputs."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from dataclasses import replace
from html import unescape
from pathlib import Path

import markdown
import pytest

from checker.cells import MARKS, is_blank
from checker.cli import main
from checker.quiz.bank import SETTINGS, Bank, list_banks, load_bank
from checker.quiz.grade import STRINGS, grade_question, score_percent
from checker.site.directives import CourseDirectivesExtension

ROOT = Path(__file__).resolve().parent.parent
QUIZ_JS = ROOT / "checker" / "site" / "assets" / "quiz.js"
FIXTURE = Path(__file__).parent / "fixtures" / "quiz"
NODE = shutil.which("node")
RUNNER = """
const quiz = require(process.argv[1]);
// Extra question types a test registers, as JavaScript run with `quiz` in scope.
new Function("quiz", process.argv[2])(quiz);
const input = JSON.parse(require("fs").readFileSync(0, "utf8"));
const byId = Object.fromEntries(input.questions.map(q => [q.id, q]));
const verdicts = input.cases.map(([id, answer]) => quiz.gradeQuestion(byId[id], answer, input.strings, input.slack));
const scores = input.scores.map(([c, n]) => quiz.scorePercent(c, n));
const numbers = input.numbers.map(([text, unit]) => quiz.parseNumber(text, unit, input.marks));
process.stdout.write(JSON.stringify({verdicts, scores, numbers}));
"""

pytestmark = pytest.mark.skipif(NODE is None, reason="node is not installed")


def answers_to_try(question) -> list:
    """Right, wrong, edge and empty answers for one question, in canonical form."""
    if question.type in ("single", "multiple"):
        n = len(question.options)
        right = [i for i, o in enumerate(question.options) if o.correct]
        return [None, [], right, list(range(n)), right[:1], *[[i] for i in range(n)], [0, n - 1]]
    if question.type == "true-false":
        return [None, True, False]
    if question.type == "numeric":
        a, t = question.answer, question.tolerance
        return [None, a, a + t, a - t, a + t * 1.001 + 1e-6, -a, 0.0, a * 100, a / 100,
                *[m.value for m in question.mistakes]]
    n = len(question.items)
    return [None, list(range(n)), list(reversed(range(n))), question.presented_order(), [1, 0, *range(2, n)]]


def banks() -> list[Bank]:
    return [load_bank("sample", FIXTURE)] + [load_bank(b, ROOT) for b in list_banks(ROOT)]


def run_widget(bank_data: list[dict], cases: list, scores: list, register: str = "",
               numbers: list | None = None, marks: dict | None = None) -> dict:
    """quiz.js's verdicts on ``cases`` ((question id, canonical answer) pairs), its scores
    for ``scores`` ((correct, total) pairs) and the numbers it reads from ``numbers``
    ((typed text, unit) pairs, None where it reads none) with ``marks``, after running
    ``register``."""
    payload = {"questions": bank_data, "cases": cases, "scores": scores, "numbers": numbers or [],
               "marks": marks, "strings": {**STRINGS["quiz"], **STRINGS["grading"]},
               "slack": SETTINGS["float_slack"]}
    out = subprocess.run([NODE, "-e", RUNNER, str(QUIZ_JS), register], input=json.dumps(payload),
                         capture_output=True, text=True, check=True)
    return json.loads(out.stdout)


def test_widget_grades_like_the_cli_on_every_bank():
    questions, cases, expected = [], [], []
    for bank in banks():
        for q in bank.questions:
            data = q.widget_data() | {"id": f"{bank.id}/{q.id}"}
            questions.append(data)
            for answer in answers_to_try(q):
                verdict = grade_question(q, answer)
                cases.append([data["id"], answer])
                expected.append({"correct": verdict.correct, "feedback": verdict.feedback})
    scores = [[c, n] for n in range(1, 41) for c in range(n + 1)]
    result = run_widget(questions, cases, scores)
    mismatches = [(case, want, got) for case, want, got in zip(cases, expected, result["verdicts"]) if want != got]
    assert not mismatches, mismatches[:5]
    assert result["scores"] == [score_percent(c, n) for c, n in scores]
    assert len(cases) > 100 and any(v["correct"] for v in expected) and not all(v["correct"] for v in expected)


def test_cli_findings_equal_widget_verdicts(monkeypatch, tmp_path, capsys):
    """The same answer file through `smm-check quiz --json` and through the widget."""
    monkeypatch.setenv("SMM_COURSE_DIR", str(FIXTURE))
    bank = load_bank("sample", FIXTURE)
    raw = {"er-by-reach": "0.03", "smm-vs-smo": "1", "team-roles": "1;3", "smo-part-of-smm": "false",
           "campaign-order": "Set the goal; Plan the content; Launch; Report, then adjust"}
    canonical = {"er-by-reach": 0.03, "smm-vs-smo": [0], "team-roles": [0, 2], "smo-part-of-smm": False,
                 "campaign-order": [0, 1, 2, 3]}
    path = tmp_path / "answers.json"
    path.write_text(json.dumps(raw), encoding="utf-8")
    main(["quiz", str(path), "--quiz", "sample", "--json"])
    cli = json.loads(capsys.readouterr().out)
    widget = run_widget([q.widget_data() for q in bank.questions], list(canonical.items()), [[2, 5]])
    verdicts = widget["verdicts"]
    assert [(f["status"] == "pass", f["message"]) for f in cli["findings"]] == [
        (v["correct"], v["feedback"]) for v in verdicts]
    assert sum(v["correct"] for v in verdicts) == 2 and widget["scores"] == [cli["score"]] == [40]


# Typed answers to numeric questions, with the question's unit: every format checker/cells.py
# reads, and inputs it refuses. Each is read by the grader and by the widget.
ACCEPTED = [
    ("3", ""), ("2.35", ""), ("2,35", ""), ("1 234,5", ""), ("1,234.5", ""), ("1.234,5", ""),
    ("1\u00a0234,5", ""), ("1\u202f234.5", ""), ("1\u2009234", ""), ("1'234", ""), ("12 345 678", ""),
    ("1.234.567", ""), ("1,234,567", ""), ("1,234", ""), ("0,125", ""), ("-0,125", ""), ("+1,234", ""),
    ("$0.46", ""), ("₽24.20", ""), ("24,20 ₽", ""), ("€3", ""), ("£1,050.00", ""), ("405,75 руб.", ""),
    ("405,75 РУБ", ""), ("150 р.", ""), ("3 000 RUB", ""), ("3 000 usd", ""), ("3.2x", ""), ("3,2×", ""),
    ("3.2X", ""), ("-12.5%", ""), ("12,5 %", ""), ("+3", ""), ("\u221212,5", ""), ("\u20133", ""),
    (".5", ""), ("  7  ", ""), ("\t7\n", ""), ("4,33 %", "%"), ("4.33%", "%"), ("150 RUB", "RUB"),
    ("150RUB", "RUB"), ("1 040 units", "units"), ("257 characters", "characters"),
    ("35 percentage points", "percentage points"), ("1,5 %", "%"), ("2 000 000 RUB", "RUB"),
]
REFUSED = [
    ("", ""), ("   ", ""), ("n/a", ""), ("about 23", ""), ("1e5", ""), ("1E5", ""), ("--3", ""), ("%", ""),
    ("$", ""), ("2..3", ""), ("1,23,4.5", ""), ("12.34.56", ""), ("2.3.4,5,6", ""), ("3.2xx", ""),
    ("x3", ""), ("0x10", ""), ("Infinity", ""), ("NaN", ""), ("1_000", ""), ("\u0663", ""), ("٣٫٥", ""),
    ("27 days", "hours"), ("RUB", "RUB"), ("3 points", "days"), ("1,2,3", ""),
]


def quiz_page_marks() -> dict:
    """The number marks the quiz page hands the widget (its data-smm attribute)."""
    md = markdown.Markdown(extensions=["attr_list", "tables", CourseDirectivesExtension(root=str(FIXTURE))])
    html = md.convert("/// quiz | sample\n///\n")
    return json.loads(unescape(re.search(r'data-smm="([^"]+)"', html).group(1)))["number_marks"]


def grader_number(question, typed: str) -> float | None:
    """The number an answer file's cell holding ``typed`` gives, None where none."""
    if is_blank(typed):
        return None
    try:
        return question.read_answer(typed)
    except ValueError:
        return None


def test_widget_reads_typed_numbers_as_the_grader_reads_cells():
    numeric = next(q for q in load_bank("sample", FIXTURE).questions if q.type == "numeric")
    marks = quiz_page_marks()
    assert marks == MARKS
    # Every space Python strips and splits thousands with, and one it does not (U+FEFF).
    spaces = [chr(c) for c in range(0x3001) if chr(c).isspace()] + ["\ufeff"]
    typed = ACCEPTED + REFUSED + [(f"1{c}234", "") for c in spaces] + [(f"{c}5{c}", "") for c in spaces]
    expected = [grader_number(replace(numeric, unit=unit), text) for text, unit in typed]
    widget = run_widget([], [], [], numbers=[list(pair) for pair in typed], marks=marks)["numbers"]
    mismatches = [(pair, want, got) for pair, want, got in zip(typed, expected, widget) if want != got]
    assert not mismatches, mismatches[:5]
    # The table means what it says: the grader reads every accepted input and no refused one.
    assert None not in expected[:len(ACCEPTED)]
    assert expected[len(ACCEPTED):len(ACCEPTED) + len(REFUSED)] == [None] * len(REFUSED)
    assert expected[:3] == [3.0, 2.35, 2.35] and expected[ACCEPTED.index(("1 234,5", ""))] == 1234.5
