"""``smm-check grade-class FOLDER --exercise ID``: grade a class into a gradebook an LMS imports."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from checker.command_line import EXIT_INVALID, EXIT_PASSED, usage_error
from checker.exercises import UnknownExercise, load_exercise
from checker.gradebook import SUBMISSION_SUFFIXES, ClassFolderError, grade_class, gradebook_csv
from checker.problems import InvalidInput
from checker.tables import decode

IMPORTING = """\
The gradebook is UTF-8 CSV with a byte-order mark (Excel opens it as is), comma
separated, with the columns learner,lms_id,late,score,passed,status,failed_rules,problems. score is
0-100 and empty for an invalid submission; failed_rules lists the ids of failed rules.

Importing it:
  Moodle: Grades > Import > CSV file. Under "Identify user by", map from 'learner' to
    the user field the file names hold (username or email address: name each learner's
    file after it). Map 'score' to the assignment's grade item (maximum grade 100) and
    leave the other columns unmapped.
  Canvas: Grades > Import takes the layout of a Canvas export. Export the gradebook
    first (Grades > Export), fill the assignment's column from 'score', matching
    'learner' to "SIS Login ID" (name files by login ID), and import that file.

Exit codes: 0 every submission was graded (passed or not), 2 the folder or the exercise
is invalid, or at least one submission was invalid (its row says why)."""


def register(subparsers) -> None:
    """Add the ``grade-class`` subcommand."""
    parser = subparsers.add_parser(
        "grade-class", help="grade a folder of submissions into a gradebook CSV for Moodle or Canvas",
        description="Grade every submission in FOLDER, one file per learner named after the learner "
        f"({', '.join(SUBMISSION_SUFFIXES)}; other files, folders and symbolic links are listed as skipped "
        "and never read). Each file is graded as the exercise kind's own command grades it: plans as "
        "'smm-check plan' does, KPI answer sheets as 'smm-check kpi --learner NAME' does, with NAME "
        "the file name without its extension.",
        epilog=IMPORTING, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("folder", metavar="FOLDER", help="the class's submissions, one file per learner")
    parser.add_argument("--exercise", required=True, metavar="ID", help="the exercise the class did")
    parser.add_argument("-o", "--output", metavar="FILE",
                        help="write the gradebook (or the JSON) to FILE instead of printing it")
    parser.add_argument("--json", action="store_true",
                        help="one JSON object with every learner's findings or problems instead of CSV")
    parser.add_argument("--encoding", help="text encoding of CSV submissions when not UTF-8 (e.g. cp1251)")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    """Grade the class, write the gradebook and a summary line; returns the exit code."""
    if args.output and inside_folder(Path(args.output), Path(args.folder)):
        return usage_error(args, f"write the gradebook outside '{args.folder}': a {Path(args.output).suffix} "
                           "file there would be graded as a learner's submission next time.")
    try:
        # A wrong --encoding is reported once here, not as the same problem on every row.
        decode(b"", args.encoding)
    except InvalidInput as error:
        return usage_error(args, str(error))
    try:
        book = grade_class(args.folder, load_exercise(args.exercise), args.encoding)
    except (UnknownExercise, ClassFolderError) as error:
        return usage_error(args, str(error))
    text = json.dumps(book.as_dict(), ensure_ascii=False) + "\n" if args.json else gradebook_csv(book)
    if args.output:
        Path(args.output).write_text(text, encoding="utf-8", newline="")
    else:
        # Bytes, so the byte-order mark and learners' names survive a console or a
        # redirect whose code page cannot encode them.
        sys.stdout.flush()
        sys.stdout.buffer.write(text.encode("utf-8"))
        sys.stdout.buffer.flush()
    where = f" Wrote {args.output}." if args.output else ""
    print(f"{book.exercise.id}: {book.summary()}.{where}", file=sys.stderr)
    if book.invalid:
        print(f"  invalid: {', '.join(e.file for e in book.invalid)}", file=sys.stderr)
    for reason in dict.fromkeys(book.skipped.values()):
        names = [name for name, why in book.skipped.items() if why == reason]
        print(f"  skipped: {', '.join(names)} ({reason})", file=sys.stderr)
    return EXIT_INVALID if book.invalid else EXIT_PASSED


def inside_folder(output: Path, folder: Path) -> bool:
    """Whether ``output`` would land in ``folder`` as a file the next run grades."""
    return (output.suffix.lower() in SUBMISSION_SUFFIXES
            and output.resolve().parent == folder.resolve())

