"""A Canvas gradebook export with one assignment's column filled from a graded class.

Grades > Export gives a CSV whose columns are Student, ID (the Canvas user id the
download's file names carry), SIS User ID, SIS Login ID, Section (some institutions
add Integration ID), then one column per assignment headed "<name> (<assignment id>)",
then read-only totals. The row under the header starts "Points Possible" and holds each
assignment's points (exports with manual posting add a row of posting policies before
it). Grades > Import takes the file back and shows the changed scores to confirm; only
the assignment's column is filled here, in points, and the rest goes back as it came.
"""

from __future__ import annotations

import re

from checker.classroom.lms_csv import Filled, LmsFileError, LmsTable, fold, number, scaled
from checker.exercises import Exercise
from checker.gradebook import Gradebook
from checker.report import Result

STUDENT, USER_ID = "Student", "ID"
POINTS_POSSIBLE = "Points Possible"
ASSIGNMENT = re.compile(r"(?P<name>.*\S)\s*\((?P<id>\d+)\)")


def assignment_column(roster: LmsTable, wanted: str | None, exercise: Exercise) -> int:
    """The column of the assignment named ``wanted`` (its heading, its name without the
    id, or its id), or when None the one named after the exercise's title or id. Raises
    ``LmsFileError`` listing the assignments when none or several fit."""
    assignments = {index: ASSIGNMENT.fullmatch(heading.strip()) for index, heading in enumerate(roster.header)}
    assignments = {index: match for index, match in assignments.items() if match}
    names = [wanted] if wanted else [exercise.title, exercise.id]
    for name in names:
        fits = [index for index, match in assignments.items()
                if fold(name) in (fold(match.group(0)), fold(match["name"]), match["id"])]
        if len(fits) == 1:
            return fits[0]
        if len(fits) > 1:
            raise LmsFileError(f"{roster.path.name}: several assignments are named '{name}': "
                               f"{', '.join(roster.header[i] for i in fits)}; choose one with --assignment "
                               "and its number, e.g. --assignment 1234.")
    listed = ", ".join(repr(m.group(0)) for m in assignments.values()) or "none"
    asked = f"'{wanted}'" if wanted else f"'{exercise.title}' (the exercise's title) or '{exercise.id}'"
    raise LmsFileError(f"{roster.path.name}: no assignment column is named {asked}; the assignments are "
                       f"{listed}. Name the one to fill with --assignment.")


def fill_roster(roster: LmsTable, book: Gradebook, wanted: str | None = None) -> Filled:
    """Put each graded learner's points in the assignment's column of ``roster`` (changed
    in place); an invalid submission's cell is left as it was. Raises ``LmsFileError``."""
    column = assignment_column(roster, wanted, book.exercise)
    student, user_id = roster.column(STUDENT), roster.column(USER_ID)
    points = None
    by_id = {e.lms_id: e for e in book.entries if e.lms_id}
    filled = Filled()
    seen: set[str] = set()
    for number_in_file, row in enumerate(roster.rows, start=2):
        if fold(roster.cell(row, student)) == fold(POINTS_POSSIBLE):
            points = number(roster.cell(row, column))
            if points is None:
                raise LmsFileError(f"{roster.path.name}: row {number_in_file}, column '{roster.header[column]}': "
                                   f"the points possible '{roster.cell(row, column)}' are not a number.")
            continue
        entry = by_id.get(roster.cell(row, user_id).strip())
        if entry is None:
            continue
        seen.add(entry.lms_id)
        if not isinstance(entry.outcome, Result):
            continue
        if points is None:
            raise LmsFileError(f"{roster.path.name}: there is no 'Points Possible' row above the students; "
                               "export the gradebook from Canvas again.")
        row[column] = f"{scaled(entry.outcome.score, points):g}"
        filled.graded += 1
    filled.unmatched = [e.learner for e in book.entries if e.lms_id not in seen]
    return filled
