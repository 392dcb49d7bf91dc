"""The MkDocs plugin: only what a Markdown extension cannot do.

It adds files to the build (the package's widget assets, vendored Pyodide, the grader
bundle, exercise downloads), frames each lesson with its objectives, key points
and practice links, from the lesson's front matter, and writes the service worker that
keeps the built site working offline (``checker/site/offline.py``). It holds no grading
logic.
"""

from __future__ import annotations

import logging
import posixpath
from pathlib import Path

from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File, Files

from checker.exercises import UnknownExercise, load_exercise
from checker.site import bundle, offline
from checker.site.rendering import relative_link

ASSETS_DIR = Path(__file__).parent / "assets"
# Pyodide runs the grader on the exercise pages (assets/check.js); its indexURL is the
# vendored folder, and it loads no packages of its own.
PYODIDE_FILES = ("pyodide.mjs", "pyodide.asm.mjs", "pyodide.asm.wasm", "python_stdlib.zip", "pyodide-lock.json")
VENDORED = {f"pyodide/{name}": f"assets/vendor/pyodide/{name}" for name in PYODIDE_FILES}
# The grading package and what it reads, zipped for Pyodide (checker/site/bundle.py).
CHECKER_BUNDLE = "assets/smm/checker.zip"
# Files of an exercise folder that learners download from the exercise page.
DOWNLOADS = ("starter.csv", "starter.xlsx", "answers-blank.csv", "answers-blank.xlsx", "data.csv")
# Warnings, not exceptions: `mkdocs build --strict` fails on them, a draft build goes on.
log = logging.getLogger("mkdocs.plugins.smm-course")


class CourseConfig(base.Config):
    enabled = c.Type(bool, default=True)
    # Where `npm ci` installed the front-end packages the site vendors.
    node_modules = c.Type(str, default="node_modules")


class CoursePlugin(BasePlugin[CourseConfig]):
    """Adds course assets and downloads, frames lesson pages and writes the service worker."""

    serving = False

    def on_startup(self, *, command, dirty):
        # A preview must never show pages saved from an earlier build.
        self.serving = command == "serve"

    def on_config(self, config):
        if not self.config.enabled:
            return config
        self.root = Path(config.config_file_path).resolve().parent
        self.vendored = {}
        for source, target in VENDORED.items():
            path = self.root / self.config.node_modules / source
            if not path.is_file():
                raise PluginError(f"{path} is missing: run `npm ci` in {self.root} (`make serve` does it).")
            self.vendored[target] = path
        for asset in sorted(ASSETS_DIR.iterdir()):
            uri = f"assets/smm/{asset.name}"
            if asset.suffix == ".css":
                config.extra_css.append(uri)
            elif asset.suffix == ".js":
                config.extra_javascript.append(uri)
        return config

    def on_files(self, files: Files, config) -> Files:
        if not self.config.enabled:
            return files
        added = dict(self.vendored)
        added.update({f"assets/smm/{a.name}": a for a in ASSETS_DIR.iterdir() if a.is_file()})
        for folder in sorted((self.root / "exercises").glob("*/")):
            for name in DOWNLOADS:
                if (folder / name).is_file():
                    added[f"exercises/{folder.name}/{name}"] = folder / name
        for uri, path in added.items():
            files.append(File.generated(config, uri, abs_src_path=str(path)))
        files.append(File.generated(config, CHECKER_BUNDLE, content=bundle.checker_zip(self.root)))
        return files

    def on_post_build(self, config):
        if not self.config.enabled:
            return
        site_dir = Path(config.site_dir)
        (site_dir / offline.SCRIPT).write_text(offline.service_worker(site_dir, self.serving), encoding="utf-8")

    def on_page_markdown(self, markdown: str, page, config, files) -> str:
        if not self.config.enabled or "topics" not in page.meta:
            return markdown
        return f"{self.objectives_box(page.meta)}\n\n{markdown}\n\n{self.closing(page.meta, page.file.src_uri)}"

    @staticmethod
    def objectives_box(meta: dict) -> str:
        """The 'what you will learn' box at the top of a lesson."""
        lines = ['!!! abstract "What you will learn"', ""]
        lines += [f"    - {objective}" for objective in meta.get("objectives", [])]
        topics = ", ".join(meta.get("topics", []))
        lines += ["", f"    :material-clock-outline: About {meta.get('minutes', '?')} minutes "
                  f"&middot; Topics {topics}"]
        return "\n".join(lines)

    def closing(self, meta: dict, src_uri: str) -> str:
        """Key points and practice links at the end of a lesson."""
        page_dir = posixpath.dirname(src_uri)
        lines = ['!!! success "Key points"', ""]
        lines += [f"    - {point}" for point in meta.get("key_points", [])]
        practice = []
        if meta.get("quiz"):
            quiz = relative_link(f"{meta['quiz']}/quiz.md", page_dir)
            practice.append(f"- :material-help-circle-outline: [Module quiz]({quiz}): "
                            "check your understanding, with an explanation for every answer.")
        for exercise_id in meta.get("exercises") or []:
            try:
                title = load_exercise(exercise_id, self.root).title
            except UnknownExercise as error:
                log.warning(f"{src_uri}: {error}")
                title = exercise_id
            page = relative_link(f"exercises/{exercise_id}.md", page_dir)
            practice.append(f"- :material-pencil-outline: [Exercise: {title}]({page})")
        if practice:
            lines += ["", "## Practise", "", *practice]
        return "\n".join(lines)
