"""Shared fixtures: the course root, and the site built once per test session and
served on 127.0.0.1."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from site_harness import ROOT, build_site, start_server


@pytest.fixture(scope="session")
def root() -> Path:
    """The course folder (the repository checkout)."""
    return ROOT


@pytest.fixture(scope="session")
def site_server(tmp_path_factory):
    """(folder, base URL) of a static server on 127.0.0.1. It starts before the build so
    the site can be built for its own address: Material's instant navigation follows only
    links under the site_url its sitemap lists. ``SMM_SITE_DIR`` serves an existing build."""
    folder = Path(os.environ.get("SMM_SITE_DIR") or tmp_path_factory.mktemp("site"))
    server, url = start_server(folder)
    yield folder, url
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="session")
def built_site(site_server) -> Path:
    """The course built once with ``mkdocs build --strict`` for the test server's
    address; the build log is kept so a test can assert it is clean."""
    folder, url = site_server
    if os.environ.get("SMM_SITE_DIR"):
        return folder
    result = build_site(folder, url)
    (folder / ".build.log").write_text(result.stdout + result.stderr, encoding="utf-8")
    if result.returncode != 0:
        pytest.fail(f"mkdocs build --strict failed:\n{result.stderr[-4000:]}", pytrace=False)
    return folder
