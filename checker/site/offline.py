"""The service worker that keeps the built course readable offline (``sw.js`` at the
site's root, written after every build from ``service-worker.js``).

It saves as the learner reads: the first visit saves that page and what it loaded, and at
most ``AHEAD_BUDGET`` bytes more (the site's "not found" page and the files it links,
which every page shares), nothing ahead at all when the browser asks to save data; every
page and file opened after that is saved as it arrives, Pyodide and the grader on the
first check. The progress page offers to save the whole course at once (``COURSE``). The
version is a digest of everything the site serves: a new build installs a new worker,
which drops the old version's files.

Under ``mkdocs serve`` the worker written is one that removes itself and its files, so an
author previewing a change never sees a page saved from an earlier build.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

SCRIPT = "sw.js"
TEMPLATE = Path(__file__).with_name("service-worker.js")
# What a first visit may fetch in the background beyond the page and what it loaded.
AHEAD_BUDGET = 500_000
# The page the worker answers with offline for an address it has not saved.
NOT_FOUND = "404.html"
# Never saved: the worker itself; the compressed sitemap, which only search engines read
# (Material reads sitemap.xml to tell the site's own links, so that one is saved); lunr's
# extra languages, which serve none in an English course; source maps, for developers' tools.
NEVER = (SCRIPT, "sitemap.xml.gz")
NEVER_PREFIXES = ("assets/javascripts/lunr/",)


def served_files(site_dir: Path) -> list[str]:
    """Every file the built site serves, as paths relative to its root, in order."""
    return sorted(p.relative_to(site_dir).as_posix() for p in site_dir.rglob("*")
                  if p.is_file() and not p.name.startswith("."))


def course(files: list[str]) -> list[str]:
    """The served files "Save the whole course" saves: all but those no learner uses."""
    return [name for name in files
            if name not in NEVER and not name.endswith(".map") and not name.startswith(NEVER_PREFIXES)]


def ahead(site_dir: Path, files: list[str]) -> list[str]:
    """What a first visit saves beyond its own page: the "not found" page and the files of
    ``files`` it links (the styles and scripts every page shares), within ``AHEAD_BUDGET``."""
    if NOT_FOUND not in files:
        return []
    page = (site_dir / NOT_FOUND).read_text(encoding="utf-8")
    chosen, total = [], 0
    for name in [NOT_FOUND, *(f for f in course(files) if f != NOT_FOUND and f"{f}\"" in page)]:
        size = (site_dir / name).stat().st_size
        if total + size <= AHEAD_BUDGET:
            chosen.append(name)
            total += size
    return chosen


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
        whole = course(files)
        build = {"version": version(site_dir, files),
                 "ahead": list(map(address, ahead(site_dir, files))),
                 "course": list(map(address, whole)),
                 "bytes": sum((site_dir / name).stat().st_size for name in whole)}
    return f"const BUILD = {json.dumps(build)};\n{TEMPLATE.read_text(encoding='utf-8')}"


def write_service_worker(site_dir: Path, serving: bool = False) -> None:
    """Writes ``sw.js`` into the site built in ``site_dir`` (see ``service_worker``)."""
    (site_dir / SCRIPT).write_text(service_worker(site_dir, serving), encoding="utf-8")
