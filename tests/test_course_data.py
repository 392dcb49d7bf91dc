"""``smm-check validate`` checks the course's data files against each other and the code
before any exercise, and the grading commands refuse data that do not hold together: a
slip is a message naming the file and the key, exit 2, never a traceback while grading.
Each slip is made once in a copy of ``checker/data``; the recipes of CONTRIBUTING.md
(add a platform, a plan rule, a KPI metric) are walked through the same way."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from checker import browser, data_checks
from checker.cli import main
from checker.exercises import load_exercise
from checker.gradebook import ClassFolderError, grade_class
from checker.kpi.metrics import METRICS, Ratio, columns, declare
from checker.plan import rubric as plan_rubric
from checker.plan.rules import RULES, Rule, Verdict
from checker.validate import data_problems

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "checker" / "data"
REFERENCE = ROOT / "exercises" / "content-plan" / "reference.csv"
BLUESKY = """
[bluesky]
name = "Bluesky"
[bluesky.length]
limit = 300
counting = "characters"
source = "Bluesky documentation: a post holds up to 300 characters"
checked = 2026-12-06
[bluesky.formats]
exist = ["text", "image", "video", "link"]
source = "Bluesky: text posts with up to four images, a video or a link card"
checked = 2026-12-06
"""


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def data(tmp_path, monkeypatch) -> Path:
    """A copy of ``checker/data`` that validate and the grading commands check instead."""
    folder = tmp_path / "data"
    shutil.copytree(DATA, folder, ignore=shutil.ignore_patterns("*.py", "__pycache__"))
    monkeypatch.setattr(data_checks, "FOLDER", folder)
    return folder


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_the_course_data_holds_together(capsys):
    assert data_problems() == []
    code, out, _ = run(capsys, "validate", "content-plan")
    assert code == 0 and out.startswith("course data: ok\n")


def test_a_platform_in_the_vocabulary_alone_is_named_not_a_traceback(data, capsys):
    edit(data / "vocabulary.toml", "[platform]\n", '[platform]\nbluesky = ["bsky"]\n')
    slip = ("checker/data/platforms.toml: [bluesky] is missing: checker/data/vocabulary.toml [platform] lists "
            "'bluesky', so it needs a name and [bluesky.formats] here")
    code, out, err = run(capsys, "validate")
    assert code == 2 and out.startswith(f"course data: BROKEN\n  - {slip}") and "Traceback" not in out + err
    # Grading refuses the data with the same message, wherever it is asked.
    code, out, _ = run(capsys, "plan", str(REFERENCE), "--json")
    assert code == 2 and json.loads(out)["error"] == "usage" and slip in json.loads(out)["message"]
    answer = browser.grade("plan", "content-plan", "plan.csv", REFERENCE.read_bytes())
    assert answer["error"] == "usage" and slip in answer["message"]
    with pytest.raises(ClassFolderError, match=r"\[bluesky\] is missing"):
        grade_class(REFERENCE.parent, load_exercise("content-plan"))


# How to add a platform: one entry in each data file; leaving out either is named.

@pytest.mark.parametrize("files, slip", [
    (("vocabulary.toml", "platforms.toml"), None),
    (("vocabulary.toml",), "checker/data/platforms.toml: [bluesky] is missing"),
    (("platforms.toml",), "checker/data/platforms.toml: [bluesky] is not a platform of "
                          "checker/data/vocabulary.toml [platform]"),
])
def test_adding_a_platform(data, capsys, files, slip):
    if "vocabulary.toml" in files:
        edit(data / "vocabulary.toml", "[platform]\n", '[platform]\nbluesky = ["bsky", "блюскай"]\n')
    if "platforms.toml" in files:
        (data / "platforms.toml").write_text((data / "platforms.toml").read_text(encoding="utf-8") + BLUESKY,
                                             encoding="utf-8")
    code, out, _ = run(capsys, "validate", "content-plan")
    if slip is None:
        assert code == 0 and out.startswith("course data: ok\n"), out
    else:
        assert code == 2 and f"  - {slip}" in out


@pytest.mark.parametrize("old, new, slip", [
    ('[tiktok.formats]\nexist = ["short-video", ', '[tiktok.formats]\nexist = ["short-video", "hologram", ',
     "checker/data/platforms.toml: [tiktok.formats] exist names 'hologram', which is not a format of "
     "checker/data/vocabulary.toml [format]."),
    ('counting = "utf16"', 'counting = "bytes"',
     "checker/data/platforms.toml: [telegram.length] counting must be one of characters, utf16, x-weighted."),
    ('kind = "advice"', 'kind = "hint"',
     "checker/data/platforms.toml: [vk.hashtags] kind must be one of limit, advice."),
    ('[youtube.length]\nlimit = 5000', '[youtube.length]\nlimit = "5000"',
     "checker/data/platforms.toml: [youtube.length] limit must be a whole number of characters above 0."),
    ('[facebook]\nname = "Facebook"\n', '[facebook]\n',
     "checker/data/platforms.toml: [facebook] name is missing"),
])
def test_a_platform_limit_or_format_slip_is_named(data, capsys, old, new, slip):
    edit(data / "platforms.toml", old, new)
    code, out, _ = run(capsys, "validate", "content-plan")
    assert code == 2 and f"  - {slip}" in out


def test_a_goal_without_its_kpis_is_named(data, capsys):
    edit(data / "vocabulary.toml", "[goal]\n", '[goal]\nfame = ["glory"]\n')
    code, out, _ = run(capsys, "validate")
    assert code == 2
    assert "  - checker/data/vocabulary.toml: [goal_kpis] fame is missing: list the KPIs that measure this goal." in out


def test_a_spelling_of_two_values_is_named(data, capsys):
    edit(data / "vocabulary.toml", 'tiktok = ["tik tok"', 'tiktok = ["insta", "tik tok"')
    code, out, _ = run(capsys, "validate")
    assert code == 2
    assert "  - checker/data/vocabulary.toml: [platform] 'insta' names both instagram and tiktok; keep it under one." in out


def test_a_data_file_that_is_not_toml_is_named(data, capsys):
    edit(data / "plan_rubric.toml", "threshold = 70", "threshold = = 70")
    code, out, _ = run(capsys, "validate")
    assert code == 2 and "  - checker/data/plan_rubric.toml: not valid TOML: " in out


# How to add a plan rule: the rule, its weight (or 'optional'); a rule without either is named.

def toy_rule(posts, rubric, *_texts) -> Verdict:
    """Every plan says something."""
    return Verdict("pass" if posts else "fail", "The plan says something.")


def test_a_rule_without_a_weight_is_named(data, capsys):
    edit(data / "plan_rubric.toml", '"plan.bait" = 4\n', "")
    slip = 'checker/data/plan_rubric.toml: [weights] "plan.bait" is missing: the rule is registered'
    code, out, _ = run(capsys, "validate")
    assert code == 2 and f"  - {slip}" in out
    code, out, _ = run(capsys, "plan", str(REFERENCE), "--json")
    assert code == 2 and slip in json.loads(out)["message"]
    # Declared optional, it runs only where an exercise weighs it: nothing is wrong.
    edit(data / "plan_rubric.toml", 'optional = ["plan.utm"]', 'optional = ["plan.utm", "plan.bait"]')
    code, out, _ = run(capsys, "validate", "content-plan")
    assert code == 0, out


def test_a_weight_for_no_rule_is_named(data, capsys):
    edit(data / "plan_rubric.toml", '"plan.bait" = 4\n', '"plan.bait" = 4\n"plan.clickbait" = 2\n')
    code, out, _ = run(capsys, "validate")
    assert code == 2 and '  - checker/data/plan_rubric.toml: [weights] "plan.clickbait" is not a registered rule' in out


def test_adding_a_plan_rule(data, capsys, monkeypatch):
    monkeypatch.setitem(RULES, "plan.toy", Rule("plan.toy", "The plan says something", False, toy_rule))
    code, out, _ = run(capsys, "validate")
    assert code == 2 and '  - checker/data/plan_rubric.toml: [weights] "plan.toy" is missing' in out
    edit(data / "plan_rubric.toml", '"plan.bait" = 4\n', '"plan.bait" = 4\n"plan.toy" = 5\n')
    code, out, _ = run(capsys, "validate", "content-plan")
    assert code == 0 and out.startswith("course data: ok\n"), out
    # Graded with that rubric, the plan gets the new rule's finding, weighed into the score.
    monkeypatch.setattr(plan_rubric, "load", data_checks.read)
    code, out, _ = run(capsys, "plan", str(REFERENCE), "--json")
    findings = {f["rule"]: f for f in json.loads(out)["findings"]}
    assert code == 0 and findings["plan.toy"] == {"rule": "plan.toy", "status": "pass",
                                                  "message": "The plan says something.", "rows": []}


# How to add a KPI metric: its computation in checker/kpi/metrics.py, its entry in metrics.toml.

TOY_METRIC = """
[metrics.share_rate]
title = "Share rate"
names = ["shares per reach"]
unit = "%"
formula = "total shares / total reach × 100"
lesson = "docs/kpis/engagement-metrics.md"
"""


@pytest.mark.parametrize("declared, described, slip", [
    (True, True, None),
    (False, True, "checker/data/metrics.toml: [metrics.share_rate] has no metric declared under that id "
                  "in checker/kpi/metrics.py"),
    (True, False, "checker/data/metrics.toml: [metrics.share_rate] is missing: checker/kpi/metrics.py "
                  "declares the metric"),
])
def test_adding_a_kpi_metric(data, capsys, monkeypatch, declared, described, slip):
    if declared:
        monkeypatch.setitem(METRICS, "share_rate", None)  # so that it is removed afterwards
        declare("share_rate", Ratio(columns("shares"), columns("reach"), 100),
                "How often a person reached passed the post on.")
    if described:
        edit(data / "metrics.toml", "[tolerance]", TOY_METRIC.lstrip() + "\n[tolerance]")
    code, out, _ = run(capsys, "validate", "paid-funnel")
    if slip is None:
        assert code == 0 and out.startswith("course data: ok\n"), out
    else:
        assert code == 2 and f"  - {slip}" in out


def test_a_metric_entry_missing_a_field_is_named(data, capsys):
    edit(data / "metrics.toml", 'unit = "money"\nformula = "total spend / total clicks"',
         'formula = "total spend / total clicks"')
    code, out, _ = run(capsys, "validate")
    assert code == 2 and "  - checker/data/metrics.toml: [metrics.cpc] unit is missing: a line of text." in out


# Exercise files: every rubric parameter known, every kind real, named by file and key.

@pytest.fixture
def course(tmp_path, monkeypatch) -> Path:
    """A copy of one exercise folder that a test may break."""
    shutil.copytree(ROOT / "exercises" / "content-plan", tmp_path / "exercises" / "content-plan")
    (tmp_path / "mkdocs.yml").write_text("site_name: test\n", encoding="utf-8")
    monkeypatch.setenv("SMM_COURSE_DIR", str(tmp_path))
    return tmp_path / "exercises" / "content-plan"


@pytest.mark.parametrize("toml, slip", [
    ('kind = "plan"\ntitle = "x"\n[rubric]\nmin_dayz = 3\n',
     "exercises/content-plan/exercise.toml: [rubric] has an unknown parameter 'min_dayz'; known: "),
    ('kind = "plan"\ntitle = "x"\n[rubric.weights]\n"plan.tone" = 3\n',
     "exercises/content-plan/exercise.toml: [rubric.weights] names an unknown rule 'plan.tone'"),
    ('kind = "essay"\ntitle = "x"\n',
     "exercises/content-plan/exercise.toml: kind names an unknown kind 'essay'; the kinds are "),
    ('title = "x"\n', "exercises/content-plan/exercise.toml: kind is missing"),
    ('kind = "plan"\ntitle = "x"\nthreshold = "high"\n',
     "exercises/content-plan/exercise.toml: threshold must be the pass mark"),
])
def test_an_exercise_toml_slip_is_named_by_file_and_key(course, capsys, toml, slip):
    (course / "exercise.toml").write_text(toml, encoding="utf-8")
    code, out, err = run(capsys, "validate")
    assert code == 2 and f"content-plan: BROKEN\n  - {slip}" in out and "Traceback" not in out + err


def test_a_broken_data_file_the_commands_load_is_named_not_a_traceback(data):
    # In a fresh process, with the data folder pointed at the copy before anything loads it.
    edit(data / "metrics.toml", "[tolerance]", "[tolerance")
    script = ("import pathlib, sys, checker.data; checker.data.FOLDER = pathlib.Path(sys.argv[1]); "
              "from checker.cli import main; sys.exit(main(['validate']))")
    result = subprocess.run([sys.executable, "-c", script, str(data)], capture_output=True, text=True, cwd=ROOT)
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert result.stderr.startswith("smm-check: checker/data/metrics.toml: not valid TOML: ")
