"""The zip the exercise pages unpack into Pyodide: the grading package, the pure-Python
XLSX reader it needs, and what grading reads from each exercise folder.

The packages are taken from the environment that builds the site, so the browser grades
with the very code ``smm-check`` runs. The zip is deterministic (sorted names, fixed
timestamps and modes): the same sources always give the same bytes, and the built site
does not change from one build to the next.
"""

from __future__ import annotations

import importlib.util
import io
import zipfile
from pathlib import Path

from checker.kinds import course_exercises

# Packages importable by name, each copied whole as its folder.
PACKAGES = ("checker", "openpyxl", "et_xmlfile")
# Parts of those packages grading never imports: the site extension needs MkDocs.
LEFT_OUT = ("checker/site",)
# The earliest date a zip entry can carry.
TIMESTAMP = (1980, 1, 1, 0, 0, 0)


def package_folder(name: str) -> Path:
    """The folder an installed package is imported from."""
    spec = importlib.util.find_spec(name)
    if spec is None or not spec.submodule_search_locations:
        raise LookupError(f"the package '{name}' is not installed; `pip install -e .` installs it.")
    return Path(next(iter(spec.submodule_search_locations)))


def bundle_entries(root: Path) -> dict[str, Path]:
    """Zip path -> source file: every package file (no bytecode caches) and what grading
    reads from each exercise folder (its ``exercise.toml`` and the files its kind declares
    in ``graded_files``), with exercises laid out beside ``checker/`` as in the course folder."""
    entries: dict[str, Path] = {}
    for name in PACKAGES:
        folder = package_folder(name)
        for path in folder.rglob("*"):
            arcname = f"{name}/{path.relative_to(folder).as_posix()}"
            if (path.is_file() and "__pycache__" not in path.parts and path.suffix != ".pyc"
                    and not arcname.startswith(tuple(f"{prefix}/" for prefix in LEFT_OUT))):
                entries[arcname] = path
    for exercise, kind in course_exercises(root):
        for name in ("exercise.toml", *kind.graded_files):
            if exercise.file(name).is_file():
                entries[f"exercises/{exercise.id}/{name}"] = exercise.file(name)
    return entries


def checker_zip(root: Path) -> bytes:
    """The bundle's bytes."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for arcname, path in sorted(bundle_entries(root).items()):
            info = zipfile.ZipInfo(arcname, TIMESTAMP)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            archive.writestr(info, path.read_bytes())
    return out.getvalue()
