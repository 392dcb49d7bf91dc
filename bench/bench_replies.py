"""How many answer sheets of replies ``checker.replies`` grades per second on one core,
beside how many the ``csv`` module alone reads in that time.

The sheets are each exercise's reference and its gradable samples (every rule broken
once), parsed from CSV bytes and graded against the exercise's comments with all 11
rules; every reply is read by the text engine afresh for each sheet (nothing is cached
between sheets but the lexicon and the comments, as in one ``grade-class`` run). CPU
time of this process is measured (the machine may be shared) and the best of several
rounds is reported, as ``timeit`` does, with ``bench_campaign``'s timing and reading.
Run: ``python bench/bench_replies.py [rounds]``.
"""

from __future__ import annotations

import sys

from bench_campaign import best_rate, gradable_plans as gradable_sheets, read_only
from checker.exercises import load_exercise
from checker.replies.comments import exercise_comments
from checker.replies.exercise import contacts, exercise_rubric
from checker.replies.grade import grade_table
from checker.tables import parse_bytes

SHEETS_PER_ROUND = 1000
EXERCISES = ("coffee-shop-replies", "outage-replies")


def main(rounds: int = 5) -> None:
    """Print, per exercise, the reading and grading rates."""
    for exercise_id in EXERCISES:
        exercise = load_exercise(exercise_id)
        comments, rubric, own = exercise_comments(exercise.folder), exercise_rubric(exercise), contacts(exercise)
        uploads = gradable_sheets(exercise.folder)
        batch = (uploads * (SHEETS_PER_ROUND // len(uploads) + 1))[:SHEETS_PER_ROUND]
        reading = best_rate(batch, read_only, rounds)
        grading = best_rate(batch, lambda _, upload: grade_table(parse_bytes(upload, "replies.csv"), exercise.id,
                                                              comments, rubric, own), rounds)
        print(f"{exercise_id}: reading {reading:,.0f} sheets/s with the csv module alone; grading "
              f"{grading:,.0f} sheets/s ({grading / reading:.3f} of reading speed; read, parse, 11 rules, score; "
              f"{len(comments)} comments, {len(uploads)} different sheets, one core, best of {rounds} rounds)")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 5)
