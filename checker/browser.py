"""The grader's one entry point for the browser, where Pyodide runs this package.

The exercise page hands over the uploaded file as bytes. They are written to a file in
Pyodide's in-memory file system and graded by the very functions ``smm-check plan`` and
``smm-check kpi`` call, so the page shows exactly what the CLI's ``--json`` prints: the
same score, findings and input problems, with the file named as the learner named it.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from checker.exercises import Exercise, UnknownExercise, load_exercise
from checker.kpi.generate import learner_dataset_csv
from checker.kpi.grade import grade_files
from checker.plan.exercise import grade_file
from checker.plan.rubric import RubricError
from checker.problems import InvalidInput

KINDS = ("plan", "kpi")
# What an upload is called when the browser gives no usable name.
FALLBACK_NAME = "upload.csv"


class UsageError(Exception):
    """A request the page should never make: a wrong exercise id or kind, or no name."""


def grade(kind: str, exercise_id: str, filename: str, data: bytes, learner: str | None = None) -> dict:
    """Grade an uploaded plan (``kind`` "plan") or KPI answer sheet ("kpi", graded against
    ``learner``'s own dataset). Returns the CLI's ``--json`` object: a result, the
    invalid-input object, or ``{"error": "usage", "message": ...}``."""
    try:
        exercise = _exercise(kind, exercise_id)
        if kind == "kpi" and not (learner or "").strip():
            raise UsageError("a KPI answer sheet is graded against your own dataset: give your name.")
        with tempfile.TemporaryDirectory() as folder:
            path = Path(folder) / (Path(filename or "").name or FALLBACK_NAME)
            path.write_bytes(bytes(data))
            outcome = grade_file(exercise, path) if kind == "plan" else grade_files(path, exercise, learner=learner)
    except InvalidInput as error:
        return error.as_dict()
    except (UsageError, RubricError) as error:
        return {"error": "usage", "message": str(error)}
    return outcome.as_dict()


def dataset(exercise_id: str, learner: str) -> str:
    """The learner's own dataset of a KPI exercise as CSV text, as ``smm-check kpi-data``
    writes it. Raises ``UsageError`` for a wrong id or a blank name."""
    if not learner.strip():
        raise UsageError("give your name: your dataset is made from it.")
    return learner_dataset_csv(_exercise("kpi", exercise_id), learner)


def _exercise(kind: str, exercise_id: str) -> Exercise:
    if kind not in KINDS:
        raise UsageError(f"'{kind}' is not a kind of exercise; the kinds are {', '.join(KINDS)}.")
    try:
        exercise = load_exercise(exercise_id)
    except UnknownExercise as error:
        raise UsageError(str(error)) from None
    if exercise.kind != kind:
        raise UsageError(f"'{exercise.id}' is a {exercise.kind} exercise, not a {kind} one.")
    return exercise
