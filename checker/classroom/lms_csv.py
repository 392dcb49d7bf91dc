"""The CSV files an LMS exports for grading, read as written and written back whole.

Moodle's grading worksheet and Canvas's gradebook export are filled in place: every
column but the one being graded goes back as it came, because both importers read
columns besides the grade (Moodle the time a grade last changed, Canvas the ids) and
ignore or refuse a file that differs in them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from checker.problems import InvalidInput
from checker.tables import decode, parse_csv


class LmsFileError(ValueError):
    """A worksheet or gradebook export that cannot be filled; the message names the
    file, and the row and column where there is one."""


@dataclass
class LmsTable:
    """A CSV file's header and rows (row 2 is the first under the header), as text."""

    path: Path
    header: list[str]
    rows: list[list[str]]

    def column(self, name: str) -> int:
        """The index of the column headed ``name`` (case and spacing aside), or ``LmsFileError``."""
        wanted = fold(name)
        for index, heading in enumerate(self.header):
            if fold(heading) == wanted:
                return index
        raise LmsFileError(f"{self.path.name}: there is no column '{name}'; the columns are "
                           f"{', '.join(repr(h) for h in self.header)}.")

    def cell(self, row: list[str], index: int) -> str:
        """A row's cell, empty where the row is short."""
        return row[index] if index < len(row) else ""


@dataclass
class Filled:
    """What filling an LMS file did: rows graded, learners it has no row for, and rows
    whose grade the LMS locks (each as the LMS names the learner)."""

    graded: int = 0
    unmatched: list[str] = field(default_factory=list)
    locked: list[str] = field(default_factory=list)

    def summary(self, what: str) -> str:
        """One line for the instructor."""
        line = f"{what}: {self.graded} rows graded"
        if self.locked:
            line += f"; grade locked in the LMS for {', '.join(self.locked)}"
        if self.unmatched:
            line += f"; no row for {', '.join(self.unmatched)} (grade them by hand)"
        return line


def read_lms_csv(path: Path) -> LmsTable:
    """Read an LMS's CSV export (UTF-8 with or without BOM, or UTF-16; comma, semicolon
    or tab separated). Raises ``LmsFileError`` saying what is wrong."""
    try:
        table = parse_csv(decode(path.read_bytes(), None))
    except OSError as error:
        raise LmsFileError(f"cannot read '{path}': {error.strerror}.") from None
    except InvalidInput as error:
        raise LmsFileError(f"{path.name}: {error}") from None
    if not table.header:
        raise LmsFileError(f"{path.name} is empty: export it from the LMS again.")
    width = len(table.header)
    return LmsTable(path, table.header, [row.cells + [""] * (width - len(row.cells)) for row in table.rows])


def fold(text: str) -> str:
    """A heading or name compared without case or runs of spaces."""
    return re.sub(r"\s+", " ", text).strip().casefold()


def scaled(score: float, maximum: float) -> float:
    """A 0-100 score as points out of ``maximum``, to two decimals as both LMSs show them."""
    return round(score * maximum / 100, 2)


def number(text: str) -> float | None:
    """A number as an LMS writes it ('100.00', '100,00', '10'), or None."""
    try:
        return float(text.strip().replace(",", "."))
    except ValueError:
        return None
