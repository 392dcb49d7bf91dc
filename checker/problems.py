"""Input problems: what is wrong with a learner's file, where, and what to do.

Invalid input is never graded: it is reported as a list of problems, each naming the
spreadsheet row (header = row 1) and column, so a learner can fix every one at once.
"""

from __future__ import annotations

from dataclasses import dataclass
from difflib import get_close_matches


@dataclass(frozen=True)
class InputProblem:
    """One thing wrong with an input file. ``row`` and ``column`` are None when the
    problem concerns the whole file."""

    row: int | None
    column: str | None
    message: str

    def as_dict(self) -> dict:
        """The problem in the documented JSON shape."""
        return {"row": self.row, "column": self.column, "message": self.message}

    def __str__(self) -> str:
        where = []
        if self.row is not None:
            where.append(f"row {self.row}")
        if self.column is not None:
            where.append(f"column '{self.column}'")
        return f"{', '.join(where)}: {self.message}" if where else self.message


class InvalidInput(Exception):
    """Raised with every problem found, so none is reported one fix at a time."""

    def __init__(self, problems: list[InputProblem]):
        super().__init__("; ".join(str(p) for p in problems))
        self.problems = problems

    def as_dict(self) -> dict:
        """The documented ``--json`` shape of an invalid input."""
        return {"error": "invalid-input", "problems": [p.as_dict() for p in self.problems]}


def suggestion(value: str, choices: list[str]) -> str:
    """A 'did you mean ...?' hint for a value that is close to one of ``choices``."""
    close = get_close_matches(value.strip().lower(), choices, n=1, cutoff=0.6)
    return f" Did you mean '{close[0]}'?" if close else ""
