"""The grader's one entry point for the browser, where Pyodide runs this package.

The exercise page hands over the uploaded file as bytes. They are written to a file in
Pyodide's in-memory file system and graded by the very function the kind's
``smm-check`` command calls, so the page shows exactly what the CLI's ``--json``
prints: the same score, findings and input problems, with the file named as the
learner named it.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from checker.command_line import UsageError
from checker.exercises import Exercise, UnknownExercise, load_exercise
from checker.kinds import ExerciseKind, Submission, UnknownKind, exercise_kind, exercise_of_kind
from checker.problems import InvalidInput

# What an upload is called when the browser gives no usable name.
FALLBACK_NAME = "upload.csv"


def grade(kind: str, exercise_id: str, filename: str, data: bytes, learner: str | None = None) -> dict:
    """Grade an uploaded file for exercise ``exercise_id`` of ``kind`` (for a kind whose
    learners have their own data, against ``learner``'s, or without a name, where the kind
    allows it, against the exercise's own). Returns the CLI's ``--json`` object: a result,
    the invalid-input object, or ``{"error": "usage", "message": ...}``."""
    try:
        declared, exercise = _exercise(kind, exercise_id)
        named = bool((learner or "").strip())
        if declared.learner_data is not None and declared.learner_required and not named:
            raise UsageError("this exercise is graded against your own data: give your name.")
        with tempfile.TemporaryDirectory() as folder:
            path = Path(folder) / (Path(filename or "").name or FALLBACK_NAME)
            path.write_bytes(bytes(data))
            own = learner if declared.learner_data is not None and named else None
            outcome = declared.grade(exercise, Submission(path, own))
    except InvalidInput as error:
        return error.as_dict()
    except UsageError as error:
        return {"error": "usage", "message": str(error)}
    return outcome.as_dict()


def prepare(kind: str, exercise_id: str) -> None:
    """Load what grading exercise ``exercise_id`` of ``kind`` reads (the kind's modules, the
    exercise and the course data it is checked against) while the learner is still
    choosing a file, so that the page's first check answers at once. A problem found is
    left for ``grade`` to report."""
    try:
        _exercise(kind, exercise_id)
    except UsageError:
        pass


def dataset(exercise_id: str, learner: str) -> str:
    """The learner's own data of an exercise as CSV text, as ``smm-check kpi-data``
    writes it. Raises ``UsageError`` for a wrong id, a kind without such data or a blank name."""
    if not learner.strip():
        raise UsageError("give your name: your dataset is made from it.")
    try:
        kind = load_exercise(exercise_id).kind
    except UnknownExercise as error:
        raise UsageError(str(error)) from None
    declared, exercise = _exercise(kind, exercise_id)
    if declared.learner_data is None:
        raise UsageError(f"'{exercise.id}' is a {kind} exercise: it has no data of your own to download.")
    return declared.learner_data(exercise, learner)


def _exercise(kind: str, exercise_id: str) -> tuple[ExerciseKind, Exercise]:
    """The kind and the exercise of a request, or ``UsageError`` saying what is wrong,
    including course data the kind cannot grade with."""
    try:
        declared = exercise_kind(kind)
        exercise = exercise_of_kind(exercise_id, kind)
    except (UnknownKind, UnknownExercise) as error:
        raise UsageError(str(error)) from None
    problems = declared.problems(exercise)
    if problems:
        raise UsageError(" ".join(problems))
    return declared, exercise
