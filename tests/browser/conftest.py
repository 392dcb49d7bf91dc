"""Browser fixtures: the built site served on 127.0.0.1 and Debian's Chromium driven by
Playwright. Every page fixture fails its test on a console error or on any request to a
host other than 127.0.0.1."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit

import pytest

from site_harness import CHROMIUM, CHROMIUM_ARGS

ROOT = Path(__file__).resolve().parents[2]
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
# An init script that makes a page's navigator.connection say the browser asks to save
# data, as a phone's data saver does.
SAVE_DATA = "Object.defineProperty(Navigator.prototype, 'connection', {get: () => ({saveData: true})});"


@pytest.fixture(scope="session")
def site_url(site_server, built_site):
    """Base URL (ending in '/') of the built site."""
    return site_server[1]


@pytest.fixture(scope="session")
def browser():
    """Chromium from Debian, launched by executable path."""
    playwright_api = pytest.importorskip("playwright.sync_api")
    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing: apt-get install chromium (make test does it)")
    with playwright_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


class PageProblems:
    """Console errors, uncaught exceptions and off-origin requests seen by a page."""

    def __init__(self):
        self.console_errors: list[str] = []
        self.foreign_requests: list[str] = []

    def assert_clean(self):
        assert not self.foreign_requests, f"requests to other hosts: {self.foreign_requests}"
        assert not self.console_errors, f"console errors: {self.console_errors}"


@pytest.fixture
def page_problems():
    """What went wrong on the test's page; checked when the test ends."""
    return PageProblems()


def guarded_page(context, problems: PageProblems):
    """A new page of ``context`` that refuses requests to any host but 127.0.0.1 and
    records them, its console errors and its uncaught exceptions in ``problems``."""
    def only_local(route):
        host = urlsplit(route.request.url).hostname
        if route.request.url.startswith(("data:", "blob:")) or host == "127.0.0.1":
            route.continue_()
        else:
            problems.foreign_requests.append(route.request.url)
            route.abort()

    context.route("**/*", only_local)
    page = context.new_page()
    page.on("console", lambda msg: msg.type == "error" and problems.console_errors.append(f"{page.url}: {msg.text}"))
    page.on("pageerror", lambda error: problems.console_errors.append(f"{page.url}: {error}"))
    return page


def open_for_instant_navigation(page, url: str):
    """Open ``url``, wait until Material has its sitemap and mark the document, so that
    ``assert_same_document`` can tell a link followed by instant navigation from a full
    page load. Material intercepts a link click only for addresses the sitemap lists, so
    a click before it arrives is a full page load, as it would be for a learner on a slow
    network."""
    page.goto(url)
    page.wait_for_function(
        "performance.getEntriesByType('resource').some(e => e.name.endsWith('/sitemap.xml'))")
    # The fetch has ended; its text is parsed and handed to Material a task later.
    page.evaluate("new Promise(done => setTimeout(done, 0))")
    page.evaluate("window.__openedByTest = true")


def assert_same_document(page):
    """The page ``open_for_instant_navigation`` opened is still the document: the links
    followed since had their content swapped in, not loaded anew."""
    assert page.evaluate("window.__openedByTest === true"), "a link did a full page load"


@pytest.fixture
def page(browser, site_url, page_problems):
    """A fresh page (new context: empty storage) that refuses and records requests to
    any host but 127.0.0.1. The site's service worker is blocked here, so each test sees
    the network as it is and no test pays for saving the course; test_offline.py runs it."""
    context = browser.new_context(viewport={"width": 1280, "height": 900}, service_workers="block")
    yield guarded_page(context, page_problems)
    context.close()
    page_problems.assert_clean()


@pytest.fixture(scope="session")
def axe():
    """``axe(page)`` injects axe-core (vendored from npm) and returns its violations as
    (rule id, impact, first targets) tuples, WCAG 2.x A and AA rules plus best practices."""
    source = AXE.read_text(encoding="utf-8")

    def run(page) -> list[tuple]:
        page.add_script_tag(content=source)
        # Two animation frames first: the course's fixes that follow layout (course.js
        # marks the tables that scroll sideways) apply by then, as a learner sees them.
        violations = page.evaluate("""async () => {
            await new Promise(frame => requestAnimationFrame(() => requestAnimationFrame(frame)));
            const result = await axe.run(document, {
                runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']}});
            return result.violations.map(v => [v.id, v.impact, v.nodes.slice(0, 3).map(n => n.target.join(' '))]);
        }""")
        return [tuple(v) for v in violations]

    return run
