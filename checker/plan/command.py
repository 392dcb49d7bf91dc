"""``smm-check plan FILE``: grade a content plan against an exercise's rubric."""

from __future__ import annotations

import argparse
import json
import sys

from checker.exercises import UnknownExercise, load_exercise
from checker.plan.exercise import grade_file
from checker.plan.rubric import RubricError
from checker.problems import InvalidInput
from checker.report import emit

DEFAULT_EXERCISE = "content-plan"


def register(subparsers) -> None:
    """Add the ``plan`` subcommand."""
    parser = subparsers.add_parser(
        "plan", help="grade a content plan (CSV or XLSX)",
        description="Grade a month's content plan: one row per post with date, platform, format, "
        "category, goal, kpi and copy. Exit 0 passed, 1 not passed, 2 invalid input or usage.")
    parser.add_argument("file", help="the plan: .csv (comma, semicolon or tab) or .xlsx")
    parser.add_argument("--exercise", default=DEFAULT_EXERCISE,
                        help=f"the exercise whose rubric applies (default: {DEFAULT_EXERCISE})")
    parser.add_argument("--json", action="store_true", help="print one JSON object instead of a report")
    parser.add_argument("--encoding", help="the CSV's text encoding when it is not UTF-8 (e.g. cp1251)")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    """Grade ``args.file`` and print the result; returns the exit code."""
    try:
        exercise = load_exercise(args.exercise)
        if exercise.kind != "plan":
            raise UnknownExercise(f"'{exercise.id}' is a {exercise.kind} exercise, not a content plan; "
                                  f"grade it with 'smm-check {exercise.kind}'.")
        result = grade_file(exercise, args.file, args.encoding)
    except InvalidInput as error:
        return emit(error, args.json)
    except (UnknownExercise, RubricError) as error:
        return usage_error(str(error), args.json)
    return emit(result, args.json)


def usage_error(message: str, as_json: bool) -> int:
    """Report a wrong exercise id or a broken exercise file; exit code 2."""
    if as_json:
        print(json.dumps({"error": "usage", "message": message}, ensure_ascii=False))
    else:
        print(f"smm-check plan: {message}", file=sys.stderr)
    return 2
