"""The service worker that makes the built course work offline (``sw.js`` at the site's
root, written by the plugin after every build from ``service-worker.js``).

Installing it saves every page and the files they need, diagrams included (9 MB), so the
whole course reads offline after a learner's first visit. Pyodide and the grader bundle
(13 MB) are saved the first time the check panel uses them instead, so a learner who has
run one check online can check offline from then on. The version is a digest of
everything the site serves: a new build installs a new worker, which drops the old
version's files.

Under ``mkdocs serve`` the worker written is one that removes itself and its files, so an
author previewing a change never sees a page saved from an earlier build.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

SCRIPT = "sw.js"
TEMPLATE = Path(__file__).with_name("service-worker.js")
# Saved when first used rather than on install: Pyodide and the grader bundle are large
# and serve only learners who check their work in the browser; lunr's extra languages
# serve none in an English course; source maps serve developers' tools.
ON_FIRST_USE = ("assets/vendor/pyodide/", "assets/smm/checker.zip", "assets/javascripts/lunr/")
# The worker itself, and the compressed sitemap, which only search engines read (Material
# reads sitemap.xml to tell the site's own links, so that one is saved).
NEVER = (SCRIPT, "sitemap.xml.gz")


def served_files(site_dir: Path) -> list[str]:
    """Every file the built site serves, as paths relative to its root, in order."""
    return sorted(p.relative_to(site_dir).as_posix() for p in site_dir.rglob("*")
                  if p.is_file() and not p.name.startswith("."))


def saved_on_install(files: list[str]) -> list[str]:
    """The served files the worker saves on install: all but those saved on first use."""
    return [name for name in files
            if name not in NEVER and not name.endswith(".map") and not name.startswith(ON_FIRST_USE)]


def address(name: str) -> str:
    """The address of a file relative to the site root, as the site links to it: a page by
    its folder ('' for the home page, 'kpis/' for kpis/index.html)."""
    return name.removesuffix("index.html") if name == "index.html" or name.endswith("/index.html") else name


def version(site_dir: Path, files: list[str]) -> str:
    """A digest of every served file's path and content: it changes with any change to the
    site, and only then."""
    digest = hashlib.sha256()
    for name in files:
        if name in NEVER:
            continue
        digest.update(name.encode() + b"\0")
        digest.update((site_dir / name).read_bytes())
    return digest.hexdigest()[:16]


def service_worker(site_dir: Path, serving: bool = False) -> str:
    """The text of ``sw.js`` for the site built in ``site_dir``: the worker that saves this
    build, or (``serving``) the one that removes every saved build."""
    build = None
    if not serving:
        files = served_files(site_dir)
        build = {"version": version(site_dir, files), "precache": list(map(address, saved_on_install(files)))}
    return f"const BUILD = {json.dumps(build)};\n{TEMPLATE.read_text(encoding='utf-8')}"
