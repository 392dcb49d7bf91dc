"""Plan exercises as ``smm-check validate`` and ``smm-check plan`` see them: which files a
plan exercise holds, its rubric, and grading one file against it."""

from __future__ import annotations

from pathlib import Path

from checker.exercises import Exercise
from checker.plan.grade import grade_table
from checker.plan.rubric import Rubric, RubricError, rubric
from checker.report import Result
from checker.tables import read_table

REQUIRED_FILES = ("brief.md", "starter.csv", "starter.xlsx", "reference.csv")
REFERENCE = "reference.csv"
# What a golden file's findings are compared on.
GOLDEN_FIELDS = ("rule", "status", "rows")


def exercise_rubric(exercise: Exercise) -> Rubric:
    """The exercise's rubric; raises ``RubricError`` when its parameters are wrong."""
    unknown = set(exercise.params) - {"rubric"}
    if unknown:
        raise RubricError(f"exercise.toml has unknown keys: {', '.join(sorted(unknown))}.")
    return rubric(exercise.params.get("rubric"), exercise.threshold)


def check(exercise: Exercise) -> list[str]:
    """What is wrong with a plan exercise's settings (empty when nothing)."""
    try:
        exercise_rubric(exercise)
    except RubricError as error:
        return [str(error)]
    return []


def grade_file(exercise: Exercise, path: Path, encoding: str | None = None) -> Result:
    """Grade one plan file against the exercise. Raises ``InvalidInput``."""
    return grade_table(read_table(path, encoding), exercise.id, exercise_rubric(exercise))
