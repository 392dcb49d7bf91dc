"""The exercise-kind registry walked through as CONTRIBUTING.md's recipe "How to add an
exercise kind" tells: a toy kind, declared in this module and registered with one line,
and an exercise folder of that kind, are validated, graded by its own ``smm-check``
command, by ``grade-class`` and by the browser entry point, and get a check panel."""

from __future__ import annotations

import csv
import io
import json
import re
import zipfile
from html import unescape
from pathlib import Path

import markdown
import pytest

from checker import browser, kinds
from checker.cli import main
from checker.exercises import Exercise
from checker.kinds import ExerciseKind, Panel, Submission
from checker.problems import InputProblem, InvalidInput
from checker.report import Finding, Result
from checker.site import build

ROOT = Path(__file__).resolve().parent.parent


# Step 1 of the recipe: a module providing the kind (here, this test module).

def check_toy(exercise: Exercise) -> list[str]:
    """A toy exercise takes no settings."""
    return [f"it has unknown keys: {', '.join(sorted(exercise.params))}."] if exercise.params else []


def grade_toy(exercise: Exercise, submission: Submission) -> Result:
    """One column, ``word``; every row should greet."""
    rows = list(csv.reader(io.StringIO(Path(submission.path).read_text(encoding="utf-8"))))
    if not rows or rows[0] != ["word"]:
        raise InvalidInput([InputProblem(1, None, "the header must be 'word'.")])
    wrong = [number for number, row in enumerate(rows[1:], start=2) if row != ["hello"]]
    score = round(100 * (len(rows) - 1 - len(wrong)) / max(len(rows) - 1, 1), 1)
    finding = (Finding("toy.greeting", "fail", "Greet on every row.", wrong) if wrong
               else Finding("toy.greeting", "pass", "Every row greets.", []))
    return Result(exercise.id, "toy", score, exercise.threshold, score >= exercise.threshold, [finding])


def toy_rubric(exercise: Exercise, link) -> list[str]:
    """The rubric page's lines."""
    return [f"Every row says hello; it passes at **{exercise.threshold:g}**."]


KIND = ExerciseKind(
    name="toy", title="Greetings", help="grade a list of greetings", description="Grade greetings.",
    file_help="a CSV with a word column", default_exercise=None,
    required_files=("brief.md", "reference.csv"), reference="reference.csv", finding_fields=("rows",),
    downloads={"reference.csv": "A greeting (CSV)"},
    panel=Panel(file_label="kpi_file", run_label="check_answers"),
    check=check_toy, grade=grade_toy, rubric=toy_rubric,
)


@pytest.fixture
def toy_course(tmp_path, monkeypatch) -> Path:
    """Step 2, the registry line, and step 3, an exercise folder of the kind."""
    monkeypatch.setitem(kinds.KINDS, "toy", __name__)
    folder = tmp_path / "exercises" / "greetings"
    (folder / "samples").mkdir(parents=True)
    (folder / "exercise.toml").write_text('kind = "toy"\ntitle = "Say hello"\nthreshold = 75\n', encoding="utf-8")
    (folder / "brief.md").write_text("## Say hello\n", encoding="utf-8")
    (folder / "reference.csv").write_text("word\nhello\nhello\n", encoding="utf-8")
    (folder / "samples" / "rude.csv").write_text("word\nhello\nbye\nhello\n", encoding="utf-8")
    (folder / "samples" / "rude.expected.json").write_text(json.dumps(
        {"passed": False, "findings": [{"rule": "toy.greeting", "status": "fail", "rows": [3]}]}), encoding="utf-8")
    (folder / "samples" / "headless.csv").write_text("hello\n", encoding="utf-8")
    (folder / "samples" / "headless.expected.json").write_text(json.dumps(
        {"error": "invalid-input", "problems": [{"row": 1, "column": None}]}), encoding="utf-8")
    (tmp_path / "mkdocs.yml").write_text("site_name: test\n", encoding="utf-8")
    monkeypatch.setenv("SMM_COURSE_DIR", str(tmp_path))
    return tmp_path


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_the_toy_kind_is_validated_with_its_golden_samples(toy_course, capsys):
    code, out, _ = run(capsys, "validate")
    assert code == 0, out
    assert "greetings: ok\n  - reference.csv passes with 100\n  - 2 of 2 samples give their expected findings" in out


def test_validate_compares_the_toy_kinds_finding_fields(toy_course, capsys):
    golden = toy_course / "exercises/greetings/samples/rude.expected.json"
    golden.write_text(golden.read_text().replace("[3]", "[2]"))
    code, out, _ = run(capsys, "validate", "greetings")
    assert code == 1 and "samples/rude.csv: toy.greeting: expected rows [2], got [3]" in out


def test_the_toy_kind_has_its_own_command(toy_course, capsys):
    sample = str(toy_course / "exercises/greetings/samples/rude.csv")
    code, out, _ = run(capsys, "toy", sample, "--exercise", "greetings", "--json")
    assert code == 1
    assert json.loads(out) == {"exercise": "greetings", "kind": "toy", "passed": False, "score": 66.7,
                               "threshold": 75.0, "findings": [{"rule": "toy.greeting", "status": "fail",
                                                                "message": "Greet on every row.", "rows": [3]}]}
    code, out, _ = run(capsys, "toy", str(toy_course / "exercises/greetings/samples/headless.csv"),
                       "--exercise", "greetings", "--json")
    assert code == 2 and json.loads(out)["error"] == "invalid-input"
    code, out, _ = run(capsys, "plan", sample, "--exercise", "greetings", "--json")
    assert code == 2 and json.loads(out)["message"] == ("'greetings' is a toy exercise, not a plan one; "
                                                        "grade it with 'smm-check toy'.")


def test_grade_class_grades_the_toy_kind(toy_course, tmp_path, capsys):
    folder = tmp_path / "class"
    folder.mkdir()
    (folder / "ana.csv").write_text("word\nhello\n", encoding="utf-8")
    (folder / "ivan.csv").write_text("word\nbye\n", encoding="utf-8")
    code, out, _ = run(capsys, "grade-class", str(folder), "--exercise", "greetings", "--json")
    book = json.loads(out)
    assert code == 0 and book["kind"] == "toy"
    assert [(e["learner"], e["score"], e["passed"]) for e in book["learners"]] == [("ana", 100.0, True),
                                                                                  ("ivan", 0.0, False)]


def test_the_browser_grades_the_toy_kind_as_the_cli_does(toy_course, capsys):
    sample = toy_course / "exercises/greetings/samples/rude.csv"
    _, out, _ = run(capsys, "toy", str(sample), "--exercise", "greetings", "--json")
    assert browser.grade("toy", "greetings", "rude.csv", sample.read_bytes()) == json.loads(out)


def test_the_toy_kind_gets_a_check_panel_and_a_rubric(toy_course):
    md = markdown.Markdown(extensions=["checker.site.directives"],
                           extension_configs={"checker.site.directives": {"root": str(toy_course)}})
    html = md.convert("/// check | greetings\n///\n\n/// rubric | greetings\n///\n")
    data = json.loads(unescape(re.search(r'data-smm="([^"]*)"', html).group(1)))
    assert (data["exercise"], data["kind"]) == ("greetings", "toy")
    assert '<label for="smm-check-greetings-file">Your answer sheet (CSV or Excel .xlsx)</label>' in html
    assert ">Check my answers</button>" in html and "smm-cp-learner" not in html
    assert "Every row says hello; it passes at <strong>75</strong>." in html
    assert "A greeting (CSV)" in html


def test_the_site_build_offers_the_toy_kinds_downloads_and_bundles_its_exercise(toy_course):
    files = build.site_files(toy_course, ROOT / "node_modules")
    assert [name for name in files if name.startswith("exercises/")] == ["exercises/greetings/reference.csv"]
    bundled = zipfile.ZipFile(io.BytesIO(files[build.CHECKER_BUNDLE])).namelist()
    assert [name for name in bundled if name.startswith("exercises/")] == ["exercises/greetings/exercise.toml"]


def test_an_exercise_of_an_unregistered_kind_is_broken(toy_course, capsys, monkeypatch):
    monkeypatch.delitem(kinds.KINDS, "toy")
    code, out, _ = run(capsys, "validate", "greetings")
    assert code == 2
    assert (f"exercises/greetings/exercise.toml: kind names an unknown kind 'toy'; the kinds are "
            f"{', '.join(kinds.KINDS)} (checker/kinds.py).") in out
    # The site's build step stops on it too, naming the file.
    with pytest.raises(build.BuildStepError, match="^exercises/greetings/exercise.toml: there is no exercise kind 'toy'"):
        build.site_files(toy_course, ROOT / "node_modules")
