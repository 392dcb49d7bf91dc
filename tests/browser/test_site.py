"""The site as a learner meets it: every page loads cleanly and locally, search, the
colour toggle, lesson framing, glossary tooltips, diagrams and accessibility."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from conftest import assert_same_document, open_for_instant_navigation

pytestmark = pytest.mark.browser


def page_urls(built_site, site_url):
    """Every HTML page of the built site, as URLs."""
    for html in sorted(built_site.rglob("*.html")):
        rel = html.relative_to(built_site).as_posix()
        if rel == "404.html":
            continue
        yield site_url + re.sub(r"(^|/)index\.html$", r"\1", rel)


def test_every_page_loads_cleanly_and_passes_axe(page, page_problems, built_site, site_url, axe):
    """Every page: status 200, a title, no console error, nothing from another host, and
    no axe-core violation."""
    urls = list(page_urls(built_site, site_url))
    assert len(urls) > 10
    violations = {}
    requested = []
    page.on("request", lambda request: requested.append(request.url))
    for url in urls:
        response = page.goto(url, wait_until="load")
        assert response.status == 200, url
        assert page.locator("h1").count() >= 1, f"{url} has no h1"
        found = axe(page)
        if found:
            violations[url.removeprefix(site_url)] = found
    assert violations == {}
    # Diagrams come drawn (checker/site/diagrams.py): no page loads Mermaid.
    assert not [url for url in requested if "mermaid" in url.lower()]
    # The page fixture asserts at teardown; checking here names the failure sooner.
    page_problems.assert_clean()


def test_no_built_page_references_another_host(built_site):
    """Static check of what the browser test may not reach: src/href to other hosts in
    scripts, styles, images and fonts."""
    tag = re.compile(r'<(?:script|link|img|source|iframe)\b[^>]*>')
    url = re.compile(r'(?:src|href)="(https?://[^"]+)"')
    offenders = {}
    for html in built_site.rglob("*.html"):
        found = [link for t in tag.findall(html.read_text(encoding="utf-8"))
                 if 'rel="canonical"' not in t  # names the page's address, loads nothing
                 for link in url.findall(t)]
        if found:
            offenders[html.relative_to(built_site).as_posix()] = found[:3]
    assert not offenders


def test_search_finds_a_glossary_term(page, site_url):
    page.goto(site_url, wait_until="networkidle")
    search = page.get_by_role("textbox", name="Search")
    search.click()
    search.press_sequentially("retargeting", delay=20)  # as typed: Material searches on key events
    results = page.locator(".md-search-result__item a")
    results.first.wait_for(timeout=60000)  # the search index is built in a worker first
    hrefs = [results.nth(i).get_attribute("href") for i in range(results.count())]
    assert any("glossary" in href for href in hrefs), hrefs


def test_dark_mode_toggle_switches_and_survives_reload(page, site_url):
    page.goto(site_url)
    body = page.locator("body")
    before = body.get_attribute("data-md-color-scheme")
    page.locator("form[data-md-component=palette] label:visible").first.click()
    after = body.get_attribute("data-md-color-scheme")
    assert {before, after} == {"default", "slate"}
    page.reload()
    assert body.get_attribute("data-md-color-scheme") == after


def test_lesson_is_framed_and_links_to_its_quiz(page, site_url):
    open_for_instant_navigation(page, site_url + "kpis/engagement-metrics/")
    first = page.locator("article .admonition").first
    assert "What you will learn" in first.inner_text()
    assert page.locator(".admonition.success", has_text="Key points").count() == 1
    page.get_by_role("link", name="Module quiz").click()
    expect(page.locator("h1")).to_have_text(re.compile(r"^Quiz"))
    assert_same_document(page)


def test_a_widget_script_loads_on_the_first_page_that_shows_the_widget(page, site_url):
    """A lesson fetches no quiz or check code; its link to the quiz, followed by instant
    navigation, loads the quiz's script once, and the quiz answers on every visit."""
    requested = []
    page.on("request", lambda request: requested.append(request.url.rsplit("/", 1)[-1]))
    open_for_instant_navigation(page, site_url + "kpis/engagement-metrics/")
    assert "quiz.js" not in requested and "check.js" not in requested
    for _ in range(2):
        page.get_by_role("link", name="Module quiz").click()
        question = page.locator(".smm-q").first
        question.locator(".smm-check").click()  # unanswered: the quiz asks for an answer
        expect(question.locator(".smm-feedback")).not_to_be_empty()
        page.go_back()
        expect(page.locator("h1")).not_to_have_text(re.compile(r"^Quiz"))
    assert_same_document(page)
    assert requested.count("quiz.js") == 1 and "check.js" not in requested


# Each table's box: [scrolls sideways, is a tab stop], once every box that scrolls and
# only those are tab stops, else null.
SCROLLING_TABLES = """() => {
    const boxes = [...document.querySelectorAll('.md-typeset__scrollwrap')]
        .map(box => [box.scrollWidth > box.clientWidth, box.getAttribute('tabindex') === '0']);
    return boxes.length && boxes.every(([scrolls, focusable]) => scrolls === focusable) ? boxes : null;
}"""


def test_only_tables_that_scroll_sideways_are_tab_stops(page, site_url):
    """Keyboard users can focus a table that scrolls sideways, to scroll it, and only such
    a table: on a phone two of the lesson's three tables scroll, on a wide screen one."""
    page.set_viewport_size({"width": 360, "height": 740})
    page.goto(site_url + "kpis/engagement-metrics/")
    boxes = page.wait_for_function(SCROLLING_TABLES).json_value()
    assert sorted(boxes) == [[False, False], [True, True], [True, True]]
    page.set_viewport_size({"width": 1280, "height": 900})
    page.wait_for_function(f"(({SCROLLING_TABLES})() || []).filter(([scrolls]) => scrolls).length === 1")
    assert sorted(page.evaluate(SCROLLING_TABLES)) == [[False, False], [False, False], [True, True]]


def test_glossary_terms_have_tooltips(page, site_url):
    page.goto(site_url + "kpis/engagement-metrics/")
    abbr = page.locator("article abbr").first
    assert abbr.get_attribute("title")
    abbr.hover()
    page.locator(".md-tooltip2, .md-tooltip").first.wait_for(state="visible", timeout=5000)


def test_diagrams_are_named_images_drawn_in_each_colour_scheme(browser, site_url):
    """A lesson's diagram is an image with an accessible name, visible and sized in both
    schemes, and its boxes and labels take the dark scheme's colours there."""
    colours = {}
    for scheme in ("light", "dark"):
        context = browser.new_context(color_scheme=scheme, service_workers="block")
        page = context.new_page()
        page.goto(site_url + "tactics/content-marketing/")
        diagram = page.get_by_role("img", name=re.compile(r"^Flowchart: Brand publishes a useful post → "))
        expect(diagram).to_be_visible()
        box = diagram.bounding_box()
        assert box["width"] > 300 and box["height"] > 50, box
        colours[scheme] = diagram.evaluate("""svg => [
            getComputedStyle(svg.querySelector('.node rect')).fill,
            getComputedStyle(svg.querySelector('.nodeLabel, .node text')).fill]""")
        context.close()
    assert colours["light"][0] != colours["dark"][0], colours  # the boxes
    assert colours["light"][1] != colours["dark"][1], colours  # the labels


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_home_and_a_lesson_pass_axe_in_both_colour_schemes(browser, site_url, axe, scheme):
    context = browser.new_context(color_scheme=scheme)
    page = context.new_page()
    for path in ["", "kpis/engagement-metrics/"]:
        page.goto(site_url + path)
        assert page.locator("body").get_attribute("data-md-color-scheme") == \
            {"light": "default", "dark": "slate"}[scheme]
        assert axe(page) == [], f"{scheme} {path}"
    context.close()
