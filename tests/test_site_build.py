"""The build step any MkDocs-compatible builder runs (``checker/site/build.py``) and the
Markdown extensions that read the page from whichever builder runs them: the widget
assets are listed where every builder reads them, ``python -m checker.site.build``
completes a built site, and the lesson frame and the course's links come out the same
from MkDocs' page and from Zensical's. tests/test_zensical.py builds the whole course
with Zensical."""

from __future__ import annotations

import re

import markdown
import yaml
from markdown.preprocessors import Preprocessor

from checker.site import build, offline
from checker.site.lessons import split_front_matter


class ZensicalContext(Preprocessor):
    """What Zensical registers as ``rendering_context``: the page being rendered, with
    its docs-relative path and its front matter."""

    def __init__(self, md, path: str, meta: dict):
        super().__init__(md)
        self.page = type("Page", (), {"path": path, "meta": meta})()

    def run(self, lines):
        return lines


def render_as_zensical(root, path: str) -> str:
    """A page of docs/ converted as Zensical converts it: front matter stripped and handed
    over in the rendering context."""
    meta, body = split_front_matter((root / "docs" / path).read_text(encoding="utf-8"))
    md = markdown.Markdown(extensions=["admonition", "attr_list", "checker.site.directives", "checker.site.lesson_frame"],
                           extension_configs={"checker.site.directives": {"root": str(root)},
                                              "checker.site.lesson_frame": {"root": str(root)}})
    md.preprocessors.register(ZensicalContext(md, path, meta), "rendering_context", 0)
    return md.convert(body)


def test_every_widget_script_and_style_reaches_the_pages_of_every_builder(root, built_site):
    """Styles and the scripts every page runs are listed where every builder reads them;
    a widget's own script is named by the widget (data-smm-script), and base.js loads it."""
    config = yaml.load((root / "mkdocs.yml").read_text(encoding="utf-8"), Loader=yaml.BaseLoader)
    named = {f"assets/smm/{name}" for page in built_site.rglob("*.html")
             for name in re.findall(r'data-smm-script="([^"]+)"', page.read_text(encoding="utf-8"))}
    assert named == {"assets/smm/quiz.js", "assets/smm/check.js"}
    listed = set(config["extra_javascript"]) | set(config["extra_css"])
    assets = {f"assets/smm/{a.name}" for a in build.ASSETS_DIR.iterdir() if a.suffix in (".js", ".css")}
    assert assets == {name for name in listed | named if name.startswith("assets/smm/")}
    assert not listed & named  # a widget's script runs on its pages only
    # Every script uses base.js: it comes first.
    assert config["extra_javascript"][0] == "assets/smm/base.js"
    assert "checker.site.lesson_frame" in config["markdown_extensions"]


def test_the_step_adds_assets_pyodide_the_bundle_and_downloads(root):
    files = build.site_files(root)
    assert {"assets/smm/check.js", "assets/smm/check-worker.mjs", "assets/vendor/pyodide/pyodide.asm.wasm",
            "exercises/coffee-shop-plan/starter.xlsx", "exercises/paid-funnel/data.csv"} <= set(files)
    assert files[build.CHECKER_BUNDLE][:2] == b"PK"


def test_the_command_completes_a_built_site(root, tmp_path):
    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_text("<p>home</p>", encoding="utf-8")
    assert build.main(["--site-dir", str(site), "--root", str(root)]) == 0
    assert (site / "assets" / "smm" / "check.js").read_bytes() == (build.ASSETS_DIR / "check.js").read_bytes()
    assert (site / "exercises" / "coffee-shop-plan" / "starter.csv").is_file()
    assert offline.service_worker(site) == (site / offline.SCRIPT).read_text(encoding="utf-8")


def test_the_command_refuses_a_folder_without_a_site(root, tmp_path, capsys):
    assert build.main(["--site-dir", str(tmp_path), "--root", str(root)]) == 2
    assert "holds no built site" in capsys.readouterr().err


def test_the_command_names_missing_vendored_files(root, tmp_path, capsys, monkeypatch):
    (tmp_path / "index.html").write_text("home", encoding="utf-8")
    monkeypatch.setattr(build, "VENDORED", {"pyodide/nothing.mjs": "assets/vendor/pyodide/nothing.mjs"})
    assert build.main(["--site-dir", str(tmp_path), "--root", str(root)]) == 2
    assert "nothing.mjs is missing: run `npm ci`" in capsys.readouterr().err


def test_a_lesson_is_framed_from_the_front_matter_zensical_hands_over(root):
    html = render_as_zensical(root, "kpis/paid-metrics.md")
    assert html.index("What you will learn") < html.index("Key points") < html.index("Practise")
    assert 'href="quiz.md"' in html and 'href="../exercises/paid-funnel.md"' in html


def test_a_page_without_topics_is_not_framed(root):
    assert "What you will learn" not in render_as_zensical(root, "glossary.md")


def test_quiz_links_are_relative_to_the_page_zensical_names(root):
    html = render_as_zensical(root, "kpis/quiz.md")
    assert 'href="goals-to-kpis.md#' in html
