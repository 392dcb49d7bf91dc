"""How many KPI answer sheets ``checker.kpi`` grades per second on one core.

Each sheet is parsed from CSV bytes, read as answers and graded against the exercise's
dataset (read once, as a class's submissions for one dataset would be); a last figure
regenerates a learner's own dataset for every sheet, as ``--learner`` does. The sheets are
the exercise's reference and its gradable samples: right answers, every number format
and every diagnosed mistake, so the diagnosis path is measured too. The machine may be
shared, so CPU time of this process is measured (not wall time) and the best of several
rounds is reported, as ``timeit`` does.
Run: ``python bench/bench_kpi.py [rounds]``.
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

from checker.exercises import load_exercise
from checker.kpi.answers import answers_from_table
from checker.kpi.grade import asked_metrics, grade, load_dataset
from checker.tables import parse_bytes

ROOT = Path(__file__).resolve().parent.parent
SHEETS_PER_ROUND = 2000


def gradable_sheets(folder: Path) -> list[bytes]:
    """The reference answers and the samples whose golden file expects a grade."""
    samples = [p for p in sorted((folder / "samples").glob("*.csv"))
               if "findings" in json.loads(p.with_suffix("").with_suffix(".expected.json").read_text())]
    return [p.read_bytes() for p in (folder / "reference-answers.csv", *samples)]


def main(rounds: int = 5) -> None:
    """Grade ``SHEETS_PER_ROUND`` sheets per round for each exercise; print the best rate."""
    for exercise_id in ("kpi-report", "organic-report", "paid-funnel", "service-report"):
        exercise = load_exercise(exercise_id)
        data = load_dataset(exercise, exercise.file("data.csv"))
        uploads = gradable_sheets(exercise.folder)
        batch = (uploads * (SHEETS_PER_ROUND // len(uploads) + 1))[:SHEETS_PER_ROUND]
        best = float("inf")
        for _ in range(rounds):
            start = time.process_time()
            for upload in batch:
                grade(exercise, data, answers_from_table(parse_bytes(upload, "answers.csv")))
            best = min(best, time.process_time() - start)
        print(f"{exercise_id}: {len(batch) / best:,.0f} answer sheets graded per second "
              f"({len(asked_metrics(exercise))} metrics, {len(uploads)} different sheets, one core, "
              f"best of {rounds} rounds)")

    # A class grading each learner against their own dataset regenerates it every time.
    exercise = load_exercise("kpi-report")
    upload = (exercise.folder / "reference-answers.csv").read_bytes()
    count, best = 500, float("inf")
    for _ in range(rounds):
        start = time.process_time()
        for number in range(count):
            data = load_dataset(exercise, learner=f"learner {number}")
            grade(exercise, data, answers_from_table(parse_bytes(upload, "answers.csv")))
        best = min(best, time.process_time() - start)
    print(f"kpi-report with --learner: {count / best:,.0f} answer sheets graded per second, each against "
          f"a freshly generated learner dataset (one core, best of {rounds} rounds)")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 5)
