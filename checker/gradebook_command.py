"""``smm-check grade-class SUBMISSIONS --exercise ID``: grade a class as the LMS gave it,
and hand the grades back in the LMS's own files."""

from __future__ import annotations

import argparse
import json
import os
import sys
from contextlib import contextmanager
from functools import partial
from pathlib import Path
from typing import Callable, Iterator

from checker.class_reports import write_reports
from checker.class_summary import write_summary
from checker.classroom.canvas_gradebook import fill_roster
from checker.classroom.layouts import LAYOUTS, SUBMISSION_SUFFIXES
from checker.classroom.lms_csv import Filled, LmsFileError, LmsTable, read_lms_csv
from checker.classroom.moodle_worksheet import fill_worksheet
from checker.classroom.quiz_progress import grade_quiz_class
from checker.command_line import EXIT_INVALID, EXIT_PASSED, usage_error
from checker.exercises import UnknownExercise, load_exercise
from checker.gradebook import ClassFolderError, Gradebook, csv_text, grade_class, gradebook_csv
from checker.problems import InvalidInput
from checker.quiz.bank import BankError, UnknownBank, load_bank
from checker.tables import decode

# Files named on a summary line before "and N more": the gradebook lists them all.
NAMES_SHOWN = 10
# What each file of the output folder is called.
GRADEBOOK_FILE = "gradebook.csv"
WORKSHEET_FILE = "moodle-grading-worksheet.csv"
ROSTER_FILE = "canvas-gradebook.csv"
# An output ending so is one file, the gradebook (or, with --json, the JSON), as before
# the output folder existed; anything else is the folder.
SINGLE_FILE_SUFFIXES = (".csv", ".json")

DESCRIPTION = f"""\
Grade every submission in SUBMISSIONS, a folder or the zip archive the LMS downloads:
  moodle  "Download all submissions": a folder per learner,
          'Anna Petrova_12345_assignsubmission_file_/plan.xlsx' (participant 12345)
  canvas  "Download Submissions": 'petrovaanna_4321_98765_plan.xlsx' (user 4321), with
          '_LATE' after the name for a late one
  flat    one file per learner named after the learner: 'Anna Petrova.csv'
With --quiz BANK, each learner's file is the progress export of the course's progress
page (smm-course-progress.json), and the quiz answers it holds are graded again.
The layout is guessed from the names; --layout chooses it. Only {', '.join(SUBMISSION_SUFFIXES)}
files (.json with --quiz) are graded; every other file, a name no layout fits, an
unsafe name in an archive and a symbolic link are listed as skipped and never read, and
a learner with several files is an invalid row. Each file is graded as the exercise kind's own command grades it."""

IMPORTING = """\
Output (-o):
  -o DIR        writes into DIR: gradebook.csv, each learner's feedback in reports/ (and,
                for a Moodle class, feedback-moodle.zip to upload as feedback files), the
                class summary summary.html (not with --quiz), and with --worksheet or
                --roster the filled LMS file (moodle-grading-worksheet.csv,
                canvas-gradebook.csv); an archive is unpacked into a private folder
                inside DIR and removed afterwards.
  -o FILE.csv   writes the gradebook alone (FILE.json with --json), as before.
  no -o         prints the gradebook (or the JSON) on standard output.
With --json one JSON object with every learner's findings or problems is printed.

The gradebook is UTF-8 CSV with a byte-order mark, comma separated, with the columns
learner,lms_id,late,score,passed,status,failed_rules,problems: learner and lms_id as the
LMS names them (lms_id: Moodle participant id, Canvas user id; empty for a flat folder),
late 'yes' for Canvas's late mark, score 0-100 (empty for an invalid submission).
A cell that would start a spreadsheet formula is written with a leading apostrophe.

Grades back into the LMS:
  Moodle: turn on "Offline grading worksheet" in the assignment's feedback types, download
    the worksheet (View all submissions > Download grading worksheet, Moodle in English),
    pass it as --worksheet, and upload DIR/moodle-grading-worksheet.csv (Upload grading
    worksheet). Grade is the score scaled to the Maximum Grade; Feedback comments carry
    the failed rules or why a file could not be graded.
  Canvas: export the gradebook (Grades > Export), pass it as --roster (the assignment's
    column is --assignment NAME, or the one named after the exercise), and import
    DIR/canvas-gradebook.csv (Grades > Import). Points are the score scaled to the
    assignment's Points Possible.

Exit codes: 0 every submission was graded (passed or not), 2 the submissions, the
exercise or an LMS file is invalid, or at least one submission was invalid (its row says
why)."""


def register(subparsers) -> None:
    """Add the ``grade-class`` subcommand."""
    parser = subparsers.add_parser(
        "grade-class", help="grade a class's submissions (folder or LMS zip) into a gradebook for Moodle or Canvas",
        description=DESCRIPTION, epilog=IMPORTING, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("submissions", metavar="SUBMISSIONS", help="the class's folder or the LMS's zip archive")
    graded = parser.add_mutually_exclusive_group(required=True)
    graded.add_argument("--exercise", metavar="ID", help="the exercise the class did")
    graded.add_argument("--quiz", metavar="BANK", help="grade the progress files (smm-course-progress.json) "
                        "learners exported from the course's progress page, for the quiz BANK")
    parser.add_argument("--layout", choices=LAYOUTS, help="how the submissions are named (default: guessed)")
    parser.add_argument("-o", "--output", metavar="DIR",
                        help="the output folder, or a .csv (.json) file for the gradebook alone (see below)")
    parser.add_argument("--json", action="store_true",
                        help="print one JSON object with every learner's findings or problems instead of CSV")
    parser.add_argument("--worksheet", metavar="FILE", help="Moodle's grading worksheet to fill (needs -o DIR)")
    parser.add_argument("--roster", metavar="FILE", help="Canvas's gradebook export to fill (needs -o DIR)")
    parser.add_argument("--assignment", metavar="NAME",
                        help="the roster's assignment column: its heading, name or id (default: the exercise's title)")
    parser.add_argument("--encoding", help="text encoding of CSV submissions when not UTF-8 (e.g. cp1251)")
    parser.add_argument("--jobs", type=positive, default=os.cpu_count() or 1, metavar="N",
                        help="grade on N processes (default: every core, %(default)s here)")
    parser.add_argument("--quiet", action="store_true", help="no progress bar (there is none when standard "
                        "error is not a terminal)")
    parser.set_defaults(run=run)


def positive(text: str) -> int:
    """A whole number of at least one, for ``--jobs``."""
    if not text.isdigit() or int(text) < 1:
        raise argparse.ArgumentTypeError(f"'{text}' is not a whole number of at least 1")
    return int(text)


def run(args: argparse.Namespace) -> int:
    """Grade the class, write what was asked and a summary; returns the exit code."""
    source = Path(args.submissions)
    output = Path(args.output) if args.output else None
    folder = output if output is not None and output.suffix.lower() not in SINGLE_FILE_SUFFIXES else None
    problem = output_problem(source, output, folder, args)
    if problem:
        return usage_error(args, problem)
    try:
        # A wrong --encoding is reported once here, not as the same problem on every row.
        decode(b"", args.encoding)
    except InvalidInput as error:
        return usage_error(args, str(error))
    try:
        lms_files = [(read_lms_csv(Path(name)), fill, target) for name, fill, target in
                     ((args.worksheet, fill_worksheet, WORKSHEET_FILE),
                      (args.roster, partial(fill_roster, wanted=args.assignment), ROSTER_FILE))
                     if name]
        bank = load_bank(args.quiz) if args.quiz else None
        exercise = load_exercise(args.exercise) if bank is None else None
        if folder is not None:
            folder.mkdir(parents=True, exist_ok=True)
        with progress_bar(not args.quiet and sys.stderr.isatty()) as started:
            if bank is not None:
                book = grade_quiz_class(source, bank, args.layout, args.jobs, started, folder)
            else:
                book = grade_class(source, exercise, args.encoding, args.layout, args.jobs, started, folder)
        written = [write_lms_file(book, table, fill, folder / target)
                   for table, fill, target in lms_files]
    except (UnknownExercise, UnknownBank, BankError, ClassFolderError, LmsFileError) as error:
        return usage_error(args, str(error))
    except OSError as error:
        return usage_error(args, f"cannot write '{error.filename}': {error.strerror}.")
    text = json.dumps(book.as_dict(), ensure_ascii=False) + "\n" if args.json else gradebook_csv(book)
    if folder is not None:
        (folder / GRADEBOOK_FILE).write_text(gradebook_csv(book), encoding="utf-8", newline="")
        if bank is None:  # the reports and the summary read an exercise kind's rules
            write_reports(book, folder)
            write_summary(book, folder)
    if output is not None and folder is None:
        output.write_text(text, encoding="utf-8", newline="")
    if output is None or (folder is not None and args.json):
        # Bytes, so the byte-order mark and learners' names survive a console or a
        # redirect whose code page cannot encode them.
        sys.stdout.flush()
        sys.stdout.buffer.write(text.encode("utf-8"))
        sys.stdout.buffer.flush()
    report(book, output, written)
    return EXIT_INVALID if book.invalid else EXIT_PASSED


def output_problem(source: Path, output: Path | None, folder: Path | None, args: argparse.Namespace) -> str | None:
    """Why the output cannot go where asked, or None."""
    if (args.worksheet or args.roster) and folder is None:
        return "--worksheet and --roster write the filled file into the output folder: add -o DIR."
    if args.assignment and not args.roster:
        return "--assignment names the column of the Canvas roster: add --roster FILE."
    if output is None or not source.is_dir():
        return None
    inside = output.resolve()
    if inside == source.resolve() or source.resolve() in inside.parents:
        return (f"write the output outside '{source}': a file there would be read as a learner's submission "
                "next time.")
    return None


@contextmanager
def progress_bar(shown: bool) -> Iterator[Callable[[int], Callable[[int], None]] | None]:
    """What ``grade_class`` calls with the number of files to grade: a tqdm bar on
    standard error when ``shown``, closed on leaving. tqdm is imported only here, at the
    command's edge, so the grading core stays standard-library only."""
    if not shown:
        yield None
        return
    from tqdm import tqdm

    bars = []

    def started(total: int) -> Callable[[int], None]:
        bars.append(tqdm(total=total, unit="file", desc="grading", file=sys.stderr, leave=False))
        return bars[-1].update

    try:
        yield started
    finally:
        for bar in bars:
            bar.close()


def write_lms_file(book: Gradebook, table: LmsTable, fill: Callable[[LmsTable, Gradebook], Filled],
                   target: Path) -> tuple[Path, Filled]:
    """Fill an LMS's CSV from the class and write it to ``target``; returns what was filled."""
    filled = fill(table, book)
    target.write_text(csv_text(table.header, table.rows), encoding="utf-8", newline="")
    return target, filled


def report(book: Gradebook, output: Path | None, written: list) -> None:
    """The summary on standard error: counts, invalid and skipped files, files written."""
    where = f" Wrote {output}." if output is not None else ""
    print(f"{book.exercise.id}: {book.summary()} ({book.layout} layout).{where}", file=sys.stderr)
    if book.invalid:
        print(f"  invalid: {listed([e.file for e in book.invalid])}", file=sys.stderr)
    for reason in dict.fromkeys(book.skipped.values()):
        names = [name for name, why in book.skipped.items() if why == reason]
        print(f"  skipped: {listed(names)} ({reason})", file=sys.stderr)
    for target, filled in written:
        print(f"  {filled.summary(target.name)}", file=sys.stderr)


def listed(names: list[str]) -> str:
    """The first ``NAMES_SHOWN`` names, and how many more there are."""
    more = len(names) - NAMES_SHOWN
    return ", ".join(names[:NAMES_SHOWN]) + (f" and {more} more (see the gradebook)" if more > 0 else "")
