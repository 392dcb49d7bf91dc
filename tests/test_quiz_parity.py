"""The widget and the CLI agree: quiz.js's gradeQuestion, run under Node on the bank data
the page embeds, gives the same verdict and feedback as checker.quiz.grade for every
question of every bank and a spread of right, wrong, edge and empty answers."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from checker.cli import main
from checker.quiz.bank import SETTINGS, Bank, list_banks, load_bank
from checker.quiz.grade import STRINGS, grade_question, score_percent

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
process.stdout.write(JSON.stringify({verdicts, scores}));
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


def run_widget(bank_data: list[dict], cases: list, scores: list, register: str = "") -> dict:
    """quiz.js's verdicts on ``cases`` ((question id, canonical answer) pairs) and its
    scores for ``scores`` ((correct, total) pairs), after running ``register``."""
    payload = {"questions": bank_data, "cases": cases, "scores": scores,
               "strings": {**STRINGS["quiz"], **STRINGS["grading"]}, "slack": SETTINGS["float_slack"]}
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
