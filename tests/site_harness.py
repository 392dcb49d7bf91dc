"""The built site for the tests: built with ``mkdocs build --strict`` for the address it
is served at, and served on 127.0.0.1 as any static host would serve it."""

from __future__ import annotations

import functools
import os
import shutil
import subprocess
import sys
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# Debian's Chromium, which the browser tests, the diagram renderer and the Lighthouse
# benchmark drive, and the flags this workplace requires: no sandbox as root, and no
# background traffic to hosts that are unreachable here.
CHROMIUM = os.environ.get("SMM_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]
ZENSICAL = Path(sys.executable).with_name("zensical")
# What a copy of the course for Zensical leaves out: history, environments, installed
# packages (the copy links the real node_modules) and earlier builds.
NOT_COPIED = shutil.ignore_patterns(".git", ".venv", "node_modules", "site", ".cache", ".stamps",
                                    "__pycache__", ".pytest_cache", "*.egg-info")


class QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format, *args):  # the test output is for test results
        pass


def start_server(folder: Path, handler: type[SimpleHTTPRequestHandler] = QuietHandler) -> tuple[ThreadingHTTPServer, str]:
    """A server for ``folder`` on a free port, serving from a thread with ``handler``, and its
    base URL (ending in '/'). ``server.shutdown()`` and ``server.server_close()`` stop it."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(handler, directory=str(folder)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_port}/"


def build_site(folder: Path, url: str) -> subprocess.CompletedProcess:
    """Build the course into ``folder`` for the base URL ``url``: Material's instant
    navigation follows only links under the site_url its sitemap lists."""
    return subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(folder)],
                          cwd=ROOT, capture_output=True, text=True, env={**os.environ, "SMM_SITE_URL": url})


def build_site_with_zensical(course: Path, url: str) -> subprocess.CompletedProcess:
    """Build the course with Zensical for the base URL ``url``, then run the course's build
    step on it, as ``make build-zensical`` does. Zensical builds inside its project folder
    only, so both run on a copy of the course made in ``course`` (a new folder); the site
    is ``course / "site"``. The result of the first command that fails, else of the last."""
    shutil.copytree(ROOT, course, ignore=NOT_COPIED)
    (course / "node_modules").symlink_to(ROOT / "node_modules")
    env = {**os.environ, "SMM_SITE_URL": url}
    for command in ([str(ZENSICAL), "build", "--strict"],
                    [sys.executable, "-m", "checker.site.build", "--site-dir", "site"]):
        result = subprocess.run(command, cwd=course, env=env, capture_output=True, text=True)
        if result.returncode != 0:
            break
    return result
