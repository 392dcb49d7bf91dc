"""``smm-check plan`` and ``smm-check validate`` as a learner and an instructor use them:
exit codes, the JSON contract, readable reports, golden samples, and a grading core that
needs nothing beyond the standard library."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from openpyxl import load_workbook

from checker.cli import main
from checker.data import load
from checker.exercises import load_exercise
from checker.plan.exercise import exercise_rubric

ROOT = Path(__file__).resolve().parent.parent
EXERCISES = ROOT / "exercises"
PLAN_EXERCISES = ["content-plan", "coffee-shop-plan", "b2b-software-plan", "course-launch-plan"]


def run(capsys, *args: str) -> tuple[int, str, str]:
    """Exit code, stdout and stderr of ``smm-check`` with ``args``."""
    code = main(list(args))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_reference_passes_with_exit_0_and_full_json(capsys):
    code, out, _ = run(capsys, "plan", str(EXERCISES / "coffee-shop-plan/reference.csv"),
                       "--exercise", "coffee-shop-plan", "--json")
    result = json.loads(out)
    assert code == 0
    assert list(result) == ["exercise", "kind", "passed", "score", "threshold", "findings"]
    assert (result["exercise"], result["kind"], result["passed"], result["score"], result["threshold"]) == (
        "coffee-shop-plan", "plan", True, 100.0, 70.0)
    assert [f["rule"] for f in result["findings"]] == list(load("plan_rubric.toml")["weights"])
    assert all(set(f) == {"rule", "status", "message", "rows"} for f in result["findings"])


def test_graded_but_not_passed_exits_1(capsys):
    sample = EXERCISES / "coffee-shop-plan/samples/honesty.csv"
    code, out, _ = run(capsys, "plan", str(sample), "--exercise", "coffee-shop-plan", "--json")
    result = json.loads(out)
    assert code == 1 and result["passed"] is False and result["score"] >= result["threshold"]


def test_readable_report_lists_failures_first(capsys):
    sample = EXERCISES / "content-plan/samples/horizon.csv"
    code, out, _ = run(capsys, "plan", str(sample))
    lines = [line for line in out.splitlines() if line.startswith("[")]
    assert code in (0, 1)
    assert out.startswith("content-plan: ")
    assert lines[0].startswith("[FAIL] plan.horizon")
    assert len(lines) == len(load("plan_rubric.toml")["weights"])  # optional rules run where weighed
    statuses = [line[1:5] for line in lines]
    assert statuses == sorted(statuses, key=["FAIL", "WARN", "PASS"].index)


def test_invalid_input_exits_2_with_every_problem_in_json(capsys):
    sample = EXERCISES / "coffee-shop-plan/samples/typos.csv"
    code, out, _ = run(capsys, "plan", str(sample), "--json")
    result = json.loads(out)
    assert code == 2 and result["error"] == "invalid-input"
    assert [(p["row"], p["column"]) for p in result["problems"]] == [
        (3, "platform"), (4, "date"), (5, "date"), (6, "copy"), (7, "kpi")]
    assert all(set(p) == {"row", "column", "message"} for p in result["problems"])


def test_invalid_input_readable(capsys):
    code, out, _ = run(capsys, "plan", str(EXERCISES / "coffee-shop-plan/samples/typos.csv"))
    assert code == 2
    assert "5 problems to fix" in out and "row 3, column 'platform'" in out and "Did you mean 'instagram'?" in out


@pytest.mark.parametrize("content", [b"", b"date,platform\n", bytes(range(256)), b"a" * (5 * 1024 * 1024 + 1)])
def test_unreadable_files_exit_2_without_traceback(tmp_path, capsys, content):
    path = tmp_path / "plan.csv"
    path.write_bytes(content)
    code, out, err = run(capsys, "plan", str(path), "--json")
    assert code == 2 and json.loads(out)["error"] == "invalid-input" and "Traceback" not in err


def test_missing_file_exits_2(capsys):
    code, out, _ = run(capsys, "plan", "no-such-plan.csv", "--json")
    assert code == 2 and "there is no file" in json.loads(out)["problems"][0]["message"]


def test_unknown_exercise_is_a_usage_error(capsys):
    code, out, err = run(capsys, "plan", str(EXERCISES / "content-plan/reference.csv"), "--exercise", "nope")
    assert code == 2 and "there is no exercise 'nope'" in err
    code, out, _ = run(capsys, "plan", str(EXERCISES / "content-plan/reference.csv"), "--exercise", "nope", "--json")
    assert code == 2 and json.loads(out)["error"] == "usage"


def test_encoding_option(tmp_path, capsys):
    text = (EXERCISES / "coffee-shop-plan/reference.csv").read_text(encoding="utf-8")
    path = tmp_path / "plan.csv"
    path.write_bytes(text.encode("cp1251", errors="replace"))  # keeps the Cyrillic, loses é
    code, out, _ = run(capsys, "plan", str(path), "--exercise", "coffee-shop-plan", "--json")
    assert code == 2 and "--encoding" in json.loads(out)["problems"][0]["message"]
    code, out, _ = run(capsys, "plan", str(path), "--exercise", "coffee-shop-plan", "--json", "--encoding", "cp1251")
    assert code == 0 and json.loads(out)["passed"] is True


def test_real_world_excel_csv_and_workbook(capsys):
    samples = EXERCISES / "coffee-shop-plan/samples"
    raw = (samples / "excel-semicolon.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf") and b";" in raw.split(b"\r\n")[0] and b"01.12.2026" in raw
    code, out, _ = run(capsys, "plan", str(samples / "excel-semicolon.csv"), "--exercise", "coffee-shop-plan", "--json")
    findings = {f["rule"]: f for f in json.loads(out)["findings"]}
    assert code == 0 and findings["plan.goal-kpi"]["rows"] == [4]
    code, out, _ = run(capsys, "plan", str(samples / "workbook.xlsx"), "--exercise", "coffee-shop-plan", "--json")
    assert code == 0 and json.loads(out)["score"] == 100.0


def test_the_command_runs_as_a_script():
    result = subprocess.run([sys.executable, "-m", "checker.cli", "plan",
                             str(EXERCISES / "content-plan/reference.csv"), "--json"],
                            capture_output=True, text=True, cwd=ROOT)
    assert result.returncode == 0 and json.loads(result.stdout)["passed"] is True


# smm-check validate

def test_validate_every_plan_exercise(capsys):
    code, out, _ = run(capsys, "validate", *PLAN_EXERCISES)
    assert code == 0, out
    for exercise_id in PLAN_EXERCISES:
        assert f"{exercise_id}: ok" in out
    assert "17 of 17 samples give their expected findings" in out  # the coffee shop


def test_every_plan_exercise_has_a_known_bad_sample_per_rule():
    for exercise_id in PLAN_EXERCISES:
        tested = set()
        for golden in (EXERCISES / exercise_id / "samples").glob("*.expected.json"):
            tested |= {f["rule"] for f in json.loads(golden.read_text())["findings"] if f["status"] != "pass"} \
                if "findings" in json.loads(golden.read_text()) else set()
        assert tested == set(exercise_rubric(load_exercise(exercise_id)).weights), exercise_id


@pytest.fixture
def course(tmp_path, monkeypatch):
    """A copy of the course's exercises that a test may break."""
    shutil.copytree(EXERCISES / "content-plan", tmp_path / "exercises" / "content-plan")
    (tmp_path / "mkdocs.yml").write_text("site_name: test\n")
    monkeypatch.setenv("SMM_COURSE_DIR", str(tmp_path))
    return tmp_path / "exercises" / "content-plan"


def test_validate_reports_a_golden_mismatch_with_exit_1(course, capsys):
    golden = course / "samples/cta.expected.json"
    expected = json.loads(golden.read_text())
    expected["findings"][0]["rows"] = [99]
    golden.write_text(json.dumps(expected))
    code, out, _ = run(capsys, "validate", "content-plan")
    assert code == 1 and "MISMATCH" in out and "plan.cta: expected rows [99]" in out


def test_validate_reports_a_reference_that_fails_with_exit_1(course, capsys):
    shutil.copy(course / "samples/honesty.csv", course / "reference.csv")
    code, out, _ = run(capsys, "validate", "content-plan")
    assert code == 1 and "reference.csv does not pass" in out and "plan.honesty" in out


@pytest.mark.parametrize("breakage, words", [
    (lambda c: (c / "brief.md").unlink(), "brief.md is missing"),
    (lambda c: (c / "samples/cta.expected.json").unlink(), "has no golden file"),
    (lambda c: (c / "samples/cta.expected.json").write_text("{oops"), "not valid JSON"),
    (lambda c: (c / "exercise.toml").write_text('kind = "plan"\ntitle = "x"\n[rubric]\nmin_dayz = 3\n'),
     "unknown parameter 'min_dayz'"),
    (lambda c: (c / "exercise.toml").write_text('kind = "essay"\ntitle = "x"\n'), "unknown kind 'essay'"),
    (lambda c: (c / "reference.csv").write_text("date\n2026-12-01\n"), "cannot be graded"),
])
def test_validate_reports_a_broken_folder_with_exit_2(course, capsys, breakage, words):
    breakage(course)
    code, out, _ = run(capsys, "validate", "content-plan")
    assert code == 2 and "BROKEN" in out and words in out


def test_validate_unknown_id(capsys, course):
    code, out, _ = run(capsys, "validate", "no-such-exercise")
    assert code == 2 and "there is no exercise 'no-such-exercise'" in out


# starters and pages

@pytest.mark.parametrize("exercise_id", PLAN_EXERCISES)
def test_starter_workbook_offers_the_vocabularies_as_dropdowns(exercise_id):
    book = load_workbook(EXERCISES / exercise_id / "starter.xlsx")
    sheet = book.worksheets[0]
    header = [c.value for c in sheet[1]]
    assert header[:8] == ["date", "platform", "format", "category", "goal", "kpi", "copy", "time"]
    lists = {v.formula1 for v in sheet.data_validations.dataValidation if v.type == "list"}
    assert len(lists) == 5
    vocab = book["Vocabularies"]
    assert "instagram" in [c.value for c in vocab["A"]]
    assert (EXERCISES / exercise_id / "starter.csv").read_text().splitlines()[0].startswith("date,platform,format")


@pytest.mark.parametrize("exercise_id", PLAN_EXERCISES)
def test_exercise_page_includes_brief_and_rubric(exercise_id):
    page = (ROOT / "docs/exercises" / f"{exercise_id}.md").read_text()
    assert page.startswith("---\ntitle: ")
    assert (f'\n--8<-- "exercises/{exercise_id}/brief.md"\n\n## Check your work\n\n/// check | {exercise_id}\n///\n\n'
            f'/// rubric | {exercise_id}\n///\n') in page
    brief = (EXERCISES / exercise_id / "brief.md").read_text()
    assert brief.startswith("## ") and f"smm-check plan" in brief and "\n# " not in brief


# the grading core stays standard-library only

def test_grading_core_imports_only_the_standard_library():
    code = (
        "import sys\n"
        "import checker.plan.grade, checker.plan.exercise, checker.grading_command, checker.validate\n"
        "import checker.tables, checker.report, checker.problems, checker.exercises\n"
        "from checker.plan.rubric import rubric\n"
        "from checker.plan.grade import grade_table\n"
        "from checker.tables import parse_bytes\n"
        "grade_table(parse_bytes(open(sys.argv[1], 'rb').read(), 'plan.csv'), 'content-plan', rubric())\n"
        "outside = {m.split('.')[0] for m in sys.modules} - set(sys.stdlib_module_names)\n"
        "print(','.join(sorted(outside - {'checker', '__main__'})))\n"
    )
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    # -S: no site hooks (editable-install finders), so only what the code imports shows.
    result = subprocess.run([sys.executable, "-S", "-c", code, str(EXERCISES / "content-plan/reference.csv")],
                            capture_output=True, text=True, env=env, cwd=ROOT)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == ""


def test_plan_refuses_a_kpi_exercise_and_a_broken_rubric(capsys, course):
    reference = str(course / "reference.csv")
    code, out, _ = run(capsys, "plan", reference, "--exercise", "content-plan", "--json")
    assert code == 0
    (course / "exercise.toml").write_text('kind = "kpi"\ntitle = "x"\n')
    code, out, _ = run(capsys, "plan", reference, "--exercise", "content-plan", "--json")
    assert code == 2 and "smm-check kpi" in json.loads(out)["message"]
    (course / "exercise.toml").write_text('kind = "plan"\ntitle = "x"\n[rubric]\nmix_tolerance = "ten"\n')
    code, out, _ = run(capsys, "plan", reference, "--exercise", "content-plan", "--json")
    assert code == 2 and "mix_tolerance" in json.loads(out)["message"]
