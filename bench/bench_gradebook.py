"""How long ``smm-check grade-class`` takes for a class, files on disk to gradebook CSV.

A class folder is filled with copies of an exercise's reference and samples (plan: every
CSV sample, the workbook, and the invalid one; KPI: answer sheets graded each against the
learner's own generated dataset), then graded whole, as an instructor would. The machine
may be shared, so CPU time of this process is measured and the best of several rounds is
reported, as ``timeit`` does.
Run: ``python bench/bench_gradebook.py [class size] [rounds]``.
"""

from __future__ import annotations

import shutil
import sys
import tempfile
import time
from pathlib import Path

from checker.exercises import load_exercise
from checker.gradebook import grade_class, gradebook_csv
from checker.kinds import exercise_kind

ROOT = Path(__file__).resolve().parent.parent


def fill(folder: Path, sources: list[Path], size: int) -> None:
    """``size`` learners' files in ``folder``, cycling through ``sources``."""
    for number in range(size):
        source = sources[number % len(sources)]
        shutil.copy(source, folder / f"learner{number:03d}{source.suffix}")


def main(size: int = 30, rounds: int = 5) -> None:
    """Grade a class of ``size`` for one plan and one KPI exercise; print the best time."""
    for exercise_id in ("coffee-shop-plan", "kpi-report"):
        exercise = load_exercise(exercise_id)
        reference = exercise.file(exercise_kind(exercise.kind).reference)
        samples = sorted(p for p in (exercise.folder / "samples").iterdir() if p.suffix in (".csv", ".xlsx"))
        with tempfile.TemporaryDirectory() as folder:
            fill(Path(folder), [reference, *samples], size)
            best = float("inf")
            for _ in range(rounds):
                start = time.process_time()
                book = grade_class(folder, exercise)
                gradebook_csv(book)
                best = min(best, time.process_time() - start)
        print(f"{exercise_id}: a class of {size} graded in {best * 1000:,.0f} ms "
              f"({best / size * 1000:.1f} ms a learner; {len(book.graded)} graded, {len(book.invalid)} invalid; "
              f"one core, best of {rounds} rounds)")


if __name__ == "__main__":
    main(*(int(a) for a in sys.argv[1:3]))
