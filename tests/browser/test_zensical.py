"""The course built with Zensical, Material for MkDocs' successor, which runs the course's
Markdown extensions but no MkDocs plugin: ``zensical build``, then the course's build step
(``python -m checker.site.build``), on a copy of the course. Every page of the navigation
is built; the browser opens one page of each kind, follows a lesson's frame to its quiz,
answers questions, checks a plan in the check panel and hovers a glossary term. What
Zensical does not do yet is named in an expected failure."""

from __future__ import annotations

import json
import re

import pytest
from playwright.sync_api import expect

from checker.cli import main
from checker.quiz.bank import load_bank
from checker.site.check_panel import STRINGS as S
from checker.site.lessons import nav_paths
from conftest import PageProblems, guarded_page
from site_harness import ROOT, ZENSICAL, build_site_with_zensical, start_server
from test_quiz import answer_by_mouse, expected_feedback, fieldset, right_answer

pytestmark = pytest.mark.browser
PLAN = "coffee-shop-plan"


@pytest.fixture(scope="module")
def zensical_site(tmp_path_factory):
    """(built site folder, base URL): the course built by Zensical for a server of its own."""
    if not ZENSICAL.exists():
        pytest.fail(f"{ZENSICAL} is missing: pip install -e '.[test]' (make test does it)")
    course = tmp_path_factory.mktemp("zensical") / "course"
    server, url = start_server(course / "site")
    result = build_site_with_zensical(course, url)
    assert result.returncode == 0, f"{result.args}:\n{result.stdout[-3000:]}{result.stderr[-3000:]}"
    yield course / "site", url
    server.shutdown()
    server.server_close()


@pytest.fixture
def zpage(browser, zensical_site):
    """A fresh page on the Zensical build that fails the test on a console error or a
    request to another host; service workers blocked, as in the MkDocs smoke tests."""
    problems = PageProblems()
    context = browser.new_context(viewport={"width": 1280, "height": 900}, service_workers="block")
    yield guarded_page(context, problems)
    context.close()
    problems.assert_clean()


# One page of each kind, opened in the browser: home, a module overview, a lesson with a
# diagram, a quiz, an exercise with its check panel, the glossary, the progress page and
# an instructor page.
PAGE_KINDS = ["", "kpis/", "tactics/content-marketing/", "kpis/quiz/", f"exercises/{PLAN}/", "glossary/",
              "progress/", "instructors/deploying/"]


def test_every_markdown_page_is_built(zensical_site):
    site, _ = zensical_site
    pages = [re.sub(r"(^|/)index\.md$", r"\1", path).removesuffix(".md") for path in nav_paths(ROOT)
             if path.endswith(".md")]
    assert len(pages) > 60
    missing = [page for page in pages if "<h1" not in (site / page / "index.html").read_text(encoding="utf-8")]
    assert missing == []
    assert (site / "sw.js").read_text(encoding="utf-8").startswith("const BUILD = {")


@pytest.mark.parametrize("path", PAGE_KINDS)
def test_each_kind_of_page_loads_cleanly(zpage, zensical_site, path):
    _, url = zensical_site
    assert zpage.goto(url + path).status == 200
    assert zpage.locator("h1").count() == 1


def test_a_lesson_is_framed_and_links_to_its_quiz(zpage, zensical_site):
    _, url = zensical_site
    zpage.goto(url + "kpis/engagement-metrics/")
    assert "What you will learn" in zpage.locator("article .admonition").first.inner_text()
    assert zpage.locator(".admonition.success", has_text="Key points").count() == 1
    zpage.get_by_role("link", name="Module quiz").click()
    expect(zpage.locator("h1")).to_have_text(re.compile(r"^Quiz"))


@pytest.mark.xfail(strict=True, reason="Zensical does not run the mkdocs-jupyter plugin: the notebook "
                                       "lesson is copied as a file, not converted into a page")
def test_the_notebook_lesson_is_a_page(zensical_site):
    site, _ = zensical_site
    assert (site / "kpis" / "computing-kpis" / "index.html").is_file()


def test_a_quiz_grades_answers(zpage, zensical_site, root):
    _, url = zensical_site
    bank = load_bank("kpis", root)
    zpage.goto(url + "kpis/quiz/")
    for question in bank.questions[:3]:
        answer = right_answer(question)
        answer_by_mouse(zpage, bank, question, answer)
        assert fieldset(zpage, bank, question).locator(".smm-feedback").inner_text() == \
            expected_feedback(question, answer)
    # The lesson links of a quiz lead to the lesson, from the quiz's own folder.
    zpage.locator(".smm-lesson").first.click()
    expect(zpage.locator("h1")).not_to_have_text(re.compile(r"^Quiz"))
    assert zpage.url.startswith(url + "kpis/") and "404" not in zpage.title()


def test_the_check_panel_grades_a_plan(zpage, zensical_site, root, capsys):
    _, url = zensical_site
    plan = root / "exercises" / PLAN / "samples" / "mix.csv"
    main(["plan", str(plan), "--exercise", PLAN, "--json"])
    result = json.loads(capsys.readouterr().out)
    zpage.goto(f"{url}exercises/{PLAN}/")
    zpage.set_input_files(".smm-cp-file", str(plan))
    zpage.click(".smm-cp-run")
    verdict = zpage.locator(".smm-cp-result .smm-cp-verdict")
    expect(verdict).to_have_text(S["passed" if result["passed"] else "not_passed"].format(
        score=f"{result['score']:g}", threshold=f"{result['threshold']:g}"), timeout=120_000)


def test_glossary_terms_have_tooltips(zpage, zensical_site):
    _, url = zensical_site
    zpage.goto(url + "kpis/engagement-metrics/")
    abbr = zpage.locator("article abbr").first
    assert abbr.get_attribute("title")
    abbr.hover()
    zpage.locator(".md-tooltip2, .md-tooltip").first.wait_for(state="visible", timeout=5000)
