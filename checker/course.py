"""Where the course's files live: the folder that holds ``exercises/`` and ``quizzes/``.

An instructor runs ``smm-check`` from inside their fork; a learner may run it anywhere,
in which case the course the package was installed from is used.
"""

from __future__ import annotations

import os
from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent


def course_root(start: Path | None = None) -> Path:
    """The course folder: ``$SMM_COURSE_DIR``, else the nearest folder at or above
    ``start`` (default: the working directory) holding ``mkdocs.yml`` and ``exercises/``,
    else the checkout the package itself sits in."""
    if os.environ.get("SMM_COURSE_DIR"):
        return Path(os.environ["SMM_COURSE_DIR"]).resolve()
    here = (start or Path.cwd()).resolve()
    for folder in (here, *here.parents):
        if (folder / "mkdocs.yml").is_file() and (folder / "exercises").is_dir():
            return folder
    return PACKAGE_DIR.parent


def exercises_dir(root: Path | None = None) -> Path:
    """The folder of exercise folders."""
    return (root or course_root()) / "exercises"


def quizzes_dir(root: Path | None = None) -> Path:
    """The folder of quiz banks."""
    return (root or course_root()) / "quizzes"
