"""How fast ``smm-check grade-class`` turns an LMS's zip of a class into its outputs.

A Moodle-style zip of ``size`` content plans (copies of the exercise's reference and
samples, one folder per learner, as "Download all submissions" gives) is graded whole, as
an instructor would: ``grade-class class.zip -o DIR``, which unpacks, grades, and writes
the gradebook, each learner's report, the feedback zip and the class summary. That runs
on one core and on every core (``--jobs``), and beside it the grading alone: each file
read and graded in this process, nothing unpacked or written. Child processes do the
work on several cores, so wall-clock time is measured, with the CPU time of this process
and its children beside it (on a shared machine wall-clock time also counts the time
other programs held the cores); the best of ``rounds`` is reported.
Run: ``python bench/bench_gradebook.py [class size] [rounds]`` (default 10,000, 1).
"""

from __future__ import annotations

import contextlib
import io
import os
import sys
import tempfile
import time
import zipfile
from functools import partial
from pathlib import Path

from checker.classroom.pool import grade_all
from checker.cli import main as smm_check
from checker.exercises import load_exercise
from checker.gradebook import grade_exercise
from checker.kinds import Submission, exercise_kind

EXERCISE = "coffee-shop-plan"


def sources() -> list[Path]:
    """The plans a class is made of: the reference and every CSV and XLSX sample."""
    exercise = load_exercise(EXERCISE)
    samples = sorted(p for p in (exercise.folder / "samples").iterdir() if p.suffix in (".csv", ".xlsx"))
    return [exercise.file(exercise_kind(exercise.kind).reference), *samples]


def class_zip(path: Path, size: int) -> list[Path]:
    """Write Moodle's zip of ``size`` learners; returns the plan each learner handed in."""
    plans = sources()
    handed_in = [plans[number % len(plans)] for number in range(size)]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for number, plan in enumerate(handed_in):
            archive.writestr(f"Learner {number:05d}_{100000 + number}_assignsubmission_file_/plan{plan.suffix}",
                             plan.read_bytes())
    return handed_in


def best_of(rounds: int, run) -> tuple[float, float]:
    """The shortest wall-clock time of ``rounds`` calls of ``run``, and the CPU time
    (this process and its finished children) of that call."""
    best = (float("inf"), 0.0)
    for _ in range(rounds):
        start, cpu = time.perf_counter(), cpu_time()
        run()
        best = min(best, (time.perf_counter() - start, cpu_time() - cpu))
    return best


def cpu_time() -> float:
    """User and system time of this process and its children that have ended."""
    times = os.times()
    return times.user + times.system + times.children_user + times.children_system


def whole_run(archive: Path, jobs: int) -> None:
    """``grade-class`` on the zip into a fresh output folder, its summary line silenced."""
    with tempfile.TemporaryDirectory() as output, contextlib.redirect_stderr(io.StringIO()):
        smm_check(["grade-class", str(archive), "--exercise", EXERCISE, "-o", output, "--jobs", str(jobs),
                   "--quiet"])


def main(size: int = 10_000, rounds: int = 1) -> None:
    """Print submissions per second for grading alone and for the whole run on 1 and all cores."""
    cores = os.cpu_count() or 1
    exercise = load_exercise(EXERCISE)
    with tempfile.TemporaryDirectory() as folder:
        archive = Path(folder) / "class.zip"
        handed_in = class_zip(archive, size)
        grader = partial(grade_exercise, exercise)
        alone = best_of(rounds, lambda: grade_all(grader, [Submission(p) for p in handed_in]))
        rows = [("grading alone (read and grade each file, one core)", alone)]
        for jobs in sorted({1, cores}):
            took = best_of(rounds, lambda: whole_run(archive, jobs))
            rows.append((f"zip to gradebook, reports, feedback zip and summary ({jobs} "
                         f"core{'s' if jobs > 1 else ''})", took))
    print(f"{EXERCISE}: a class of {size:,} plans in a Moodle zip, best of {rounds}, wall clock")
    for label, (took, cpu) in rows:
        print(f"  {label}: {took:,.1f} s, {size / took:,.0f} submissions/s ({cpu:,.1f} s of CPU time, "
              f"{size / cpu:,.0f} submissions per CPU second)")


if __name__ == "__main__":
    main(*(int(a) for a in sys.argv[1:3]))
