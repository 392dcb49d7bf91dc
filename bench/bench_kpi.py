"""How many KPI answer sheets ``checker.kpi`` grades per second on one core.

Each sheet is parsed from CSV bytes, read as answers and graded against the exercise's
dataset (read once, as a class's submissions for one dataset would be). The sheets mix
right answers, every number format and every diagnosed mistake, so the diagnosis path
is measured too. Run: ``python bench/bench_kpi.py [seconds]``.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

from checker.exercises import load_exercise
from checker.kpi.answers import answers_from_table
from checker.kpi.dataset import read_dataset
from checker.kpi.grade import asked_metrics, grade
from checker.tables import parse_bytes

ROOT = Path(__file__).resolve().parent.parent


def sheets(exercise_id: str) -> list[bytes]:
    """The exercise's reference answers and known-wrong samples, as uploaded bytes."""
    folder = ROOT / "exercises" / exercise_id
    return [p.read_bytes() for p in (folder / "reference-answers.csv", *sorted((folder / "samples").glob("*.csv")))]


def main(seconds: float = 3.0) -> None:
    """Grade sheets in a loop for ``seconds`` per exercise and print the rate."""
    for exercise_id in ("kpi-report", "organic-report", "paid-funnel"):
        exercise = load_exercise(exercise_id)
        data = read_dataset(exercise.file("data.csv"), asked_metrics(exercise))
        uploads = sheets(exercise_id)
        graded, start = 0, time.perf_counter()
        while time.perf_counter() - start < seconds:
            for upload in uploads:
                grade(exercise, data, answers_from_table(parse_bytes(upload, "answers.csv")))
            graded += len(uploads)
        elapsed = time.perf_counter() - start
        print(f"{exercise_id}: {graded / elapsed:,.0f} answer sheets graded per second "
              f"({len(exercise.params['metrics'])} metrics, {len(uploads)} different sheets, one core)")


if __name__ == "__main__":
    main(float(sys.argv[1]) if len(sys.argv) > 1 else 3.0)
