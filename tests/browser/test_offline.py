"""The course offline, in a real browser. A first visit saves that page, what it loaded
and under 500 KB more, and nothing ahead when the browser asks to save data; "Save the
whole course" on the progress page saves every page, so one never opened reloads with the
server gone, search answers and the check panel grades; a page checked once online checks
again offline; a new build replaces the saved copy, a copy once replaced is not brought
back by the older worker, and a preview's worker removes it. The site is served by a
server of each test's own, which is stopped halfway: a truly lost connection, not an
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
from checker.site.offline_panel import STRINGS as OFFLINE
from conftest import SAVE_DATA, PageProblems, assert_same_document, guarded_page, open_for_instant_navigation
from site_harness import QuietHandler, build_site, start_server

pytestmark = pytest.mark.browser
BOOT_MS = 120_000
PLAN = "coffee-shop-plan"
LESSON = "platforms/vkontakte/"


class CountingHandler(QuietHandler):
    """Serves files as the test server does and records (path, body bytes) of each answer
    in the server's ``sent`` list; a 304 (the browser's copy confirmed) sends no body."""

    def copyfile(self, source, outputfile):
        before = source.tell()
        super().copyfile(source, outputfile)
        self.server.sent.append((self.path.split("?")[0], source.tell() - before))


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
def offline_capable(browser, folder, server=None, path="", save_data=False):
    """(page, base URL, server) for ``folder`` served by ``server`` or a server of its own,
    in a context that runs service workers (``save_data``: one whose browser asks to save
    data); the page has loaded ``path`` and the worker has taken control. The page's
    problems are checked at the end."""
    if server is None:
        server, _ = start_server(folder)
    url = f"http://127.0.0.1:{server.server_port}/"
    context = browser.new_context(viewport={"width": 1280, "height": 900}, service_workers="allow",
                                  extra_http_headers={"Save-Data": "on"} if save_data else None)
    if save_data:
        context.add_init_script(SAVE_DATA)
    problems = PageProblems()
    try:
        page = guarded_page(context, problems)
        page.goto(url + path)
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


def is_saved(url: str) -> str:
    """A page expression: whether ``url`` is in the browser's saved copy."""
    return f"caches.match({url!r}).then(Boolean)"


def all_saved(*urls: str) -> str:
    """A page expression: whether the page, every file of the site it loaded and ``urls``
    are in the browser's saved copy, as they must be before the connection goes."""
    return (f"Promise.all([location.href, ...performance.getEntriesByType('resource').map(e => e.name), "
            f"...{list(urls)!r}].filter(u => u.startsWith(location.origin)).map(u => caches.match(u)))"
            ".then(found => found.every(Boolean))")


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


def own_paths(page, url: str) -> set[str]:
    """The paths of the site the page itself requested: its address and what it loaded."""
    loaded = page.evaluate("[location.href, ...performance.getEntriesByType('resource').map(e => e.name)]")
    return {"/" + name.removeprefix(url).split("?")[0].split("#")[0] for name in loaded if name.startswith(url)}


def wait_until_quiet(server, seconds: float = 1.5) -> None:
    """Until the server has answered nothing new for ``seconds``."""
    count = -1
    while count != len(server.sent):
        count = len(server.sent)
        time.sleep(seconds)


@pytest.mark.parametrize("save_data", [False, True], ids=["any-connection", "save-data"])
def test_a_first_visit_saves_its_page_and_at_most_500_kb_more(browser, built_site, tmp_path, save_data):
    folder = tmp_path / "site"
    shutil.copytree(built_site, folder)
    server, _ = start_server(folder, CountingHandler)
    server.sent = []
    with offline_capable(browser, folder, server, path=LESSON, save_data=save_data) as (page, url, _):
        wait_until(page, is_saved(url + LESSON))
        if not save_data:
            wait_until(page, is_saved(url + "404.html"))
        wait_until_quiet(server)
        own = own_paths(page, url)
        # What the page loaded counts once, the first time it is sent; everything else
        # the server sent (the worker, what it saved ahead, second copies) is background.
        first, background = set(), 0
        for path, size in server.sent:
            if path in own and path not in first:
                first.add(path)
            else:
                background += size
        assert background < 500_000
        assert not page.evaluate(is_saved(url + "glossary/")), "a page never opened was saved"
        if save_data:
            assert not page.evaluate(is_saved(url + "404.html"))
            assert {path for path, _ in server.sent} <= own | {"/" + offline.SCRIPT}
        else:
            assert background > 0, "nothing was saved ahead"


def test_the_whole_course_saved_opens_pages_never_opened_offline(browser, own_site, root, capsys, axe):
    folder, own_server, _ = own_site
    with offline_capable(browser, folder, own_server, path="progress/") as (page, url, server):
        save = page.get_by_role("button", name=re.compile(r"^Save the whole course for offline use \(\d+\.\d MB\)$"))
        expect(save).to_be_enabled(timeout=60_000)
        bar = page.get_by_label(OFFLINE["progress"])
        assert bar.evaluate("bar => bar.value < bar.max")
        save.click()
        expect(page.get_by_role("status").filter(has_text=OFFLINE["saved"])).to_have_count(1, timeout=300_000)
        assert bar.evaluate("bar => bar.value === bar.max")
        assert axe(page) == []

        server.shutdown()
        server.server_close()

        # A page never opened, loaded cold without a connection, then reloaded.
        page.goto(f"{url}kpis/goals-to-kpis/")
        page.reload()
        assert page.locator("h1").count() == 1
        # Links open as a learner follows them, by instant navigation (the page stays, its
        # content is swapped), to pages never opened before.
        open_for_instant_navigation(page, url)
        page.locator("a[href$='/strategy/']:visible").first.click()
        expect(page.locator("h1")).to_have_text("Strategy and content planning")
        page.locator("article a[href$='/strategy/content-plan/']").first.click()
        expect(page.locator("h1")).to_have_text(re.compile("^The content plan and calendar"))
        assert_same_document(page)

        search = page.get_by_role("textbox", name="Search")
        search.click()
        search.press_sequentially("retargeting", delay=20)
        page.locator(".md-search-result__item a").first.wait_for(timeout=60_000)

        page.goto(f"{url}no-such-lesson/")
        assert "404" in page.locator("article").inner_text()

        # The checker was saved with the course: a first check, offline.
        page.goto(f"{url}exercises/{PLAN}/")
        mix = root / "exercises" / PLAN / "samples" / "mix.csv"
        assert check_file(page, mix) == cli_verdict(capsys, mix)


def test_a_page_checked_once_online_checks_offline(browser, built_site, tmp_path, root, capsys):
    folder = tmp_path / "site"
    shutil.copytree(built_site, folder)
    with offline_capable(browser, folder) as (page, url, server):
        page.goto(f"{url}exercises/{PLAN}/")
        reference = root / "exercises" / PLAN / "reference.csv"
        assert check_file(page, reference) == cli_verdict(capsys, reference)
        # The check saved Pyodide and the grader (fetched by its worker, not the page).
        wait_until(page, all_saved(f"{url}assets/vendor/pyodide/pyodide.asm.wasm", f"{url}assets/smm/checker.zip"))

        server.shutdown()
        server.server_close()

        page.reload()
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
        # The new build's worker saves the page it finds shown, and what that page loaded.
        wait_until(page, all_saved())
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
