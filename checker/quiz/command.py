"""``smm-check quiz`` grades an answer file against a bank; ``smm-check quiz-export``
writes a bank for Moodle (GIFT, Moodle XML) or Canvas (QTI 1.2 zip)."""

from __future__ import annotations

import sys
from pathlib import Path

from checker.problems import InputProblem, InvalidInput
from checker.quiz.answers import read_answers
from checker.quiz.bank import BankError, UnknownBank, load_bank
from checker.quiz.export import FORMATS, export
from checker.quiz.grade import grade_bank
from checker.report import emit

EXIT_INVALID = 2


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


def _bank_mistakes(bank_id: str, error: BankError) -> int:
    """Tell the user (on standard error) that the bank itself is broken; exit code 2."""
    print(f"smm-check: the quiz bank '{bank_id}' has mistakes to fix first:\n{error}", file=sys.stderr)
    return EXIT_INVALID


def run_quiz(args) -> int:
    """Grade ``args.answers`` against bank ``args.quiz``; returns the exit code."""
    try:
        bank = load_bank(args.quiz)
        answers = read_answers(args.answers, bank)
    except UnknownBank as error:
        return emit(InvalidInput([InputProblem(None, None, str(error))]), args.json)
    except BankError as error:
        return _bank_mistakes(args.quiz, error)
    except InvalidInput as error:
        return emit(error, args.json)
    return emit(grade_bank(bank, answers), args.json)


def run_export(args) -> int:
    """Write bank ``args.bank`` in ``args.format``; returns the exit code."""
    try:
        bank = load_bank(args.bank)
    except UnknownBank as error:
        print(f"smm-check: {error}", file=sys.stderr)
        return EXIT_INVALID
    except BankError as error:
        return _bank_mistakes(args.bank, error)
    data = export(bank, args.format)
    target = args.output or (f"{bank.id}.qti.zip" if args.format == "qti" else None)
    if target is None:
        sys.stdout.write(data.decode("utf-8"))
        return 0
    try:
        Path(target).write_bytes(data)
    except OSError as error:
        print(f"smm-check: cannot write '{target}': {error.strerror}.", file=sys.stderr)
        return EXIT_INVALID
    print(f"Wrote {target} ({len(data):,} bytes, {len(bank.questions)} questions).", file=sys.stderr)
    return 0
