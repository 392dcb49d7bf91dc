"""``smm-check quiz`` grades an answer file against a bank; ``smm-check quiz-export``
writes a bank for Moodle (GIFT, Moodle XML) or Canvas (QTI 1.2 zip)."""

from __future__ import annotations

import sys
from pathlib import Path

from checker.command_line import EXIT_PASSED, emit, usage_error
from checker.problems import InvalidInput
from checker.quiz.answers import read_answers
from checker.quiz.bank import Bank, BankError, UnknownBank, load_bank
from checker.quiz.export import FORMATS, export
from checker.quiz.question import NotExportable
from checker.quiz.grade import grade_bank


def register(subparsers) -> None:
    """Add the ``quiz`` and ``quiz-export`` subcommands."""
    grade = subparsers.add_parser(
        "quiz", help="grade a quiz answer file",
        description="Grade an answer file (CSV with columns question,answer, or a JSON object "
        "{question id: answer}) against a quiz bank, with the feedback the site gives. "
        "Answer formats: see quizzes/README.md.")
    grade.add_argument("answers", metavar="ANSWERS", help="the answer file (.csv, .xlsx or .json)")
    grade.add_argument("--quiz", required=True, metavar="ID", help="the bank id (quizzes/ID.toml)")
    grade.add_argument("--json", action="store_true", help="print the result as JSON")
    grade.set_defaults(run=run_quiz)
    out = subparsers.add_parser(
        "quiz-export", help="export a quiz bank for Moodle or Canvas",
        description="Write a quiz bank as GIFT or Moodle XML (Moodle: Question bank > Import) or as "
        "a QTI 1.2 zip (Canvas: Settings > Import course content > QTI .zip file).")
    out.add_argument("bank", metavar="ID", help="the bank id (quizzes/ID.toml)")
    out.add_argument("--format", required=True, choices=FORMATS, help="the file format")
    out.add_argument("-o", "--output", metavar="FILE",
                     help="where to write (default: standard output for gift and moodle-xml, "
                     "ID.qti.zip for qti)")
    out.set_defaults(run=run_export)


def bank_or_usage(bank_id: str) -> Bank:
    """Load bank ``bank_id``; raises ``ValueError`` saying what is wrong with the id or the bank."""
    try:
        return load_bank(bank_id)
    except UnknownBank as error:
        raise ValueError(str(error)) from None
    except BankError as error:
        raise ValueError(f"the quiz bank '{bank_id}' has mistakes to fix first:\n{error}") from None


def run_quiz(args) -> int:
    """Grade ``args.answers`` against bank ``args.quiz``; returns the exit code."""
    try:
        quiz = bank_or_usage(args.quiz)
    except ValueError as error:
        return usage_error(args, str(error))
    try:
        return emit(args, grade_bank(quiz, read_answers(args.answers, quiz)))
    except InvalidInput as error:
        return emit(args, error)


def run_export(args) -> int:
    """Write bank ``args.bank`` in ``args.format``; returns the exit code."""
    try:
        quiz = bank_or_usage(args.bank)
    except ValueError as error:
        return usage_error(args, str(error))
    try:
        data = export(quiz, args.format)
    except NotExportable as error:
        return usage_error(args, str(error))
    target = args.output or (f"{quiz.id}.qti.zip" if args.format == "qti" else None)
    if target is None:
        sys.stdout.write(data.decode("utf-8"))
        return EXIT_PASSED
    try:
        Path(target).write_bytes(data)
    except OSError as error:
        return usage_error(args, f"cannot write '{target}': {error.strerror}.")
    print(f"Wrote {target} ({len(data):,} bytes, {len(quiz.questions)} questions).", file=sys.stderr)
    return EXIT_PASSED
