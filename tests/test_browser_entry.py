"""``checker.browser``, the entry point the exercise pages call under Pyodide: for the same
bytes it answers exactly what ``smm-check ... --json`` prints."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from checker import browser
from checker.cli import main
from checker.exercises import load_exercise
from checker.kpi.generate import learner_dataset_csv
from checker.kpi.grade import asked_metrics, dataset_from_csv
from checker.kpi.metrics import METRICS

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "exercises" / "coffee-shop-plan" / "samples"
LEARNER = "Anna  Petrova"


def cli_json(capsys, *argv: str) -> dict:
    main([*argv, "--json"])
    return json.loads(capsys.readouterr().out)


def correct_answers(exercise_id: str, learner: str) -> str:
    """An answer sheet with every asked metric computed by checker.kpi from the learner's data."""
    exercise = load_exercise(exercise_id)
    data = dataset_from_csv(learner_dataset_csv(exercise, learner), asked_metrics(exercise))
    return "metric,value\n" + "".join(f"{m},{METRICS[m].value(data):.6f}\n" for m in asked_metrics(exercise))


@pytest.mark.parametrize("path", [ROOT / "exercises" / "coffee-shop-plan" / "reference.csv",
                                  SAMPLES / "mix.csv", SAMPLES / "workbook.xlsx"],
                         ids=lambda p: p.name)
def test_plan_matches_the_cli(capsys, path):
    expected = cli_json(capsys, "plan", str(path), "--exercise", "coffee-shop-plan")
    assert "findings" in expected
    assert browser.grade("plan", "coffee-shop-plan", path.name, path.read_bytes()) == expected


@pytest.mark.parametrize("name, data", [("plan.csv", b"\x00\x01\x02garbage\xff" * 40),
                                        ("plan.xlsx", b"PK\x03\x04 not really a workbook"),
                                        ("plan.csv", b"")])
def test_a_broken_file_gives_the_cli_input_problems(capsys, tmp_path, name, data):
    (tmp_path / name).write_bytes(data)
    expected = cli_json(capsys, "plan", str(tmp_path / name), "--exercise", "coffee-shop-plan")
    assert expected["error"] == "invalid-input" and expected["problems"]
    assert browser.grade("plan", "coffee-shop-plan", name, data) == expected


@pytest.mark.parametrize("exercise_id", ["paid-funnel", "service-report"])
def test_kpi_answers_match_the_cli(capsys, tmp_path, exercise_id):
    sheet = tmp_path / "my-answers.csv"
    sheet.write_text(correct_answers(exercise_id, LEARNER), encoding="utf-8")
    expected = cli_json(capsys, "kpi", str(sheet), "--learner", LEARNER, "--exercise", exercise_id)
    assert expected["score"] == 100 and expected["passed"] is True
    assert browser.grade("kpi", exercise_id, sheet.name, sheet.read_bytes(), learner=LEARNER) == expected


def test_kpi_answers_are_graded_against_the_named_learner(capsys, tmp_path):
    sheet = tmp_path / "my-answers.csv"
    sheet.write_text(correct_answers("paid-funnel", LEARNER), encoding="utf-8")
    result = browser.grade("kpi", "paid-funnel", sheet.name, sheet.read_bytes(), learner="Boris Ivanov")
    assert result == cli_json(capsys, "kpi", str(sheet), "--learner", "Boris Ivanov", "--exercise", "paid-funnel")
    assert result["score"] < 100


def test_dataset_is_what_kpi_data_prints(capsys):
    main(["kpi-data", "--exercise", "organic-report", "--learner", LEARNER])
    assert browser.dataset("organic-report", LEARNER) == capsys.readouterr().out


@pytest.mark.parametrize("kind, exercise_id, learner", [("plan", "paid-funnel", None), ("kpi", "no-such", "A"),
                                                        ("quiz", "coffee-shop-plan", None),
                                                        ("kpi", "paid-funnel", "  ")])
def test_a_wrong_request_is_a_usage_error(kind, exercise_id, learner):
    result = browser.grade(kind, exercise_id, "a.csv", b"metric,value\n", learner=learner)
    assert result["error"] == "usage" and result["message"]


def test_the_upload_name_is_only_a_name():
    data = (ROOT / "exercises" / "coffee-shop-plan" / "reference.csv").read_bytes()
    assert browser.grade("plan", "coffee-shop-plan", "../../etc/plan.csv", data)["passed"] is True
    assert browser.grade("plan", "coffee-shop-plan", "", data)["passed"] is True


@pytest.mark.parametrize("kind, exercise_id, module", [("plan", "coffee-shop-plan", "checker.plan.exercise"),
                                                        ("kpi", "paid-funnel", "checker.kpi.exercise")])
def test_prepare_loads_the_kind_before_the_first_grade(kind, exercise_id, module):
    """The check panel calls prepare while the learner chooses a file: it imports the
    kind's grader, which a fresh interpreter (as Pyodide is) has not loaded yet."""
    script = (f"import sys; from checker import browser; before = {module!r} in sys.modules; "
              f"browser.prepare({kind!r}, {exercise_id!r}); print(before, {module!r} in sys.modules)")
    out = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, check=True).stdout
    assert out.split() == ["False", "True"]


def test_prepare_leaves_a_wrong_id_for_grade_to_report():
    assert browser.prepare("plan", "nope") is None
    assert browser.grade("plan", "nope", "plan.csv", b"")["error"] == "usage"
