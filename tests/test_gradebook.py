"""``smm-check grade-class``: every learner's row agrees with the single-file commands,
a broken file never stops the run, and the gradebook is a CSV Excel and an LMS read."""

from __future__ import annotations

import csv
import io
import json
import re
import shutil
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import pytest

from checker.cli import main
from checker.exercises import load_exercise
from checker.classroom.layouts import read_layout
from checker.gradebook import ClassFolderError, grade_class
from checker.kpi.dataset import dataset_from_text
from checker.kpi.generate import learner_dataset_csv
from checker.kpi.grade import asked_metrics
from checker.kpi.metrics import METRICS

ROOT = Path(__file__).resolve().parent.parent
PLAN = ROOT / "exercises" / "coffee-shop-plan"
HEADER = ["learner", "lms_id", "late", "score", "passed", "status", "failed_rules", "problems"]
BOM = b"\xef\xbb\xbf"


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def gradebook(text: str) -> dict[str, dict[str, str]]:
    """The gradebook's rows by learner; the text must start with the byte-order mark."""
    assert text.startswith("\ufeff")
    rows = list(csv.DictReader(io.StringIO(text[1:])))
    return {row["learner"]: row for row in rows}


def single_file(capsys, *argv: str) -> dict:
    """What the one-file command says about a submission, as JSON."""
    _, out, _ = run(capsys, *argv, "--json")
    return json.loads(out)


def expected_row(learner: str, result: dict) -> dict[str, str]:
    """The gradebook row a graded single-file result must give."""
    return {"learner": learner, "lms_id": "", "late": "", "score": f"{result['score']:g}", "passed": "yes" if result["passed"] else "no",
            "status": "graded", "problems": "",
            "failed_rules": " ".join(f["rule"] for f in result["findings"] if f["status"] == "fail")}


@pytest.fixture
def plan_class(tmp_path) -> Path:
    """A class of six: a passing plan, a known-bad one, a workbook, a file with typos, a
    corrupt workbook and a picture saved as .csv; plus notes and a folder to skip."""
    folder = tmp_path / "class"
    folder.mkdir()
    shutil.copy(PLAN / "reference.csv", folder / "Ana Silva.csv")
    shutil.copy(PLAN / "samples" / "mix.csv", folder / "ivan.petrov.csv")
    shutil.copy(PLAN / "samples" / "workbook.xlsx", folder / "li.wei.xlsx")
    shutil.copy(PLAN / "samples" / "typos.csv", folder / "maria.csv")
    (folder / "broken.xlsx").write_bytes(b"PK\x03\x04 cut off in the middle of the upload")
    (folder / "photo.csv").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00")
    (folder / "notes.txt").write_text("Ivan was ill this week.", encoding="utf-8")
    (folder / "old").mkdir()
    return folder


def test_every_learner_gets_the_row_smm_check_plan_gives(capsys, plan_class):
    code, out, _ = run(capsys, "grade-class", str(plan_class), "--exercise", "coffee-shop-plan")
    rows = gradebook(out)
    assert code == 2  # two submissions are invalid
    assert list(rows) == ["Ana Silva", "broken", "ivan.petrov", "li.wei", "maria", "photo"]
    for learner, file in [("Ana Silva", "Ana Silva.csv"), ("ivan.petrov", "ivan.petrov.csv"),
                          ("li.wei", "li.wei.xlsx")]:
        result = single_file(capsys, "plan", str(plan_class / file), "--exercise", "coffee-shop-plan")
        assert rows[learner] == expected_row(learner, result)
    assert rows["Ana Silva"]["passed"] == "yes" and rows["Ana Silva"]["failed_rules"] == ""
    golden = json.loads((PLAN / "samples" / "mix.expected.json").read_text(encoding="utf-8"))
    assert {f["rule"] for f in golden["findings"] if f["status"] == "fail"} <= set(
        rows["ivan.petrov"]["failed_rules"].split())
    for learner in ("broken", "maria", "photo"):
        assert (rows[learner]["score"], rows[learner]["passed"], rows[learner]["status"],
                rows[learner]["failed_rules"]) == ("", "", "invalid", "")
    assert ".xlsx workbook" in rows["broken"]["problems"]
    assert "not a text table" in rows["photo"]["problems"]


def test_an_invalid_row_summarises_the_first_problems_with_row_and_column(capsys, plan_class):
    _, out, _ = run(capsys, "grade-class", str(plan_class), "--exercise", "coffee-shop-plan")
    problems = gradebook(out)["maria"]["problems"].split(" | ")
    # typos.csv has five problems (see its golden file): three are shown, then the count.
    assert problems[0].startswith("row 3, column 'platform': 'Instagarm'")
    assert problems[1].startswith("row 4, column 'date'")
    assert problems[2].startswith("row 5, column 'date'")
    assert problems[3] == "and 2 more"


def test_the_summary_and_the_skipped_files_go_to_stderr(capsys, plan_class):
    _, out, err = run(capsys, "grade-class", str(plan_class), "--exercise", "coffee-shop-plan")
    scores = [float(r["score"]) for r in gradebook(out).values() if r["score"]]
    passed = sum(r["passed"] == "yes" for r in gradebook(out).values())
    assert err.splitlines()[0] == (f"coffee-shop-plan: 3 graded, {passed} passed, 3 invalid, "
                                   f"mean score {sum(scores) / 3:.1f} (flat layout).")
    assert "  invalid: broken.xlsx, maria.csv, photo.csv\n" in err
    assert "  skipped: notes.txt (only .csv, .xlsm, .xlsx files are graded)\n  skipped: old/ (an empty folder)\n" in err
    assert "notes" not in gradebook(out)


def test_the_file_has_a_bom_and_a_comma_header_for_excel(capsys, plan_class, tmp_path):
    target = tmp_path / "grades.csv"
    code, out, err = run(capsys, "grade-class", str(plan_class), "--exercise", "coffee-shop-plan",
                         "-o", str(target))
    data = target.read_bytes()
    assert code == 2 and out == ""
    assert data.startswith(BOM + b"learner,lms_id,late,score,passed,status,failed_rules,problems\r\n")
    assert data.count(BOM) == 1
    assert gradebook(data.decode("utf-8")).keys() == {"Ana Silva", "broken", "ivan.petrov", "li.wei",
                                                       "maria", "photo"}
    assert f"Wrote {target}." in err


def test_exit_0_when_every_submission_is_graded_even_if_some_did_not_pass(capsys, tmp_path):
    folder = tmp_path / "class"
    folder.mkdir()
    shutil.copy(PLAN / "reference.csv", folder / "ana.csv")
    shutil.copy(PLAN / "samples" / "honesty.csv", folder / "ivan.csv")
    code, out, _ = run(capsys, "grade-class", str(folder), "--exercise", "coffee-shop-plan")
    rows = gradebook(out)
    assert code == 0
    assert rows["ivan"] == expected_row("ivan", single_file(
        capsys, "plan", str(folder / "ivan.csv"), "--exercise", "coffee-shop-plan"))
    assert rows["ivan"]["passed"] == "no"  # honesty is critical: one bait post fails the plan


@pytest.mark.parametrize("folder, exercise, message", [
    ("missing", "coffee-shop-plan", "there is no folder"),
    ("empty", "coffee-shop-plan", "holds no submission"),
    ("class", "no-such-exercise", "there is no exercise 'no-such-exercise'"),
])
def test_exit_2_for_a_wrong_folder_or_exercise(capsys, tmp_path, folder, exercise, message):
    (tmp_path / "empty").mkdir()
    (tmp_path / "empty" / "readme.txt").write_text("nothing handed in yet", encoding="utf-8")
    (tmp_path / "class").mkdir()
    shutil.copy(PLAN / "reference.csv", tmp_path / "class" / "ana.csv")
    code, out, err = run(capsys, "grade-class", str(tmp_path / folder), "--exercise", exercise)
    assert (code, out) == (2, "")
    assert message in err


def test_a_gradebook_inside_the_class_folder_is_refused(capsys, plan_class):
    code, _, err = run(capsys, "grade-class", str(plan_class), "--exercise", "coffee-shop-plan",
                       "-o", str(plan_class / "grades.csv"))
    assert code == 2 and "outside" in err
    assert not (plan_class / "grades.csv").exists()


def test_two_files_for_one_learner_are_both_invalid(capsys, tmp_path):
    shutil.copy(PLAN / "reference.csv", tmp_path / "Ana.csv")
    shutil.copy(PLAN / "samples" / "workbook.xlsx", tmp_path / "ana.xlsx")
    code, out, _ = run(capsys, "grade-class", str(tmp_path), "--exercise", "coffee-shop-plan")
    rows = gradebook(out)
    assert code == 2
    assert [(r["status"], r["problems"]) for r in rows.values()] == [
        ("invalid", "this learner has 2 submissions (Ana.csv, ana.xlsx); keep one and grade again.")] * 2


def test_a_name_excel_would_run_as_a_formula_is_quoted(capsys, tmp_path):
    shutil.copy(PLAN / "reference.csv", tmp_path / "=HYPERLINK(1).csv")
    _, out, _ = run(capsys, "grade-class", str(tmp_path), "--exercise", "coffee-shop-plan")
    assert list(gradebook(out)) == ["'=HYPERLINK(1)"]


def test_a_learner_name_is_the_file_name_without_extension_in_composed_form():
    # macOS may list 'José' as 'Jose' plus a combining accent.
    claims = read_layout(["ana.silva.xlsx", "Jose\u0301 Garci\u0301a.csv"], "flat").claims
    assert [c.learner for c in claims] == ["ana.silva", "Jos\u00e9 Garc\u00eda"]


def test_json_has_every_learner_with_findings_or_problems(capsys, plan_class):
    code, out, _ = run(capsys, "grade-class", str(plan_class), "--exercise", "coffee-shop-plan", "--json")
    book = json.loads(out)
    assert code == 2
    assert list(book) == ["exercise", "kind", "layout", "learners", "skipped"]
    assert (book["exercise"], book["kind"], book["layout"]) == ("coffee-shop-plan", "plan", "flat")
    assert book["skipped"] == [{"file": "notes.txt", "reason": "only .csv, .xlsm, .xlsx files are graded"},
                               {"file": "old/", "reason": "an empty folder"}]
    learners = {entry["learner"]: entry for entry in book["learners"]}
    ana = single_file(capsys, "plan", str(plan_class / "Ana Silva.csv"), "--exercise", "coffee-shop-plan")
    assert learners["Ana Silva"] == {"learner": "Ana Silva", "lms_id": "", "late": False, "file": "Ana Silva.csv",
                                     "score": ana["score"], "passed": ana["passed"],
                                     "status": "graded", "findings": ana["findings"]}
    maria = single_file(capsys, "plan", str(plan_class / "maria.csv"), "--exercise", "coffee-shop-plan")
    assert learners["maria"] == {"learner": "maria", "lms_id": "", "late": False, "file": "maria.csv",
                                 "score": None, "passed": None, "status": "invalid",
                                 "problems": maria["problems"]}
    assert len(learners["maria"]["problems"]) == 5


def correct_answers(exercise_id: str, learner: str) -> str:
    """An answer sheet with every asked metric computed from the learner's own dataset."""
    exercise = load_exercise(exercise_id)
    ids = asked_metrics(exercise)
    data = dataset_from_text(learner_dataset_csv(exercise, learner), ids)
    return "metric,value\n" + "".join(f"{m},{METRICS[m].value(data):.4f}\n" for m in ids)


def test_kpi_sheets_are_graded_against_each_learners_own_dataset(capsys, tmp_path):
    anna = correct_answers("paid-funnel", "Anna Petrova")
    (tmp_path / "Anna Petrova.csv").write_text(anna, encoding="utf-8")
    # Ivan hands in Anna's sheet: right on her data, wrong on his.
    (tmp_path / "Ivan Sidorov.csv").write_text(anna, encoding="utf-8")
    code, out, err = run(capsys, "grade-class", str(tmp_path), "--exercise", "paid-funnel")
    rows = gradebook(out)
    assert code == 0
    for name in ("Anna Petrova", "Ivan Sidorov"):
        result = single_file(capsys, "kpi", str(tmp_path / f"{name}.csv"), "--learner", name,
                             "--exercise", "paid-funnel")
        assert rows[name] == expected_row(name, result)
    assert (rows["Anna Petrova"]["score"], rows["Anna Petrova"]["passed"]) == ("100", "yes")
    assert rows["Ivan Sidorov"]["passed"] == "no" and rows["Ivan Sidorov"]["failed_rules"]
    assert err.startswith("paid-funnel: 2 graded, 1 passed, 0 invalid, mean score")


def test_a_plan_handed_in_for_a_kpi_exercise_is_invalid_not_zero(capsys, tmp_path):
    shutil.copy(PLAN / "reference.csv", tmp_path / "Anna Petrova.csv")
    code, out, _ = run(capsys, "grade-class", str(tmp_path), "--exercise", "paid-funnel")
    row = gradebook(out)["Anna Petrova"]
    assert code == 2
    assert (row["score"], row["status"]) == ("", "invalid")
    assert row["problems"].startswith("row 1, column 'value'")


def test_encoding_applies_to_every_csv_submission(capsys, tmp_path):
    # Excel on a Russian Windows saves CSV in cp1251; the header is Russian here.
    sheet = correct_answers("paid-funnel", "Anna Petrova").replace("metric,value", "метрика,значение")
    (tmp_path / "Anna Petrova.csv").write_bytes(sheet.encode("cp1251"))
    code, out, _ = run(capsys, "grade-class", str(tmp_path), "--exercise", "paid-funnel")
    assert code == 2 and gradebook(out)["Anna Petrova"]["status"] == "invalid"
    code, out, _ = run(capsys, "grade-class", str(tmp_path), "--exercise", "paid-funnel", "--encoding", "cp1251")
    assert code == 0 and gradebook(out)["Anna Petrova"]["score"] == "100"


def test_an_unknown_encoding_is_a_usage_error_not_a_class_of_invalid_rows(capsys, tmp_path):
    shutil.copy(PLAN / "reference.csv", tmp_path / "ana.csv")
    code, out, err = run(capsys, "grade-class", str(tmp_path), "--exercise", "coffee-shop-plan",
                         "--encoding", "klingon")
    assert (code, out) == (2, "")
    assert "unknown encoding 'klingon'" in err


def test_lock_and_hidden_files_are_skipped_and_a_nameless_file_is_invalid(capsys, tmp_path):
    shutil.copy(PLAN / "reference.csv", tmp_path / "ana.csv")
    (tmp_path / "~$ana.xlsx").write_bytes(b"\x00" * 165)  # what Excel leaves while the file is open
    (tmp_path / ".ana.csv").write_text("date\n", encoding="utf-8")
    shutil.copy(PLAN / "reference.csv", tmp_path / "  .csv")
    code, out, err = run(capsys, "grade-class", str(tmp_path), "--exercise", "coffee-shop-plan")
    rows = list(csv.reader(io.StringIO(out[1:])))[1:]
    assert code == 2
    assert [row[0] for row in rows] == ["", "ana"]
    assert rows[0][5:] == ["invalid", "", "the file name '  .csv' names no learner; rename it after the "
                                          "learner's username."]
    assert "skipped: .ana.csv, ~$ana.xlsx" in err


@pytest.mark.parametrize("change, message", [
    ({"kind": "quiz"}, "'coffee-shop-plan' is a quiz exercise; grade-class grades plan, kpi, "),
    ({"params": {"rubric": {"min_platform": 3}}}, "the exercise 'coffee-shop-plan' is broken: "),
])
def test_an_exercise_that_cannot_be_graded_stops_before_any_file(tmp_path, change, message):
    shutil.copy(PLAN / "reference.csv", tmp_path / "ana.csv")
    with pytest.raises(ClassFolderError, match=re.escape(message)):
        grade_class(tmp_path, replace(load_exercise("coffee-shop-plan"), **change))


def test_grading_a_class_of_csv_files_never_loads_openpyxl_or_tqdm(tmp_path):
    shutil.copy(PLAN / "reference.csv", tmp_path / "ana.csv")
    script = ("import sys; from checker.exercises import load_exercise; from checker.gradebook import grade_class; "
              f"grade_class({str(tmp_path)!r}, load_exercise('coffee-shop-plan'), jobs=2); "
              "print('openpyxl' in sys.modules, 'tqdm' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, cwd=ROOT, check=True)
    assert out.stdout.strip() == "False False"  # the progress bar belongs to the command alone


def test_a_symbolic_link_is_skipped_with_its_reason_never_read(capsys, tmp_path):
    folder = tmp_path / "class"
    folder.mkdir()
    shutil.copy(PLAN / "reference.csv", folder / "ana.csv")
    outside = tmp_path / "outside.csv"
    outside.write_text("date,platform\n2026-12-01,vk\n", encoding="utf-8")
    (folder / "eve.csv").symlink_to("/etc/passwd")
    (folder / "mallory.csv").symlink_to(outside)
    (folder / "trudy").symlink_to(tmp_path)  # a link to a folder, too
    code, out, err = run(capsys, "grade-class", str(folder), "--exercise", "coffee-shop-plan", "--json")
    book = json.loads(out)
    reason = "a symbolic link: only files kept in the folder itself are graded, so copy the file in"
    assert code == 0 and [e["learner"] for e in book["learners"]] == ["ana"]
    assert book["skipped"] == [{"file": name, "reason": reason} for name in ("eve.csv", "mallory.csv", "trudy")]
    assert f"  skipped: eve.csv, mallory.csv, trudy ({reason})" in err and "root:" not in out + err
