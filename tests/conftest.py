"""Shared fixtures: the course root and the site built once per test session."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="session")
def root() -> Path:
    """The course folder (the repository checkout)."""
    return ROOT


@pytest.fixture(scope="session")
def built_site(tmp_path_factory) -> Path:
    """The course built once with ``mkdocs build --strict``; the build log is kept so a
    test can assert it is clean. ``SMM_SITE_DIR`` reuses an existing build."""
    if os.environ.get("SMM_SITE_DIR"):
        return Path(os.environ["SMM_SITE_DIR"])
    site = tmp_path_factory.mktemp("site")
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site)],
        cwd=ROOT, capture_output=True, text=True,
    )
    (site / ".build.log").write_text(result.stdout + result.stderr, encoding="utf-8")
    if result.returncode != 0:
        pytest.fail(f"mkdocs build --strict failed:\n{result.stderr[-4000:]}", pytrace=False)
    return site
