"""Exercises: each is a folder ``exercises/<id>/`` described by its ``exercise.toml``."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from checker.course import exercises_dir


class UnknownExercise(LookupError):
    """An exercise id with no folder; the message lists the ids that exist."""


@dataclass(frozen=True)
class Exercise:
    """An exercise's identity and the parameters its grader reads."""

    id: str
    kind: str  # "plan" or "kpi"
    title: str
    threshold: float
    folder: Path
    params: dict = field(default_factory=dict)  # everything else in exercise.toml

    def file(self, name: str) -> Path:
        """A file inside the exercise's folder."""
        return self.folder / name


def load_exercise(exercise_id: str, root: Path | None = None) -> Exercise:
    """Read ``exercises/<id>/exercise.toml``. Raises ``UnknownExercise`` for a missing id."""
    folder = exercises_dir(root) / exercise_id
    path = folder / "exercise.toml"
    if not path.is_file():
        known = ", ".join(e.id for e in list_exercises(root)) or "none"
        raise UnknownExercise(f"there is no exercise '{exercise_id}'. Known exercises: {known}.")
    with path.open("rb") as handle:
        data = tomllib.load(handle)
    params = {k: v for k, v in data.items() if k not in {"id", "kind", "title", "threshold"}}
    return Exercise(
        id=exercise_id,
        kind=data["kind"],
        title=data["title"],
        threshold=float(data.get("threshold", 70)),
        folder=folder,
        params=params,
    )


def list_exercises(root: Path | None = None) -> list[Exercise]:
    """Every exercise of the course, sorted by id."""
    folder = exercises_dir(root)
    if not folder.is_dir():
        return []
    return [load_exercise(p.parent.name, root) for p in sorted(folder.glob("*/exercise.toml"))]
