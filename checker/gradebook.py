"""Grade a whole class: a folder or zip of submissions, one gradebook row per file.

The download is read as the LMS laid it out (``checker.classroom.layouts``): Moodle's
folder per learner, Canvas's file names, or a flat folder of files named after their
learners, so each row carries the learner's name and identifier as the LMS gives them.
Each submission goes through the very function its kind's own command uses
(``smm-check plan``, or ``smm-check kpi --learner NAME`` for a kind whose learners each
have their own data), so a learner's row never disagrees with what they saw checking their file.
A file that cannot be graded is a row with status ``invalid`` and its problems, never
a reason to stop grading the others.
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from statistics import fmean
from typing import Callable, Iterable

from checker.classroom.download import ClassFolderError, open_download
from checker.classroom.layouts import SUBMISSION_SUFFIXES, Claim, read_layout
from checker.classroom.pool import Grader, grade_all
from checker.exercises import Exercise
from checker.kinds import KINDS, ExerciseKind, Submission, UnknownKind, exercise_kind
from checker.kpi.generate import normalise_name
from checker.problems import InputProblem, InvalidInput
from checker.report import Result

COLUMNS = ("learner", "lms_id", "late", "score", "passed", "status", "failed_rules", "problems")
GRADED, INVALID = "graded", "invalid"
# Enough problems for the instructor to see what went wrong; the learner gets the full
# list by checking the file themselves.
PROBLEMS_SHOWN = 3
# A cell starting with one of these is run as a formula by Excel and LibreOffice; file
# names and problem texts come from learners, so such a cell is quoted (OWASP "CSV
# injection").
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
NUMBER = re.compile(r"-?\d+(?:[.,]\d+)?")


@dataclass
class Entry:
    """One learner's row: who handed it in, the file, and its result or the reason it was
    not graded. ``learner`` is the name as the LMS gives it (Moodle's full name, Canvas's
    ``lastfirst`` login-style name, or in a flat folder the file name without extension);
    ``lms_id`` is the LMS's own identifier (Moodle participant id, Canvas user id; empty
    in a flat folder), which is what the worksheet and the roster match on."""

    learner: str
    file: str  # as the download names it: Moodle's is "folder/file"
    outcome: Result | InvalidInput
    lms_id: str = ""
    late: bool = False  # the LMS marked the submission late (Canvas's LATE)

    @property
    def status(self) -> str:
        """``graded`` or ``invalid``."""
        return INVALID if isinstance(self.outcome, InvalidInput) else GRADED

    def as_dict(self) -> dict:
        """The learner's object in the ``--json`` output."""
        who = {"learner": self.learner, "lms_id": self.lms_id, "late": self.late, "file": self.file}
        if isinstance(self.outcome, InvalidInput):
            return {**who, "score": None, "passed": None, "status": INVALID,
                    "problems": [p.as_dict() for p in self.outcome.problems]}
        return {**who, "score": self.outcome.score, "passed": self.outcome.passed,
                "status": GRADED, "findings": self.outcome.as_dict()["findings"]}


@dataclass
class Gradebook:
    """A graded class: an entry per submission, sorted by learner, and the files left out."""

    exercise: Exercise
    entries: list[Entry]
    skipped: dict[str, str] = field(default_factory=dict)  # file name -> why it is not graded
    layout: str = "flat"  # how the submissions were laid out: moodle, canvas or flat

    @property
    def graded(self) -> list[Result]:
        """The results of the submissions that could be graded."""
        return [e.outcome for e in self.entries if isinstance(e.outcome, Result)]

    @property
    def invalid(self) -> list[Entry]:
        """The submissions that could not be graded."""
        return [e for e in self.entries if e.status == INVALID]

    def as_dict(self) -> dict:
        """The documented ``--json`` object."""
        return {"exercise": self.exercise.id, "kind": self.exercise.kind, "layout": self.layout,
                "learners": [e.as_dict() for e in self.entries],
                "skipped": [{"file": name, "reason": why} for name, why in self.skipped.items()]}

    def summary(self) -> str:
        """One line for the instructor: how many were graded, passed and invalid, and the mean."""
        graded = self.graded
        mean = f"mean score {fmean(r.score for r in graded):.1f}" if graded else "no mean score"
        return (f"{len(graded)} graded, {sum(r.passed for r in graded)} passed, "
                f"{len(self.invalid)} invalid, {mean}")


def grade_class(source: str | Path, exercise: Exercise, encoding: str | None = None, layout: str | None = None,
                jobs: int = 1, started: Callable[[int], Callable[[int], None]] | None = None,
                scratch: Path | None = None) -> Gradebook:
    """Grade every submission of ``exercise`` in the folder or zip archive ``source``, as
    its kind's own command grades one (see ``grade_download`` for the rest). Raises
    ``ClassFolderError`` when the source cannot be read or holds no submission, or the
    exercise cannot be graded."""
    kind = gradable_kind(exercise)
    return grade_download(Path(source), exercise, partial(grade_exercise, exercise), SUBMISSION_SUFFIXES,
                          kind.learner_data is not None, encoding, layout, jobs, started, scratch)


def grade_exercise(exercise: Exercise, submission: Submission) -> Result:
    """One file graded by its exercise kind's own function. Raises ``InvalidInput``."""
    return exercise_kind(exercise.kind).grade(exercise, submission)


def grade_download(source: Path, subject: Exercise, grader: Grader, suffixes: tuple[str, ...], own_data: bool,
                   encoding: str | None = None, layout: str | None = None, jobs: int = 1,
                   started: Callable[[int], Callable[[int], None]] | None = None,
                   scratch: Path | None = None) -> Gradebook:
    """Grade each file ending in one of ``suffixes`` in ``source`` with ``grader``, the
    download read as ``layout`` (moodle, canvas or flat; guessed when None), on ``jobs``
    processes; with ``own_data`` each file is graded against its learner's own data.
    ``started(total)`` is told how many files will be graded and returns what is called
    as each is done. An archive is unpacked into a private folder made in ``scratch``."""
    with open_download(source, scratch) as download:
        reading = read_layout(download.names, layout, suffixes)
        if not reading.claims:
            raise ClassFolderError(f"'{source}' holds no submission: Moodle's or Canvas's download of the "
                                   f"submissions, or one {', '.join(suffixes)} file per learner named after "
                                   "the learner.")
        claims = sorted(reading.claims, key=lambda c: (c.learner.casefold(), c.file))
        files_of: dict[str, list[str]] = {}
        for claim in claims:
            files_of.setdefault(identity(claim), []).append(claim.file)
        outcomes: list[Result | InvalidInput | None] = []
        submissions: list[Submission] = []
        for claim in claims:
            refused = refusal(claim, files_of[identity(claim)])
            if refused is None:
                try:
                    own = claim.learner if own_data else None
                    submissions.append(Submission(download.fetch(claim.member), own, None, encoding))
                except InvalidInput as error:
                    refused = error
            outcomes.append(refused)
        advance = started(len(submissions)) if started is not None else None
        graded = iter(grade_all(grader, submissions, jobs, advance))
    entries = [Entry(c.learner, c.file, o if o is not None else next(graded), c.lms_id, c.late)
               for c, o in zip(claims, outcomes)]
    skipped = dict(sorted({**download.skipped, **reading.skipped}.items(), key=lambda item: item[0].casefold()))
    return Gradebook(subject, entries, skipped, reading.layout)


def gradable_kind(exercise: Exercise) -> ExerciseKind:
    """The exercise's kind, or ``ClassFolderError`` when it cannot be graded."""
    try:
        kind = exercise_kind(exercise.kind)
    except UnknownKind:
        raise ClassFolderError(f"'{exercise.id}' is a {exercise.kind} exercise; grade-class grades "
                               f"{', '.join(list(KINDS)[:-1])} and {list(KINDS)[-1]} exercises.") from None
    broken = kind.problems(exercise)
    if broken:
        raise ClassFolderError(f"the exercise '{exercise.id}' is broken: {' '.join(broken)} "
                               f"Run 'smm-check validate {exercise.id}'.")
    return kind


def identity(claim: Claim) -> str:
    """What makes two files one learner's: the LMS's identifier, else the name."""
    return claim.lms_id or normalise_name(claim.learner)


def refusal(claim: Claim, learners_files: list[str]) -> InvalidInput | None:
    """Why a claimed file is not graded before it is read, or None; ``learners_files``
    are all the files of the same learner."""
    if not claim.learner:
        return InvalidInput([InputProblem(None, None, f"the file name '{claim.file}' names no learner; "
                                          "rename it after the learner's username.")])
    if len(learners_files) > 1:
        # Grading one of them would be a guess at which the learner meant to hand in.
        return InvalidInput([InputProblem(None, None, f"this learner has {len(learners_files)} submissions "
                                          f"({', '.join(learners_files)}); keep one and grade again.")])
    return None


def problems_summary(error: InvalidInput) -> str:
    """The first few problems, each with its row and column, and how many more there are."""
    shown = [str(p) for p in error.problems[:PROBLEMS_SHOWN]]
    more = len(error.problems) - PROBLEMS_SHOWN
    # Not "; ": the messages themselves use semicolons.
    return " | ".join(shown) + (f" | and {more} more" if more > 0 else "")


def spreadsheet_safe(text: str) -> str:
    """``text`` as a spreadsheet shows it, never run as a formula. A number ("-2.5") and
    Moodle's lone "-" for no date are left as they are: neither runs anything."""
    if not text.startswith(FORMULA_STARTS) or text == "-" or NUMBER.fullmatch(text):
        return text
    return "'" + text


def csv_text(header: list[str] | tuple[str, ...], rows: Iterable[list[str]]) -> str:
    """CSV text with every cell made ``spreadsheet_safe``: a byte-order mark first, so
    Excel reads it as UTF-8 rather than the system's code page, then the header and rows."""
    out = io.StringIO()
    writer = csv.writer(out)
    for cells in (header, *rows):
        writer.writerow(spreadsheet_safe(cell) for cell in cells)
    return "\ufeff" + out.getvalue()


def gradebook_row(entry: Entry) -> list[str]:
    """An entry as the gradebook CSV's cells, in ``COLUMNS`` order."""
    who = [entry.learner, entry.lms_id, "yes" if entry.late else ""]
    if isinstance(entry.outcome, InvalidInput):
        return [*who, "", "", INVALID, "", problems_summary(entry.outcome)]
    result = entry.outcome
    failed = " ".join(f.rule for f in result.findings if f.status == "fail")
    return [*who, f"{result.score:g}", "yes" if result.passed else "no", GRADED, failed, ""]


def gradebook_csv(book: Gradebook) -> str:
    """The gradebook as CSV text, a row per learner (see ``csv_text``)."""
    return csv_text(COLUMNS, (gradebook_row(e) for e in book.entries))
