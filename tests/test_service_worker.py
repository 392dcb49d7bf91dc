"""The build side of offline use: the service worker (sw.js) the build step writes knows
every file of the whole course and its size, saves at most a small budget ahead of the
learner, changes version with any change to the site, and under ``mkdocs serve`` removes
itself. tests/browser/test_offline.py reads and checks the course with the server gone."""

from __future__ import annotations

import json
import shutil
import subprocess

import pytest
from mkdocs.config.defaults import MkDocsConfig

from checker.site import offline
from checker.site.plugin import CoursePlugin


def build_of(script: str) -> dict | None:
    """The BUILD object a worker's first line declares."""
    first, _ = script.split("\n", 1)
    assert first.startswith("const BUILD = ") and first.endswith(";")
    return json.loads(first.removeprefix("const BUILD = ").removesuffix(";"))


def test_the_whole_course_is_every_page_and_file_a_learner_uses(built_site):
    build = build_of((built_site / "sw.js").read_text(encoding="utf-8"))
    saved = set(build["course"])
    pages = {p.parent.relative_to(built_site).as_posix() for p in built_site.rglob("index.html")}
    assert {"" if page == "." else f"{page}/" for page in pages} <= saved
    assert {"404.html", "sitemap.xml", "search/search_index.json", "assets/smm/check.js", "assets/smm/check-worker.mjs",
            "assets/smm/offline.js", "exercises/coffee-shop-plan/starter.xlsx", "assets/smm/checker.zip",
            "assets/vendor/pyodide/pyodide.asm.wasm"} <= saved
    assert not [n for n in saved if n.startswith("assets/javascripts/lunr/") or n.endswith(".map")]
    assert "sw.js" not in saved and "sitemap.xml.gz" not in saved
    files = [name + "index.html" if name == "" or name.endswith("/") else name for name in build["course"]]
    assert build["bytes"] == sum((built_site / name).stat().st_size for name in files)


def test_a_first_visit_saves_at_most_the_budget_ahead(built_site):
    """Beyond the page opened, only the "not found" page and the files it links (the
    styles and scripts every page shares), within offline.AHEAD_BUDGET bytes."""
    ahead = build_of((built_site / "sw.js").read_text(encoding="utf-8"))["ahead"]
    assert ahead[0] == "404.html"
    assert any(name.startswith("assets/javascripts/bundle.") for name in ahead)
    assert {"assets/smm/base.js", "assets/smm/offline.js"} <= set(ahead)
    assert not [name for name in ahead if name.endswith("/") or name.startswith("assets/vendor/")]
    assert sum((built_site / name).stat().st_size for name in ahead) <= offline.AHEAD_BUDGET


def test_the_budget_drops_what_does_not_fit(tmp_path):
    site = small_site(tmp_path / "site")
    (site / "big.js").write_bytes(b"x" * offline.AHEAD_BUDGET)
    (site / "404.html").write_text('<link href="/style.css"><script src="/big.js"></script>', encoding="utf-8")
    assert build_of(offline.service_worker(site))["ahead"] == ["404.html", "style.css"]


@pytest.mark.skipif(shutil.which("node") is None, reason="node is not installed")
def test_the_built_worker_is_valid_javascript(built_site):
    subprocess.run(["node", "--check", str(built_site / "sw.js")], check=True)


def small_site(folder):
    (folder / "lesson").mkdir(parents=True)
    (folder / "index.html").write_text("home", encoding="utf-8")
    (folder / "lesson" / "index.html").write_text("lesson", encoding="utf-8")
    (folder / "style.css").write_text("p {}", encoding="utf-8")
    return folder


def test_the_version_changes_with_any_served_file_and_only_then(tmp_path):
    site = small_site(tmp_path / "site")
    first = build_of(offline.service_worker(site))
    assert first["course"] == ["", "lesson/", "style.css"]
    assert first["bytes"] == len("home") + len("lesson") + len("p {}")
    (site / "sw.js").write_text("an earlier worker", encoding="utf-8")
    (site / ".build.log").write_text("a log beside the build", encoding="utf-8")
    assert build_of(offline.service_worker(site))["version"] == first["version"]
    (site / "lesson" / "index.html").write_text("lesson, corrected", encoding="utf-8")
    assert build_of(offline.service_worker(site))["version"] != first["version"]


def test_a_preview_gets_a_worker_that_removes_itself(tmp_path):
    """Under `mkdocs serve` the plugin writes the worker with no build: it saves nothing and
    unregisters, deleting every saved build, so an author never sees a stale page."""
    site = small_site(tmp_path / "site")
    plugin = CoursePlugin()
    plugin.load_config({})
    config = MkDocsConfig()
    config["site_dir"] = str(site)
    for command, expected in (("build", dict), ("serve", type(None))):
        plugin.on_startup(command=command, dirty=False)
        plugin.on_post_build(config)
        assert isinstance(build_of((site / "sw.js").read_text(encoding="utf-8")), expected), command
    script = (site / "sw.js").read_text(encoding="utf-8")
    assert "self.registration.unregister()" in script
