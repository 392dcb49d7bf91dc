"""The MkDocs plugin: runs the course's build step (``checker/site/build.py``) inside
MkDocs, so ``mkdocs build`` and ``mkdocs serve`` need nothing else.

It adds the step's files (widget assets, vendored Pyodide, the grader bundle, exercise
downloads) to the build and writes the service worker after it. Everything a learner sees
comes from that step or from Markdown extensions, which another builder runs as well; the
plugin holds no logic of its own.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File, Files

from checker.site import build, offline


class CourseConfig(base.Config):
    enabled = c.Type(bool, default=True)
    # Where `npm ci` installed the front-end packages the site vendors.
    node_modules = c.Type(str, default="node_modules")


class CoursePlugin(BasePlugin[CourseConfig]):
    """Adds the build step's files to the site and writes its service worker."""

    serving = False

    def on_startup(self, *, command, dirty):
        # A preview must never show pages saved from an earlier build.
        self.serving = command == "serve"

    def on_files(self, files: Files, config) -> Files:
        if not self.config.enabled:
            return files
        root = Path(config.config_file_path).resolve().parent
        try:
            added = build.site_files(root, root / self.config.node_modules)
        except build.BuildStepError as error:
            raise PluginError(str(error)) from None
        for uri, source in added.items():
            if isinstance(source, bytes):
                files.append(File.generated(config, uri, content=source))
            else:
                files.append(File.generated(config, uri, abs_src_path=str(source)))
        return files

    def on_post_build(self, config):
        if self.config.enabled:
            offline.write_service_worker(Path(config.site_dir), self.serving)
