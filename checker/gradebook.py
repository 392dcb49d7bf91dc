"""Grade a whole class: a folder with one submission per learner, one gradebook row each.

The learner is the file name without its extension (``Ana Silva.csv``, ``ana.silva.xlsx``),
so an instructor who names files by LMS username gets a gradebook the LMS can match.
Each submission goes through the very function its kind's own command uses
(``smm-check plan``, or ``smm-check kpi --learner NAME`` for a kind whose learners each
have their own data), so a learner's row never disagrees with what they saw checking their file.
A file that cannot be graded is a row with status ``invalid`` and its problems, never
a reason to stop grading the others.
"""

from __future__ import annotations

import csv
import io
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from statistics import fmean

from checker.exercises import Exercise
from checker.kinds import KINDS, ExerciseKind, Submission, UnknownKind, exercise_kind
from checker.kpi.generate import normalise_name
from checker.problems import InputProblem, InvalidInput
from checker.report import Result
from checker.tables import XLSX_SUFFIXES

SUBMISSION_SUFFIXES = (".csv", *sorted(XLSX_SUFFIXES))
COLUMNS = ("learner", "lms_id", "late", "score", "passed", "status", "failed_rules", "problems")
GRADED, INVALID = "graded", "invalid"
# Why a file in the folder is not graded.
NOT_A_SUBMISSION = f"only {', '.join(SUBMISSION_SUFFIXES)} files are graded"
A_LINK = "a symbolic link: only files kept in the folder itself are graded, so copy the file in"
# Enough problems for the instructor to see what went wrong; the learner gets the full
# list by checking the file themselves.
PROBLEMS_SHOWN = 3
# A cell starting with one of these is run as a formula by Excel and LibreOffice; file
# names and problem texts come from learners, so such a cell is quoted (OWASP "CSV
# injection").
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


class ClassFolderError(ValueError):
    """The folder or the exercise cannot be graded as a class; the message says why."""


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


def learner_name(path: Path) -> str:
    """The learner a file belongs to: its name without the extension. NFC because macOS
    may hand back 'José' with a separate accent, which would generate another dataset."""
    return unicodedata.normalize("NFC", path.stem).strip()


def skip_reason(path: Path) -> str | None:
    """Why a file of the folder is not a submission, or None when it is one. A link is
    never followed: it could hand the grader any file of the machine (``eve.csv`` ->
    ``/etc/passwd``) and put what it reads into the gradebook."""
    if path.is_symlink():
        return A_LINK
    if (not path.is_file() or path.suffix.lower() not in SUBMISSION_SUFFIXES
            or path.name.startswith((".", "~$"))):  # hidden files; Excel's ~$ lock files
        return NOT_A_SUBMISSION
    return None


def grade_class(folder: str | Path, exercise: Exercise, encoding: str | None = None) -> Gradebook:
    """Grade every submission in ``folder``, and no file outside it. Raises
    ``ClassFolderError`` when the folder does not exist or holds no submission, or the
    exercise cannot be graded."""
    folder = Path(folder)
    if not folder.is_dir():
        raise ClassFolderError(f"there is no folder '{folder}'.")
    try:
        kind = exercise_kind(exercise.kind)
    except UnknownKind:
        raise ClassFolderError(f"'{exercise.id}' is a {exercise.kind} exercise; grade-class grades "
                               f"{', '.join(list(KINDS)[:-1])} and {list(KINDS)[-1]} exercises.") from None
    broken = kind.problems(exercise)
    if broken:
        raise ClassFolderError(f"the exercise '{exercise.id}' is broken: {' '.join(broken)} "
                               f"Run 'smm-check validate {exercise.id}'.")
    try:
        files = sorted(folder.iterdir(), key=lambda p: (learner_name(p).casefold(), p.name))
    except OSError as error:
        raise ClassFolderError(f"cannot read the folder '{folder}': {error.strerror}.") from None
    reasons = {path: skip_reason(path) for path in files}
    submissions = [p for p in files if reasons[p] is None]
    if not submissions:
        raise ClassFolderError(f"'{folder}' holds no submission: put one {', '.join(SUBMISSION_SUFFIXES)} "
                               "file per learner in it, named after the learner.")
    files_of: dict[str, list[str]] = {}
    for path in submissions:
        files_of.setdefault(normalise_name(learner_name(path)), []).append(path.name)
    entries = [Entry(learner_name(path), path.name,
                     outcome(kind, exercise, path, files_of[normalise_name(learner_name(path))], encoding))
               for path in submissions]
    skipped = {p.name + ("/" if p.is_dir() and not p.is_symlink() else ""): why
               for p, why in reasons.items() if why is not None}
    return Gradebook(exercise, entries, skipped)


def outcome(kind: ExerciseKind, exercise: Exercise, path: Path, learners_files: list[str],
            encoding: str | None) -> Result | InvalidInput:
    """One submission's result, or why it cannot be graded; ``learners_files`` are all
    the files that name the same learner."""
    learner = learner_name(path)
    if not learner:
        return InvalidInput([InputProblem(None, None, f"the file name '{path.name}' names no learner; "
                                          "rename it after the learner's username.")])
    if len(learners_files) > 1:
        # Grading one of them would be a guess at which the learner meant to hand in.
        return InvalidInput([InputProblem(None, None, f"this learner has {len(learners_files)} submissions "
                                          f"({', '.join(learners_files)}); keep one and grade again.")])
    try:
        # Each learner's own data, when the kind has it; the file name says whose.
        own = learner if kind.learner_data is not None else None
        return kind.grade(exercise, Submission(path, own, None, encoding))
    except InvalidInput as error:
        return error


def problems_summary(error: InvalidInput) -> str:
    """The first few problems, each with its row and column, and how many more there are."""
    shown = [str(p) for p in error.problems[:PROBLEMS_SHOWN]]
    more = len(error.problems) - PROBLEMS_SHOWN
    # Not "; ": the messages themselves use semicolons.
    return " | ".join(shown) + (f" | and {more} more" if more > 0 else "")


def spreadsheet_safe(text: str) -> str:
    """``text`` as a spreadsheet shows it, never run as a formula."""
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def gradebook_row(entry: Entry) -> list[str]:
    """An entry as the gradebook CSV's cells, in ``COLUMNS`` order."""
    who = [spreadsheet_safe(entry.learner), entry.lms_id, "yes" if entry.late else ""]
    if isinstance(entry.outcome, InvalidInput):
        return [*who, "", "", INVALID, "", spreadsheet_safe(problems_summary(entry.outcome))]
    result = entry.outcome
    failed = " ".join(f.rule for f in result.findings if f.status == "fail")
    return [*who, f"{result.score:g}", "yes" if result.passed else "no", GRADED, failed, ""]


def gradebook_csv(book: Gradebook) -> str:
    """The gradebook as CSV text: a byte-order mark first, so Excel reads it as UTF-8
    rather than the system's code page, then a header and one row per learner."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(COLUMNS)
    writer.writerows(gradebook_row(e) for e in book.entries)
    return "\ufeff" + out.getvalue()
