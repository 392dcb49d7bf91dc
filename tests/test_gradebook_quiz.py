"""``grade-class --quiz BANK``: a class's progress exports (the progress page's Export
button) graded into the same gradebook, worksheet and roster as an exercise; the answers
are graded again, never the best score the file claims."""

from __future__ import annotations

import csv
import io
import json
import zipfile
from pathlib import Path

import pytest

from checker.cli import main
from checker.quiz.bank import load_bank
from checker.quiz.grade import grade_bank

BANK = load_bank("kpis")
LMS = Path(__file__).parent / "fixtures" / "lms"


def right(question):
    """The canonical right answer quiz.js stores for a question."""
    if question.type in ("single", "multiple"):
        return [i for i, option in enumerate(question.options) if option.correct]
    if question.type == "ordering":
        return list(range(len(question.items)))
    return question.answer  # true-false: a bool; numeric: a number


def export(attempt: dict, best: float | None = 100, bank: str = "kpis", **changes) -> bytes:
    """A progress export as the progress page saves it."""
    payload = {"format": "smm-course-progress", "version": 1, "exported": "2026-12-06T20:15:00.000Z",
               "quizzes": {bank: {"attempt": attempt, "best": {"score": best, "date": "2026-12-06"}}}, **changes}
    return json.dumps(payload, indent=2).encode("utf-8")


ALL_RIGHT = {q.id: right(q) for q in BANK.questions}
# Every other question left out: half unanswered.
HALF = {q.id: right(q) for q in BANK.questions[::2]}


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def canvas_class(tmp_path) -> Path:
    with zipfile.ZipFile(tmp_path / "canvas.zip", "w") as archive:
        archive.writestr("petrovaanna_4321_98765_smm-course-progress.json", export(ALL_RIGHT))
        # Claims 100 but half the answers are missing: graded on the answers.
        archive.writestr("sokolovivan_LATE_4322_98766_smm-course-progress.json", export(HALF, best=100))
        archive.writestr("weili_4323_98767_smm-course-progress.json", export({}, bank="profession"))
        archive.writestr("kimolga_4325_98768_smm-course-progress.json", b'{"quizzes": {}}')
        archive.writestr("orlovpavel_4326_98769_plan.csv", b"date,copy\n")
    return tmp_path / "canvas.zip"


def test_each_export_is_graded_on_its_answers_into_the_gradebook(capsys, canvas_class, tmp_path):
    code, out, err = run(capsys, "grade-class", "--quiz", "kpis", str(canvas_class), "-o", str(tmp_path / "out"),
                         "--json", "--quiet")
    book = json.loads(out)
    assert code == 2 and (book["exercise"], book["kind"], book["layout"]) == ("kpis", "quiz", "canvas")
    learners = {e["learner"]: e for e in book["learners"]}
    assert (learners["petrovaanna"]["score"], learners["petrovaanna"]["passed"]) == (100, True)
    half = grade_bank(BANK, HALF)
    assert learners["sokolovivan"]["score"] == half.score and learners["sokolovivan"]["late"] is True
    assert learners["sokolovivan"]["findings"] == [f.as_dict() for f in half.findings]
    assert learners["weili"]["problems"][0]["message"].startswith(
        "this export holds no answers to the quiz 'kpis': the learner has not taken it")
    assert learners["kimolga"]["problems"][0]["message"].startswith("this is not a progress export of this course")
    assert [s["file"] for s in book["skipped"]] == ["orlovpavel_4326_98769_plan.csv"]
    rows = list(csv.DictReader(io.StringIO((tmp_path / "out" / "gradebook.csv").read_text(encoding="utf-8-sig"))))
    assert [(r["learner"], r["lms_id"], r["score"]) for r in rows[:2]] == [
        ("kimolga", "4325", ""), ("petrovaanna", "4321", "100")]


def test_quiz_grades_fill_the_roster_column_named_by_the_assignment(capsys, canvas_class, tmp_path):
    code, _, err = run(capsys, "grade-class", "--quiz", "kpis", str(canvas_class), "-o", str(tmp_path / "out"),
                       "--roster", str(LMS / "canvas-gradebook-export.csv"), "--assignment", "Week 1 quiz")
    rows = list(csv.reader(io.StringIO((tmp_path / "out" / "canvas-gradebook.csv").read_text(encoding="utf-8-sig"))))
    column = rows[0].index("Week 1 quiz (1235)")
    half = grade_bank(BANK, HALF).score
    assert [r[column] for r in rows[2:]] == ["10", f"{round(half / 10, 2):g}", "", ""]


@pytest.mark.parametrize("data, message", [
    (export(ALL_RIGHT, version=2), "this export is of version 2 of the progress page, and this course reads version 1"),
    (export({"kpi-ctr-formula": "lots"} | {q.id: "x" for q in BANK.questions if q.type == "numeric"}),
     "an answer in this export cannot be read"),
    (b"\x89PNG\r\n", "this is not a progress export of this course"),
])
def test_an_export_that_cannot_be_graded_says_why(capsys, tmp_path, data, message):
    (tmp_path / "class").mkdir()
    (tmp_path / "class" / "ana.json").write_bytes(data)
    code, out, _ = run(capsys, "grade-class", "--quiz", "kpis", str(tmp_path / "class"), "--json")
    assert code == 2
    assert json.loads(out)["learners"][0]["problems"][0]["message"].startswith(message)


def test_an_unknown_bank_is_a_usage_error(capsys, canvas_class):
    code, _, err = run(capsys, "grade-class", "--quiz", "nope", str(canvas_class))
    assert code == 2 and "nope" in err


def test_quiz_and_exercise_are_one_or_the_other(capsys, canvas_class):
    with pytest.raises(SystemExit):
        main(["grade-class", "--quiz", "kpis", "--exercise", "coffee-shop-plan", str(canvas_class)])
    assert "not allowed with argument" in capsys.readouterr().err
