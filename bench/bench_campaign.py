"""How many media plans ``checker.campaign`` grades per second on one core, beside how
many the ``csv`` module alone reads in that time.

The plans are each exercise's reference and its gradable samples (every rule broken
once, an Excel-style semicolon file), parsed from CSV bytes and graded against the
exercise's figures; a last figure draws a learner's own figures for every plan, as
``--learner`` does. The machine may be shared, so CPU time of this process is measured
(not wall time) and the best of several rounds is reported, as ``timeit`` does.
Run: ``python bench/bench_campaign.py [rounds]``.
"""

from __future__ import annotations

import csv
import io
import json
import sys
import time
from pathlib import Path

from checker.campaign.exercise import exercise_rubric
from checker.campaign.figures import exercise_figures, learner_figures
from checker.campaign.grade import grade_table
from checker.exercises import load_exercise
from checker.tables import parse_bytes

ROOT = Path(__file__).resolve().parent.parent
PLANS_PER_ROUND = 2000
EXERCISES = ("gift-set-campaign", "webinar-campaign")


def gradable_plans(folder: Path) -> list[bytes]:
    """The reference plan and the CSV samples whose golden file expects a grade."""
    samples = [p for p in sorted((folder / "samples").glob("*.csv"))
               if "findings" in json.loads(p.with_name(p.stem + ".expected.json").read_text(encoding="utf-8"))]
    return [p.read_bytes() for p in (folder / "reference.csv", *samples)]


def best_rate(batch: list[bytes], work, rounds: int) -> float:
    """Plans per second: the best of ``rounds`` timings of ``work`` over ``batch``."""
    best = float("inf")
    for _ in range(rounds):
        start = time.process_time()
        for number, upload in enumerate(batch):
            work(number, upload)
        best = min(best, time.process_time() - start)
    return len(batch) / best


def read_only(number: int, upload: bytes) -> None:
    """What the ``csv`` module alone does with a plan: decode it and split its rows."""
    list(csv.reader(io.StringIO(upload.decode("utf-8-sig"), newline="")))


def main(rounds: int = 5) -> None:
    """Print, per exercise, reading and grading rates, then grading with learners' figures."""
    for exercise_id in EXERCISES:
        exercise = load_exercise(exercise_id)
        figures, rubric = exercise_figures(exercise), exercise_rubric(exercise)
        uploads = gradable_plans(exercise.folder)
        batch = (uploads * (PLANS_PER_ROUND // len(uploads) + 1))[:PLANS_PER_ROUND]
        reading = best_rate(batch, read_only, rounds)
        grading = best_rate(batch, lambda _, upload: grade_table(parse_bytes(upload, "plan.csv"), exercise.id,
                                                                 figures, rubric), rounds)
        learners = best_rate(batch[:500], lambda number, upload: grade_table(
            parse_bytes(upload, "plan.csv"), exercise.id, learner_figures(exercise, f"learner {number}"), rubric),
            rounds)
        print(f"{exercise_id}: reading {reading:,.0f} plans/s with the csv module alone; grading "
              f"{grading:,.0f} plans/s ({grading / reading:.2f} of reading speed; read, parse, 8 rules, score); "
              f"with --learner {learners:,.0f} plans/s ({len(uploads)} different plans, one core, "
              f"best of {rounds} rounds)")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 5)
