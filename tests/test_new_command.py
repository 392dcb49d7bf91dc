"""``smm-check new``: an exercise of every kind, a quiz bank and a lesson, written into a
copy of the course, validate and build at once (one strict build for all of them)."""

from __future__ import annotations

import contextlib
import io
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from checker.cli import main
from checker.kinds import KINDS
from checker.quiz.bank import load_bank
from checker.site.lesson_links import LessonLinks
from checker.site.lessons import nav_paths, page_meta
from lesson_lint import lesson_problems

ROOT = Path(__file__).resolve().parent.parent
TOP_LEFT_OUT = {".git", ".venv", "node_modules", "site", ".stamps", ".pytest_cache"}


def left_out(folder: str, names: list[str]) -> set[str]:
    """What a copy of the course leaves out: the checkout's tools and builds (at the top
    only: checker/site is code), and Python's caches anywhere."""
    skipped = TOP_LEFT_OUT if Path(folder) == ROOT else set()
    return {name for name in names if name in skipped or name == "__pycache__"}


def smm_check(*argv: str) -> tuple[int, str, str]:
    """Run smm-check in-process and return its exit code, output and errors."""
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(list(argv))
    return code, out.getvalue(), err.getvalue()


@pytest.fixture(scope="module")
def course(tmp_path_factory):
    """A copy of the course with a new exercise of every kind, a quiz bank and a lesson,
    and the output of each ``smm-check new``."""
    root = tmp_path_factory.mktemp("course") / "course"
    shutil.copytree(ROOT, root, ignore=left_out, symlinks=True)
    (root / "node_modules").symlink_to(ROOT / "node_modules")  # the build vendors Pyodide from it
    outputs = {}
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("SMM_COURSE_DIR", str(root))
        for kind in KINDS:
            outputs[kind] = smm_check("new", "exercise", f"new-{kind}", "--kind", kind)
        outputs["quiz"] = smm_check("new", "quiz", "extra-practice", "--module", "kpis")
        outputs["lesson"] = smm_check("new", "lesson", "new-lesson", "--module", "strategy", "--topic", "S2")
        outputs["validate"] = smm_check("validate", *(f"new-{kind}" for kind in KINDS))
    return root, outputs


def test_every_kind_gets_an_exercise_that_validates(course):
    root, outputs = course
    for kind in KINDS:
        code, out, err = outputs[kind]
        assert (code, err) == (0, ""), kind
        assert out.startswith(f"Written: exercises/new-{kind}/, docs/exercises/new-{kind}.md, mkdocs.yml")
        assert f"smm-check validate new-{kind}" in out
        toml = (root / "exercises" / f"new-{kind}" / "exercise.toml").read_text(encoding="utf-8")
        assert re.search(rf'(?m)^id = "new-{kind}"$', toml) and f'kind = "{kind}"' in toml
        samples = sorted(p.name for p in (root / "exercises" / f"new-{kind}" / "samples").iterdir())
        assert len(samples) == 2 and samples[0].endswith(".expected.json") != samples[1].endswith(".expected.json")
        page = (root / "docs" / "exercises" / f"new-{kind}.md").read_text(encoding="utf-8")
        assert f'--8<-- "exercises/new-{kind}/brief.md"' in page and f"/// check | new-{kind}" in page
    code, out, _ = outputs["validate"]
    assert code == 0, out
    for kind in KINDS:
        assert f"new-{kind}: ok" in out
    assert out.count("1 of 1 samples give their expected findings") == len(KINDS)


def test_pages_are_in_the_navigation_where_they_belong(course):
    root, _ = course
    nav = nav_paths(root)
    exercises = [p for p in nav if p.startswith("exercises/")]
    assert exercises[-len(KINDS):] == [f"exercises/new-{kind}.md" for kind in KINDS]
    assert nav.index("strategy/new-lesson.md") == nav.index("strategy/quiz.md") - 1
    assert nav.index("kpis/extra-practice.md") == nav.index("kpis/quiz.md") + 1
    original = (ROOT / "mkdocs.yml").read_text(encoding="utf-8").splitlines()
    changed = (root / "mkdocs.yml").read_text(encoding="utf-8").splitlines()
    assert [line for line in changed if line not in original] == [
        "      - strategy/new-lesson.md", "      - kpis/extra-practice.md",
        *(f"      - exercises/new-{kind}.md" for kind in KINDS)]


def test_the_quiz_bank_has_two_valid_questions_linked_to_a_lesson_section(course):
    root, outputs = course
    assert outputs["quiz"][0] == 0
    bank = load_bank("extra-practice", root, LessonLinks(root / "docs").check)
    assert len(bank.questions) == 2
    assert "/// quiz | extra-practice" in (root / "docs" / "kpis" / "extra-practice.md").read_text(encoding="utf-8")


def test_the_lesson_has_valid_front_matter_and_only_its_prose_to_write(course):
    root, outputs = course
    assert outputs["lesson"][0] == 0
    meta = page_meta(root / "docs", "strategy/new-lesson.md")
    assert meta["topics"] == ["S2"] and meta["quiz"] == "strategy"
    problems = lesson_problems(root / "docs" / "strategy" / "new-lesson.md")
    # What is left is the author's: the lesson's prose.
    assert len(problems) == 1 and "words of prose" in problems[0], problems


def test_the_new_material_builds_strictly(course):
    root, _ = course
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(root / "site")],
                            cwd=root, capture_output=True, text=True, env={**os.environ, "SMM_COURSE_DIR": str(root)})
    assert result.returncode == 0 and "WARNING" not in result.stderr, result.stderr[-3000:]
    for page in [*(f"exercises/new-{kind}" for kind in KINDS), "kpis/extra-practice", "strategy/new-lesson"]:
        assert (root / "site" / page / "index.html").is_file(), page


@pytest.mark.parametrize("argv, message", [
    (["exercise", "coffee-shop-plan", "--kind", "plan"], "exercises/coffee-shop-plan, docs/exercises/coffee-shop-plan.md already exists"),
    (["exercise", "Bad_Id", "--kind", "plan"], "'Bad_Id' is not a valid exercise id"),
    (["exercise", "fresh"], "a new exercise needs --kind"),
    (["quiz", "fresh", "--module", "nope"], "there is no module 'nope'; the modules are profession"),
    (["lesson", "fresh", "--module", "kpis", "--topic", "R1"], "the module 'kpis' has no topic 'R1'"),
    (["lesson", "../escape", "--module", "kpis"], "'../escape' is not a valid lesson id"),
])
def test_a_request_it_cannot_act_on_is_a_usage_error_and_writes_nothing(monkeypatch, tmp_path, argv, message):
    root = tmp_path / "course"
    shutil.copytree(ROOT, root, ignore=left_out, symlinks=True)
    monkeypatch.setenv("SMM_COURSE_DIR", str(root))
    before = sorted(p for p in root.rglob("*"))
    code, out, err = smm_check("new", *argv)
    assert (code, out) == (2, "") and message in err
    assert sorted(p for p in root.rglob("*")) == before
    assert (root / "mkdocs.yml").read_text(encoding="utf-8") == (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
