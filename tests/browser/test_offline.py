"""The course offline, in a real browser: after one visit every page opens with the server
gone, search still answers, and the check panel grades a plan after a reload, having
checked once online; a new build replaces the saved copy, a copy once replaced is not
brought back by the older worker, and a preview's worker removes it. The site is served
by a server of each test's own, which is stopped halfway: a truly lost connection, not an
emulated one."""

from __future__ import annotations

import json
import os
import re
import shutil
import time
from contextlib import contextmanager

import pytest
from playwright.sync_api import expect

from checker.cli import main
from checker.site import offline
from checker.site.check_panel import STRINGS as S
from conftest import PageProblems, assert_same_document, guarded_page, open_for_instant_navigation
from site_harness import build_site, start_server

pytestmark = pytest.mark.browser
BOOT_MS = 120_000
PLAN = "coffee-shop-plan"


def check_file(page, path) -> str:
    """Check a file in the panel and return the verdict of this check."""
    page.locator(".smm-cp-result").evaluate("area => { area.textContent = ''; }")
    page.set_input_files(".smm-cp-file", str(path))
    page.click(".smm-cp-run")
    return page.locator(".smm-cp-result .smm-cp-verdict").inner_text(timeout=BOOT_MS)


def cli_verdict(capsys, path) -> str:
    main(["plan", str(path), "--exercise", PLAN, "--json"])
    result = json.loads(capsys.readouterr().out)
    return S["passed" if result["passed"] else "not_passed"].format(
        score=f"{result['score']:g}", threshold=f"{result['threshold']:g}")


@contextmanager
def offline_capable(browser, folder, server=None):
    """(page, base URL, server) for ``folder`` served by ``server`` or a server of its own,
    in a context that runs service workers; the page has loaded the home page and the
    worker has taken control, which it does once it has saved the course. The page's
    problems are checked at the end."""
    if server is None:
        server, _ = start_server(folder)
    url = f"http://127.0.0.1:{server.server_port}/"
    context = browser.new_context(viewport={"width": 1280, "height": 900}, service_workers="allow")
    problems = PageProblems()
    try:
        page = guarded_page(context, problems)
        page.goto(url)
        page.wait_for_function("navigator.serviceWorker.controller !== null", timeout=60_000)
        yield page, url, server
    finally:
        context.close()
        server.shutdown()
        server.server_close()
    problems.assert_clean()


def saved_builds(page) -> list[str]:
    """The names of the builds the browser keeps for the site."""
    return page.evaluate("caches.keys()")


def wait_until(page, expression: str, timeout: float = 60) -> None:
    """Evaluate ``expression`` (which may be a promise) until it is true."""
    deadline = time.monotonic() + timeout
    while not page.evaluate(expression):
        if time.monotonic() > deadline:
            state = page.evaluate("""async () => ({caches: await caches.keys(), workers: (await navigator.serviceWorker
                .getRegistrations()).map(r => [r.active && r.active.state, r.waiting && r.waiting.state,
                r.installing && r.installing.state])})""")
            pytest.fail(f"still false after {timeout} s: {expression}; saved builds and workers: {state}")
        time.sleep(0.2)


@pytest.fixture(scope="module")
def own_site(tmp_path_factory):
    """A build of the course for a server of its own, which a test may stop: the same
    build the shared server serves, but stoppable, with instant navigation working."""
    folder = tmp_path_factory.mktemp("own-site")
    server, url = start_server(folder)
    result = build_site(folder, url)
    assert result.returncode == 0, result.stderr[-4000:]
    yield folder, server, url
    server.shutdown()
    server.server_close()


def test_the_course_reads_and_checks_offline_after_one_visit(browser, own_site, root, capsys):
    folder, own_server, _ = own_site
    with offline_capable(browser, folder, own_server) as (page, url, server):
        page.goto(f"{url}exercises/{PLAN}/")
        reference = root / "exercises" / PLAN / "reference.csv"
        assert check_file(page, reference) == cli_verdict(capsys, reference)

        server.shutdown()
        server.server_close()

        # Links open as a learner follows them, by instant navigation (the page stays, its
        # content is swapped), to pages never opened before; then by a full load.
        open_for_instant_navigation(page, url)
        page.locator("a[href$='/strategy/']:visible").first.click()
        expect(page.locator("h1")).to_have_text("Strategy and content planning")
        page.locator("article a[href$='/strategy/content-plan/']").first.click()
        expect(page.locator("h1")).to_have_text(re.compile("^The content plan and calendar"))
        assert_same_document(page)
        page.goto(f"{url}kpis/goals-to-kpis/")
        assert page.locator("h1").count() == 1

        search = page.get_by_role("textbox", name="Search")
        search.click()
        search.press_sequentially("retargeting", delay=20)
        page.locator(".md-search-result__item a").first.wait_for(timeout=60_000)

        page.goto(f"{url}no-such-lesson/")
        assert "404" in page.locator("article").inner_text()

        page.goto(f"{url}exercises/{PLAN}/")
        # The panel shows the last check again after the reload, and checks a new file.
        page.locator(".smm-cp-result .smm-cp-verdict").wait_for()
        mix = root / "exercises" / PLAN / "samples" / "mix.csv"
        assert check_file(page, mix) == cli_verdict(capsys, mix)


def test_a_new_build_replaces_the_saved_copy(browser, built_site, tmp_path):
    # Copied as just built: files dated now, which the browser's own cache keeps for no
    # time, as it would keep a published site's for the time its host allows.
    folder = tmp_path / "site"
    shutil.copytree(built_site, folder, copy_function=shutil.copy)
    lesson = folder / "kpis" / "index.html"
    with offline_capable(browser, folder) as (page, url, server):
        [first] = saved_builds(page)
        # A new build: one lesson corrected (dated later than the copy the browser has),
        # and its worker.
        lesson.write_text(lesson.read_text(encoding="utf-8").replace("</h1>", " (2nd edition)</h1>", 1),
                          encoding="utf-8")
        later = time.time() + 10
        os.utime(lesson, (later, later))
        (folder / offline.SCRIPT).write_text(offline.service_worker(folder), encoding="utf-8")
        page.goto(f"{url}kpis/")  # online: the new page at once
        assert page.locator("h1").inner_text().endswith("(2nd edition)")
        wait_until(page, f"caches.keys().then(names => names.length === 1 && names[0] !== {first!r})")
        server.shutdown()
        server.server_close()
        page.goto(f"{url}kpis/")
        assert page.locator("h1").inner_text().endswith("(2nd edition)")


def test_a_preview_removes_the_saved_copy(browser, built_site, tmp_path):
    folder = tmp_path / "site"
    shutil.copytree(built_site, folder)
    with offline_capable(browser, folder) as (page, url, server):
        assert len(saved_builds(page)) == 1
        # `mkdocs serve` now serves the same address, with the worker that retires.
        (folder / offline.SCRIPT).write_text(offline.service_worker(folder, serving=True), encoding="utf-8")
        page.goto(f"{url}glossary/")
        wait_until(page, "caches.keys().then(names => names.length === 0)")
        wait_until(page, "navigator.serviceWorker.getRegistrations().then(found => found.length === 0)")


def test_a_copy_a_newer_worker_deleted_stays_deleted(browser, built_site, tmp_path):
    """The worker saves a file on first use into its build's copy; once a newer worker has
    deleted that copy, a file saved by the older one must not bring it back."""
    folder = tmp_path / "site"
    shutil.copytree(built_site, folder)
    with offline_capable(browser, folder) as (page, url, server):
        [name] = saved_builds(page)
        fetched = "new Promise(done => fetch({0!r}).then(r => r.arrayBuffer()).then(b => done(b.byteLength)))"
        first, second = f"{url}assets/vendor/pyodide/pyodide.mjs", f"{url}assets/smm/checker.zip"
        assert page.evaluate(fetched.format(first)) > 0
        wait_until(page, f"caches.match({first!r}, {{cacheName: {name!r}}}).then(Boolean)")
        page.evaluate(f"caches.delete({name!r})")  # as a newer worker does on taking over
        assert page.evaluate(fetched.format(second)) > 0
        time.sleep(1)  # the worker saves a file once it has been read, as it was here
        assert saved_builds(page) == []
