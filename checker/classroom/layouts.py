"""Whose file is which, read from the names an LMS gives a class's download.

Moodle's "Download all submissions" puts each learner's files in a folder named
``<full name>_<participant id>_assignsubmission_file_`` (or, with folders turned off,
prefixes each file name with it); Moodle turns underscores in names into spaces, so the
name never holds one. Canvas's "Download Submissions" names each file
``<lastfirst>[_LATE]_<user id>_<attachment id>_<file name as uploaded>``. A flat folder
names each file after its learner. Names are only ever read here, never opened: the
caller decides where a file's bytes come from.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, replace
from pathlib import PurePosixPath

from checker.tables import XLSX_SUFFIXES

LAYOUTS = ("moodle", "canvas", "flat")
SUBMISSION_SUFFIXES = (".csv", *sorted(XLSX_SUFFIXES))
MOODLE = re.compile(r"(?P<name>[^_/]+)_(?P<id>\d+)_assignsubmission_(?P<plugin>[a-z]+)_(?P<rest>.*)", re.S)
CANVAS = re.compile(r"(?P<name>[^_/]+?)(?P<late>_late)?_(?P<id>\d+)_(?P<attachment>\d+)_(?P<file>[^/]+)",
                    re.S | re.I)
# What a name that fits no layout is told, so the instructor can see what was expected.
FITS_NO_LAYOUT = {
    "moodle": "the name fits no Moodle download ('Full Name_12345_assignsubmission_file_/plan.xlsx')",
    "canvas": "the name fits no Canvas download ('petrovaanna_4321_98765_plan.xlsx')",
    "flat": "a folder: in a flat folder each learner's file lies at the top, named after the learner",
}
EMPTY_FOLDER = "an empty folder"


@dataclass(frozen=True)
class Claim:
    """A file of the download and the learner it belongs to."""

    member: str  # the name in the download: a '/'-separated path inside it
    learner: str  # the name as the LMS gives it
    lms_id: str  # Moodle participant id, Canvas user id; empty in a flat folder
    late: bool
    file: str  # what the instructor sees: Moodle's "folder/file", else the file's name


@dataclass
class Reading:
    """A download read by one layout: the claimed files and the names left out, with why."""

    layout: str
    claims: list[Claim]
    skipped: dict[str, str]


def read_layout(names: list[str], layout: str | None = None,
                suffixes: tuple[str, ...] = SUBMISSION_SUFFIXES) -> Reading:
    """Who handed in which of ``names`` (files; folders end with '/'), by ``layout`` or,
    when None, by the layout most of the top-level names fit; only files ending in one of
    ``suffixes`` are submissions."""
    folder = common_folder(names)
    names = inside(names, folder)
    layout = layout or guess_layout(names)
    claims: list[Claim] = []
    skipped: dict[str, str] = {}
    holding = ancestors(names)
    for name in names:
        if name.endswith("/"):
            # Listed only when empty: a folder with files is judged by its files.
            if name not in holding:
                skipped[name] = EMPTY_FOLDER
            continue
        claim, why = claim_of(name, layout, suffixes)
        if claim is not None:
            claims.append(replace(claim, member=folder + name))
        else:
            skipped[why_key(name, layout)] = why
    return Reading(layout, claims, dict(sorted(skipped.items(), key=lambda item: item[0].casefold())))


def ancestors(names: list[str]) -> set[str]:
    """Every folder that holds one of ``names`` ('a/', 'a/b/' for 'a/b/c.csv')."""
    found = set()
    for name in names:
        parts = name.rstrip("/").split("/")[:-1]
        found.update("/".join(parts[:depth]) + "/" for depth in range(1, len(parts) + 1))
    return found


def common_folder(names: list[str]) -> str:
    """The folder every name lies in ('class/', or '' for none): a class zipped with its
    folder is read from inside it, unless that folder is a learner's own Moodle folder."""
    folder = ""
    while True:
        rest = inside(names, folder)
        tops = {name.split("/", 1)[0] for name in rest}
        if len(tops) != 1 or not all("/" in name for name in rest) or MOODLE.fullmatch(next(iter(tops))):
            return folder
        folder += next(iter(tops)) + "/"


def inside(names: list[str], folder: str) -> list[str]:
    """The names below ``folder``, relative to it."""
    return [name[len(folder):] for name in names if name.startswith(folder) and name != folder]


def guess_layout(names: list[str]) -> str:
    """The layout at least half the top-level names fit: Moodle, then Canvas, else flat."""
    tops = {name.split("/", 1)[0] for name in names if not hidden(name.split("/", 1)[0])}
    if not tops:
        return "flat"
    for layout, pattern in (("moodle", MOODLE), ("canvas", CANVAS)):
        if 2 * sum(bool(pattern.fullmatch(top)) for top in tops) >= len(tops):
            return layout
    return "flat"


def claim_of(name: str, layout: str, suffixes: tuple[str, ...]) -> tuple[Claim | None, str]:
    """Whose file ``name`` is under ``layout``, or why it is not a submission."""
    if layout == "moodle":
        match = MOODLE.fullmatch(name)
        if match is None:
            return None, FITS_NO_LAYOUT["moodle"]
        rest = match["rest"].lstrip("/")
        own = PurePosixPath(rest).name
        why = not_gradable(own, suffixes)
        if why:
            return None, why
        return Claim(name, composed(match["name"]), match["id"], False, name), ""
    if layout == "canvas":
        match = CANVAS.fullmatch(name)
        if match is None:
            return None, FITS_NO_LAYOUT["canvas"] if "/" not in name else FITS_NO_LAYOUT["flat"]
        why = not_gradable(match["file"], suffixes)
        if why:
            return None, why
        return Claim(name, composed(match["name"]), match["id"], bool(match["late"]), name), ""
    if "/" in name:
        return None, FITS_NO_LAYOUT["flat"]
    why = not_gradable(name, suffixes)
    if why:
        return None, why
    return Claim(name, composed(PurePosixPath(name).stem), "", False, name), ""


def why_key(name: str, layout: str) -> str:
    """How a skipped name is listed: a file by its name, except that a folder no learner
    owns is listed once, as 'folder/'."""
    top = name.split("/", 1)[0]
    if "/" in name and (layout != "moodle" or not MOODLE.fullmatch(top)):
        return top + "/"
    return name


def not_gradable(file_name: str, suffixes: tuple[str, ...]) -> str | None:
    """Why a file is not a submission by its own name, or None."""
    if PurePosixPath(file_name).suffix.lower() not in suffixes or hidden(file_name):
        return f"only {', '.join(suffixes)} files are graded"
    return None


def hidden(name: str) -> bool:
    """Hidden files, Excel's ~$ lock files and macOS's __MACOSX folder of a zip."""
    return name.startswith((".", "~$", "__MACOSX"))


def composed(name: str) -> str:
    """A name in composed form (NFC), stripped: macOS may hand back 'José' with a
    separate accent, which would be another learner and generate another dataset."""
    return unicodedata.normalize("NFC", name).strip()
