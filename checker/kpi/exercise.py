"""KPI exercises as ``smm-check validate`` sees them: the files a KPI exercise holds, its
settings, and grading one answer sheet against the exercise's own ``data.csv``."""

from __future__ import annotations

from pathlib import Path

from checker.exercises import Exercise
from checker.kpi.generate import spec_problems
from checker.kpi.grade import grade_files
from checker.kpi.metrics import METRICS
from checker.report import Result

REQUIRED_FILES = ("brief.md", "data.csv", "answers-blank.csv", "reference-answers.csv")
REFERENCE = "reference-answers.csv"
# What a golden file's findings are compared on.
GOLDEN_FIELDS = ("rule", "status", "code")


def check(exercise: Exercise) -> list[str]:
    """What is wrong with a KPI exercise's settings (empty when nothing)."""
    problems = []
    unknown = set(exercise.params) - {"metrics", "dataset"}
    if unknown:
        problems.append(f"exercise.toml has unknown keys: {', '.join(sorted(unknown))}.")
    metrics = exercise.params.get("metrics")
    if not (isinstance(metrics, list) and metrics):
        problems.append("exercise.toml needs 'metrics', the list of metric ids the exercise asks.")
    else:
        problems += [f"'{m}' in metrics is not a metric id; known: {', '.join(METRICS)}."
                     for m in metrics if m not in METRICS]
        if len(set(metrics)) != len(metrics):
            problems.append("metrics lists a metric twice.")
    return problems + spec_problems(exercise.params.get("dataset"))


def grade_file(exercise: Exercise, path: Path, encoding: str | None = None) -> Result:
    """Grade one answer sheet against the exercise's ``data.csv``. Raises ``InvalidInput``."""
    return grade_files(path, exercise, exercise.file("data.csv"), encoding=encoding)
