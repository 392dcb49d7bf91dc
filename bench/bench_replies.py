"""How many answer sheets of replies ``checker.replies`` grades per second on one core,
beside how many the ``csv`` module alone reads in that time.

The sheets are each exercise's reference and its gradable samples (every rule broken
once), parsed from CSV bytes and graded against the exercise's comments with all 11
rules; every reply is read by the text engine afresh for each sheet (nothing is cached
between sheets but the lexicon and the comments, as in one ``grade-class`` run). CPU
time of this process is measured (the machine may be shared) and the best of several
rounds is reported, as ``timeit`` does. Run: ``python bench/bench_replies.py [rounds]``.
"""

from __future__ import annotations

import csv
import io
import json
import sys
import time
from pathlib import Path

from checker.exercises import load_exercise
from checker.replies.comments import exercise_comments
from checker.replies.exercise import contacts, exercise_rubric
from checker.replies.grade import grade_table
from checker.tables import parse_bytes

SHEETS_PER_ROUND = 1000
EXERCISES = ("coffee-shop-replies", "outage-replies")


def gradable_sheets(folder: Path) -> list[bytes]:
    """The reference sheet and the CSV samples whose golden file expects a grade."""
    samples = [p for p in sorted((folder / "samples").glob("*.csv"))
               if "findings" in json.loads(p.with_name(p.stem + ".expected.json").read_text(encoding="utf-8"))]
    return [p.read_bytes() for p in (folder / "reference.csv", *samples)]


def best_rate(batch: list[bytes], work, rounds: int) -> float:
    """Sheets per second: the best of ``rounds`` timings of ``work`` over ``batch``."""
    best = float("inf")
    for _ in range(rounds):
        start = time.process_time()
        for upload in batch:
            work(upload)
        best = min(best, time.process_time() - start)
    return len(batch) / best


def read_only(upload: bytes) -> None:
    """What the ``csv`` module alone does with a sheet: decode it and split its rows."""
    list(csv.reader(io.StringIO(upload.decode("utf-8-sig"), newline="")))


def main(rounds: int = 5) -> None:
    """Print, per exercise, the reading and grading rates."""
    for exercise_id in EXERCISES:
        exercise = load_exercise(exercise_id)
        comments, rubric, own = exercise_comments(exercise.folder), exercise_rubric(exercise), contacts(exercise)
        uploads = gradable_sheets(exercise.folder)
        batch = (uploads * (SHEETS_PER_ROUND // len(uploads) + 1))[:SHEETS_PER_ROUND]
        reading = best_rate(batch, read_only, rounds)
        grading = best_rate(batch, lambda upload: grade_table(parse_bytes(upload, "replies.csv"), exercise.id,
                                                              comments, rubric, own), rounds)
        print(f"{exercise_id}: reading {reading:,.0f} sheets/s with the csv module alone; grading "
              f"{grading:,.0f} sheets/s ({grading / reading:.3f} of reading speed; read, parse, 11 rules, score; "
              f"{len(comments)} comments, {len(uploads)} different sheets, one core, best of {rounds} rounds)")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 5)
