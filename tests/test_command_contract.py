"""Every ``smm-check`` command keeps one contract (``checker.command_line``): an unknown
exercise or bank id is a usage error and bad input an invalid-input error, both exit 2;
with ``--json`` each is one JSON object of one shape, without it a usage error is one
line on standard error naming the command."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from checker.cli import main

ROOT = Path(__file__).resolve().parent.parent
EXERCISES = ROOT / "exercises"
NOT_A_TABLE = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def picture(tmp_path) -> Path:
    """A picture saved under a table's name: input no command can read."""
    path = tmp_path / "answers.csv"
    path.write_bytes(NOT_A_TABLE)
    return path


@pytest.mark.parametrize("argv, message", [
    (["plan", "plan.csv", "--exercise", "nope"], "there is no exercise 'nope'"),
    (["plan", "plan.csv", "--exercise", "paid-funnel"], "'paid-funnel' is a kpi exercise, not a plan one"),
    (["kpi", "a.csv", "--learner", "Ana", "--exercise", "nope"], "there is no exercise 'nope'"),
    (["kpi", "a.csv", "--learner", " ", "--exercise", "paid-funnel"], "--learner needs your name."),
    (["quiz", "a.csv", "--quiz", "nope"], "there is no quiz bank 'nope'"),
    (["grade-class", ".", "--exercise", "nope"], "there is no exercise 'nope'"),
])
def test_a_usage_error_with_json_is_one_object_of_one_shape(capsys, argv, message):
    code, out, err = run(capsys, *argv, "--json")
    answer = json.loads(out)
    assert code == 2 and err == ""
    assert list(answer) == ["error", "message"] and answer["error"] == "usage" and message in answer["message"]


@pytest.mark.parametrize("argv, message", [
    (["plan", "plan.csv", "--exercise", "nope"], "smm-check plan: there is no exercise 'nope'"),
    (["kpi", "a.csv", "--learner", "Ana", "--exercise", "nope"], "smm-check kpi: there is no exercise 'nope'"),
    (["kpi-data", "--exercise", "nope", "--learner", "Ana"], "smm-check kpi-data: there is no exercise 'nope'"),
    (["kpi-data", "--exercise", "content-plan", "--learner", "Ana"],
     "smm-check kpi-data: 'content-plan' is a plan exercise, not a kpi one"),
    (["quiz", "a.csv", "--quiz", "nope"], "smm-check quiz: there is no quiz bank 'nope'"),
    (["quiz-export", "nope", "--format", "gift"], "smm-check quiz-export: there is no quiz bank 'nope'"),
    (["grade-class", ".", "--exercise", "nope"], "smm-check grade-class: there is no exercise 'nope'"),
])
def test_a_usage_error_without_json_is_a_line_on_standard_error(capsys, argv, message):
    code, out, err = run(capsys, *argv)
    assert (code, out) == (2, "") and err.startswith(message) and err.count("\n") == 1


def test_validate_names_an_unknown_exercise_in_its_report(capsys):
    code, out, _ = run(capsys, "validate", "nope")
    assert code == 2 and "nope: BROKEN\n  - there is no exercise 'nope'" in out


@pytest.mark.parametrize("argv", [
    ["plan", "{file}", "--exercise", "content-plan"],
    ["kpi", "{file}", "--data", str(EXERCISES / "paid-funnel" / "data.csv"), "--exercise", "paid-funnel"],
    ["campaign", "{file}", "--exercise", "gift-set-campaign"],
    ["quiz", "{file}", "--quiz", "kpis"],
])
def test_bad_input_with_json_is_one_invalid_input_object(capsys, picture, argv):
    code, out, err = run(capsys, *[a.format(file=picture) for a in argv], "--json")
    answer = json.loads(out)
    assert code == 2 and err == ""
    assert list(answer) == ["error", "problems"] and answer["error"] == "invalid-input"
    assert answer["problems"] and all(list(p) == ["row", "column", "message"] for p in answer["problems"])


def test_grade_class_lists_bad_input_as_an_invalid_row_in_the_same_problem_shape(capsys, picture):
    code, out, _ = run(capsys, "grade-class", str(picture.parent), "--exercise", "content-plan", "--json")
    (entry,) = json.loads(out)["learners"]
    assert code == 2 and (entry["learner"], entry["status"]) == ("answers", "invalid")
    assert entry["problems"] and all(list(p) == ["row", "column", "message"] for p in entry["problems"])


def test_the_exit_codes_are_defined_once():
    from checker import command_line

    assert (command_line.EXIT_PASSED, command_line.EXIT_FAILED, command_line.EXIT_INVALID) == (0, 1, 2)
    for module in ROOT.joinpath("checker").rglob("*.py"):
        if module.name != "command_line.py":
            text = module.read_text(encoding="utf-8")
            assert "EXIT_INVALID =" not in text and "def usage_error" not in text, module
