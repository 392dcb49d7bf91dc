"""The check panel's build side: the ``/// check`` directive's HTML, the vendored Pyodide
runtime and the grader bundle (``checker.zip``) in the built site."""

from __future__ import annotations

import dataclasses
import hashlib
import io
import json
import re
import zipfile
from html import unescape

import markdown
import pytest

from checker.kinds import Panel, all_kinds, course_exercises, exercise_kind
from checker.site import bundle
from checker.site.check_panel import STRINGS
from checker.site.directives import DirectiveError
from checker.site.build import CHECKER_BUNDLE, PYODIDE_FILES

EXERCISE_PAGES = ["content-plan", "coffee-shop-plan", "b2b-software-plan", "course-launch-plan",
                  "kpi-report", "organic-report", "paid-funnel"]


def render(text: str, root) -> str:
    md = markdown.Markdown(extensions=["checker.site.directives"],
                           extension_configs={"checker.site.directives": {"root": str(root)}})
    return md.convert(text)


def panel_data(html: str) -> dict:
    return json.loads(unescape(re.search(r'data-smm="([^"]*)"', html).group(1)))


def test_plan_panel_has_a_labelled_file_input_and_a_check_button(root):
    html = render("/// check | coffee-shop-plan\n///\n", root)
    assert '<label for="smm-check-coffee-shop-plan-file">' in html
    assert 'id="smm-check-coffee-shop-plan-file" class="smm-cp-file" accept=".csv,.xlsx"' in html
    assert ">Check my plan</button>" in html and 'role="status" aria-live="polite"' in html
    assert "smm-cp-learner" not in html and "smm-cp-download" not in html
    data = panel_data(html)
    assert (data["exercise"], data["kind"], data["version"]) == ("coffee-shop-plan", "plan", 1)


def test_kpi_panel_asks_the_name_and_offers_the_dataset(root):
    html = render("/// check | paid-funnel\n///\n", root)
    assert '<label for="smm-check-paid-funnel-learner">' in html and 'id="smm-check-paid-funnel-learner"' in html
    assert ">Download my dataset</button>" in html and ">Check my answers</button>" in html
    assert panel_data(html)["kind"] == "kpi" and panel_data(html)["learner_required"] is True
    assert "smm-cp-hint" not in html and "aria-describedby" not in html
    assert panel_data(html)["download_hint"] == "dataset_ready"


def test_campaign_panel_makes_the_name_optional_and_says_what_stands_in(root):
    html = render("/// check | gift-set-campaign\n///\n", root)
    assert ('id="smm-check-gift-set-campaign-learner" class="smm-cp-learner" autocomplete="name" '
            'aria-describedby="smm-check-gift-set-campaign-learner-hint">') in html
    hint = re.search(r'<span id="smm-check-gift-set-campaign-learner-hint" class="smm-cp-hint">([^<]*)</span>', html)
    assert "without a name your work is checked against the brief&#x27;s own figures" in hint.group(1)
    assert panel_data(html)["learner_required"] is False
    # The panel speaks of the media plan's figures, not of a KPI dataset.
    assert ">Download my figures</button>" in html and ">Check my media plan</button>" in html
    assert panel_data(html)["download_hint"] == "figures_ready" and ">Download my dataset</button>" not in html


def test_every_kinds_panel_names_sentences_the_strings_file_has():
    for kind in all_kinds():
        keys = [kind.panel.file_label, kind.panel.run_label]
        if kind.learner_data is not None:
            keys += [kind.panel.download_label, kind.panel.download_hint]
        assert [key for key in keys if key not in STRINGS] == [], kind.name


def test_a_kind_with_learner_data_must_name_its_download_sentences():
    kpi = exercise_kind("kpi")
    with pytest.raises(ValueError, match="exercise kind 'kpi' has learner_data: its Panel needs download_label"):
        dataclasses.replace(kpi, panel=Panel(file_label="kpi_file", run_label="check_answers"))


def test_check_panel_of_an_unknown_exercise_stops_the_build(root):
    with pytest.raises(DirectiveError, match="/// check | nope: there is no exercise 'nope'"):
        render("/// check | nope\n///\n", root)


@pytest.mark.parametrize("exercise_id", EXERCISE_PAGES)
def test_every_exercise_page_has_its_panel_before_the_rubric(root, exercise_id):
    page = (root / "docs" / "exercises" / f"{exercise_id}.md").read_text(encoding="utf-8")
    assert page.index(f"## Check your work\n\n/// check | {exercise_id}\n///\n") < page.index(f"/// rubric | {exercise_id}")


def test_bundle_holds_the_grader_openpyxl_and_the_exercise_files(root):
    names = zipfile.ZipFile(io.BytesIO(bundle.checker_zip(root))).namelist()
    assert names == sorted(names)
    for name in ("checker/browser.py", "checker/data/plan_rubric.toml", "openpyxl/__init__.py",
                 "et_xmlfile/__init__.py", "exercises/coffee-shop-plan/exercise.toml",
                 "exercises/paid-funnel/data.csv"):
        assert name in names
    assert not [n for n in names if n.startswith("checker/site/") or "__pycache__" in n or n.endswith(".pyc")]
    # From each exercise folder, what its kind's grading reads, and nothing else.
    graded = {f"exercises/{exercise.id}/{name}" for exercise, kind in course_exercises(root)
              for name in ("exercise.toml", *kind.graded_files)}
    assert {n for n in names if n.startswith("exercises/")} == graded
    assert {"exercises/coffee-shop-replies/comments.csv", "exercises/gift-set-campaign/exercise.toml"} <= graded


def test_bundle_is_the_same_bytes_every_time(root):
    assert bundle.checker_zip(root) == bundle.checker_zip(root)
    info = zipfile.ZipFile(io.BytesIO(bundle.checker_zip(root))).infolist()
    assert {i.date_time for i in info} == {bundle.TIMESTAMP}


def test_built_site_vendors_pyodide_and_the_bundle(built_site, root):
    for name in PYODIDE_FILES:
        built = (built_site / "assets" / "vendor" / "pyodide" / name).read_bytes()
        assert hashlib.sha256(built).digest() == hashlib.sha256((root / "node_modules" / "pyodide" / name).read_bytes()).digest()
    assert (built_site / CHECKER_BUNDLE).read_bytes() == bundle.checker_zip(root)
    assert (built_site / "assets" / "smm" / "check-worker.mjs").is_file()
    page = (built_site / "exercises" / "coffee-shop-plan" / "index.html").read_text(encoding="utf-8")
    # The panel names its script, which base.js loads; check.js loads the worker on demand.
    assert 'class="smm-checkpanel"' in page and 'data-smm-script="check.js"' in page
    assert "check-worker.mjs" not in page
