"""The course's build step: the files a built site needs besides its pages, for any
MkDocs-compatible builder.

Pages are Markdown turned into HTML by Python-Markdown extensions (the course directives,
the lesson frame), which every such builder runs. What no Markdown extension can add is
added here: the widgets' scripts and styles (``mkdocs.yml`` lists them in ``extra_css``
and ``extra_javascript``), vendored Pyodide, the grader bundle, the exercises' downloads,
and last the service worker, which must know every file of the finished site. MkDocs runs
this step through the course plugin (``checker/site/plugin.py``); after another builder,
run it on the built site::

    zensical build && python -m checker.site.build --site-dir site
"""

from __future__ import annotations

import argparse
import shutil
import sys
from pathlib import Path

from checker.course import course_root
from checker.exercises import ExerciseError
from checker.kinds import UnknownKind, course_exercises
from checker.site import bundle, offline

ASSETS_DIR = Path(__file__).parent / "assets"
# Pyodide runs the grader on the exercise pages (assets/check.js); its indexURL is the
# vendored folder, and it loads no packages of its own.
PYODIDE_FILES = ("pyodide.mjs", "pyodide.asm.mjs", "pyodide.asm.wasm", "python_stdlib.zip", "pyodide-lock.json")
VENDORED = {f"pyodide/{name}": f"assets/vendor/pyodide/{name}" for name in PYODIDE_FILES}
# The grading package and what it reads, zipped for Pyodide (checker/site/bundle.py).
CHECKER_BUNDLE = "assets/smm/checker.zip"


class BuildStepError(Exception):
    """What stops the build step; the message says what to fix."""


class MissingVendored(BuildStepError):
    """A front-end file the site vendors is not installed; the message says how to install it."""


def site_files(root: Path, node_modules: Path | None = None) -> dict[str, Path | bytes]:
    """Site path -> source file, or content, of every file the step adds to a site: the
    widget assets, vendored Pyodide (from ``node_modules``, default ``root/node_modules``),
    the grader bundle and each exercise's downloads (what its kind declares). Raises
    ``BuildStepError``."""
    node_modules = node_modules or root / "node_modules"
    files: dict[str, Path | bytes] = {}
    for source, target in VENDORED.items():
        path = node_modules / source
        if not path.is_file():
            raise MissingVendored(f"{path} is missing: run `npm ci` in {root} (`make serve` does it).")
        files[target] = path
    files.update({f"assets/smm/{asset.name}": asset for asset in sorted(ASSETS_DIR.iterdir()) if asset.is_file()})
    try:
        exercises = course_exercises(root)
    except (ExerciseError, UnknownKind) as error:
        raise BuildStepError(str(error)) from None
    for exercise, kind in exercises:
        for name in kind.downloads:
            if exercise.file(name).is_file():
                files[f"exercises/{exercise.id}/{name}"] = exercise.file(name)
    files[CHECKER_BUNDLE] = bundle.checker_zip(root)
    return files


def complete(site_dir: Path, root: Path, node_modules: Path | None = None) -> None:
    """Adds the step's files to a site a builder has written into ``site_dir``, then its
    service worker."""
    for name, source in site_files(root, node_modules).items():
        target = site_dir / name
        target.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(source, bytes):
            target.write_bytes(source)
        else:
            shutil.copyfile(source, target)
    offline.write_service_worker(site_dir)


def main(argv: list[str] | None = None) -> int:
    """``python -m checker.site.build``: complete a site another builder has built."""
    parser = argparse.ArgumentParser(prog="python -m checker.site.build", description=__doc__.split("\n\n")[0])
    parser.add_argument("--site-dir", type=Path, default=Path("site"), help="the built site (default: ./site)")
    parser.add_argument("--root", type=Path, default=None, help="the course folder (default: found from here)")
    args = parser.parse_args(argv)
    root = (args.root or course_root()).resolve()
    site_dir = args.site_dir.resolve()
    if not (site_dir / "index.html").is_file():
        print(f"{site_dir} holds no built site (no index.html): build it first.", file=sys.stderr)
        return 2
    try:
        complete(site_dir, root)
    except BuildStepError as error:
        print(error, file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())
