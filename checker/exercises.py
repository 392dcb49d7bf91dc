"""Exercises: each is a folder ``exercises/<id>/`` described by its ``exercise.toml``."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from checker.course import exercises_dir


class UnknownExercise(LookupError):
    """An exercise id with no folder; the message lists the ids that exist."""


class ExerciseError(ValueError):
    """An ``exercise.toml`` that cannot be read; the message names the file and the key."""


@dataclass(frozen=True)
class Exercise:
    """An exercise's identity and the parameters its grader reads."""

    id: str
    kind: str  # a kind of checker.kinds.KINDS
    title: str
    threshold: float
    folder: Path
    params: dict = field(default_factory=dict)  # everything else in exercise.toml

    def file(self, name: str) -> Path:
        """A file inside the exercise's folder."""
        return self.folder / name


def load_exercise(exercise_id: str, root: Path | None = None) -> Exercise:
    """Read ``exercises/<id>/exercise.toml``. Raises ``UnknownExercise`` for a missing id
    and ``ExerciseError`` for a file that is not valid TOML or lacks its kind or title."""
    folder = exercises_dir(root) / exercise_id
    path = folder / "exercise.toml"
    if not path.is_file():
        known = ", ".join(list_exercise_ids(root)) or "none"
        raise UnknownExercise(f"there is no exercise '{exercise_id}'. Known exercises: {known}.")
    where = f"exercises/{exercise_id}/exercise.toml"
    try:
        with path.open("rb") as handle:
            data = tomllib.load(handle)
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as error:
        raise ExerciseError(f"{where}: not valid TOML: {error}.") from None
    for key in ("kind", "title"):
        if not isinstance(data.get(key), str):
            raise ExerciseError(f"{where}: {key} is missing: the exercise's {key} as a string.")
    threshold = data.get("threshold", 70)
    if isinstance(threshold, bool) or not isinstance(threshold, (int, float)):
        raise ExerciseError(f"{where}: threshold must be the pass mark, a number from 0 to 100.")
    params = {k: v for k, v in data.items() if k not in {"id", "kind", "title", "threshold"}}
    return Exercise(
        id=exercise_id,
        kind=data["kind"],
        title=data["title"],
        threshold=float(threshold),
        folder=folder,
        params=params,
    )


def list_exercise_ids(root: Path | None = None) -> list[str]:
    """The id of every exercise folder of the course, sorted."""
    folder = exercises_dir(root)
    return [p.parent.name for p in sorted(folder.glob("*/exercise.toml"))] if folder.is_dir() else []


def list_exercises(root: Path | None = None) -> list[Exercise]:
    """Every exercise of the course, sorted by id."""
    return [load_exercise(exercise_id, root) for exercise_id in list_exercise_ids(root)]
