"""``smm-check <kind> FILE``: one grading command per exercise kind, read from the
registry (``checker.kinds``), and ``smm-check <kind>-data`` for a kind whose learners
each work on their own data (``smm-check kpi-data``).

Every kind's command takes the same options, so a learner who knows one knows them
all; a kind with its own data per learner adds ``--learner NAME`` and ``--data FILE``,
which name what the work was computed from: one of them is required unless the kind
declares that the exercise's own data may stand in (``learner_required``).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from checker.command_line import EXIT_PASSED, emit, usage_error
from checker.exercises import Exercise, UnknownExercise
from checker.kinds import ExerciseKind, Submission, all_kinds, exercise_of_kind
from checker.problems import InvalidInput

EXIT_CODES = "Exit codes: 0 passed, 1 graded and not passed, 2 invalid input or usage."


def register(subparsers) -> None:
    """Add the grading command of every registered kind, and its ``-data`` command."""
    for kind in all_kinds():
        add_grade_command(subparsers, kind)
        if kind.learner_data is not None:
            add_data_command(subparsers, kind)


def add_grade_command(subparsers, kind: ExerciseKind) -> None:
    """Add ``smm-check <kind> FILE``."""
    parser = subparsers.add_parser(kind.name, help=kind.help, description=f"{kind.description} {EXIT_CODES}")
    parser.add_argument("file", metavar="FILE", help=kind.file_help)
    if kind.learner_data is not None:
        source = parser.add_mutually_exclusive_group(required=kind.learner_required)
        neither = "" if kind.learner_required else "; with neither this nor --learner, the exercise's own data"
        source.add_argument("--data", metavar="DATASET", help=f"the data file the work was computed from{neither}")
        source.add_argument("--learner", metavar="NAME",
                            help=f"grade against NAME's own data (see {kind.name}-data)")
    exercise = {"default": kind.default_exercise} if kind.default_exercise else {"required": True}
    parser.add_argument("--exercise", metavar="ID", help="the exercise whose rubric applies"
                        + (f" (default: {kind.default_exercise})" if kind.default_exercise else ""), **exercise)
    parser.add_argument("--json", action="store_true", help="print one JSON object instead of a report")
    parser.add_argument("--encoding", help="the text encoding of CSV files when not UTF-8 (e.g. cp1251)")
    parser.set_defaults(run=run_grade, kind=kind)


def add_data_command(subparsers, kind: ExerciseKind) -> None:
    """Add ``smm-check <kind>-data``: write a learner's own data for an exercise."""
    parser = subparsers.add_parser(
        f"{kind.name}-data", help=f"write your own data for a {kind.name} exercise",
        description=f"Write a learner's own data for a {kind.name} exercise: the same name always "
        "gives the same data, and every classmate gets different numbers.")
    parser.add_argument("--exercise", required=True, metavar="ID", help="the exercise id")
    parser.add_argument("--learner", required=True, metavar="NAME", help="your name as your teacher knows it")
    parser.add_argument("-o", "--output", metavar="FILE", help="CSV file to write (default: print it)")
    parser.set_defaults(run=run_data, kind=kind)


def gradable_exercise(kind: ExerciseKind, exercise_id: str) -> Exercise:
    """The exercise, checked together with the course data its kind grades with. Raises
    ``UnknownExercise`` for a wrong id or kind, ``ValueError`` for data or settings that
    would make grading fail."""
    exercise = exercise_of_kind(exercise_id, kind.name)
    problems = kind.problems(exercise)
    if problems:
        raise ValueError(f"'{exercise.id}' cannot be graded until the course is fixed "
                         f"(smm-check validate lists it all): {' '.join(problems)}")
    return exercise


def requested(args: argparse.Namespace) -> tuple[Exercise, str | None]:
    """The exercise the command line names, ready to grade, and ``--learner``'s name.
    Raises ``UnknownExercise`` or ``ValueError`` (a blank name, a broken course)."""
    learner = getattr(args, "learner", None)
    if learner is not None and not learner.strip():
        raise ValueError("--learner needs your name.")
    return gradable_exercise(args.kind, args.exercise), learner


def run_grade(args: argparse.Namespace) -> int:
    """Grade ``args.file`` and print the result; returns the exit code."""
    try:
        exercise, learner = requested(args)
    except (UnknownExercise, ValueError) as error:
        return usage_error(args, str(error))
    data = getattr(args, "data", None)
    submission = Submission(Path(args.file), learner, Path(data) if data else None, args.encoding)
    try:
        return emit(args, args.kind.grade(exercise, submission))
    except InvalidInput as error:
        return emit(args, error)


def run_data(args: argparse.Namespace) -> int:
    """Write the learner's data to a file or to standard output."""
    try:
        exercise, learner = requested(args)
    except (UnknownExercise, ValueError) as error:
        return usage_error(args, str(error))
    text = args.kind.learner_data(exercise, learner)
    if not args.output:
        sys.stdout.write(text)
        return EXIT_PASSED
    try:
        Path(args.output).write_text(text, encoding="utf-8")
    except OSError as error:
        return usage_error(args, f"cannot write '{args.output}': {error.strerror}.")
    print(f"Wrote the {exercise.id} data of {learner.strip()} to {args.output}.", file=sys.stderr)
    return EXIT_PASSED
