"""``smm-check kpi`` grades a KPI answer sheet; ``smm-check kpi-data`` writes a learner's
own dataset for an exercise."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from checker.exercises import Exercise, UnknownExercise, load_exercise
from checker.kpi.generate import learner_dataset_csv
from checker.kpi.grade import grade_files
from checker.problems import InvalidInput
from checker.report import emit

EXIT_INVALID = 2
DEFAULT_EXERCISE = "kpi-report"


def register(subparsers) -> None:
    """Add the ``kpi`` and ``kpi-data`` subcommands."""
    grade = subparsers.add_parser(
        "kpi", help="grade a KPI answer sheet (metric,value) against a campaign dataset",
        description="Grade a KPI answer sheet against a dataset: your own (--learner NAME, as "
        "written by kpi-data) or a file (--data). Exit codes: 0 passed, 1 not passed, 2 invalid input.")
    grade.add_argument("answers", metavar="ANSWERS", help="answer sheet, CSV or XLSX, columns metric,value")
    source = grade.add_mutually_exclusive_group(required=True)
    source.add_argument("--data", metavar="DATASET", help="the campaign dataset the answers were computed from")
    source.add_argument("--learner", metavar="NAME", help="grade against NAME's own dataset (see kpi-data)")
    grade.add_argument("--exercise", default=DEFAULT_EXERCISE, metavar="ID",
                       help=f"exercise id (default: {DEFAULT_EXERCISE}, which asks every metric)")
    grade.add_argument("--encoding", help="text encoding of CSV files, when not UTF-8 (e.g. cp1251)")
    grade.add_argument("--json", action="store_true", help="print the result as JSON")
    grade.set_defaults(run=run_grade)

    data = subparsers.add_parser(
        "kpi-data", help="write your own dataset for a KPI exercise",
        description="Write the campaign dataset of a learner for an exercise: the same name always "
        "gives the same data, and every classmate gets different numbers.")
    data.add_argument("--exercise", required=True, metavar="ID", help="exercise id, such as paid-funnel")
    data.add_argument("--learner", required=True, metavar="NAME", help="your name as your teacher knows it")
    data.add_argument("-o", "--output", metavar="FILE", help="CSV file to write (default: print it)")
    data.set_defaults(run=run_data)


def kpi_exercise(exercise_id: str) -> Exercise:
    """Load an exercise and make sure it is a KPI one."""
    exercise = load_exercise(exercise_id)
    if exercise.kind != "kpi":
        raise UnknownExercise(f"'{exercise_id}' is a {exercise.kind} exercise, not a KPI one; "
                              f"grade it with 'smm-check {exercise.kind}'.")
    return exercise


def usage_error(message: str) -> int:
    """Say what is wrong with the command line and return the usage exit code."""
    print(f"smm-check: {message}", file=sys.stderr)
    return EXIT_INVALID


def run_grade(args: argparse.Namespace) -> int:
    """Grade and print; the exit code says passed, not passed or invalid."""
    if args.learner is not None and not args.learner.strip():
        return usage_error("--learner needs your name.")
    try:
        exercise = kpi_exercise(args.exercise)
    except UnknownExercise as error:
        return usage_error(str(error))
    try:
        outcome = grade_files(args.answers, exercise, args.data, args.learner, args.encoding)
    except InvalidInput as error:
        outcome = error
    return emit(outcome, args.json)


def run_data(args: argparse.Namespace) -> int:
    """Write the learner's dataset to a file or to standard output."""
    if not args.learner.strip():
        return usage_error("--learner needs your name.")
    try:
        exercise = kpi_exercise(args.exercise)
    except UnknownExercise as error:
        return usage_error(str(error))
    text = learner_dataset_csv(exercise, args.learner)
    if args.output:
        Path(args.output).write_text(text, encoding="utf-8")
        print(f"Wrote the {exercise.id} dataset of {args.learner.strip()} to {args.output}.", file=sys.stderr)
    else:
        sys.stdout.write(text)
    return 0
